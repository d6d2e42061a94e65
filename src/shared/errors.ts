import type { MessageParams, MessageRef } from './messages';

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
  /** An i18n key for the message (src/shared/messages.ts), so the screen can show it in the user's language. */
  key?: string;
  params?: MessageParams;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** Optional key and parameters of the message (the Swedish message is always there). */
  readonly ref: MessageRef | undefined;
  constructor(code: ErrorCode, message: string, field?: string, ref?: MessageRef) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.ref = ref;
  }
  toRpc(): RpcError {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.ref ? { key: this.ref.key, ...(this.ref.params ? { params: this.ref.params } : {}) } : {}),
    };
  }
}

export const ruleError = (message: string, field?: string, ref?: MessageRef) =>
  new AppError('RULE', message, field, ref);
export const notFound = (what: string) =>
  new AppError('NOT_FOUND', `${what} finns inte.`, undefined, { key: 'error.notFound' });
export const conflict = (message: string, field?: string, ref?: MessageRef) =>
  new AppError('CONFLICT', message, field, ref);
export const validation = (message: string, field?: string, ref?: MessageRef) =>
  new AppError('VALIDATION', message, field, ref);
