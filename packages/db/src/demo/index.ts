export * from "./demo-accounts";
export * from "./load-demo";
