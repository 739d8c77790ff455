export * from "./enrollment-report";
