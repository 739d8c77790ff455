export * from "./get-section-roster";
export * from "./list-sections";
export * from "./policy";
