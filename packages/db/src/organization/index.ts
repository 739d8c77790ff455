export * from "./find-district";
export * from "./list-schools";
