/**
 * Union review services (facklig prövning). See src/shared/contract/review.ts for the procedures and the modules
 * here for the rules: schedule.ts (generation, .ics), meeting.ts (meeting mode and closing), corrections.ts,
 * protocol.ts (PDF), guards.ts (placement guard), proposal-view.ts; the proposal lifecycle steps (submit, withdraw)
 * live in ../proposals/lifecycle.ts and are registered here too.
 */
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { tx } from '../../db/connection';
import { participants, proposals, reviewMeetings } from '../../db/schema';
import type { HandlerMap } from '../handlers';
import { localToday } from '../../util/clock';
import { describeSchedule, type MeetingStatus } from '../../../shared/domain/review';
import { addMonthsClamped } from '../../../shared/rules/dates';
import { notFound } from '../../../shared/errors';
import { proposalLifecycleHandlers } from '../proposals/lifecycle';
import { correctDecision } from './corrections';
import { cancelMeeting, clearDecision, closeMeeting, openMeeting, recordDecision, setAttendees } from './meeting';
import { protocolPdf, readProtocol } from './protocol';
import { proposalIdsOfParticipant, proposalReview, proposalReviews } from './proposal-view';
import { addExtraMeeting, lastMeetingDate, loadSchedule, meetingsIcs, planMeetings, saveSchedule } from './schedule';
import { isPseudonymous, loadMeeting, meetingRef, nextMeetingAfter, previousMeetingBefore } from './store';
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
    const schedule = loadSchedule(ctx.legacyDb);
    return {
      schedule,
      description: schedule ? describeSchedule(schedule) : null,
      generatedUntil: lastMeetingDate(ctx.legacyDb),
    };
  },

  'review.previewSchedule': async (ctx, input) => {
    const today = localToday(ctx.clock);
    // About 26 meetings a year: three years of slots is always enough for the 60 meetings at most asked for.
    return planMeetings(input.schedule, today, addMonthsClamped(today, 36)).slice(0, input.count);
  },

  'review.setSchedule': async (ctx, input) => {
    const result = tx(ctx.legacyDb, () => saveSchedule(ctx, input));
    return {
      schedule: input,
      description: describeSchedule(input),
      generatedUntil: lastMeetingDate(ctx.legacyDb),
      ...result,
    };
  },

  'review.addMeeting': async (ctx, input) => {
    const row = tx(ctx.legacyDb, () => addExtraMeeting(ctx, input));
    return meetingSummary(ctx.legacyDb, row, localToday(ctx.clock));
  },

  'review.overview': async (ctx) => {
    const today = localToday(ctx.clock);
    const db = ctx.legacyDb;
    const open = db.select().from(reviewMeetings).where(eq(reviewMeetings.status, 'open')).get();
    const next = db
      .select()
      .from(reviewMeetings)
      .where(and(eq(reviewMeetings.status, 'planned'), gte(reviewMeetings.date, today)))
      .orderBy(asc(reviewMeetings.date))
      .get();
    const overdueRows = db
      .select()
      .from(reviewMeetings)
      .where(and(eq(reviewMeetings.status, 'planned'), lte(reviewMeetings.date, today)))
      .orderBy(asc(reviewMeetings.date))
      .all()
      .filter((m) => m.date < today);
    const recent = db
      .select()
      .from(reviewMeetings)
      .where(eq(reviewMeetings.status, 'closed'))
      .orderBy(desc(reviewMeetings.date))
      .limit(5)
      .all();
    const overdue = meetingSummaries(db, overdueRows, today).filter((m) => m.itemCount > 0);
    const waiting =
      db
        .select({ n: count() })
        .from(proposals)
        .where(inArray(proposals.status, ['submitted', 'deferred']))
        .get()?.n ?? 0;
    return {
      scheduleConfigured: loadSchedule(db) !== null,
      openMeeting: open ? meetingSummary(db, open, today) : null,
      nextMeeting: next ? meetingSummary(db, next, today) : null,
      overdueMeetings: overdue,
      recentClosed: meetingSummaries(db, recent, today),
      waitingCount: waiting,
    };
  },

  'review.listMeetings': async (ctx, input) => {
    const where: SQL[] = [];
    if (input.from) where.push(gte(reviewMeetings.date, input.from));
    if (input.to) where.push(lte(reviewMeetings.date, input.to));
    if (input.statuses && input.statuses.length > 0)
      where.push(inArray(reviewMeetings.status, input.statuses as MeetingStatus[]));
    const rows = ctx.legacyDb
      .select()
      .from(reviewMeetings)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(reviewMeetings.date))
      .all();
    return meetingSummaries(ctx.legacyDb, rows, localToday(ctx.clock));
  },

  'review.getMeeting': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const m = loadMeeting(ctx.legacyDb, input.id);
    const pseudonymous = isPseudonymous(ctx.user.roles);
    const items = buildItems(ctx.legacyDb, m, {
      pseudonymous,
      onParticipantRead: (id) => ctx.audit.read('participant', id),
    });
    const next = nextMeetingAfter(ctx.legacyDb, m.date, today);
    const prev = previousMeetingBefore(ctx.legacyDb, m.date);
    return {
      meeting: meetingSummary(ctx.legacyDb, m, today),
      items,
      protocol: readProtocol(m),
      corrections: m.status === 'closed' ? meetingCorrections(ctx.legacyDb, m) : [],
      nextMeeting: next ? meetingRef(next) : null,
      previousMeeting: prev ? meetingRef(prev) : null,
    };
  },

  'review.setAttendees': async (ctx, input) =>
    meetingSummary(ctx.legacyDb, setAttendees(ctx, input.meetingId, input.attendees), localToday(ctx.clock)),

  'review.openMeeting': async (ctx, input) =>
    meetingSummary(ctx.legacyDb, openMeeting(ctx, input.id, input.attendees), localToday(ctx.clock)),

  'review.recordDecision': async (ctx, input) => recordDecision(ctx, input.meetingId, input.proposalId, input.decision),

  'review.clearDecision': async (ctx, input) => clearDecision(ctx, input.meetingId, input.proposalId),

  'review.closeMeeting': async (ctx, input) => {
    const r = closeMeeting(ctx, input.id, input.carryOverUndecided);
    return {
      meeting: meetingSummary(ctx.legacyDb, r.meeting, localToday(ctx.clock)),
      decided: r.decided,
      deferred: r.deferred,
      carriedOver: r.carriedOver,
      nextMeeting: r.nextMeeting ? meetingRef(r.nextMeeting) : null,
    };
  },

  'review.cancelMeeting': async (ctx, input) => {
    const r = cancelMeeting(ctx, input.id, input.reason);
    return {
      meeting: meetingSummary(ctx.legacyDb, r.meeting, localToday(ctx.clock)),
      movedItems: r.movedItems,
      nextMeeting: r.nextMeeting ? meetingRef(r.nextMeeting) : null,
    };
  },

  'review.protocolPdf': async (ctx, input) => {
    const m = loadMeeting(ctx.legacyDb, input.id);
    const file = await protocolPdf(ctx.legacyDb, m);
    ctx.audit.write({ action: 'export', entity: 'review_meeting', entityId: m.id, detail: file.fileName });
    return file;
  },

  'review.exportIcs': async (ctx, input) => meetingsIcs(ctx.legacyDb, ctx.clock, input),

  'review.correctDecision': async (ctx, input) => correctDecision(ctx, input.decisionId, input.decision, input.reason),

  'review.forProposal': async (ctx, input) => {
    const r = proposalReview(ctx.legacyDb, input.proposalId);
    ctx.audit.read('proposal', r.proposalId);
    return r;
  },

  'review.forParticipant': async (ctx, input) => {
    const exists = ctx.legacyDb
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.id, input.participantId))
      .get();
    if (!exists) throw notFound('Deltagaren');
    ctx.audit.read('participant', input.participantId);
    return proposalReviews(ctx.legacyDb, proposalIdsOfParticipant(ctx.legacyDb, input.participantId));
  },

  ...proposalLifecycleHandlers,
};
