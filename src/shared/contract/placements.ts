import { z } from 'zod';
import { id } from '../domain/common';
import {
  dashboardInput,
  followUpInput,
  placementCreateInput,
  placementDashboardSchema,
  placementEndInput,
  placementExtendInput,
  placementListInput,
  placementPrefillSchema,
  placementSchema,
  placementSummarySchema,
  placementUpdateInput,
} from '../domain/placement';
import { procedure } from './define';

/**
 * Placements (docs/product.md §3, §4 rules 1, 4, 5): created from an approved proposal, followed up, extended with new
 * decisions and ended with an outcome. Coordinators (and admins) only; HR reaches placement data through contracts.
 * Every rule violation is refused with a Swedish reason (code RULE) and nothing is saved.
 */
export const placementsContract = {
  'placements.prefill': procedure({
    summary: 'Förslag på uppgifter för en ny placering utifrån ett godkänt förslag',
    input: z.object({ proposalId: id.describe('Förslag') }),
    output: placementPrefillSchema,
    roles: ['coordinator', 'admin'],
    audit: 'none',
  }),
  'placements.create': procedure({
    summary: 'Skapa placering från ett godkänt förslag',
    input: placementCreateInput,
    output: placementSchema,
    roles: ['coordinator', 'admin'],
    audit: 'change',
  }),
  'placements.update': procedure({
    summary: 'Rätta en pågående placering (lön, omfattning, beslut m.m.)',
    input: placementUpdateInput,
    output: placementSchema,
    roles: ['coordinator', 'admin'],
    audit: 'change',
  }),
  'placements.extend': procedure({
    summary: 'Förläng en placering med ett nytt beslut från Arbetsförmedlingen',
    input: placementExtendInput,
    output: placementSchema,
    roles: ['coordinator', 'admin'],
    audit: 'change',
  }),
  'placements.addFollowUp': procedure({
    summary: 'Registrera en uppföljning av en placering',
    input: followUpInput,
    output: placementSchema,
    roles: ['coordinator', 'admin'],
    audit: 'change',
  }),
  'placements.end': procedure({
    summary: 'Avsluta en placering med utfall; deltagaren går vidare i sin väg',
    input: placementEndInput,
    output: placementSchema,
    roles: ['coordinator', 'admin'],
    audit: 'change',
  }),
  'placements.get': procedure({
    summary: 'Visa en placering med förlängningar, uppföljningar och avtal',
    input: z.object({ id: id.describe('Placering') }),
    output: placementSchema,
    roles: ['coordinator', 'admin'],
    audit: 'read',
  }),
  'placements.list': procedure({
    summary: 'Lista placeringar',
    input: placementListInput,
    output: z.array(placementSummarySchema),
    roles: ['coordinator', 'admin'],
    audit: 'none',
  }),
  'placements.dashboard': procedure({
    summary: 'Startsidans placeringar: pågående, slutar inom 90/60/30 dagar, uppföljningar att göra',
    input: dashboardInput,
    output: placementDashboardSchema,
    roles: ['coordinator', 'admin'],
    audit: 'none',
  }),
};
