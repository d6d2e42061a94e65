import { z } from 'zod';
import { id, optionalText, requiredText } from '../domain/common';
import { roleSchema } from '../domain/roles';
import { passwordSchema, userSchema, usernameSchema } from '../domain/users';
import { procedure } from './define';

const rolesInput = z.array(roleSchema).min(1, 'Välj minst en roll').describe('Roller');

export const usersContract = {
  'users.list': procedure({
    summary: 'Lista användare',
    input: z.object({ includeInactive: z.boolean().default(true) }).default({ includeInactive: true }),
    output: z.array(userSchema),
    roles: ['admin'],
    audit: 'none',
  }),
  'users.create': procedure({
    summary: 'Skapa användare',
    input: z.object({
      username: usernameSchema,
      displayName: requiredText('Namn', 120),
      email: optionalText('E-post', 200),
      roles: rolesInput,
      password: passwordSchema,
    }),
    output: userSchema,
    roles: ['admin'],
    audit: 'change',
  }),
  'users.update': procedure({
    summary: 'Ändra namn, e-post och roller',
    input: z.object({
      id,
      displayName: requiredText('Namn', 120),
      email: optionalText('E-post', 200),
      roles: rolesInput,
    }),
    output: userSchema,
    roles: ['admin'],
    audit: 'change',
  }),
  'users.setActive': procedure({
    summary: 'Aktivera eller inaktivera användare',
    input: z.object({ id, active: z.boolean() }),
    output: userSchema,
    roles: ['admin'],
    audit: 'change',
  }),
  'users.resetPassword': procedure({
    summary: 'Sätt nytt lösenord (användaren måste byta vid nästa inloggning) och lås upp kontot',
    input: z.object({ id, password: passwordSchema }),
    output: userSchema,
    roles: ['admin'],
    audit: 'change',
  }),
  'users.unlock': procedure({
    summary: 'Lås upp ett låst konto',
    input: z.object({ id }),
    output: userSchema,
    roles: ['admin'],
    audit: 'change',
  }),
};

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  procedure: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  detail: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditContract = {
  'audit.list': procedure({
    summary: 'Sök i granskningsloggen',
    input: z.object({
      userId: id.optional(),
      entity: z.string().max(64).optional(),
      entityId: z.string().max(64).optional(),
      action: z.string().max(32).optional(),
      from: z.string().max(40).optional().describe('Från'),
      to: z.string().max(40).optional().describe('Till'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(auditEventSchema) }),
    roles: ['admin'],
    audit: 'none',
  }),
};
