export * from "./audit";
export * from "./declarations";
export * from "./export-record";
export * from "./family-rights";
export * from "./list-access-log";
export * from "./record-access";
export type { PersonalDataDeclaration } from "./registry";
export * from "./verify-access-log";
