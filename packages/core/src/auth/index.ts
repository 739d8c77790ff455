export * from "./roles";
export * from "./schemas";
export * from "./sign-in-throttle";
export * from "./viewer";
