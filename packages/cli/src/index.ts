export { renderOpenApi } from "./commands/openapi";
