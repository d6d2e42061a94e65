/**
 * Demo participants: fictitious people (invented names, Skatteverket's test personnummer, fictional phone numbers,
 * example.com addresses) spread over every stage of the journey, with timelines that tell how they got there,
 * information meetings in the past (with attendance and no-shows) and ahead (with bookings), deviation reports
 * after repeated no-shows, and exited people whose follow-ups are due.
 *
 * Written in bulk through the stores (every column through its own mapping, ids kept) in one unit of work, so
 * `count` can be large (the list is benchmarked with 50,000). Everything is decided by `d.rng`, so the same seed gives the same people.
 */
import { maxId } from '../store/bulk';
import {
  insertBookings,
  insertDeviations,
  insertInfoMeetings,
  type BookingInsert,
  type DeviationInsert,
  type NoShowRef,
} from '../store/meetings';
import {
  insertExitFollowUpsBulk,
  insertParticipantEvents,
  insertParticipants,
  nextRefNumber,
  type ExitFollowUpInsert,
  type ParticipantEventInsert,
  type ParticipantInsert,
} from '../store/participants';
import { allUserNames } from '../store/users';
import type { Role } from '../../shared/domain/roles';
import {
  FOLLOW_UP_MONTHS,
  type CloseReason,
  type EducationLevel,
  type ExitOutcome,
  type PauseReason,
  type PlacementKind,
  type SelfSupporting,
  type Stage,
  type SwedishLevel,
} from '../../shared/domain/participant';
import { pauseReturnStage } from '../../shared/rules/journey';
import { personnummerCheckDigit } from '../../shared/rules/personnummer';
import { addDays, addMonthsClamped, compare, maxDate, minDate, weekday } from '../../shared/rules/dates';
import { derivedColumns, formatRef } from '../services/participants/views';
import type { DemoContext, Rng } from './context';

export interface SeedParticipantsOptions {
  /**
   * Also put people directly in proposed, approved, placed and exited (default true). Set false when the review and
   * placement seeds create those stages with real proposals and placements; those shares then go to matching.
   */
  laterStages?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Fictitious people

type Origin = 'se' | 'so' | 'ar' | 'er' | 'af' | 'ba' | 'pl';

const NAMES: Record<Origin, { f: string[]; m: string[]; last: string[]; languages: string[] }> = {
  se: {
    f: [
      'Anna',
      'Emma',
      'Sara',
      'Maria',
      'Elin',
      'Johanna',
      'Linnea',
      'Malin',
      'Jenny',
      'Camilla',
      'Therese',
      'Åsa',
      'Ida',
      'Frida',
    ],
    m: [
      'Johan',
      'Erik',
      'Mikael',
      'Daniel',
      'Jonas',
      'Andreas',
      'Peter',
      'Fredrik',
      'Marcus',
      'Niklas',
      'Kristoffer',
      'Jörgen',
      'Tobias',
      'Stefan',
    ],
    last: [
      'Andersson',
      'Johansson',
      'Karlsson',
      'Nilsson',
      'Eriksson',
      'Larsson',
      'Olsson',
      'Persson',
      'Svensson',
      'Gustafsson',
      'Pettersson',
      'Lindqvist',
      'Åkesson',
      'Öberg',
      'Ekström',
      'Bengtsson',
      'Sjöberg',
      'Hägg',
    ],
    languages: ['svenska'],
  },
  so: {
    f: ['Amina', 'Hodan', 'Ayan', 'Fadumo', 'Hawa', 'Sahra', 'Ifrah', 'Ladan', 'Ubah', 'Nasra'],
    m: ['Abdi', 'Mohamed', 'Ahmed', 'Abdirahman', 'Hassan', 'Yusuf', 'Omar', 'Mahad', 'Liban', 'Guled'],
    last: ['Warsame', 'Abdullahi', 'Yusuf', 'Osman', 'Farah', 'Hussein', 'Jama', 'Ismail', 'Aden', 'Nur'],
    languages: ['somaliska'],
  },
  ar: {
    f: ['Fatima', 'Leyla', 'Nour', 'Rania', 'Samira', 'Dalia', 'Yasmin', 'Huda', 'Zainab', 'Rasha'],
    m: ['Ali', 'Omar', 'Khaled', 'Karim', 'Mustafa', 'Ibrahim', 'Ahmad', 'Samir', 'Tarek', 'Bilal'],
    last: ['Haddad', 'Khalil', 'Al-Hassan', 'Mansour', 'Saleh', 'Nasser', 'Darwish', 'Hamdan', 'Aziz', 'Jaber'],
    languages: ['arabiska'],
  },
  er: {
    f: ['Rahel', 'Semhar', 'Helen', 'Senait', 'Mebrat', 'Winta', 'Luwam'],
    m: ['Tesfay', 'Yonas', 'Dawit', 'Samuel', 'Filmon', 'Mehari', 'Robel'],
    last: ['Tesfaye', 'Gebremedhin', 'Haile', 'Kidane', 'Tekle', 'Berhe', 'Ghebreyesus'],
    languages: ['tigrinja'],
  },
  af: {
    f: ['Zahra', 'Mariam', 'Farida', 'Shabnam', 'Parwana', 'Nargis'],
    m: ['Ahmad', 'Mohammad', 'Reza', 'Jawad', 'Hamid', 'Sayed', 'Mustafa'],
    last: ['Rahimi', 'Hosseini', 'Ahmadi', 'Sultani', 'Karimi', 'Mohammadi', 'Jafari'],
    languages: ['dari'],
  },
  ba: {
    f: ['Mirela', 'Amra', 'Jasmina', 'Selma', 'Dijana', 'Lejla'],
    m: ['Goran', 'Dragan', 'Emir', 'Adnan', 'Nermin', 'Senad', 'Zoran'],
    last: ['Hodžić', 'Kovačević', 'Begić', 'Delić', 'Hadžić', 'Mehmedović', 'Jovanović'],
    languages: ['bosniska'],
  },
  pl: {
    f: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna'],
    m: ['Piotr', 'Tomasz', 'Paweł', 'Krzysztof'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Zieliński'],
    languages: ['polska'],
  },
};
const ORIGINS: Array<[Origin, number]> = [
  ['se', 0.32],
  ['so', 0.18],
  ['ar', 0.2],
  ['er', 0.1],
  ['af', 0.1],
  ['ba', 0.06],
  ['pl', 0.04],
];

const STREETS = [
  'Björkgatan',
  'Lärkgatan',
  'Granvägen',
  'Eklundsvägen',
  'Solhemsgatan',
  'Klockarevägen',
  'Skogsbrynet',
  'Ängsgatan',
  'Kyrkvägen',
  'Bergslagsgatan',
  'Hagagatan',
  'Vallgatan',
  'Torggatan',
  'Lindgatan',
];
const DEMO_DISTRICTS = [
  'Norrby',
  'Hässleholmen',
  'Sjöbo',
  'Centrum',
  'Brämhult',
  'Hulta',
  'Göta',
  'Trandared',
  'Fristad',
  'Sandared',
  'Dalsjöfors',
  'Viskafors',
] as const;
const POSTCODES: Record<string, string> = {
  Norrby: '504 31',
  Hässleholmen: '504 56',
  Sjöbo: '506 42',
  Centrum: '503 32',
  Brämhult: '507 32',
  Hulta: '506 34',
  Göta: '504 55',
  Trandared: '504 70',
  Fristad: '513 31',
  Sandared: '518 30',
  Dalsjöfors: '516 31',
  Viskafors: '515 34',
};

/** Referring caseworkers at social services (fictitious). Phone numbers from PTS's range for fiction (031-390 06 xx). */
const CASEWORKERS = [
  { name: 'Eva Ek', unit: 'Försörjningsstöd Norr' },
  { name: 'Per Holm', unit: 'Försörjningsstöd Norr' },
  { name: 'Lena Sandberg', unit: 'Försörjningsstöd Söder' },
  { name: 'Ahmed Farouk', unit: 'Försörjningsstöd Söder' },
  { name: 'Maja Strand', unit: 'Försörjningsstöd Centrum' },
  { name: 'Jonas Ljung', unit: 'Vuxenenheten' },
  { name: 'Sofia Dahl', unit: 'Mottagningsenheten' },
  { name: 'Karl Lind', unit: 'Försörjningsstöd Centrum' },
].map((c, i) => ({
  ...c,
  phone: `031-390 06 ${String(10 + i * 3).padStart(2, '0')}`,
  email: `${c.name.toLowerCase().replace(/ /g, '.').replace(/[åä]/g, 'a').replace(/ö/g, 'o')}@example.org`,
}));

const SKILLS = [
  'städning',
  'kundservice',
  'lagerarbete',
  'truckkort',
  'matlagning',
  'snickeri',
  'cykelreparation',
  'trädgård',
  'försäljning',
  'barnomsorg',
  'datorvana',
  'målning',
  'flyttarbete',
  'kassa',
  'sömnad',
  'svetsning',
  'bilvård',
  'äldreomsorg',
];
const INTERESTS = [
  'cyklar',
  'hantverk',
  'second hand',
  'natur',
  'matlagning',
  'idrott',
  'musik',
  'teknik',
  'odling',
  'möbelrenovering',
];
const EXPERIENCE = [
  'Städning på hotell i två år.',
  'Lagerarbete och plock på bemanningsföretag.',
  'Kock på familjens restaurang i hemlandet.',
  'Byggarbetare, främst betong och murning.',
  'Barnskötare i förskola i fem år.',
  'Butiksbiträde i livsmedelsbutik.',
  'Taxichaufför i tre år.',
  'Skräddare med egen verksamhet.',
  'Inga tidigare anställningar i Sverige; hemarbete och barnomsorg.',
  'Sommarjobb inom äldreomsorgen och praktik på Returhuset.',
  'Bilmekaniker i hemlandet i tio år.',
  'Servitör och diskare på restaurang i Göteborg.',
];
const RESTRICTIONS = [
  'Kan inte lyfta tyngre än 10 kg.',
  'Ryggbesvär – bör undvika långvarigt stående.',
  'Astma – undvika damm och starka rengöringsmedel.',
  'Behöver kortare arbetspass på grund av trötthet efter sjukdom.',
  'Nedsatt hörsel på ena örat.',
];
const CASE_NOTES = [
  'Två barn i förskola; arbetstid 8–16 fungerar.',
  'Önskar stöd med cv och personligt brev.',
  'Har körkort från hemlandet som behöver valideras.',
  'Skuldsanering pågår; budgetrådgivning bokad.',
  'Ensamstående förälder, behöver arbete nära bostaden.',
  'Har tidigare haft praktik via Arbetsförmedlingen som avbröts.',
];
const PLACES = [
  'Jobb Borås, Västerbrogatan 4, sal Viskan',
  'Jobb Borås, Västerbrogatan 4, sal Kypesjön',
  'Hässleholmens bibliotek, samlingssalen',
  'Norrby träffpunkt',
];

// ---------------------------------------------------------------------------------------------
// Stage mix

const STAGE_SHARES: Array<[Stage, number]> = [
  ['referred', 0.14],
  ['meeting_booked', 0.07],
  ['attended', 0.06],
  ['mapped', 0.08],
  ['matching', 0.2],
  ['proposed', 0.06],
  ['approved', 0.04],
  ['placed', 0.17],
  ['exited', 0.08],
  ['paused', 0.05],
  ['closed', 0.05],
];
const LATER: readonly Stage[] = ['proposed', 'approved', 'placed', 'exited'];

/** How many of `count` people go to each stage: one each first (when count allows), the rest by share. */
export function stagePlan(count: number, laterStages: boolean): Stage[] {
  const used = STAGE_SHARES.filter(([s]) => laterStages || !LATER.includes(s));
  const total = used.reduce((a, [, p]) => a + p, 0);
  const base = count >= used.length ? 1 : 0;
  const rest = count - base * used.length;
  const exact = used.map(([s, p]) => ({
    s,
    n: base + Math.floor((rest * p) / total),
    frac: (rest * p) / total - Math.floor((rest * p) / total),
  }));
  // largest remainders get the people left over
  let left = count - exact.reduce((a, e) => a + e.n, 0);
  for (const e of [...exact].sort((a, b) => b.frac - a.frac)) {
    if (left <= 0) break;
    e.n++;
    left--;
  }
  return exact.flatMap((e) => new Array<Stage>(e.n).fill(e.s));
}

// ---------------------------------------------------------------------------------------------
// Helpers

const ORIGIN_TOTAL = ORIGINS.reduce((a, [, p]) => a + p, 0);
function pickOrigin(rng: Rng): Origin {
  let x = rng.next() * ORIGIN_TOTAL;
  for (const [o, p] of ORIGINS) {
    x -= p;
    if (x < 0) return o;
  }
  return 'se';
}

function pickWeighted<T>(rng: Rng, items: Array<[T, number]>): T {
  const total = items.reduce((a, [, p]) => a + p, 0);
  let x = rng.next() * total;
  for (const [v, p] of items) {
    x -= p;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

/** The nearest working day on or before `date` (demo meetings are on weekdays). */
function weekdayOnOrBefore(date: string): string {
  let d = date;
  while (weekday(d) > 5) d = addDays(d, -1);
  return d;
}
function weekdayOnOrAfter(date: string): string {
  let d = date;
  while (weekday(d) > 5) d = addDays(d, 1);
  return d;
}

/** A UTC instant on a local date during office hours (Stockholm is UTC+1/+2; 07–14 UTC is 08–16 local). */
function at(rng: Rng, date: string, hourUtc?: number): string {
  const h = hourUtc ?? rng.int(7, 14);
  return `${date}T${String(h).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.000Z`;
}

/** Numbers that can never belong to anyone: a test number with its check digit deliberately wrong. */
function impossibleNumber(base: string, k: number): string {
  const right = personnummerCheckDigit(base.slice(2, 11));
  const wrong = (right + 1 + (k % 9)) % 10;
  return `${base.slice(0, 11)}${wrong}`;
}

// ---------------------------------------------------------------------------------------------

interface MeetingSlot {
  id: number;
  date: string;
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
  booked: number;
  languages: string[];
}

/** Days spent in the stage so far, by stage: [min, max]. */
const DAYS_IN_STAGE: Record<Stage, [number, number]> = {
  referred: [0, 40],
  meeting_booked: [0, 12],
  attended: [0, 20],
  mapped: [0, 14],
  matching: [0, 150],
  proposed: [0, 14],
  approved: [0, 20],
  placed: [10, 420],
  exited: [30, 420],
  paused: [5, 90],
  closed: [5, 300],
};
/** Days from entering a stage to entering the next one: [min, max]. */
const GAP_AFTER: Record<Stage, [number, number]> = {
  referred: [3, 14],
  meeting_booked: [2, 14],
  attended: [5, 21],
  mapped: [1, 10],
  matching: [14, 120],
  proposed: [7, 21],
  approved: [7, 30],
  placed: [180, 540],
  exited: [0, 0],
  paused: [0, 0],
  closed: [0, 0],
};
const MAINLINE: readonly Stage[] = [
  'referred',
  'meeting_booked',
  'attended',
  'mapped',
  'matching',
  'proposed',
  'approved',
  'placed',
  'exited',
];
const hh = (h: number) => String(h).padStart(2, '0');

/**
 * Seeds `count` participants across every stage, with information meetings, deviation reports and follow-ups.
 * Personnummer come from `d.testPersonnummer()` (Skatteverket's test numbers). That list holds about 41,500
 * numbers; a larger benchmark set continues with test numbers whose check digit is deliberately wrong, which by
 * construction can belong to no one.
 */
export async function seedParticipants(d: DemoContext, count = 200, opts: SeedParticipantsOptions = {}): Promise<void> {
  const { rng, today } = d;
  const laterStages = opts.laterStages ?? true;
  const nowIso = d.clock.now().toISOString();
  const coordinators = (await allUserNames(d.database))
    .filter((u) => u.active && (u.roles as Role[]).includes('coordinator'))
    .map((u) => u.id);
  if (!coordinators.includes(d.users.coordinator)) coordinators.unshift(d.users.coordinator);

  const plan = stagePlan(count, laterStages);
  for (let k = plan.length - 1; k > 0; k--) {
    const j = Math.floor(rng.next() * (k + 1));
    [plan[k], plan[j]] = [plan[j]!, plan[k]!];
  }

  // Personnummer: working-age adults first, then anyone on the list, then impossible numbers.
  const ranges = [
    { minAge: 19, maxAge: 64 },
    { minAge: 16, maxAge: 120 },
  ];
  const listNumbers: string[] = [];
  let fallback = 0;
  const nextPnr = (): string => {
    while (ranges.length > 0) {
      try {
        const n = d.testPersonnummer(ranges[0]);
        listNumbers.push(n);
        return n;
      } catch {
        ranges.shift(); // this range is used up
      }
    }
    if (listNumbers.length === 0 || fallback >= listNumbers.length * 9)
      throw new Error('Det går inte att skapa så många demopersoner.');
    const j = fallback++;
    return impossibleNumber(listNumbers[j % listNumbers.length]!, Math.floor(j / listNumbers.length));
  };

  await d.database.tx(async (t) => {
    let nextParticipantId = (await maxId(t, 'participants')) + 1;
    let nextMeetingId = (await maxId(t, 'infoMeetings')) + 1;
    const refSeq = new Map<string, number>();
    const ref = async (date: string) => {
      const year = date.slice(0, 4);
      const n = refSeq.get(year) ?? (await nextRefNumber(t, year));
      refSeq.set(year, n + 1);
      return formatRef(year, n);
    };

    const pRows: ParticipantInsert[] = [];
    const events: ParticipantEventInsert[] = [];
    const bookings: BookingInsert[] = [];
    const followUps: ExitFollowUpInsert[] = [];
    const deviations: DeviationInsert[] = [];

    // Meetings on weekdays, 09–11 and, when that one is full, 13–15; past ones end by yesterday, future ones
    // start tomorrow at the earliest (so nothing is half-way through "now").
    const yesterday = addDays(today, -1);
    const tomorrow = addDays(today, 1);
    const meetings = new Map<string, MeetingSlot[]>();
    const meetingOn = (date: string, future: boolean): MeetingSlot => {
      const day = future ? weekdayOnOrAfter(maxDate(date, tomorrow)) : weekdayOnOrBefore(minDate(date, yesterday));
      const list = meetings.get(day) ?? [];
      let slot = list.find((m) => m.booked < m.capacity);
      if (!slot) {
        const startHour = list.length % 2 === 1 ? 13 : 9;
        slot = {
          id: nextMeetingId++,
          date: day,
          startsAt: `${day}T${hh(startHour)}:00`,
          endsAt: `${day}T${hh(startHour + 2)}:00`,
          place: PLACES[list.length % PLACES.length]!,
          capacity: 15,
          booked: 0,
          languages: rng.sample(['arabiska', 'somaliska', 'tigrinja', 'dari'], rng.int(0, 2)),
        };
        list.push(slot);
        meetings.set(day, list);
      }
      return slot;
    };
    const book = (date: string, future: boolean): MeetingSlot => {
      const m = meetingOn(date, future);
      m.booked++;
      return m;
    };
    // Upcoming meetings exist even before anyone is booked.
    for (const offset of [2, 7, 14, 21]) meetingOn(addDays(today, offset), true);

    let deviationsMade = 0;
    let exitsMade = 0;
    for (let i = 0; i < count; i++) {
      const target = plan[i]!;
      const id = nextParticipantId++;
      const pnr = nextPnr();
      const male = Number(pnr[10]) % 2 === 1;
      const origin = pickOrigin(rng);
      const names = NAMES[origin];
      const firstName = rng.pick(male ? names.m : names.f);
      const lastName = rng.pick(names.last);
      const district = rng.pick(DEMO_DISTRICTS);
      const caseworker = rng.pick(CASEWORKERS);
      const children = rng.chance(0.45) ? rng.int(1, 4) : 0;
      const longTerm = rng.chance(0.5);
      const assistanceKr = 5200 + children * 2600 + rng.int(0, 40) * 100 + (longTerm ? 800 : 0);
      const coordinatorId = rng.chance(0.06) ? null : coordinators[i % coordinators.length]!;
      const actor = coordinatorId ?? d.users.coordinator;

      // The path through the journey; paused and closed branch off an earlier stage.
      const branchFrom: Stage | null =
        target === 'paused' || target === 'closed'
          ? rng.pick<Stage>(['referred', 'attended', 'mapped', 'matching', 'matching'])
          : null;
      const path = MAINLINE.slice(0, MAINLINE.indexOf(branchFrom ?? target) + 1);
      if (branchFrom) path.push(target);
      const last = path.length - 1;

      // No-shows (for some who still wait for a meeting): the first few make deviation reports.
      const plannedNoShows =
        target === 'referred' && rng.chance(0.3) ? (deviationsMade < 3 || rng.chance(0.25) ? 2 : 1) : 0;

      // Dates, walking back from when the current stage began.
      const dates: string[] = new Array<string>(path.length);
      const [lo, hi] = DAYS_IN_STAGE[target];
      if (target === 'exited' && exitsMade < 3) {
        // some exits whose six-month follow-up has just come due
        dates[last] = addDays(addMonthsClamped(today, -6), -rng.int(1, 25));
      } else if (plannedNoShows > 0) {
        dates[last] = addDays(today, -rng.int(25 * plannedNoShows, 30 + 25 * plannedNoShows));
      } else {
        dates[last] = addDays(today, -rng.int(lo, hi));
      }
      for (let k = last - 1; k >= 0; k--) {
        const [glo, ghi] = GAP_AFTER[path[k]!];
        dates[k] = addDays(dates[k + 1]!, -rng.int(glo, ghi));
      }
      // The meeting attended is on a weekday before today; the booking a few days before it.
      let attendedMeeting: MeetingSlot | null = null;
      const attendedIdx = path.indexOf('attended');
      if (attendedIdx >= 0) {
        attendedMeeting = book(dates[attendedIdx]!, false);
        dates[attendedIdx] = attendedMeeting.date;
        for (let k = attendedIdx + 1; k <= last; k++) dates[k] = maxDate(dates[k]!, dates[k - 1]!);
        dates[attendedIdx - 1] = addDays(attendedMeeting.date, -rng.int(3, 10)); // booked
        dates[0] = minDate(dates[0]!, addDays(dates[attendedIdx - 1]!, -rng.int(3, 14))); // referred
      }
      // Someone booked waits for a meeting ahead, or (some) for attendance to be recorded for yesterday's.
      let bookedMeeting: MeetingSlot | null = null;
      if (target === 'meeting_booked') {
        bookedMeeting = rng.chance(0.2) ? book(yesterday, false) : book(addDays(today, rng.int(1, 16)), true);
        dates[last] = minDate(dates[last]!, addDays(bookedMeeting.date, -2));
        dates[0] = minDate(dates[0]!, addDays(dates[last]!, -rng.int(3, 14)));
      }
      const referralDate = dates[0]!;

      // The no-shows, between the referral and today.
      const noShowRefs: NoShowRef[] = [];
      const noShowBooked: string[] = [];
      let day = addDays(referralDate, rng.int(4, 9));
      for (let k = 0; k < plannedNoShows && compare(day, yesterday) <= 0; k++) {
        const m = book(day, false);
        if (compare(m.date, referralDate) <= 0) {
          m.booked--;
          break;
        }
        const bookedOn = maxDate(referralDate, addDays(m.date, -rng.int(2, 5)));
        bookings.push({
          meetingId: m.id,
          participantId: id,
          status: 'no_show',
          bookedAt: at(rng, bookedOn, 8),
          bookedBy: actor,
          recordedAt: at(rng, m.date, 11),
          recordedBy: actor,
        });
        noShowRefs.push({ meetingId: m.id, startsAt: m.startsAt, place: m.place });
        noShowBooked.push(bookedOn);
        day = addDays(m.date, rng.int(7, 14));
      }
      // After a no-show the person is referred again from that day.
      if (noShowRefs.length > 0) dates[last] = noShowRefs[noShowRefs.length - 1]!.startsAt.slice(0, 10);
      const stageSince = dates[last]!;

      // Mapping, for everyone who got that far.
      const mapped = path.includes('mapped');
      const swedishLevel: SwedishLevel =
        origin === 'se'
          ? rng.chance(0.9)
            ? 'native'
            : 'sas'
          : pickWeighted<SwedishLevel>(rng, [
              ['sfi_a', 0.08],
              ['sfi_b', 0.2],
              ['sfi_c', 0.3],
              ['sfi_d', 0.27],
              ['sas', 0.15],
            ]);
      const education = pickWeighted<EducationLevel>(rng, [
        ['none', 0.08],
        ['primary_short', 0.17],
        ['primary', 0.3],
        ['upper_secondary', 0.32],
        ['post_secondary_short', 0.08],
        ['university', 0.05],
      ]);
      const wished = rng.sample<PlacementKind>(
        ['bicycle_workshop', 'carpentry', 'second_hand', 'handyman', 'cleaning', 'municipal_department'],
        rng.int(1, 3),
      );
      const languages =
        origin === 'se' ? ['svenska'] : [...names.languages, ...(rng.chance(0.35) ? ['engelska'] : []), 'svenska'];

      // Side states
      let pausedFromStage: Stage | null = null;
      let pauseReason: PauseReason | null = null;
      let pauseExpectedReturn: string | null = null;
      let closeReason: CloseReason | null = null;
      let exitOutcome: ExitOutcome | null = null;
      if (target === 'paused') {
        pausedFromStage = pauseReturnStage(branchFrom!);
        pauseReason = pickWeighted<PauseReason>(rng, [
          ['sick_leave', 0.55],
          ['parental_leave', 0.35],
          ['other', 0.1],
        ]);
        // most expect to return in the coming months; some are overdue (shown on the start page)
        pauseExpectedReturn = rng.chance(0.2) ? addDays(today, -rng.int(1, 10)) : addDays(today, rng.int(10, 150));
      }
      if (target === 'closed')
        closeReason = pickWeighted<CloseReason>(rng, [
          ['moved', 0.35],
          ['declined', 0.25],
          ['no_work_capacity', 0.25],
          ['other', 0.15],
        ]);
      if (target === 'exited') {
        exitOutcome = pickWeighted<ExitOutcome>(rng, [
          ['ordinary_job', 0.45],
          ['studies', 0.15],
          ['other_subsidised_job', 0.15],
          ['back_to_assistance', 0.1],
          ['moved', 0.05],
          ['other', 0.1],
        ]);
      }

      const refText = await ref(referralDate);
      const row: ParticipantInsert = {
        id,
        ref: refText,
        personnummer: pnr,
        firstName,
        lastName,
        // PTS's range of mobile numbers for fiction: 070-174 06 05 – 070-174 06 99
        phone: rng.chance(0.9) ? `070-174 06 ${String(rng.int(5, 99)).padStart(2, '0')}` : null,
        email: rng.chance(0.6)
          ? `${firstName}.${lastName}.${id}@example.com`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
          : null,
        address: `${rng.pick(STREETS)} ${rng.int(1, 60)}`,
        postalCode: POSTCODES[district] ?? '503 30',
        city: ['Fristad', 'Sandared', 'Dalsjöfors', 'Viskafors'].includes(district) ? district : 'Borås',
        district,
        languages: mapped ? languages : [],
        swedishLevel: mapped ? swedishLevel : null,
        educationLevel: mapped ? education : null,
        licenceClasses: mapped && rng.chance(0.35) ? (rng.chance(0.15) ? ['B', 'C'] : ['B']) : [],
        experienceText: mapped ? rng.pick(EXPERIENCE) : null,
        ssykCode: null,
        skills: mapped ? rng.sample(SKILLS, rng.int(1, 4)) : [],
        interests: mapped ? rng.sample(INTERESTS, rng.int(0, 2)) : [],
        restrictions: mapped && rng.chance(0.15) ? rng.pick(RESTRICTIONS) : null,
        wishedKinds: mapped ? wished : [],
        availablePercent: mapped ? rng.pick([50, 75, 75, 100, 100, 100]) : null,
        earliestStart: mapped ? addDays(dates[path.indexOf('mapped')]!, rng.int(7, 30)) : null,
        childrenInHousehold: children,
        longTermRecipient: longTerm,
        monthlyAssistance: assistanceKr * 100,
        caseworkerName: caseworker.name,
        caseworkerUnit: caseworker.unit,
        caseworkerPhone: caseworker.phone,
        caseworkerEmail: caseworker.email,
        referralDate,
        caseNotes: rng.chance(0.4) ? rng.pick(CASE_NOTES) : null,
        stage: target,
        stageSince,
        pausedFromStage,
        pauseReason,
        pauseExpectedReturn,
        closeReason,
        exitOutcome,
        exitDate: target === 'exited' ? stageSince : null,
        noShowCount: noShowRefs.length,
        coordinatorId,
        createdAt: at(rng, referralDate, 7),
        updatedAt: nowIso,
        ...derivedColumns({ firstName, lastName, personnummer: pnr, ref: refText, caseworkerName: caseworker.name }),
      };
      pRows.push(row);

      // The timeline, oldest first.
      // Events are added oldest first; two on the same day and hour are kept in that order.
      let lastAt = '';
      const ev = (
        date: string,
        hourUtc: number,
        e: Omit<ParticipantEventInsert, 'participantId' | 'at' | 'userId'>,
      ) => {
        let when = at(rng, date, hourUtc);
        if (when <= lastAt) when = new Date(new Date(lastAt).getTime() + 60_000).toISOString();
        lastAt = when;
        events.push({ participantId: id, at: when, userId: actor, ...e });
      };
      ev(referralDate, 7, { kind: 'created', toStage: 'referred', data: { source: 'manual' } });
      noShowRefs.forEach((n, k) => {
        const meetingDay = n.startsAt.slice(0, 10);
        ev(noShowBooked[k]!, 8, {
          kind: 'meeting',
          fromStage: 'referred',
          toStage: 'meeting_booked',
          data: { command: 'book_meeting', ...n },
        });
        ev(meetingDay, 11, {
          kind: 'meeting',
          fromStage: 'meeting_booked',
          toStage: 'referred',
          data: { command: 'record_no_show', ...n, noShowNumber: k + 1 },
        });
      });
      if (noShowRefs.length >= 2) {
        const status = deviationsMade % 3 === 2 ? 'sent' : 'open';
        const dayOfSecond = noShowRefs[1]!.startsAt.slice(0, 10);
        const createdAt = at(rng, dayOfSecond, 12);
        deviations.push({
          participantId: id,
          createdAt,
          reason: `Uteblev från bokat informationsmöte 2 gånger (${noShowRefs.map((n) => n.startsAt.slice(0, 10)).join(', ')}).`,
          noShows: noShowRefs,
          status,
          sentAt: status === 'sent' ? at(rng, addDays(dayOfSecond, 1), 9) : null,
        });
        ev(dayOfSecond, 12, { kind: 'deviation', data: { noShowCount: 2 } });
        if (status === 'sent') ev(addDays(dayOfSecond, 1), 9, { kind: 'deviation', data: { status: 'sent' } });
        deviationsMade++;
      }
      for (let k = 1; k <= last; k++) {
        const from = path[k - 1]!;
        const to = path[k]!;
        const date = dates[k]!;
        switch (to) {
          case 'meeting_booked': {
            const m = bookedMeeting ?? attendedMeeting!;
            ev(date, 8, {
              kind: 'meeting',
              fromStage: from,
              toStage: to,
              data: { command: 'book_meeting', meetingId: m.id, startsAt: m.startsAt, place: m.place },
            });
            if (bookedMeeting)
              bookings.push({
                meetingId: m.id,
                participantId: id,
                status: 'booked',
                bookedAt: at(rng, date, 8),
                bookedBy: actor,
              });
            break;
          }
          case 'attended': {
            const m = attendedMeeting!;
            ev(date, 11, {
              kind: 'meeting',
              fromStage: from,
              toStage: to,
              data: { command: 'record_attended', meetingId: m.id, startsAt: m.startsAt, place: m.place },
            });
            bookings.push({
              meetingId: m.id,
              participantId: id,
              status: 'attended',
              bookedAt: at(rng, dates[k - 1]!, 8),
              bookedBy: actor,
              recordedAt: at(rng, date, 11),
              recordedBy: actor,
            });
            break;
          }
          case 'mapped':
            ev(date, 9, {
              kind: 'mapping',
              data: {
                fields: [
                  'languages',
                  'swedishLevel',
                  'educationLevel',
                  'experienceText',
                  'skills',
                  'wishedKinds',
                  'availablePercent',
                  'earliestStart',
                ],
              },
            });
            ev(date, 10, { kind: 'transition', fromStage: from, toStage: to, data: { command: 'mark_mapped' } });
            break;
          case 'matching':
            ev(date, 10, { kind: 'transition', fromStage: from, toStage: to, data: { command: 'start_matching' } });
            break;
          case 'proposed':
            ev(date, 10, {
              kind: 'proposal',
              fromStage: from,
              toStage: to,
              data: { command: 'propose', summary: 'Föreslagen till en placering' },
            });
            break;
          case 'approved':
            ev(date, 9, {
              kind: 'decision',
              fromStage: from,
              toStage: to,
              data: { command: 'approve', summary: 'Godkänd vid facklig prövning' },
            });
            break;
          case 'placed':
            ev(date, 7, {
              kind: 'placement',
              fromStage: from,
              toStage: to,
              data: { command: 'place', summary: 'Placeringen startade' },
            });
            break;
          case 'exited':
            ev(date, 13, {
              kind: 'transition',
              fromStage: from,
              toStage: to,
              note: exitOutcome === 'other' ? 'Driver eget företag tillsammans med familjen.' : null,
              data: { command: 'exit', outcome: exitOutcome, date },
            });
            break;
          case 'paused':
            ev(date, 13, {
              kind: 'transition',
              fromStage: from,
              toStage: to,
              note: pauseReason === 'other' ? 'Vårdar en närstående under en period.' : null,
              data: { command: 'pause', reason: pauseReason, expectedReturn: pauseExpectedReturn },
            });
            break;
          case 'closed':
            ev(date, 13, {
              kind: 'transition',
              fromStage: from,
              toStage: to,
              note: closeReason === 'other' ? 'Har fått arbete på egen hand.' : null,
              data: { command: 'close', reason: closeReason },
            });
            break;
          default:
            break;
        }
      }
      if (target === 'exited') {
        const justDue = exitsMade < 3;
        exitsMade++;
        for (const months of FOLLOW_UP_MONTHS) {
          const due = addMonthsClamped(stageSince, months);
          // Older follow-ups are mostly recorded; recent ones wait on the start page.
          const recorded = !justDue && compare(due, addDays(today, -45)) < 0 && rng.chance(0.85);
          const answer = pickWeighted<SelfSupporting>(rng, [
            ['yes', 0.72],
            ['no', 0.18],
            ['unknown', 0.1],
          ]);
          const recordedOn = addDays(due, rng.int(0, 20));
          followUps.push({
            participantId: id,
            exitDate: stageSince,
            months,
            dueDate: due,
            selfSupporting: recorded ? answer : null,
            note: recorded && answer === 'no' ? 'Har åter ansökt om försörjningsstöd.' : null,
            recordedAt: recorded ? at(rng, recordedOn) : null,
            recordedBy: recorded ? actor : null,
          });
          if (recorded) ev(recordedOn, 14, { kind: 'follow_up', data: { months, selfSupporting: answer } });
        }
      }
    }

    const meetingRows = [...meetings.values()].flat().map((m) => ({
      id: m.id,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      capacity: m.capacity,
      interpreterLanguages: m.languages,
      createdBy: d.users.coordinator,
      createdAt: `${addDays(m.date, -21)}T08:00:00.000Z`,
      updatedAt: `${addDays(m.date, -21)}T08:00:00.000Z`,
    }));
    await insertInfoMeetings(t, meetingRows);
    await insertParticipants(t, pRows);
    await insertParticipantEvents(t, events);
    await insertBookings(t, bookings);
    await insertExitFollowUpsBulk(t, followUps);
    await insertDeviations(t, deviations);
  });
}
