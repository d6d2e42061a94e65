import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * What an audit event records for a call.
 * - 'read': the call reads personal data; the service names the records it read (ctx.audit.read).
 * - 'change': the call changes data; the service records before/after in its transaction (ctx.audit.change),
 *   and the dispatcher writes a generic change event if the service recorded none.
 * - 'none': nothing personal is read or changed (lists of catalogue data, session checks).
 */
export type AuditKind = 'read' | 'change' | 'none';

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Roles allowed. 'public' = no session needed (login, first-run setup). 'any' = any logged-in user. */
  roles: readonly Role[] | 'public' | 'any';
  /**
   * A narrower output schema for some roles (e.g. the union's pseudonymous view). zod objects strip unknown keys,
   * so parsing through the narrower schema drops what the role must not see. A caller with any role that has no
   * entry here gets `output`.
   */
  outputFor?: Partial<Record<Role, z.ZodType>>;
  audit: AuditKind;
  /** Short Swedish description (shown in GET /api and the audit log). */
  summary: string;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>): ProcedureDef<I, O> {
  return def;
}

export type ProcedureMap = Record<string, ProcedureDef>;

export type InputOf<P> = P extends ProcedureDef<infer I, z.ZodType> ? z.input<I> : never;
export type OutputOf<P> = P extends ProcedureDef<z.ZodType, infer O> ? z.output<O> : never;
export type ParsedInputOf<P> = P extends ProcedureDef<infer I, z.ZodType> ? z.output<I> : never;
