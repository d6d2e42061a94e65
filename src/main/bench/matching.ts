/**
 * Benchmark of matching (issue "Matching", point 5), end to end through the dispatcher as the UI calls it:
 *
 * - globalSuggestion: 'matching.suggest' for 2,000 waiting participants and 600 positions with 1–5 slots each
 *   (database reads, scoring of every pair, the exact solver, explanations, output validation, audit);
 * - candidates: 'matching.candidates' for one position among 50,000 waiting participants (SQL prefilter, scoring,
 *   sorting, explanations for the first page, output validation, audit);
 * - solverOnly: the solver alone on its own 2,000 × 600 instance (benchSolver).
 *
 * Each figure builds its data in a throw-away database (no demo needed) with a seeded generator, so runs are
 * comparable. Times are milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { startApp, type RunningApp } from '../app';
import { maxId } from '../store/bulk';
import { insertParticipants, type ParticipantInsert } from '../store/participants';
import {
  insertPositions,
  insertWorkplaces,
  updatePosition,
  type PositionInsert,
  type WorkplaceInsert,
} from '../store/positions';
import { Rng } from '../demo/context';
import { benchSolver } from '../matching/solver-bench';
import { dispatch } from '../rpc/dispatch';
import { fixedClock } from '../util/clock';
import { derivedColumns } from '../services/participants/views';
import { round, sqliteTarget, type BenchPlace, type BenchTarget } from './targets';
import { DISTRICT_COORDINATES, SKILL_SUGGESTIONS, type PositionKind } from '../../shared/domain/position';
import { addDays } from '../../shared/rules/dates';
import type { Suggestion } from '../../shared/contract/matching';

export const BENCH_TODAY = '2026-11-23';
const NOW = `${BENCH_TODAY}T09:00:00.000Z`;

const KINDS: PositionKind[] = [
  'bicycle_workshop',
  'carpentry',
  'second_hand',
  'handyman',
  'cleaning',
  'municipal_department',
];
const DISTRICTS = Object.keys(DISTRICT_COORDINATES);
const LANGUAGES = [
  'arabiska',
  'somaliska',
  'tigrinja',
  'dari',
  'persiska',
  'bosniska',
  'engelska',
  'kurdiska',
  'polska',
  'finska',
];
const LEVELS = ['sfi_a', 'sfi_b', 'sfi_c', 'sfi_d', 'sas', 'native'];
const EXPERIENCE = [
  'Arbetade som cykelmekaniker i hemlandet',
  'Städade på hotell i två år',
  'Butik och kassa, även lager',
  'Snickare och möbelrenovering',
  'Kökshjälp och servering på restaurang',
  'Fastighetsskötsel och enklare reparationer',
  'Barnskötare på förskola',
  'Ingen tidigare arbetslivserfarenhet',
];
const FIRST = [
  'Amina',
  'Björn',
  'Carina',
  'Dragan',
  'Elin',
  'Fatima',
  'Göran',
  'Hassan',
  'Ingrid',
  'Jonas',
  'Leila',
  'Nour',
  'Päivi',
  'Sara',
  'Åsa',
];
const LAST = [
  'Andersson',
  'Berg',
  'Çelik',
  'Dahl',
  'Ekström',
  'Hussein',
  'Johansson',
  'Karlsson',
  'Mohammed',
  'Nilsson',
  'Öberg',
  'Åkesson',
];

export interface MatchingBenchOptions {
  participants?: number;
  positions?: number;
  candidatePool?: number;
  candidateRuns?: number;
  seed?: number;
  /** Include the solver-only figure (default true). */
  solver?: boolean;
}

export interface BenchApp {
  app: RunningApp;
  place: BenchPlace;
  token: string;
  close(): Promise<void>;
}

/** An app with one admin user on a fresh database of the target, for calls through the dispatcher. */
export async function benchApp(target: BenchTarget): Promise<BenchApp> {
  const place = await target.fresh();
  const app = await startApp({
    dataDir: place.dataDir,
    database: place.database,
    clock: fixedClock(NOW),
    scryptN: 2 ** 10,
  });
  const r = await dispatch(
    app,
    'system.setup',
    { username: 'bench', displayName: 'Bench', password: 'ett långt bänklösenord 2026' },
    { token: null, transport: 'test' },
  );
  if (!r.ok) throw new Error(r.error.message);
  return {
    app,
    place,
    token: (r.value as { token: string }).token,
    async close() {
      await app.close();
      await place.drop();
    },
  };
}

/** Inserts `count` positions (1–5 slots each) in workplaces of ~5 positions, through the stores. Returns their ids. */
export async function seedBenchPositions(app: RunningApp, rng: Rng, count: number): Promise<number[]> {
  return app.database.tx(async (t) => {
    let wpId = await maxId(t, 'workplaces');
    let posId = await maxId(t, 'positions');
    const wps: WorkplaceInsert[] = [];
    const rows: PositionInsert[] = [];
    for (let i = 0; i < count; i++) {
      if (i % 5 === 0) {
        wps.push({
          id: ++wpId,
          name: `Arbetsplats ${i / 5 + 1}`,
          organisation: 'Borås Stad',
          district: rng.pick(DISTRICTS),
          active: true,
          createdAt: NOW,
          updatedAt: NOW,
        });
      }
      const kind = rng.pick(KINDS);
      const minLevel = rng.chance(0.4) ? null : rng.pick(['sfi_a', 'sfi_b', 'sfi_c', 'sfi_d']);
      rows.push({
        id: ++posId,
        workplaceId: wpId,
        kind,
        title: `Plats ${i + 1}`,
        tasks: 'Extra uppgifter som inte ersätter ordinarie personal.',
        minSwedishLevel: minLevel,
        requiredLicence: rng.chance(0.15) ? 'B' : null,
        physicalDemands: 'medium',
        languages: rng.chance(0.5) ? rng.sample(LANGUAGES, rng.int(1, 2)) : [],
        skills: rng.sample(SKILL_SUGGESTIONS, rng.int(2, 4)),
        hoursPercent: rng.pick([50, 75, 100]),
        slots: rng.int(1, 5),
        periodStart: addDays(BENCH_TODAY, -rng.int(0, 400)),
        periodEnd: rng.chance(0.5) ? null : addDays(BENCH_TODAY, rng.int(60, 500)),
        employmentForm: rng.chance(0.3) ? 'work_training' : 'subsidised_employment',
        unionReviewRequired: true,
        active: true,
        createdAt: NOW,
        updatedAt: NOW,
      });
    }
    await insertWorkplaces(t, wps);
    await insertPositions(t, rows);
    return rows.map((r) => r.id!);
  });
}

/** Inserts `count` waiting participants (stage mapped or matching) with realistic mapping data, through the stores. */
export async function seedBenchParticipants(app: RunningApp, rng: Rng, count: number): Promise<void> {
  const rows: ParticipantInsert[] = [];
  for (let i = 0; i < count; i++) {
    const referral = addDays(BENCH_TODAY, -rng.int(0, 500));
    const ref = `B-${String(i + 1).padStart(6, '0')}`;
    const personnummer = `BENCH${String(i + 1).padStart(7, '0')}`;
    const firstName = rng.pick(FIRST);
    const lastName = rng.pick(LAST);
    const row: ParticipantInsert = {
      ref,
      personnummer,
      firstName,
      lastName,
      // What the list searches and sorts on, as the participants service maintains it.
      ...derivedColumns({ firstName, lastName, personnummer, ref, caseworkerName: null }),
      district: rng.chance(0.9) ? rng.pick(DISTRICTS) : null,
      languages: rng.sample(LANGUAGES, rng.int(1, 2)),
      swedishLevel: rng.pick(LEVELS),
      licenceClasses: rng.chance(0.3) ? ['B'] : [],
      experienceText: rng.pick(EXPERIENCE),
      skills: rng.sample(SKILL_SUGGESTIONS, rng.int(1, 4)),
      interests: rng.chance(0.5) ? ['cyklar', 'trädgård'] : ['matlagning'],
      wishedKinds: rng.sample(KINDS, rng.int(1, 2)),
      availablePercent: rng.pick([50, 75, 100, 100]),
      earliestStart: rng.chance(0.7) ? null : addDays(BENCH_TODAY, rng.int(0, 120)),
      childrenInHousehold: rng.chance(0.6) ? 0 : rng.int(1, 4),
      longTermRecipient: rng.chance(0.4),
      referralDate: referral,
      stage: rng.chance(0.5) ? 'mapped' : 'matching',
      stageSince: referral,
      createdAt: NOW,
      updatedAt: NOW,
    };
    rows.push(row);
  }
  await app.database.tx(async (t) => {
    const base = await maxId(t, 'participants');
    await insertParticipants(
      t,
      rows.map((r, i) => ({ ...r, id: base + i + 1 })),
    );
  });
}

export async function call(b: BenchApp, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(b.app, name, input, { token: b.token, transport: 'test' });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export async function benchMatching(target: BenchTarget = sqliteTarget, opts: MatchingBenchOptions = {}) {
  const participants = opts.participants ?? 2_000;
  const positions = opts.positions ?? 600;
  const pool = opts.candidatePool ?? 50_000;
  const runs = opts.candidateRuns ?? 5;
  const rng = new Rng(opts.seed ?? 2026);

  // 1. Global suggestion.
  const a = await benchApp(target);
  let globalSuggestion;
  try {
    await seedBenchPositions(a.app, rng, positions);
    await seedBenchParticipants(a.app, rng, participants);
    const t0 = performance.now();
    const s = (await call(a, 'matching.suggest', {})) as Suggestion;
    const ms = performance.now() - t0;
    globalSuggestion = {
      participants,
      positions,
      slots: s.stats.slotsOffered,
      edges: s.stats.edges,
      assigned: s.stats.assigned,
      totalScore: s.totalScore,
      ms: round(ms),
      serviceMs: s.stats.ms,
      solverMs: s.stats.solverMs,
    };
  } finally {
    await a.close();
  }

  // 2. Ranked candidates for one position among `pool` waiting participants.
  const b = await benchApp(target);
  let candidates;
  try {
    const ids = await seedBenchPositions(b.app, rng, 50);
    await seedBenchParticipants(b.app, rng, pool);
    // A typical position: 75 %, at least SFI B, no licence, three slots.
    await b.app.database.tx((t) =>
      updatePosition(t, ids[0]!, { hoursPercent: 75, minSwedishLevel: 'sfi_b', requiredLicence: null, slots: 3 }),
    );
    const times: number[] = [];
    let last: { considered: number; eligible: number; rows: unknown[] } | undefined;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = (await call(b, 'matching.candidates', { positionId: ids[0], limit: 50 })) as typeof last;
      times.push(performance.now() - t0);
    }
    candidates = {
      participants: pool,
      considered: last!.considered,
      eligible: last!.eligible,
      returned: last!.rows.length,
      runs,
      firstMs: round(times[0]!),
      medianMs: round(median(times)),
    };
  } finally {
    await b.close();
  }

  return { globalSuggestion, candidates, ...(opts.solver === false ? {} : { solverOnly: benchSolver() }) };
}
