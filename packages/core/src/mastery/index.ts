export * from "./methods";
export * from "./parse-method";
