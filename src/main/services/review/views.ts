/**
 * Builds the review's outputs from rows. A caller whose view is pseudonymous (only the 'union' role) gets items
 * without `participant`: names are not even loaded. Reads through the reader given (a unit of work inside one).
 */
import { meetingActions } from '../../../shared/rules/record-actions';
import type { Reader } from '../../store';
import { activePlacementForms } from '../../store/placements';
import {
  agendaCounts,
  agendaProposals,
  decisionsOfMeeting,
  meetingDates,
  originalDecisionCounts,
  participantNames,
} from '../../store/review';
import type { AgendaItem, CorrectionOut, DecisionOut, MeetingSummary } from '../../../shared/contract/review';
import {
  AGENDA_ORIGIN_LABELS,
  ATTENDEE_PARTY_LABELS,
  DECISION_LABELS,
  MEETING_STATUS_LABELS,
  VETO_REASON_LABELS,
  participantLabel,
  type AgendaOrigin,
  type AttendeeParty,
  type DecisionKind,
  type MeetingStatus,
  type VetoReasonCategory,
} from '../../../shared/domain/review';
import {
  EMPLOYMENT_FORM_LABELS,
  POSITION_KIND_LABELS,
  type EmploymentForm,
  type PositionKind,
} from '../../../shared/domain/position';
import { readSnapshot, type ProposalStatus } from '../../../shared/domain/proposal';
import {
  activeItems,
  correctionChain,
  decisionsForProposals,
  userNames,
  type AgendaItemRow,
  type DecisionRow,
  type MeetingRow,
} from './common';

export const kindLabel = (kind: string): string => POSITION_KIND_LABELS[kind as PositionKind] ?? kind;
export const employmentFormLabel = (form: string): string => EMPLOYMENT_FORM_LABELS[form as EmploymentForm] ?? form;
export const reasonLabel = (cat: string | null): string | null =>
  cat === null ? null : (VETO_REASON_LABELS[cat as VetoReasonCategory] ?? cat);

export function attendeesOut(m: MeetingRow) {
  return m.attendees.map((a) => ({
    name: a.name,
    party: a.party as AttendeeParty,
    partyLabel: ATTENDEE_PARTY_LABELS[a.party as AttendeeParty] ?? a.party,
    title: a.title ?? null,
  }));
}

export async function meetingSummaries(r: Reader, rows: MeetingRow[], today: string): Promise<MeetingSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((m) => m.id);
  const { items: itemCounts, drafts: draftCounts } = await agendaCounts(r, ids);
  const finalCounts = await originalDecisionCounts(r, ids);
  const names = await userNames(
    r,
    rows.map((m) => m.closedBy),
  );
  return rows.map((m) => ({
    id: m.id,
    date: m.date,
    plannedDate: m.plannedDate,
    movedReason: m.movedReason,
    time: m.time,
    durationMinutes: m.durationMinutes,
    place: m.place,
    cutoffDate: m.cutoffDate,
    status: m.status as MeetingStatus,
    statusLabel: MEETING_STATUS_LABELS[m.status as MeetingStatus] ?? m.status,
    attendees: attendeesOut(m),
    itemCount: itemCounts.get(m.id) ?? 0,
    decidedCount: m.status === 'closed' ? (finalCounts.get(m.id) ?? 0) : (draftCounts.get(m.id) ?? 0),
    openedAt: m.openedAt,
    closedAt: m.closedAt,
    closedByName: m.closedBy === null ? null : (names.get(m.closedBy) ?? null),
    cancelledReason: m.cancelledReason,
    hasProtocol: m.status === 'closed' && m.protocol !== null,
    overdue: m.status === 'planned' && m.date < today,
    actions: meetingActions({ status: m.status as MeetingStatus, date: m.date }, today),
  }));
}

export async function meetingSummary(r: Reader, m: MeetingRow, today: string): Promise<MeetingSummary> {
  return (await meetingSummaries(r, [m], today))[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions

export function decisionOut(
  d: DecisionRow,
  meetingDates: Map<number, string>,
  names: Map<number, string>,
  all: readonly DecisionRow[],
): DecisionOut {
  const correctedBy = all.find((x) => x.correctsDecisionId === d.id);
  return {
    id: d.id,
    final: true,
    meetingId: d.meetingId,
    meetingDate: meetingDates.get(d.meetingId) ?? '',
    kind: d.decision as DecisionKind,
    label: DECISION_LABELS[d.decision as DecisionKind] ?? d.decision,
    reasonCategory: (d.reasonCategory as VetoReasonCategory | null) ?? null,
    reasonLabel: reasonLabel(d.reasonCategory),
    text: d.text,
    question: d.question,
    decidedByName: d.decidedBy === null ? null : (names.get(d.decidedBy) ?? null),
    decidedAt: d.decidedAt,
    correctsDecisionId: d.correctsDecisionId,
    correctionReason: d.correctionReason,
    correctedByDecisionId: correctedBy?.id ?? null,
  };
}

export function draftOut(item: AgendaItemRow, meeting: MeetingRow, names: Map<number, string>): DecisionOut | null {
  if (item.draftDecision === null) return null;
  return {
    id: null,
    final: false,
    meetingId: meeting.id,
    meetingDate: meeting.date,
    kind: item.draftDecision as DecisionKind,
    label: DECISION_LABELS[item.draftDecision as DecisionKind] ?? item.draftDecision,
    reasonCategory: (item.draftReasonCategory as VetoReasonCategory | null) ?? null,
    reasonLabel: reasonLabel(item.draftReasonCategory),
    text: item.draftText,
    question: item.draftQuestion,
    decidedByName: item.draftBy === null ? null : (names.get(item.draftBy) ?? null),
    decidedAt: item.draftAt ?? '',
    correctsDecisionId: null,
    correctionReason: null,
    correctedByDecisionId: null,
  };
}

export const meetingDatesOf = (r: Reader, ids: Iterable<number>) => meetingDates(r, ids);

// ---------------------------------------------------------------------------------------------------------------
// Agenda items

/** Counts of active placements per position and per workplace. */
async function activePlacementCounts(r: Reader, positionIds: number[], workplaceIds: number[]) {
  const byPosition = new Map<number, number>();
  const byWorkplace = new Map<number, number>();
  if (positionIds.length === 0) return { byPosition, byWorkplace };
  for (const x of await activePlacementForms(r, workplaceIds)) {
    byPosition.set(x.positionId, (byPosition.get(x.positionId) ?? 0) + 1);
    byWorkplace.set(x.workplaceId, (byWorkplace.get(x.workplaceId) ?? 0) + 1);
  }
  return { byPosition, byWorkplace };
}

/**
 * The items of `meeting` as the caller may see them, in agenda order (numbered from 1). `itemRows` defaults to the
 * meeting's active items. With `pseudonymous`, `participant` is null and no name is read.
 */
export async function buildItems(
  r: Reader,
  meeting: MeetingRow,
  opts: { pseudonymous: boolean; itemRows?: AgendaItemRow[]; onParticipantRead?: (participantId: number) => void },
): Promise<AgendaItem[]> {
  const all = await activeItems(r, meeting.id);
  const numbers = new Map(all.map((it, i) => [it.id, i + 1]));
  const rows = opts.itemRows ?? all;
  if (rows.length === 0) return [];
  const proposalIds = rows.map((x) => x.proposalId);

  const base = await agendaProposals(r, proposalIds);
  const byProposal = new Map(base.map((b) => [b.proposal.id, b]));

  let people = new Map<number, { name: string; stage: string }>();
  if (!opts.pseudonymous) {
    const ids = [...new Set(base.map((b) => b.proposal.participantId))];
    people = await participantNames(r, ids);
    for (const id of ids) opts.onParticipantRead?.(id);
  }

  const decisions = await decisionsForProposals(r, proposalIds);
  const fromMeetingIds = rows.map((x) => x.fromMeetingId).filter((x): x is number => x !== null);
  const meetingDates = await meetingDatesOf(r, [meeting.id, ...fromMeetingIds, ...decisions.map((d) => d.meetingId)]);
  const names = await userNames(r, [
    ...rows.map((x) => x.draftBy),
    ...decisions.map((d) => d.decidedBy),
    ...base.map((b) => b.proposal.submittedBy),
  ]);
  const counts = await activePlacementCounts(
    r,
    base.map((b) => b.position.id),
    [...new Set(base.map((b) => b.workplace.id))],
  );

  return rows.map((it): AgendaItem => {
    const b = byProposal.get(it.proposalId);
    if (!b) throw new Error(`Förslag ${it.proposalId} saknas för ärende ${it.id}`);
    const mine = decisions.filter((d) => d.proposalId === it.proposalId);
    const original = mine.find((d) => d.meetingId === meeting.id && d.correctsDecisionId === null);
    const decision =
      meeting.status === 'closed'
        ? original
          ? decisionOut(original, meetingDates, names, mine)
          : null
        : draftOut(it, meeting, names);
    const corrections = original
      ? correctionChain(original, mine).map((d) => decisionOut(d, meetingDates, names, mine))
      : [];
    const history = mine
      .filter((d) => d.meetingId !== meeting.id && (meetingDates.get(d.meetingId) ?? '') < meeting.date)
      .map((d) => decisionOut(d, meetingDates, names, mine));
    // The question of the deferral that brought the item here (the deferral's correction in force, if corrected).
    let previousQuestion: string | null = null;
    if (it.origin === 'deferred' && it.fromMeetingId !== null) {
      const deferral = mine.find(
        (d) => d.meetingId === it.fromMeetingId && d.correctsDecisionId === null && d.decision === 'defer',
      );
      if (deferral) {
        const chain = correctionChain(deferral, mine);
        previousQuestion = (chain.at(-1) ?? deferral).question;
      }
    }
    const snapshot = readSnapshot(b.proposal.explanation, b.proposal.score);
    const person = people.get(b.proposal.participantId);
    return {
      itemId: it.id,
      number: numbers.get(it.id) ?? 0,
      proposalId: it.proposalId,
      proposalStatus: b.proposal.status as ProposalStatus,
      participantRef: b.ref,
      participantLabel: participantLabel(b.ref),
      origin: it.origin as AgendaOrigin,
      originLabel: AGENDA_ORIGIN_LABELS[it.origin as AgendaOrigin] ?? it.origin,
      fromMeeting:
        it.fromMeetingId === null ? null : { id: it.fromMeetingId, date: meetingDates.get(it.fromMeetingId) ?? '' },
      previousQuestion,
      submittedAt: b.proposal.submittedAt,
      submittedByName: b.proposal.submittedBy === null ? null : (names.get(b.proposal.submittedBy) ?? null),
      position: {
        id: b.position.id,
        title: b.position.title,
        kind: b.position.kind,
        kindLabel: kindLabel(b.position.kind),
        tasks: b.position.tasks,
        hoursPercent: b.position.hoursPercent,
        periodStart: b.position.periodStart,
        periodEnd: b.position.periodEnd,
        periodName: snapshot.periodName,
        employmentForm: b.position.employmentForm,
        employmentFormLabel: employmentFormLabel(b.position.employmentForm),
        subsidyTypeName: b.subsidyTypeName ?? null,
        supervisorName: b.position.supervisorName,
        slots: b.position.slots,
        activePlacements: counts.byPosition.get(b.position.id) ?? 0,
        unionReviewRequired: b.position.unionReviewRequired,
      },
      workplace: { ...b.workplace, activePlacements: counts.byWorkplace.get(b.workplace.id) ?? 0 },
      decision,
      corrections,
      history,
      participant:
        opts.pseudonymous || !person ? null : { id: b.proposal.participantId, name: person.name, stage: person.stage },
    };
  });
}

/** Corrections made after closing to the decisions of `meeting` (the protocol's addendum), oldest first. */
export async function meetingCorrections(r: Reader, meeting: MeetingRow): Promise<CorrectionOut[]> {
  const rows = await decisionsOfMeeting(r, meeting.id);
  const all = rows.map((r) => r.decision);
  const refs = new Map(rows.map((r) => [r.decision.proposalId, r.ref]));
  const corrections = all
    .filter((d) => d.correctsDecisionId !== null)
    .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.id - b.id));
  if (corrections.length === 0) return [];
  const names = await userNames(
    r,
    corrections.map((d) => d.decidedBy),
  );
  const dates = new Map([[meeting.id, meeting.date]]);
  const numbers = protocolNumbers(meeting);
  return corrections.map((d) => ({
    ...decisionOut(d, dates, names, all),
    participantLabel: participantLabel(refs.get(d.proposalId) ?? '?'),
    itemNumber: numbers.get(d.proposalId) ?? null,
  }));
}

/** § numbers of the frozen protocol by proposal id. */
export function protocolNumbers(meeting: MeetingRow): Map<number, number> {
  const p = meeting.protocol as { items?: Array<{ number: number; proposalId: number }> } | null;
  return new Map((p?.items ?? []).map((i) => [i.proposalId, i.number]));
}
