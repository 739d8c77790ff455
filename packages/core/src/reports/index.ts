export * from "./enrollment";
export * from "./enrollment-schemas";
