import { z } from 'zod';
import { id } from '../domain/common';
import {
  employmentFormSchema,
  positionInput,
  positionKindSchema,
  positionSchema,
  workplaceInput,
  workplaceSchema,
} from '../domain/position';
import { procedure } from './define';

/** Reading the catalogue: coordinators match against it, HR writes contracts from it, the admin maintains it. */
const READERS = ['coordinator', 'admin', 'hr'] as const;
/** Maintaining the catalogue is the unit manager's (docs/product.md §1). */
const MAINTAINERS = ['admin'] as const;

export const positionsContract = {
  'workplaces.list': procedure({
    summary: 'Lista arbetsplatser',
    input: z
      .object({
        includeInactive: z.boolean().default(true).describe('Visa inaktiva'),
        search: z.string().trim().max(100).optional().describe('Sök'),
      })
      .default({ includeInactive: true }),
    output: z.array(workplaceSchema),
    roles: READERS,
    audit: 'none',
  }),
  'workplaces.get': procedure({
    summary: 'Visa en arbetsplats',
    input: z.object({ id: id.describe('Arbetsplats') }),
    output: workplaceSchema,
    roles: READERS,
    audit: 'none',
  }),
  'workplaces.create': procedure({
    summary: 'Lägg till arbetsplats',
    input: workplaceInput,
    output: workplaceSchema,
    roles: MAINTAINERS,
    audit: 'change',
  }),
  'workplaces.update': procedure({
    summary: 'Ändra arbetsplats',
    input: workplaceInput.extend({ id: id.describe('Arbetsplats') }),
    output: workplaceSchema,
    roles: MAINTAINERS,
    audit: 'change',
  }),
  'workplaces.setActive': procedure({
    summary: 'Aktivera eller inaktivera arbetsplats (dess platser matchas inte när den är inaktiv)',
    input: z.object({ id: id.describe('Arbetsplats'), active: z.boolean().describe('Aktiv') }),
    output: workplaceSchema,
    roles: MAINTAINERS,
    audit: 'change',
  }),

  'positions.list': procedure({
    summary: 'Lista placeringsplatser med beräknade lediga platser',
    input: z
      .object({
        search: z.string().trim().max(100).optional().describe('Sök'),
        kind: positionKindSchema.optional(),
        employmentForm: employmentFormSchema.optional(),
        workplaceId: id.optional().describe('Arbetsplats'),
        district: z.string().trim().max(80).optional().describe('Stadsdel'),
        status: z.enum(['active', 'inactive', 'all']).default('active').describe('Status'),
        onlyWithFreeSlots: z.boolean().default(false).describe('Bara platser med lediga platser'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .default({ status: 'active', onlyWithFreeSlots: false, offset: 0, limit: 200 }),
    output: z.object({ total: z.number().int(), rows: z.array(positionSchema) }),
    roles: READERS,
    audit: 'none',
  }),
  'positions.get': procedure({
    summary: 'Visa en placeringsplats med perioder och beläggning',
    input: z.object({ id: id.describe('Placeringsplats') }),
    output: positionSchema,
    roles: READERS,
    audit: 'none',
  }),
  'positions.create': procedure({
    summary: 'Lägg till placeringsplats',
    input: positionInput,
    output: positionSchema,
    roles: MAINTAINERS,
    audit: 'change',
  }),
  'positions.update': procedure({
    summary: 'Ändra placeringsplats (perioder utan id läggs till, saknade tas bort)',
    input: positionInput.extend({ id: id.describe('Placeringsplats') }),
    output: positionSchema,
    roles: MAINTAINERS,
    audit: 'change',
  }),
  'positions.setActive': procedure({
    summary: 'Aktivera eller inaktivera placeringsplats (inaktiva matchas inte)',
    input: z.object({ id: id.describe('Placeringsplats'), active: z.boolean().describe('Aktiv') }),
    output: positionSchema,
    roles: MAINTAINERS,
    audit: 'change',
  }),
};
