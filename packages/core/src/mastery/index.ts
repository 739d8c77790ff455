export * from "./bkt";
export * from "./method-setting-schemas";
export * from "./methods";
export * from "./parse-method";
export * from "./rollup";
