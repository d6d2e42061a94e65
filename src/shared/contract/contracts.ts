import { z } from 'zod';
import { id, isoDate } from '../domain/common';
import {
  CONTRACT_STEPS,
  contractDetailSchema,
  contractQueueItemSchema,
  contractStatusSchema,
  contractSummarySchema,
  fileReplySchema,
} from '../domain/contract-doc';
import { procedure } from './define';
import { progressKeySchema } from './system';

/**
 * Employment contracts for HR (docs/product.md §3 "Contract", §7, issue "Contracts" and "HR exports").
 *
 * Every reply is built from contract snapshots and placement data that a contract prints; none carries anything of
 * the social case (assistance amount, household, restrictions, case notes), so HR's view is the full output here.
 *
 * Files (PDF, CSV, XLSX) come back as base64 in JSON. Exports stream to a temporary file while they are built and
 * report their progress under the call's `progressKey`, which the screen polls with `system.progress`.
 */
export const contractsContract = {
  'contracts.queue': procedure({
    summary: 'HR:s kö: placeringar som saknar avtal eller har ändrats sedan senaste avtalsversionen',
    input: z.object({}).default({}),
    output: z.array(contractQueueItemSchema),
    roles: ['hr', 'admin'],
    audit: 'none',
  }),
  'contracts.list': procedure({
    summary: 'Lista anställningsavtal',
    input: z
      .object({
        status: z
          .union([contractStatusSchema, z.literal('all')])
          .default('all')
          .describe('Status'),
        /** Only the newest version of each placement's contract (default). */
        currentOnly: z.boolean().default(true).describe('Bara senaste version'),
        placementId: id.optional().describe('Placering'),
        search: z.string().trim().max(100, 'Sökningen får vara högst 100 tecken').optional().describe('Sök'),
      })
      .default({ status: 'all', currentOnly: true }),
    output: z.array(contractSummarySchema),
    roles: ['hr', 'admin'],
    audit: 'none',
  }),
  'contracts.get': procedure({
    summary: 'Visa ett avtal (en version) med alla versioner',
    input: z.object({ id: id.describe('Avtal') }),
    output: contractDetailSchema,
    roles: ['hr', 'admin'],
    audit: 'read',
  }),
  'contracts.generate': procedure({
    summary: 'Generera avtal för en placering: första versionen, eller ett tillägg när något i avtalet har ändrats',
    input: z.object({ placementId: id.describe('Placering') }),
    output: contractDetailSchema,
    roles: ['hr', 'admin'],
    audit: 'change',
  }),
  'contracts.setStatus': procedure({
    summary: 'Registrera att avtalet skickats, signerats eller registrerats i lönesystemet',
    input: z.object({
      id: id.describe('Avtal'),
      status: z.enum(CONTRACT_STEPS, { error: 'Välj skickat, signerat eller registrerat' }).describe('Status'),
      /** The day it happened; defaults to today. */
      date: isoDate.optional().describe('Datum'),
    }),
    output: contractDetailSchema,
    roles: ['hr', 'admin'],
    audit: 'change',
  }),
  'contracts.pdf': procedure({
    summary: 'Avtalet som PDF',
    input: z.object({ id: id.describe('Avtal') }),
    output: fileReplySchema,
    roles: ['hr', 'admin'],
    audit: 'read',
  }),
  'contracts.export': procedure({
    summary: 'Exportera valda avtal till lönesystemet som CSV (Excel) eller XLSX',
    input: z.object({
      ids: z.array(id).min(1, 'Välj minst ett avtal').max(100_000, 'Högst 100 000 avtal per export').describe('Avtal'),
      format: z.enum(['csv', 'xlsx'], { error: 'Välj CSV eller XLSX' }).describe('Format'),
      /** Names this call for `system.progress`. */
      progressKey: progressKeySchema.optional(),
    }),
    output: fileReplySchema,
    roles: ['hr', 'admin'],
    audit: 'read',
  }),
};
