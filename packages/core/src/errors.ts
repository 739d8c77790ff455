/**
 * The one error type of Cairn. Every layer throws it with a code from a closed set;
 * the HTTP and CLI adapters map codes to statuses and exit codes in one place each.
 */
export const ERROR_CODES = [
  "malformed_request",
  "validation",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "too_many_attempts",
  "database_in_use",
  "precondition_failed",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where a problem sits: a field path in a request, or a file/row/column in an import. */
export interface ErrorLocation {
  path?: (string | number)[];
  file?: string;
  row?: number;
  column?: string;
}

export interface ErrorDetail extends ErrorLocation {
  message: string;
}

export class CairnError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = "CairnError";
    this.code = code;
    this.details = details;
  }
}

export function isCairnError(error: unknown): error is CairnError {
  return error instanceof CairnError;
}
