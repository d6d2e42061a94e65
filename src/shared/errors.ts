/**
 * Errors cross process boundaries as data: `{ code, message }`, message in Swedish.
 * Services throw AppError; the dispatcher turns it (and anything else) into an RpcError.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE',
  'LOCKED',
  /** The request is larger than either transport accepts (HTTP 413): a file over 10 MB. */
  'TOO_LARGE',
  'SETUP_REQUIRED',
  'NOT_FOUND_PROCEDURE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  code: ErrorCode;
  message: string;
  /** Path of the offending field for VALIDATION, e.g. "personnummer" or "rows.3.amount". */
  field?: string;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
  toRpc(): RpcError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export const ruleError = (message: string, field?: string) => new AppError('RULE', message, field);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} finns inte.`);
export const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, field);
export const validation = (message: string, field?: string) => new AppError('VALIDATION', message, field);
