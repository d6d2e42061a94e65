import { z } from 'zod';
import { requiredText } from '../domain/common';
import { passwordSchema, sessionUserSchema, usernameSchema } from '../domain/users';
import { procedure } from './define';

export const backupSchema = z.object({
  name: z.string(),
  reason: z.enum(['daily', 'premigration', 'manual', 'prerestore', 'unknown']),
  createdAt: z.string(),
  bytes: z.number().int(),
});
export type Backup = z.infer<typeof backupSchema>;

/** A random name the screen gives a long call, to ask `system.progress` how far it has come. */
export const progressKeySchema = z
  .string()
  .regex(/^[\w-]{8,64}$/, 'Förloppsnyckeln ska vara 8–64 tecken: bokstäver, siffror, - och _')
  .describe('Förloppsnyckel');

export const systemContract = {
  'system.status': procedure({
    summary: 'Programmets status: om första administratören behöver skapas, version',
    input: z.object({}).default({}),
    output: z.object({
      setupRequired: z.boolean(),
      version: z.string(),
      /** The host's (or server's) date in Europe/Stockholm; screens take "today" from here, not from the PC's clock. */
      today: z.string(),
      /** The host's clock, UTC ISO 8601. */
      now: z.string(),
    }),
    roles: 'public',
    audit: 'none',
  }),
  'system.setup': procedure({
    summary: 'Skapa den första administratören (bara när databasen saknar användare)',
    input: z.object({
      username: usernameSchema,
      displayName: requiredText('Namn', 120),
      password: passwordSchema,
    }),
    output: z.object({ token: z.string(), user: sessionUserSchema }),
    roles: 'public',
    audit: 'change',
  }),
  'system.backups': procedure({
    summary: 'Säkerhetskopiorna i datamappen (dagliga, före uppgradering, manuella, före återställning)',
    input: z.object({}).default({}),
    output: z.object({
      /** Which engine holds the data: on PostgreSQL the backups are the database server's, and the list is empty. */
      engine: z.enum(['sqlite', 'postgres']),
      /** The folder on this computer that holds them ('' on PostgreSQL). */
      folder: z.string(),
      backups: z.array(backupSchema),
      /** How many of each kind are kept before the oldest is removed. */
      retention: z.record(z.string(), z.number().int()),
      /** What the last start put right in the data folder (e.g. a file readable by others made owner-only). */
      notices: z.array(z.string()),
    }),
    roles: ['admin'],
    audit: 'none',
  }),
  'system.backup': procedure({
    summary: 'Ta en säkerhetskopia nu (SQLite:s backup-API, medan programmet är igång)',
    input: z.object({}).default({}),
    output: backupSchema,
    roles: ['admin'],
    audit: 'change',
  }),
  'system.progress': procedure({
    summary: 'Hur långt ett långt anrop (förslag för hela enheten, stor export) har kommit',
    input: z.object({ key: progressKeySchema }),
    output: z.object({
      /** 0–1, or null while nothing has been reported (the call has not started, or the key is unknown). */
      fraction: z.number().min(0).max(1).nullable(),
      label: z.string().nullable(),
      finished: z.boolean(),
    }),
    roles: 'any',
    audit: 'none',
  }),
};

export const authContract = {
  'auth.login': procedure({
    summary: 'Logga in med användarnamn och lösenord',
    input: z.object({
      username: z.string().trim().toLowerCase().min(1, 'Användarnamn måste anges').max(64).describe('Användarnamn'),
      password: z.string().min(1, 'Lösenord måste anges').max(1024).describe('Lösenord'),
    }),
    output: z.object({ token: z.string(), user: sessionUserSchema }),
    roles: 'public',
    audit: 'none', // the auth service writes login / login_failed itself
  }),
  'auth.logout': procedure({
    summary: 'Logga ut',
    input: z.object({}).default({}),
    output: z.object({ ok: z.literal(true) }),
    roles: 'any',
    audit: 'none',
  }),
  'auth.me': procedure({
    summary: 'Den inloggade användaren',
    input: z.object({}).default({}),
    output: sessionUserSchema,
    roles: 'any',
    audit: 'none',
  }),
  'auth.changePassword': procedure({
    summary: 'Byt eget lösenord',
    input: z.object({
      currentPassword: z.string().min(1, 'Nuvarande lösenord måste anges').max(1024).describe('Nuvarande lösenord'),
      newPassword: passwordSchema.describe('Nytt lösenord'),
    }),
    output: z.object({ ok: z.literal(true) }),
    roles: 'any',
    audit: 'change',
  }),
};
