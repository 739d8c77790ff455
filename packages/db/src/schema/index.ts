export * from "./auth";
export * from "./enums";
export * from "./organization";
export * from "./people";
export * from "./sections";
