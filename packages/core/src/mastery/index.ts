export * from "./bkt";
export * from "./methods";
export * from "./parse-method";
