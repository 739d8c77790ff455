export * from "./agreement";
export * from "./schemas";
