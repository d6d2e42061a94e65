import { z } from 'zod';
import { id, optionalText, requiredText } from '../domain/common';
import { oreAmount } from '../domain/placement';
import { procedure } from './define';

/**
 * Subsidy types (docs/product.md §3): data the admin maintains — name, maximum months, default subsidy percent and monthly
 * wage ceiling (öre). No legal figure is a constant in code; the rules read them from here.
 */
export const subsidyTypeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  maxMonths: z.number().int(),
  defaultPercent: z.number().int(),
  /** Monthly wage ceiling in öre. */
  monthlyCeilingOre: z.number().int(),
  notes: z.string().nullable(),
  active: z.boolean(),
  /** Placements and positions that use the type (a used type cannot be renamed away silently; it can be deactivated). */
  usedByPlacements: z.number().int(),
  usedByPositions: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SubsidyType = z.infer<typeof subsidyTypeSchema>;

export const subsidyTypeInput = z.object({
  name: requiredText('Namn', 120),
  maxMonths: z
    .number({ error: 'Längsta tid måste anges' })
    .int('Längsta tid ska vara ett helt antal månader')
    .min(1, 'Längsta tid: minst 1 månad')
    .max(120, 'Längsta tid: högst 120 månader')
    .describe('Längsta tid (månader)'),
  defaultPercent: z
    .number({ error: 'Stöd i procent måste anges' })
    .int('Stöd i procent ska vara ett heltal')
    .min(0, 'Stöd i procent: minst 0 %')
    .max(100, 'Stöd i procent: högst 100 %')
    .describe('Stöd i procent'),
  monthlyCeilingOre: oreAmount('Takbelopp per månad'),
  notes: optionalText('Anteckningar', 2000),
});
export type SubsidyTypeInput = z.output<typeof subsidyTypeInput>;

export const subsidyTypesContract = {
  'subsidyTypes.list': procedure({
    summary: 'Lista stödformer (lönestöd m.m.) med längsta tid, stödprocent och takbelopp',
    input: z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    output: z.array(subsidyTypeSchema),
    roles: ['coordinator', 'hr', 'admin'],
    audit: 'none',
  }),
  'subsidyTypes.create': procedure({
    summary: 'Lägg till en stödform',
    input: subsidyTypeInput,
    output: subsidyTypeSchema,
    roles: ['admin'],
    audit: 'change',
  }),
  'subsidyTypes.update': procedure({
    summary: 'Ändra en stödform (gäller nya placeringar och förlängningar; fattade beslut ändras inte)',
    input: subsidyTypeInput.extend({ id: id.describe('Stödform') }),
    output: subsidyTypeSchema,
    roles: ['admin'],
    audit: 'change',
  }),
  'subsidyTypes.setActive': procedure({
    summary: 'Aktivera eller inaktivera en stödform',
    input: z.object({ id: id.describe('Stödform'), active: z.boolean().describe('Aktiv') }),
    output: subsidyTypeSchema,
    roles: ['admin'],
    audit: 'change',
  }),
};
