import type { RpcError } from '../../shared/errors';

/** The largest file a user may send (docs/product.md §7): an import or an attachment of at most 10 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The largest request either transport reads: a file travels as base64 (4 characters for every 3 bytes, so 10 MB is
 * about 14 MB of text) inside a JSON object with a few more fields, and nothing else comes near that size.
 */
export const MAX_REQUEST_BYTES = 15 * 1024 * 1024;

/** The answer to every request over MAX_REQUEST_BYTES (HTTP status 413). */
export const TOO_LARGE_ERROR: RpcError = {
  code: 'TOO_LARGE',
  message: `Filen är för stor (högst ${MAX_FILE_BYTES / 1024 / 1024} MB).`,
};

/**
 * Whether `value`, written as JSON, would be longer than `limit` bytes. Walks the value and stops as soon as the
 * limit is passed, so a 20 MB string is measured without copying it; cycles and very deep nesting count as too large
 * (neither is a valid request).
 */
export function exceedsSerialisedSize(value: unknown, limit: number): boolean {
  let size = 0;
  const seen = new Set<object>();
  const visit = (v: unknown, depth: number): boolean => {
    if (depth > 100) return true;
    if (typeof v === 'string') size += Buffer.byteLength(v, 'utf8') + 2;
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') size += String(v).length;
    else if (v === null || v === undefined) size += 4;
    else if (typeof v === 'object') {
      if (seen.has(v)) return true;
      seen.add(v);
      if (ArrayBuffer.isView(v))
        size += v.byteLength * 4; // JSON writes typed arrays as objects of numbers
      else if (Array.isArray(v)) {
        size += 2;
        for (const item of v) if (visit(item, depth + 1) || size > limit) return true;
      } else {
        size += 2;
        for (const [k, item] of Object.entries(v)) {
          size += Buffer.byteLength(k, 'utf8') + 4;
          if (visit(item, depth + 1) || size > limit) return true;
        }
      }
      seen.delete(v);
    }
    return size > limit;
  };
  return visit(value, 0) || size > limit;
}
