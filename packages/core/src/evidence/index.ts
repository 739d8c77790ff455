export * from "./attachment-rules";
export * from "./gradebook-schemas";
export * from "./ledger";
export * from "./progress-schemas";
export * from "./reassessment-schemas";
export * from "./schemas";
