export * from "./api";
export * from "./auth";
export * from "./demo";
export * from "./errors";
export * from "./organization";
export * from "./people";
export * from "./privacy";
export * from "./sections";
