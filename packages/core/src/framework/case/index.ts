export * from "./read-package";
export * from "./sample-packages";
export { schemaProblems } from "./schema-problems";
export type * from "./types";
