export * from "./auth";
export * from "./context";
export type { BulkTransaction } from "./copy";
export * from "./database";
export * from "./demo";
export * from "./organization";
export * from "./people";
export * as schema from "./schema";
export * from "./sections";
