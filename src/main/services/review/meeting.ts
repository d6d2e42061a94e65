/**
 * Meeting mode: open a meeting, list attendees, record (draft) decisions, close (lock) the meeting, cancel a
 * planned meeting. docs/product.md §3 "Review meeting", §4 rule 3.
 *
 * - Only an open meeting takes decisions. Until it closes a decision is a draft on the agenda item: the union may
 *   change or clear it. Closing writes every draft as a final review_decisions row (never changed afterwards).
 * - Closing requires both parties among the attendees. Items without a decision block closing unless the caller
 *   asks to carry them over; they then return on the next meeting's agenda ('carried_over'), like deferred items
 *   ('deferred').
 * - Effects at closing: approve → proposal 'approved', participant 'proposed' → 'approved'; veto → proposal
 *   'vetoed', participant back to 'matching' (unless another proposal of theirs is still live); defer → proposal
 *   'deferred' and onto the next meeting's agenda. Each decision is written on the participant's timeline.
 */
import type { Tx } from '../../store';
import { findProposal, proposalsByIds, updateProposal } from '../../store/proposals';
import {
  agendaItemById,
  findAgendaItem,
  insertDecision,
  queryMeetings,
  updateAgendaItem,
  updateMeeting,
} from '../../store/review';
import type { AuthedContext } from '../context';
import { localToday } from '../../util/clock';
import type { DecisionInput, ProtocolSnapshot } from '../../../shared/contract/review';
import {
  ATTENDEE_PARTY_LABELS,
  DECISION_LABELS,
  VETO_REASON_LABELS,
  type Attendee,
} from '../../../shared/domain/review';
import { notFound, ruleError } from '../../../shared/errors';
import { otherLiveProposals } from './guards';
import { ensureMeetingsAhead } from './schedule';
import {
  activeItems,
  dayText,
  insertAgendaItem,
  isPseudonymous,
  loadMeeting,
  nextMeetingAfter,
  userNames,
  type MeetingRow,
} from './common';
import { stageOrEvent } from './timeline';
import { attendeesOut, buildItems } from './views';

function assertStatus(m: MeetingRow, allowed: readonly string[], action: string): void {
  if (allowed.includes(m.status)) return;
  const why: Record<string, string> = {
    planned: 'Mötet är inte öppnat ännu.',
    open: 'Mötet pågår.',
    closed: 'Mötet är avslutat och protokollet låst. Ett låst beslut ändras bara genom rättelse.',
    cancelled: 'Mötet är inställt.',
  };
  throw ruleError(`${why[m.status] ?? 'Mötet har fel status.'} Det går inte att ${action}.`);
}

function normaliseAttendees(list: readonly Attendee[]): Attendee[] {
  const seen = new Set<string>();
  const out: Attendee[] = [];
  for (const a of list) {
    const key = `${a.party}:${a.name.toLocaleLowerCase('sv-SE')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: a.name, party: a.party, title: a.title ?? null });
  }
  return out;
}

export async function setAttendees(
  ctx: AuthedContext,
  t: Tx,
  meetingId: number,
  attendees: readonly Attendee[],
): Promise<MeetingRow> {
  const m = await loadMeeting(t, meetingId);
  assertStatus(m, ['planned', 'open'], 'ändra närvaron');
  const next = normaliseAttendees(attendees);
  const row = await updateMeeting(t, m.id, { attendees: next, updatedAt: ctx.clock.now().toISOString() });
  await ctx.audit.change(t, 'review_meeting', m.id, { attendees: m.attendees }, { attendees: next }, 'Närvarande');
  return row;
}

export async function openMeeting(
  ctx: AuthedContext,
  t: Tx,
  meetingId: number,
  attendees: readonly Attendee[] | undefined,
): Promise<MeetingRow> {
  {
    const m = await loadMeeting(t, meetingId);
    assertStatus(m, ['planned'], 'öppna det');
    const today = localToday(ctx.clock);
    if (m.date > today) throw ruleError(`Mötet är planerat till ${dayText(m.date)} och kan inte öppnas tidigare.`);
    const [other] = await queryMeetings(t, { statuses: ['open'], limit: 1 });
    if (other) throw ruleError(`Mötet ${dayText(other.date)} pågår redan. Avsluta det först.`);
    let list = attendees ? normaliseAttendees(attendees) : m.attendees.map((a) => ({ ...a, title: a.title ?? null }));
    if (list.length === 0) {
      // Start the list with the person opening the meeting; the other party is added in meeting mode.
      const party = ctx.user.roles.includes('union') && !ctx.user.roles.includes('coordinator') ? 'union' : 'employer';
      list = [{ name: ctx.user.displayName, party, title: null }];
    }
    const nowIso = ctx.clock.now().toISOString();
    const row = await updateMeeting(t, m.id, {
      status: 'open',
      openedAt: nowIso,
      openedBy: ctx.user.id,
      attendees: list,
      updatedAt: nowIso,
    });
    await ctx.audit.change(
      t,
      'review_meeting',
      m.id,
      { status: m.status, attendees: m.attendees },
      { status: 'open', attendees: list },
      'Mötet öppnat',
    );
    return row;
  }
}

async function loadOpenItem(t: Tx, meetingId: number, proposalId: number) {
  const m = await loadMeeting(t, meetingId);
  assertStatus(m, ['open'], 'registrera eller ändra beslut');
  const item = await findAgendaItem(t, meetingId, proposalId);
  if (!item || item.removedAt !== null) throw notFound('Ärendet på mötets agenda');
  return { m, item };
}

async function itemView(ctx: AuthedContext, t: Tx, m: MeetingRow, itemId: number) {
  const row = (await agendaItemById(t, itemId))!;
  const pseudonymous = isPseudonymous(ctx.user.roles);
  const [view] = await buildItems(t, m, {
    pseudonymous,
    itemRows: [row],
    onParticipantRead: (id) => ctx.audit.read('participant', id),
  });
  return view!;
}

export async function recordDecision(
  ctx: AuthedContext,
  t: Tx,
  meetingId: number,
  proposalId: number,
  decision: DecisionInput,
) {
  {
    const { m, item } = await loadOpenItem(t, meetingId, proposalId);
    const draft = {
      draftDecision: decision.kind,
      draftReasonCategory: decision.kind === 'veto' ? decision.reasonCategory : null,
      draftText:
        decision.kind === 'veto' ? decision.text : decision.kind === 'approve' ? (decision.comment ?? null) : null,
      draftQuestion: decision.kind === 'defer' ? decision.question : null,
    };
    const before = {
      draftDecision: item.draftDecision,
      draftReasonCategory: item.draftReasonCategory,
      draftText: item.draftText,
      draftQuestion: item.draftQuestion,
    };
    await updateAgendaItem(t, item.id, { ...draft, draftBy: ctx.user.id, draftAt: ctx.clock.now().toISOString() });
    await ctx.audit.change(
      t,
      'review_agenda_item',
      item.id,
      before,
      draft,
      `Beslut under mötet ${m.date}: ${DECISION_LABELS[decision.kind]}`,
    );
    return itemView(ctx, t, m, item.id);
  }
}

export async function clearDecision(ctx: AuthedContext, t: Tx, meetingId: number, proposalId: number) {
  {
    const { m, item } = await loadOpenItem(t, meetingId, proposalId);
    if (item.draftDecision === null) throw ruleError('Ärendet har inget beslut att ta bort.');
    await updateAgendaItem(t, item.id, {
      draftDecision: null,
      draftReasonCategory: null,
      draftText: null,
      draftQuestion: null,
      draftBy: null,
      draftAt: null,
    });
    await ctx.audit.change(
      t,
      'review_agenda_item',
      item.id,
      { draftDecision: item.draftDecision, draftText: item.draftText, draftQuestion: item.draftQuestion },
      { draftDecision: null, draftText: null, draftQuestion: null },
      'Beslut borttaget under pågående möte',
    );
    return itemView(ctx, t, m, item.id);
  }
}

export interface CloseResult {
  meeting: MeetingRow;
  decided: number;
  deferred: number;
  carriedOver: number;
  nextMeeting: MeetingRow | null;
}

export async function closeMeeting(
  ctx: AuthedContext,
  t: Tx,
  meetingId: number,
  carryOverUndecided: boolean,
): Promise<CloseResult> {
  {
    const m = await loadMeeting(t, meetingId);
    assertStatus(m, ['open'], 'avsluta det');
    const parties = new Set(m.attendees.map((a) => a.party));
    if (!parties.has('employer') || !parties.has('union')) {
      throw ruleError(
        `Ange närvarande för båda parter (${ATTENDEE_PARTY_LABELS.employer} och ${ATTENDEE_PARTY_LABELS.union}) innan mötet avslutas.`,
        'attendees',
      );
    }
    const today = localToday(ctx.clock);
    const nowIso = ctx.clock.now().toISOString();
    const items = await activeItems(t, m.id);
    const undecided = items.filter((i) => i.draftDecision === null);
    if (undecided.length > 0 && !carryOverUndecided) {
      throw ruleError(
        undecided.length === 1
          ? '1 ärende saknar beslut. Registrera ett beslut eller välj att flytta det till nästa möte.'
          : `${undecided.length} ärenden saknar beslut. Registrera beslut eller välj att flytta dem till nästa möte.`,
        'carryOverUndecided',
      );
    }
    const returning = items.filter((i) => i.draftDecision === null || i.draftDecision === 'defer');
    let next: MeetingRow | null = null;
    if (returning.length > 0) {
      await ensureMeetingsAhead(t, ctx.clock);
      next = (await nextMeetingAfter(t, m.date, today)) ?? null;
      if (!next) {
        throw ruleError(
          'Det finns inget kommande prövningsmöte att föra bordlagda ärenden och ärenden utan beslut till. Be enhetschefen lägga in mötesschemat.',
        );
      }
    }

    // Views for the protocol, built before anything changes (pseudonymous: the protocol goes to the union).
    const views = await buildItems(t, m, { pseudonymous: true, itemRows: items });
    const proposalRows = new Map(
      (
        await proposalsByIds(
          t,
          items.map((i) => i.proposalId),
        )
      ).map((p) => [p.id, p]),
    );
    const names = await userNames(t, [...items.map((i) => i.draftBy), ctx.user.id]);
    const protocolItems: ProtocolSnapshot['items'] = [];
    let decided = 0;
    let deferred = 0;
    let carriedOver = 0;

    for (const [idx, item] of items.entries()) {
      const view = views[idx]!;
      const proposal = proposalRows.get(item.proposalId)!;
      const what = `${view.position.title}, ${view.workplace.name}`;
      let decisionId: number | null = null;

      if (item.draftDecision !== null) {
        const row = await insertDecision(t, {
          meetingId: m.id,
          proposalId: item.proposalId,
          agendaItemId: item.id,
          decision: item.draftDecision,
          reasonCategory: item.draftReasonCategory,
          text: item.draftText,
          question: item.draftQuestion,
          decidedBy: item.draftBy,
          decidedAt: item.draftAt ?? nowIso,
          recordedAt: nowIso,
        });
        decisionId = row.id;
        decided++;
        await ctx.audit.change(t, 'review_decision', row.id, null, {
          meetingId: m.id,
          proposalId: row.proposalId,
          decision: row.decision,
          reasonCategory: row.reasonCategory,
          text: row.text,
          question: row.question,
        });
        const data = {
          proposalId: proposal.id,
          positionId: proposal.positionId,
          meetingId: m.id,
          decisionId: row.id,
          decision: row.decision,
        };

        if (row.decision === 'approve') {
          await setProposal(
            ctx,
            t,
            proposal.id,
            proposal.status,
            { status: 'approved', reviewMeetingId: m.id },
            nowIso,
          );
          await stageOrEvent(
            ctx,
            t,
            proposal.participantId,
            { from: ['proposed'], to: 'approved' },
            {
              kind: 'decision',
              summary: `Facklig prövning ${m.date}: godkänt`,
              note: `Godkänd vid facklig prövning ${m.date}: ${what}.${row.text ? ` Kommentar: ${row.text}` : ''}`,
              data,
            },
          );
        } else if (row.decision === 'veto') {
          await setProposal(ctx, t, proposal.id, proposal.status, { status: 'vetoed', reviewMeetingId: m.id }, nowIso);
          const backToMatching = (await otherLiveProposals(t, proposal.participantId, proposal.id)) === 0;
          await stageOrEvent(
            ctx,
            t,
            proposal.participantId,
            backToMatching ? { from: ['proposed'], to: 'matching' } : null,
            {
              kind: 'decision',
              summary: `Facklig prövning ${m.date}: veto`,
              note: `Veto vid facklig prövning ${m.date}: ${what}. Orsak: ${VETO_REASON_LABELS[row.reasonCategory as keyof typeof VETO_REASON_LABELS] ?? row.reasonCategory}. ${row.text ?? ''}`.trim(),
              data,
            },
          );
        } else {
          deferred++;
          await insertAgendaItem(t, {
            meetingId: next!.id,
            proposalId: proposal.id,
            origin: 'deferred',
            fromMeetingId: m.id,
            addedAt: nowIso,
          });
          await setProposal(
            ctx,
            t,
            proposal.id,
            proposal.status,
            { status: 'deferred', reviewMeetingId: next!.id },
            nowIso,
          );
          await stageOrEvent(ctx, t, proposal.participantId, null, {
            kind: 'decision',
            summary: `Facklig prövning ${m.date}: bordlagt till ${next!.date}`,
            note: `Bordlagt vid facklig prövning ${m.date}: ${what}. Fråga: ${row.question ?? ''} Tas upp igen ${next!.date}.`,
            data: { ...data, nextMeetingId: next!.id },
          });
        }
      } else {
        carriedOver++;
        await insertAgendaItem(t, {
          meetingId: next!.id,
          proposalId: proposal.id,
          origin: 'carried_over',
          fromMeetingId: m.id,
          addedAt: nowIso,
        });
        await setProposal(
          ctx,
          t,
          proposal.id,
          proposal.status,
          { status: proposal.status, reviewMeetingId: next!.id },
          nowIso,
        );
        await stageOrEvent(ctx, t, proposal.participantId, null, {
          kind: 'proposal',
          summary: `Facklig prövning ${m.date}: ej behandlat, flyttat till ${next!.date}`,
          note: `Hann inte behandlas vid facklig prövning ${m.date}: ${what}. Tas upp ${next!.date}.`,
          data: { proposalId: proposal.id, meetingId: m.id, nextMeetingId: next!.id },
        });
      }

      protocolItems.push({
        number: view.number,
        proposalId: view.proposalId,
        participantLabel: view.participantLabel,
        positionTitle: view.position.title,
        positionKindLabel: view.position.kindLabel,
        workplaceName: view.workplace.name,
        workplaceDistrict: view.workplace.district,
        tasks: view.position.tasks,
        hoursPercent: view.position.hoursPercent,
        periodStart: view.position.periodStart,
        periodEnd: view.position.periodEnd,
        periodName: view.position.periodName,
        employmentFormLabel: view.position.employmentFormLabel,
        subsidyTypeName: view.position.subsidyTypeName,
        originLabel: view.originLabel,
        fromMeetingDate: view.fromMeeting?.date ?? null,
        previousQuestion: view.previousQuestion,
        decisionId,
        decision: (item.draftDecision as 'approve' | 'veto' | 'defer' | null) ?? null,
        decisionLabel: item.draftDecision ? DECISION_LABELS[item.draftDecision as 'approve'] : 'Ej behandlat',
        reasonCategory: (item.draftReasonCategory as ProtocolSnapshot['items'][number]['reasonCategory']) ?? null,
        reasonLabel: view.decision?.reasonLabel ?? null,
        text: item.draftText,
        question: item.draftQuestion,
        decidedByName: item.draftBy === null ? null : (names.get(item.draftBy) ?? null),
        decidedAt: item.draftAt,
        nextMeetingDate: item.draftDecision === null || item.draftDecision === 'defer' ? (next?.date ?? null) : null,
      });
    }

    const snapshot: ProtocolSnapshot = {
      version: 1,
      meeting: {
        id: m.id,
        date: m.date,
        plannedDate: m.plannedDate,
        movedReason: m.movedReason,
        time: m.time,
        place: m.place,
      },
      attendees: attendeesOut(m),
      openedAt: m.openedAt,
      closedAt: nowIso,
      closedByName: names.get(ctx.user.id) ?? ctx.user.displayName,
      items: protocolItems,
    };
    const closed = await updateMeeting(t, m.id, {
      status: 'closed',
      closedAt: nowIso,
      closedBy: ctx.user.id,
      protocol: snapshot,
      updatedAt: nowIso,
    });
    await ctx.audit.change(
      t,
      'review_meeting',
      m.id,
      { status: 'open' },
      { status: 'closed', closedAt: nowIso },
      `Mötet avslutat: ${decided} beslut, ${deferred} bordlagda, ${carriedOver} flyttade utan beslut`,
    );
    return { meeting: closed, decided, deferred, carriedOver, nextMeeting: next };
  }
}

async function setProposal(
  ctx: AuthedContext,
  t: Tx,
  id: number,
  beforeStatus: string,
  patch: { status: string; reviewMeetingId: number },
  nowIso: string,
): Promise<void> {
  await updateProposal(t, id, { status: patch.status, reviewMeetingId: patch.reviewMeetingId, updatedAt: nowIso });
  if (beforeStatus !== patch.status)
    await ctx.audit.change(t, 'proposal', id, { status: beforeStatus }, { status: patch.status });
}

export interface CancelResult {
  meeting: MeetingRow;
  movedItems: number;
  nextMeeting: MeetingRow | null;
}

/** Cancels a planned meeting; its items move to the next meeting (origin 'moved'). */
export async function cancelMeeting(
  ctx: AuthedContext,
  t: Tx,
  meetingId: number,
  reason: string,
): Promise<CancelResult> {
  {
    const m = await loadMeeting(t, meetingId);
    assertStatus(m, ['planned'], 'ställa in det');
    const today = localToday(ctx.clock);
    const nowIso = ctx.clock.now().toISOString();
    const items = await activeItems(t, m.id);
    let next: MeetingRow | null = null;
    if (items.length > 0) {
      await ensureMeetingsAhead(t, ctx.clock);
      next = (await nextMeetingAfter(t, m.date, today)) ?? null;
      if (!next) {
        throw ruleError(
          'Det finns inget kommande prövningsmöte att flytta mötets ärenden till. Lägg in ett extra möte först.',
        );
      }
    }
    for (const item of items) {
      await updateAgendaItem(t, item.id, { removedAt: nowIso, removedReason: 'meeting_cancelled' });
      await insertAgendaItem(t, {
        meetingId: next!.id,
        proposalId: item.proposalId,
        origin: 'moved',
        fromMeetingId: m.id,
        addedAt: nowIso,
      });
      const p = (await findProposal(t, item.proposalId))!;
      await setProposal(ctx, t, p.id, p.status, { status: p.status, reviewMeetingId: next!.id }, nowIso);
      await stageOrEvent(ctx, t, p.participantId, null, {
        kind: 'proposal',
        summary: `Prövningsmötet ${m.date} inställt; prövas ${next!.date}`,
        note: `Prövningsmötet ${m.date} är inställt; förslaget prövas i stället ${next!.date}.`,
        data: { proposalId: p.id, meetingId: m.id, nextMeetingId: next!.id },
      });
    }
    const row = await updateMeeting(t, m.id, {
      status: 'cancelled',
      cancelledReason: reason,
      sequence: m.sequence + 1,
      updatedAt: nowIso,
    });
    await ctx.audit.change(
      t,
      'review_meeting',
      m.id,
      { status: m.status },
      { status: 'cancelled', cancelledReason: reason },
      'Mötet inställt',
    );
    return { meeting: row, movedItems: items.length, nextMeeting: next };
  }
}
