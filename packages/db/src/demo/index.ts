export * from "./demo-accounts";
export * from "./load-demo";
export * from "./load-evidence";
