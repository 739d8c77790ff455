export * from "./attachment-rules";
export * from "./ledger";
export * from "./reassessment-schemas";
export * from "./schemas";
export * from "./gradebook-schemas";
export * from "./progress-schemas";
