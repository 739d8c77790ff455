export * from "./access-log";
export * from "./data-elements";
export * from "./schemas";
export * from "./suppression";
