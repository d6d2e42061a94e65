/**
 * Demo data for the union review (facklig prövning): the schedule (Tuesdays in even weeks, 09:00, Sandwalls
 * plats), the last three meetings held and closed with decisions and protocols (approvals, vetoes with reasons,
 * a deferral that returns and is decided at the next meeting), and an upcoming agenda with several submitted
 * proposals.
 *
 * Everything goes through the real services with the clock set back to when it would have happened, so proposals,
 * agendas, decisions, protocols, participant timelines and the audit log agree with each other. Run it after
 * participants (some in 'matching') and the position catalogue exist; with none it still sets the schedule.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { participants, positions, reviewMeetings, users } from '../db/schema';
import { serviceContext, type AuthedContext } from '../services/context';
import { createDraftProposals } from '../services/proposals/create';
import { submitProposal } from '../services/proposals/lifecycle';
import { closeMeeting, openMeeting, recordDecision } from '../services/review/meeting';
import { ensureMeetingsAhead, regenerateMeetings, saveSchedule } from '../services/review/schedule';
import { activeItems } from '../services/review/store';
import { fixedClock, type Clock } from '../util/clock';
import { AppError } from '../../shared/errors';
import type { DecisionInput } from '../../shared/contract/review';
import type { Role } from '../../shared/domain/roles';
import { addDays, compare } from '../../shared/rules/dates';
import { subsidyEndDate } from '../../shared/rules/subsidy';
import { tx } from '../db/connection';
import type { DemoContext } from './context';

export const DEMO_REVIEW_SCHEDULE = {
  weekday: 2 as const,
  parity: 'even' as const,
  time: '09:00',
  place: 'Jobb Borås, Sandwalls plats 4, rum Ågården',
  cutoffWorkingDays: 2,
  durationMinutes: 90,
};

/** How many past meetings are held and closed, and how many proposals wait for the next one. */
const PAST_MEETINGS = 3;
/** Submitted before the next meeting's cutoff (on its agenda) and after it (on the one after). */
const NEXT_AGENDA_PROPOSALS = 4;
const LATER_PROPOSALS = 2;

/** 'YYYY-MM-DD' + local 'HH:MM' (Europe/Stockholm) → a UTC instant, good enough for demo timestamps. */
function stockholmInstant(date: string, hhmm: string): string {
  // Stockholm is UTC+1 in winter and UTC+2 in summer; pick the offset that gives the right local time.
  for (const offset of [1, 2]) {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    const utc = new Date(
      Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h - offset, m),
    );
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(utc);
    if (local === hhmm) return utc.toISOString();
  }
  return `${date}T${hhmm}:00.000Z`;
}

function contextFor(d: DemoContext, userId: number, clock: Clock): AuthedContext {
  const u = d.db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) throw new Error(`Demoanvändare ${userId} saknas.`);
  return serviceContext({
    database: d.database,
    legacyDb: d.db,
    clock,
    user: {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles as Role[],
      mustChangePassword: false,
    },
    procedure: 'demo.review',
    config: { version: 'demo' },
  });
}

/** Decisions of the past meetings, in the order their items come up. */
const PAST_DECISIONS: DecisionInput[][] = [
  [
    { kind: 'approve', comment: 'Tydliga uppgifter och utsedd handledare.' },
    {
      kind: 'veto',
      reasonCategory: 'replaces_ordinary_work',
      text: 'Uppgifterna motsvarar en vakant ordinarie tjänst på arbetsplatsen. Tjänsten ska tillsättas med ordinarie anställning.',
    },
    {
      kind: 'defer',
      question: 'Vem är handledare under julledigheten, och hur många timmar i veckan finns handledaren på plats?',
    },
    { kind: 'approve' },
  ],
  [
    { kind: 'approve', comment: 'Handledaren finns på plats hela perioden enligt förvaltningen.' },
    { kind: 'approve' },
    {
      kind: 'veto',
      reasonCategory: 'recent_redundancies',
      text: 'Arbetsplatsen varslade två anställda om uppsägning i oktober. Ingen placering förrän varslet är avslutat.',
    },
  ],
  [
    { kind: 'approve' },
    {
      kind: 'veto',
      reasonCategory: 'poor_supervision',
      text: 'Handledaren har redan tre deltagare och ingen ersättare vid frånvaro.',
    },
    { kind: 'approve', comment: 'Godkänns under förutsättning att arbetstiden förläggs dagtid.' },
    { kind: 'defer', question: 'Kan arbetsplatsen visa en introduktionsplan för de första fyra veckorna?' },
  ],
];

export async function seedReview(d: DemoContext): Promise<void> {
  const now = d.clock.now();
  const adminCtx = contextFor(d, d.users.admin, d.clock);

  // The schedule, and its meetings from three months back to a year ahead.
  tx(d.db, () => {
    saveSchedule(adminCtx, DEMO_REVIEW_SCHEDULE);
    regenerateMeetings(d.db, DEMO_REVIEW_SCHEDULE, addDays(d.today, -91), now.toISOString());
    ensureMeetingsAhead(d.db, d.clock);
  });

  const past = d.db
    .select()
    .from(reviewMeetings)
    .where(and(lt(reviewMeetings.date, d.today), eq(reviewMeetings.status, 'planned')))
    .orderBy(asc(reviewMeetings.date))
    .all()
    .slice(-PAST_MEETINGS);

  // Proposals go to positions where a twelve-month employment starting within the next month still fits: a
  // coordinator would not propose one to a position that closes before it could end, and every demo flow (12 or 24
  // months from "today") then works whatever the date the demo is made on.
  const lastStart = addDays(d.today, 31);
  const reviewedPositions = d.db
    .select({ id: positions.id, periodEnd: positions.periodEnd })
    .from(positions)
    .where(
      and(
        eq(positions.active, true),
        eq(positions.unionReviewRequired, true),
        inArray(positions.employmentForm, ['subsidised_employment']),
      ),
    )
    .orderBy(asc(positions.id))
    .all()
    .filter((p) => p.periodEnd === null || compare(subsidyEndDate(lastStart, 12), p.periodEnd) <= 0)
    .map((p) => p.id);
  if (reviewedPositions.length === 0) return;

  /** Participants in matching since before `date` (a vetoed one is back in matching and may be proposed again). */
  const candidates = (date: string) =>
    d.rng.sample(
      d.db
        .select({ id: participants.id, stageSince: participants.stageSince })
        .from(participants)
        .where(eq(participants.stage, 'matching'))
        .orderBy(asc(participants.id))
        .all()
        .filter((p) => p.stageSince <= date),
      1000,
    );

  const attendees = (coordinatorName: string, unionName: string) => [
    { name: coordinatorName, party: 'employer' as const, title: 'Arbetslivshandläggare, Jobb Borås' },
    { name: 'Åsa Lindqvist', party: 'employer' as const, title: 'Enhetschef, Jobb Borås' },
    { name: unionName, party: 'union' as const, title: 'Facklig företrädare, Kommunal Sjuhärad' },
  ];

  /** Creates and submits up to `count` proposals at `at` (UTC ISO); returns how many were submitted. */
  const propose = (at: string, date: string, count: number): number => {
    const clock = fixedClock(at);
    const ctx = contextFor(d, d.users.coordinator, clock);
    let made = 0;
    for (const person of candidates(date)) {
      if (made >= count) break;
      for (const positionId of d.rng.sample(reviewedPositions, 4)) {
        try {
          const [proposal] = createDraftProposals(
            ctx,
            [{ participantId: person.id, positionId, positionPeriodId: null }],
            {
              note: null,
              source: 'manual',
            },
          );
          submitProposal(ctx, proposal!.id, null);
          made++;
          break;
        } catch (e) {
          if (e instanceof AppError) continue; // not a possible pair (hard constraint, no free slot, …): try another
          throw e;
        }
      }
    }
    return made;
  };

  for (const [i, meeting] of past.entries()) {
    // Proposals submitted on the cutoff day, in the morning.
    propose(stockholmInstant(meeting.cutoffDate, '10:15'), meeting.cutoffDate, 4 - (i === 1 ? 1 : 0));

    const clock = fixedClock(stockholmInstant(meeting.date, '09:00'));
    const coordinator = contextFor(d, d.users.coordinator, clock);
    const union = contextFor(d, d.users.union, clock);
    openMeeting(coordinator, meeting.id, attendees(coordinator.user.displayName, union.user.displayName));
    const agenda = activeItems(d.db, meeting.id);
    const plan = PAST_DECISIONS[i % PAST_DECISIONS.length]!;
    agenda.forEach((item, k) => {
      clock.set(stockholmInstant(meeting.date, `09:${String(10 + 8 * k).padStart(2, '0')}`));
      // Items returning from a deferral are approved now that the question is answered.
      const decision: DecisionInput =
        item.origin === 'deferred'
          ? { kind: 'approve', comment: 'Frågan från förra mötet är besvarad: handledare finns under hela perioden.' }
          : (plan[k % plan.length] ?? { kind: 'approve' });
      recordDecision(union, meeting.id, item.proposalId, decision);
    });
    clock.set(stockholmInstant(meeting.date, '10:20'));
    closeMeeting(coordinator, meeting.id, true);
  }

  // The upcoming agenda: proposals submitted on the next meeting's cutoff day (or today, if that is still to come),
  // and a couple submitted within the last hour that, past the cutoff, go to the meeting after.
  const next = d.db
    .select()
    .from(reviewMeetings)
    .where(and(eq(reviewMeetings.status, 'planned'), gte(reviewMeetings.date, d.today)))
    .orderBy(asc(reviewMeetings.date))
    .get();
  const lastHour = new Date(now.getTime() - 60 * 60 * 1000).toISOString();
  if (next && next.cutoffDate < d.today) {
    propose(stockholmInstant(next.cutoffDate, '10:15'), next.cutoffDate, NEXT_AGENDA_PROPOSALS);
    propose(lastHour, d.today, LATER_PROPOSALS);
  } else {
    propose(lastHour, d.today, NEXT_AGENDA_PROPOSALS + LATER_PROPOSALS);
  }
}
