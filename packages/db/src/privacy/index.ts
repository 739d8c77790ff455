export * from "./list-access-log";
export * from "./record-access";
export * from "./verify-access-log";
