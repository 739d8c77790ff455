export * from "./access";
export * from "./edit-framework";
export * from "./export-case";
export * from "./get-framework";
export * from "./get-item";
export * from "./import-case";
export * from "./list-frameworks";
export * from "./prerequisites";
