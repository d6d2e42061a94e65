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
import { participantsInStage } from '../store/participants';
import { positionsWithWorkplace } from '../store/positions';
import { queryMeetings } from '../store/review';
import { loadRecord } from '../store/record';
import { userRecord } from '../store/users';
import { serviceContext, type AuthedContext } from '../services/context';
import { createDraftProposals } from '../services/proposals/create';
import { submitProposal } from '../services/proposals/lifecycle';
import { closeMeeting, openMeeting, recordDecision } from '../services/review/meeting';
import { ensureMeetingsAhead, regenerateMeetings, saveSchedule } from '../services/review/schedule';
import { activeItems } from '../services/review/common';
import { fixedClock, type Clock } from '../util/clock';
import { AppError } from '../../shared/errors';
import type { DecisionInput } from '../../shared/contract/review';
import type { Role } from '../../shared/domain/roles';
import { addDays, compare } from '../../shared/rules/dates';
import { subsidyEndDate } from '../../shared/rules/subsidy';
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

async function contextFor(d: DemoContext, userId: number, clock: Clock): Promise<AuthedContext> {
  const u = await loadRecord(d.database, userRecord, userId);
  return serviceContext({
    database: d.database,
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
  const adminCtx = await contextFor(d, d.users.admin, d.clock);

  // The schedule, and its meetings from three months back to a year ahead.
  await d.database.tx(async (t) => {
    await saveSchedule(adminCtx, t, DEMO_REVIEW_SCHEDULE);
    await regenerateMeetings(t, DEMO_REVIEW_SCHEDULE, addDays(d.today, -91), now.toISOString());
    await ensureMeetingsAhead(t, d.clock);
  });

  const past = (await queryMeetings(d.database, { before: d.today, statuses: ['planned'] })).slice(-PAST_MEETINGS);

  // Proposals go to positions where a twelve-month employment starting within the next month still fits: a
  // coordinator would not propose one to a position that closes before it could end, and every demo flow (12 or 24
  // months from "today") then works whatever the date the demo is made on.
  const lastStart = addDays(d.today, 31);
  const reviewedPositions = (await positionsWithWorkplace(d.database))
    .map((x) => x.p)
    .filter((p) => p.active && p.unionReviewRequired && p.employmentForm === 'subsidised_employment')
    .filter((p) => p.periodEnd === null || compare(subsidyEndDate(lastStart, 12), p.periodEnd) <= 0)
    .map((p) => p.id);
  if (reviewedPositions.length === 0) return;

  /** Participants in matching since before `date` (a vetoed one is back in matching and may be proposed again). */
  const candidates = async (date: string) =>
    d.rng.sample(
      (await participantsInStage(d.database, 'matching')).filter((p) => p.stageSince <= date),
      1000,
    );

  const attendees = (coordinatorName: string, unionName: string) => [
    { name: coordinatorName, party: 'employer' as const, title: 'Arbetslivshandläggare, Jobb Borås' },
    { name: 'Åsa Lindqvist', party: 'employer' as const, title: 'Enhetschef, Jobb Borås' },
    { name: unionName, party: 'union' as const, title: 'Facklig företrädare, Kommunal Sjuhärad' },
  ];

  /** Creates and submits up to `count` proposals at `at` (UTC ISO); returns how many were submitted. */
  const propose = async (at: string, date: string, count: number): Promise<number> => {
    const clock = fixedClock(at);
    const ctx = await contextFor(d, d.users.coordinator, clock);
    let made = 0;
    for (const person of await candidates(date)) {
      if (made >= count) break;
      for (const positionId of d.rng.sample(reviewedPositions, 4)) {
        try {
          const [proposal] = await createDraftProposals(
            ctx,
            [{ participantId: person.id, positionId, positionPeriodId: null }],
            {
              note: null,
              source: 'manual',
            },
          );
          await ctx.tx((t) => submitProposal(ctx, t, proposal!.id, null));
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
    await propose(stockholmInstant(meeting.cutoffDate, '10:15'), meeting.cutoffDate, 4 - (i === 1 ? 1 : 0));

    const clock = fixedClock(stockholmInstant(meeting.date, '09:00'));
    const coordinator = await contextFor(d, d.users.coordinator, clock);
    const union = await contextFor(d, d.users.union, clock);
    await d.database.tx((t) =>
      openMeeting(coordinator, t, meeting.id, attendees(coordinator.user.displayName, union.user.displayName)),
    );
    const agenda = await activeItems(d.database, meeting.id);
    const plan = PAST_DECISIONS[i % PAST_DECISIONS.length]!;
    for (const [k, item] of agenda.entries()) {
      clock.set(stockholmInstant(meeting.date, `09:${String(10 + 8 * k).padStart(2, '0')}`));
      // Items returning from a deferral are approved now that the question is answered.
      const decision: DecisionInput =
        item.origin === 'deferred'
          ? { kind: 'approve', comment: 'Frågan från förra mötet är besvarad: handledare finns under hela perioden.' }
          : (plan[k % plan.length] ?? { kind: 'approve' });
      await d.database.tx((t) => recordDecision(union, t, meeting.id, item.proposalId, decision));
    }
    clock.set(stockholmInstant(meeting.date, '10:20'));
    await d.database.tx((t) => closeMeeting(coordinator, t, meeting.id, true));
  }

  // The upcoming agenda: proposals submitted on the next meeting's cutoff day (or today, if that is still to come),
  // and a couple submitted within the last hour that, past the cutoff, go to the meeting after.
  const [next] = await queryMeetings(d.database, { statuses: ['planned'], from: d.today, limit: 1 });
  const lastHour = new Date(now.getTime() - 60 * 60 * 1000).toISOString();
  if (next && next.cutoffDate < d.today) {
    await propose(stockholmInstant(next.cutoffDate, '10:15'), next.cutoffDate, NEXT_AGENDA_PROPOSALS);
    await propose(lastHour, d.today, LATER_PROPOSALS);
  } else {
    await propose(lastHour, d.today, NEXT_AGENDA_PROPOSALS + LATER_PROPOSALS);
  }
}
