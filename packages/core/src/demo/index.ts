export * from "./evidence";
export { demoFrameworkPackages } from "./frameworks";
export * from "./generate-district";
export * from "./named-accounts";
export * from "./random";
export * from "./records";
