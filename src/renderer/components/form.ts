import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { RpcClientError } from '../api/client';

/**
 * Puts a server-side VALIDATION error on its form field when the form has that field; returns the message for a
 * page-level alert otherwise (or null when it was placed on a field).
 */
export function applyServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (error instanceof RpcClientError && error.field && fields.includes(error.field)) {
    setError(error.field as Path<T>, { type: 'server', message: error.message });
    return null;
  }
  return error instanceof Error ? error.message : String(error);
}
