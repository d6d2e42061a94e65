import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { RpcClientError } from '../../api/client';

/**
 * For hand-made forms (login, password): puts a server-side VALIDATION error on its form field when the form has
 * that field; returns the error for a page-level alert otherwise (null when it was placed on a field). Forms of
 * records use `useSchemaForm`, which does this itself.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (error instanceof RpcClientError && error.field && fields.includes(error.field)) {
    setError(error.field as Path<T>, { type: 'server', message: error.message });
    return null;
  }
  return error instanceof Error ? error.message : String(error);
}
