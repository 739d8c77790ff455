export * from "./ledger";
export * from "./schemas";
