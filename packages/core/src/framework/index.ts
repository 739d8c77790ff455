export * from "./case";
export * from "./prerequisite-map";
export * from "./proficiency-scale";
export * from "./schemas";
export * from "./vocabulary";
