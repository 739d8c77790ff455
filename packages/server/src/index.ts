export * from "./app";
export { hashPassword, verifyPassword } from "./auth/password";
export { SESSION_COOKIE } from "./auth/viewer-plugin";
export { STATUS_BY_CODE } from "./http/errors";
