/**
 * Union review services (facklig prövning). See src/shared/contract/review.ts for the procedures and the modules
 * here for the rules: schedule.ts (generation, .ics), meeting.ts (meeting mode and closing), corrections.ts,
 * protocol.ts (PDF), guards.ts (placement guard), proposal-view.ts; the proposal lifecycle steps (submit, withdraw)
 * live in ../proposals/lifecycle.ts and are registered here too.
 */
import type { HandlerMap } from '../handlers';
import { countProposalsInStatus } from '../../store/proposals';
import { findParticipant } from '../../store/participants';
import { queryMeetings } from '../../store/review';
import { localToday } from '../../util/clock';
import { describeSchedule } from '../../../shared/domain/review';
import { addMonthsClamped } from '../../../shared/rules/dates';
import { notFound } from '../../../shared/errors';
import { proposalLifecycleHandlers } from '../proposals/lifecycle';
import { correctDecision } from './corrections';
import { cancelMeeting, clearDecision, closeMeeting, openMeeting, recordDecision, setAttendees } from './meeting';
import { protocolPdf, readProtocol } from './protocol';
import { proposalIdsOfParticipant, proposalReview, proposalReviews } from './proposal-view';
import { addExtraMeeting, lastMeetingDate, loadSchedule, meetingsIcs, planMeetings, saveSchedule } from './schedule';
import { isPseudonymous, loadMeeting, meetingRef, nextMeetingAfter, previousMeetingBefore } from './common';
import { buildItems, meetingCorrections, meetingSummaries, meetingSummary } from './views';

export { assertProposalPlaceable, proposalPlaceability } from './guards';

export const reviewHandlers: HandlerMap<
  | 'review.getSchedule'
  | 'review.previewSchedule'
  | 'review.setSchedule'
  | 'review.addMeeting'
  | 'review.overview'
  | 'review.listMeetings'
  | 'review.getMeeting'
  | 'review.setAttendees'
  | 'review.openMeeting'
  | 'review.recordDecision'
  | 'review.clearDecision'
  | 'review.closeMeeting'
  | 'review.cancelMeeting'
  | 'review.protocolPdf'
  | 'review.exportIcs'
  | 'review.correctDecision'
  | 'review.forProposal'
  | 'review.forParticipant'
  | 'proposals.submit'
  | 'proposals.withdraw'
> = {
  'review.getSchedule': async (ctx) => {
    const schedule = await loadSchedule(ctx.db);
    return {
      schedule,
      description: schedule ? describeSchedule(schedule) : null,
      generatedUntil: await lastMeetingDate(ctx.db),
    };
  },

  'review.previewSchedule': async (ctx, input) => {
    const today = localToday(ctx.clock);
    // About 26 meetings a year: three years of slots is always enough for the 60 meetings at most asked for.
    return planMeetings(input.schedule, today, addMonthsClamped(today, 36)).slice(0, input.count);
  },

  'review.setSchedule': async (ctx, input) => {
    const result = await ctx.tx((t) => saveSchedule(ctx, t, input));
    return {
      schedule: input,
      description: describeSchedule(input),
      generatedUntil: await lastMeetingDate(ctx.db),
      ...result,
    };
  },

  'review.addMeeting': async (ctx, input) =>
    ctx.tx(async (t) => meetingSummary(t, await addExtraMeeting(ctx, t, input), localToday(ctx.clock))),

  'review.overview': async (ctx) => {
    const today = localToday(ctx.clock);
    const r = ctx.db;
    const [open] = await queryMeetings(r, { statuses: ['open'], limit: 1 });
    const [next] = await queryMeetings(r, { statuses: ['planned'], from: today, limit: 1 });
    const overdueRows = await queryMeetings(r, { statuses: ['planned'], before: today });
    const recent = await queryMeetings(r, { statuses: ['closed'], order: 'desc', limit: 5 });
    const overdue = (await meetingSummaries(r, overdueRows, today)).filter((m) => m.itemCount > 0);
    return {
      scheduleConfigured: (await loadSchedule(r)) !== null,
      openMeeting: open ? await meetingSummary(r, open, today) : null,
      nextMeeting: next ? await meetingSummary(r, next, today) : null,
      overdueMeetings: overdue,
      recentClosed: await meetingSummaries(r, recent, today),
      waitingCount: await countProposalsInStatus(r, ['submitted', 'deferred']),
    };
  },

  'review.listMeetings': async (ctx, input) => {
    const rows = await queryMeetings(ctx.db, { from: input.from, to: input.to, statuses: input.statuses });
    return meetingSummaries(ctx.db, rows, localToday(ctx.clock));
  },

  'review.getMeeting': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const r = ctx.db;
    const m = await loadMeeting(r, input.id);
    const pseudonymous = isPseudonymous(ctx.user.roles);
    const items = await buildItems(r, m, {
      pseudonymous,
      onParticipantRead: (id) => ctx.audit.read('participant', id),
    });
    const next = await nextMeetingAfter(r, m.date, today);
    const prev = await previousMeetingBefore(r, m.date);
    return {
      meeting: await meetingSummary(r, m, today),
      items,
      protocol: readProtocol(m),
      corrections: m.status === 'closed' ? await meetingCorrections(r, m) : [],
      nextMeeting: next ? meetingRef(next) : null,
      previousMeeting: prev ? meetingRef(prev) : null,
    };
  },

  'review.setAttendees': async (ctx, input) =>
    ctx.tx(async (t) =>
      meetingSummary(t, await setAttendees(ctx, t, input.meetingId, input.attendees), localToday(ctx.clock)),
    ),

  'review.openMeeting': async (ctx, input) =>
    ctx.tx(async (t) => meetingSummary(t, await openMeeting(ctx, t, input.id, input.attendees), localToday(ctx.clock))),

  'review.recordDecision': async (ctx, input) =>
    ctx.tx((t) => recordDecision(ctx, t, input.meetingId, input.proposalId, input.decision)),

  'review.clearDecision': async (ctx, input) => ctx.tx((t) => clearDecision(ctx, t, input.meetingId, input.proposalId)),

  'review.closeMeeting': async (ctx, input) =>
    ctx.tx(async (t) => {
      const r = await closeMeeting(ctx, t, input.id, input.carryOverUndecided);
      return {
        meeting: await meetingSummary(t, r.meeting, localToday(ctx.clock)),
        decided: r.decided,
        deferred: r.deferred,
        carriedOver: r.carriedOver,
        nextMeeting: r.nextMeeting ? meetingRef(r.nextMeeting) : null,
      };
    }),

  'review.cancelMeeting': async (ctx, input) =>
    ctx.tx(async (t) => {
      const r = await cancelMeeting(ctx, t, input.id, input.reason);
      return {
        meeting: await meetingSummary(t, r.meeting, localToday(ctx.clock)),
        movedItems: r.movedItems,
        nextMeeting: r.nextMeeting ? meetingRef(r.nextMeeting) : null,
      };
    }),

  'review.protocolPdf': async (ctx, input) => {
    const m = await loadMeeting(ctx.db, input.id);
    const file = await protocolPdf(ctx.db, m);
    await ctx.tx((t) =>
      ctx.audit.write(t, { action: 'export', entity: 'review_meeting', entityId: m.id, detail: file.fileName }),
    );
    return file;
  },

  'review.exportIcs': async (ctx, input) => meetingsIcs(ctx.db, ctx.clock, input),

  'review.correctDecision': async (ctx, input) =>
    ctx.tx((t) => correctDecision(ctx, t, input.decisionId, input.decision, input.reason)),

  'review.forProposal': async (ctx, input) => {
    const r = await proposalReview(ctx.db, input.proposalId);
    ctx.audit.read('proposal', r.proposalId);
    return r;
  },

  'review.forParticipant': async (ctx, input) => {
    if (!(await findParticipant(ctx.db, input.participantId))) throw notFound('Deltagaren');
    ctx.audit.read('participant', input.participantId);
    return proposalReviews(ctx.db, await proposalIdsOfParticipant(ctx.db, input.participantId));
  },

  ...proposalLifecycleHandlers,
};
