export * from "./case";
export * from "./csv-framework";
export * from "./editing";
export * from "./framework-scale";
export * from "./prerequisite-map";
export * from "./proficiency-scale";
export * from "./schemas";
export * from "./vocabulary";
