import { E2E_TODAY } from '../fixtures';
import type { Api } from './api';
import { AppPage } from './app';

/** Facklig prövning: the overview, a meeting, meeting mode, the protocol, the schedule. */
export class ReviewPage extends AppPage {}

export const today = () => E2E_TODAY;
/** "tisdag 24 november 2026", as the screens write a meeting's date. */
export const longDate = (d: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${d}T00:00:00Z`));

interface Schedule {
  weekday: 1 | 2 | 3 | 4 | 5;
  parity: 'even' | 'odd';
  time: string;
  place: string;
  cutoffWorkingDays: number;
  durationMinutes: number;
}
export interface MeetingRow {
  id: number;
  date: string;
  cutoffDate: string;
}
export interface Proposal {
  id: number;
  participantId: number;
  participantRef: string;
  participantName: string;
  positionTitle: string;
}

/**
 * A review meeting today whose cutoff is today, so that proposals submitted now go on its agenda and it can be
 * opened at once (a meeting cannot be opened before its day). Returns null when today is not a working day.
 */
export async function meetingToday(admin: Api): Promise<MeetingRow | null> {
  const current = await admin.call('review.getSchedule', {});
  const day = today();
  // Let proposals in until the day of the meeting. The weekday stays as it is: a regular meeting today (if any) then
  // gets today as its cutoff; otherwise an extra meeting is added for today.
  const base: Schedule = current.schedule ?? {
    weekday: 2,
    parity: 'even',
    time: '09:00',
    place: 'Jobb Borås, Sandwalls plats 4',
    cutoffWorkingDays: 2,
    durationMinutes: 60,
  };
  await admin.call('review.setSchedule', { ...base, cutoffWorkingDays: 0 });
  const existing = await admin.call('review.listMeetings', { from: day, to: day });
  if (existing[0]) return existing[0];
  const r = await admin.server.api<MeetingRow>('review.addMeeting', { date: day }, admin.token);
  if (!r.body.ok) {
    if (/arbetsdag/.test(r.body.error.message)) return null;
    throw new Error(`review.addMeeting: ${r.body.error.message}`);
  }
  return r.body.value;
}

/** Draft proposals (participants waiting in matching × positions that need union review), each for another position. */
export async function reviewDrafts(coord: Api, count: number): Promise<Proposal[]> {
  const waiting = await coord.call('participants.list', {
    stages: ['matching'],
    limit: 50,
  });
  const made: Proposal[] = [];
  const usedPositions = new Set<number>();
  for (const p of waiting.rows) {
    if (made.length === count) break;
    const ranked = await coord.call('matching.positionsForParticipant', {
      participantId: p.id,
      includeExcluded: false,
    });
    const slot = ranked.eligible.find(
      (s) => s.employmentForm === 'subsidised_employment' && !s.openProposal && !usedPositions.has(s.positionId),
    );
    if (!slot) continue;
    usedPositions.add(slot.positionId);
    made.push(
      await coord.call('proposals.create', {
        participantId: p.id,
        positionId: slot.positionId,
        positionPeriodId: null,
      }),
    );
  }
  // The demo data (participants in matching, positions with union review) is what this spec builds on.
  if (made.length < count)
    throw new Error('Demodata saknar deltagare under matchning med en plats som kräver facklig prövning.');
  return made;
}
