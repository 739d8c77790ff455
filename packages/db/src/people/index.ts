export * from "./get-student";
export * from "./list-students";
export * from "./policy";
export * from "./role-grants";
