export * from "./auth";
export * from "./enums";
export * from "./framework";
export * from "./organization";
export * from "./people";
export * from "./privacy";
export * from "./providers";
export * from "./sections";
