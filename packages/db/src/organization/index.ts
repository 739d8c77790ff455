export * from "./list-schools";
