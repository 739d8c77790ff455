export * from "./access-log";
export * from "./schemas";
export * from "./suppression";
