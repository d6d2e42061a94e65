/**
 * The shape of "what may be done next" with a record (docs/product.md §4): for each action whether it is allowed now
 * and, if not, why (Swedish, with an i18n key). The rules that fill them are in src/shared/rules/record-actions.ts;
 * the schemas live here so the records' schemas can name them without importing the rules.
 */
import { z } from 'zod';
import { messageRefSchema } from '../messages';

export const actionStateSchema = z.object({
  allowed: z.boolean(),
  /** Why not (Swedish), when not allowed. */
  reason: z.string().nullable(),
  /** The reason's i18n key and parameters (src/shared/messages.ts). */
  reasonRef: messageRefSchema.nullable(),
});
export type ActionState = z.infer<typeof actionStateSchema>;

export const meetingActionsSchema = z.object({
  /** Open the meeting (planned, and its day has come). */
  open: actionStateSchema,
  /** Record decisions in meeting mode (the meeting is open). */
  meetingMode: actionStateSchema,
  /** Change who attends (before the protocol is closed). */
  editAttendees: actionStateSchema,
  /** Cancel the meeting (planned only; its items move to the next meeting). */
  cancel: actionStateSchema,
  /** Close the meeting and lock its protocol (open only). */
  close: actionStateSchema,
});
export type MeetingActions = z.infer<typeof meetingActionsSchema>;

export const proposalActionsSchema = z.object({
  /** Send a draft to union review. */
  submit: actionStateSchema,
  /** Withdraw the proposal (with a reason). */
  withdraw: actionStateSchema,
  /** Make the approved proposal a placement. */
  place: actionStateSchema,
});
export type ProposalActions = z.infer<typeof proposalActionsSchema>;

export const placementActionsSchema = z.object({
  /** Correct the terms of an active placement. */
  edit: actionStateSchema,
  /** Extend a subsidised placement with a new decision (within the subsidy type's maximum). */
  extend: actionStateSchema,
  /** Record a follow-up visit. */
  followUp: actionStateSchema,
  /** Register the end with its outcome. */
  end: actionStateSchema,
});
export type PlacementActions = z.infer<typeof placementActionsSchema>;

export const contractActionsSchema = z.object({
  markSent: actionStateSchema,
  markSigned: actionStateSchema,
  markRegistered: actionStateSchema,
});
export type ContractActions = z.infer<typeof contractActionsSchema>;
