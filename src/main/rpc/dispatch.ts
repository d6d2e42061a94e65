import { z } from 'zod';
import { contract, type ProcedureDef } from '../../shared/contract';
import { AppError, type RpcError, type RpcResult } from '../../shared/errors';
import { issueMessage } from '../../shared/messages';
import { hasAnyRole, type Role } from '../../shared/domain/roles';
import { dbErrorKind } from '../db/errors';
import type { Database } from '../store';
import type { Clock } from '../util/clock';
import { handlers } from '../services';
import { AuditRecorder } from '../services/audit/recorder';
import { resolveSession } from '../services/auth/sessions';
import type { AppConfig, ServiceContext } from '../services/context';

export interface AppServices {
  /** The database (either engine): reads outside a unit of work, and `tx` for units of work. */
  database: Database;
  clock: Clock;
  config: AppConfig;
}

export interface Caller {
  /** Bearer token from login, or null. */
  token: string | null;
  transport: 'ipc' | 'http' | 'test';
}

/** Procedures a user who must change the password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['auth.me', 'auth.logout', 'auth.changePassword', 'system.status']);

const procedures = contract as Record<string, ProcedureDef>;

/**
 * The one dispatcher both transports call: find the procedure, authenticate and authorise the caller, validate the
 * input, run the service, validate the output through the caller's view of it, write the audit event.
 * It never throws: every failure comes back as { code, message } in Swedish.
 */
export async function dispatch(
  app: AppServices,
  name: string,
  rawInput: unknown,
  caller: Caller,
): Promise<RpcResult<unknown>> {
  const proc = Object.hasOwn(procedures, name) ? procedures[name] : undefined;
  if (!proc) return fail({ code: 'NOT_FOUND_PROCEDURE', message: `Det finns ingen funktion som heter "${name}".` });

  const audit = new AuditRecorder(app.clock, { userId: null, username: null }, name);
  const database = app.database;
  try {
    // 1. who is calling
    let session: Awaited<ReturnType<typeof resolveSession>> = null;
    if (caller.token) session = await resolveSession(database, app.clock, caller.token);
    if (proc.roles !== 'public') {
      if (!session) {
        return fail({
          code: 'UNAUTHENTICATED',
          message: 'Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.',
        });
      }
      audit.actor = { userId: session.user.id, username: session.user.username };
      if (session.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) {
        return fail({ code: 'FORBIDDEN', message: 'Du måste byta lösenord innan du kan fortsätta.' });
      }
      if (proc.roles !== 'any' && !hasAnyRole(session.user.roles, proc.roles)) {
        await database.tx((t) =>
          audit.write(t, { action: 'denied', detail: `Roller: ${session.user.roles.join(', ')}` }),
        );
        return fail({ code: 'FORBIDDEN', message: 'Din roll har inte behörighet till den här funktionen.' });
      }
    } else if (session) {
      audit.actor = { userId: session.user.id, username: session.user.username };
    }

    // 2. input
    const parsed = proc.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail(validationError(proc.input, parsed.error));

    // 3. service
    const ctx: ServiceContext = {
      db: database,
      tx: (fn) => database.tx(fn),
      clock: app.clock,
      user: session?.user ?? null,
      sessionTokenHash: session?.tokenHash ?? null,
      audit,
      config: app.config,
      procedure: name,
    };
    const handler = (handlers as unknown as Record<string, (c: ServiceContext, i: unknown) => Promise<unknown>>)[name]!;
    const value = await handler(ctx, parsed.data);

    // 4. output, through the caller's view
    const outSchema = outputSchemaFor(proc, session?.user.roles ?? []);
    const out = outSchema.safeParse(value);
    if (!out.success) {
      console.error(`[växla] ${name}: svaret stämmer inte med kontraktet`, z.prettifyError(out.error));
      return fail({ code: 'INTERNAL', message: 'Ett internt fel inträffade. Ingenting har visats. Kontakta support.' });
    }

    // 5. audit
    // One transaction for all of this call's audit rows: a ranked list that reads a thousand records writes its
    // read events in one commit, not a thousand.
    if (audit.pendingReads.length > 0 || (proc.audit === 'change' && audit.changeCount === 0)) {
      await database.tx(async (t) => {
        await audit.flushReads(t);
        if (proc.audit === 'change' && audit.changeCount === 0) await audit.write(t, { action: 'change' });
      });
    }
    return { ok: true, value: out.data };
  } catch (e) {
    if (e instanceof AppError) return fail(e.toRpc());
    if (e instanceof z.ZodError) return fail(validationError(proc.input, e));
    const kind = dbErrorKind(e);
    if (kind === 'unique') {
      return fail({ code: 'CONFLICT', message: 'Uppgiften finns redan (dubblett). Ingenting har sparats.' });
    }
    if (kind === 'retry') {
      return fail({
        code: 'CONFLICT',
        message:
          'Många ändrade samma uppgifter samtidigt och ändringen kunde inte göras. Ingenting har sparats. Försök igen.',
      });
    }
    if (kind === 'foreign_key') {
      return fail({
        code: 'CONFLICT',
        message: 'Uppgiften hänger ihop med annan data som saknas eller används. Ingenting har sparats.',
      });
    }
    console.error(`[växla] ${name} misslyckades:`, e);
    return fail({
      code: 'INTERNAL',
      message: 'Ett internt fel inträffade. Ingenting har sparats. Försök igen eller kontakta support.',
    });
  }
}

const fail = (error: RpcError): RpcResult<never> => ({ ok: false, error });

/** The caller's view: any role without a narrower schema sees `output`; otherwise the first narrower one. */
export function outputSchemaFor(proc: ProcedureDef, roles: readonly Role[]): z.ZodType {
  if (!proc.outputFor || roles.length === 0) return proc.output;
  for (const r of roles) if (!proc.outputFor[r]) return proc.output;
  const order: Role[] = ['admin', 'coordinator', 'hr', 'union'];
  for (const r of order) if (roles.includes(r) && proc.outputFor[r]) return proc.outputFor[r];
  return proc.output;
}

/** Turns a zod error into one Swedish message naming the field (its label from .describe(), else its path). */
export function validationError(schema: z.ZodType, err: z.ZodError): RpcError {
  const issue = err.issues[0];
  if (!issue) return { code: 'VALIDATION', message: 'Ogiltiga uppgifter.' };
  const path = issue.path.map(String);
  const label = labelAt(schema, issue.path) ?? (path.length ? path.join('.') : undefined);
  const message = issue.message;
  const text = label && !message.startsWith(`${label}:`) ? `${label}: ${message}` : message;
  // The key says the problem without the field (the screen puts it on the field, or names the field itself).
  const ref = issueMessage(issue);
  const keyed = ref ? { key: ref.key, ...(ref.params ? { params: ref.params } : {}) } : {};
  return path.length
    ? { code: 'VALIDATION', message: text, field: path.join('.'), ...keyed }
    : { code: 'VALIDATION', message: text, ...keyed };
}

type AnyDef = {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  schema?: z.ZodType;
};

function unwrap(s: z.ZodType): z.ZodType {
  let cur: z.ZodType = s;
  for (let i = 0; i < 10; i++) {
    const def = (cur as unknown as { _zod: { def: AnyDef } })._zod.def;
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) break;
    cur = next;
  }
  return cur;
}

function labelAt(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let cur: z.ZodType | undefined = schema;
  let label: string | undefined;
  for (const key of path) {
    if (!cur) return label;
    const u = unwrap(cur);
    const def = (u as unknown as { _zod: { def: AnyDef } })._zod.def;
    if (def.type === 'object' && def.shape && typeof key === 'string') cur = def.shape[key];
    else if (def.type === 'array' && def.element) cur = def.element;
    else return label;
    if (cur) label = describeOf(cur) ?? label;
  }
  return label;
}

function describeOf(s: z.ZodType): string | undefined {
  let cur: z.ZodType = s;
  for (let i = 0; i < 10; i++) {
    if (cur.description) return cur.description;
    const def = (cur as unknown as { _zod: { def: AnyDef } })._zod.def;
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) return undefined;
    cur = next;
  }
  return undefined;
}
