export * from "./access-log";
export * from "./schemas";
