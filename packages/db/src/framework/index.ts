export * from "./access";
export * from "./export-case";
export * from "./import-case";
export * from "./list-frameworks";
export * from "./prerequisites";
