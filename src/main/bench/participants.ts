/**
 * Benchmark of the participant list at 50,000 participants (issue 11 point 7), end to end through the dispatcher as
 * the list page calls it: the first page sorted by name, a name search, a personnummer search, and a stage filter;
 * p50 and p95 of repeated runs, milliseconds.
 *
 * Also the store against the raw driver on two hot paths, to show what the store layer costs (the query builder,
 * the engine handle, mapping): reading every participant's scoring facts (the read behind candidates and the
 * suggestion) and reading one participant by id, many times. The raw side is the driver alone, on its own
 * connection, with the same SQL text the store renders and the same mapping, so only the layer in between differs.
 */
import { performance } from 'node:perf_hooks';
import { openRawDriver, renderQuery } from '../db/raw-driver';
import { Rng } from '../demo/context';
import { findParticipant, participantByIdQuery } from '../store/participants';
import { factRowsQuery, participantFactRows, toFactRow } from '../store/matching';
import type { Reader } from '../store';
import { benchApp, call, seedBenchParticipants } from './matching';
import { quantile, round, sqliteTarget, type BenchTarget } from './targets';

export interface ParticipantsBenchOptions {
  participants?: number;
  runs?: number;
  seed?: number;
}

async function times(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm up (statement caches, buffers)
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const p50p95 = (xs: number[]) => ({ p50Ms: round(quantile(xs, 0.5)), p95Ms: round(quantile(xs, 0.95)) });

/** Store against raw driver: medians and their ratio (store / raw). */
const versus = (store: number[], raw: number[]) => {
  const s = quantile(store, 0.5);
  const r = quantile(raw, 0.5);
  return { storeMs: round(s), rawMs: round(r), ratio: Math.round((s / r) * 100) / 100 };
};

export async function benchParticipants(target: BenchTarget = sqliteTarget, opts: ParticipantsBenchOptions = {}) {
  const count = opts.participants ?? 50_000;
  const runs = opts.runs ?? 20;
  const rng = new Rng(opts.seed ?? 2026);
  const b = await benchApp(target);
  try {
    await seedBenchParticipants(b.app, rng, count);
    const list = async (input: Record<string, unknown>) => {
      const r = (await call(b, 'participants.list', input)) as { total: number; rows: unknown[] };
      if (r.rows.length === 0) throw new Error(`Listan gav inga rader för ${JSON.stringify(input)}.`);
      return r;
    };
    const searchHits = (await list({ search: 'berg', limit: 50 })).total;
    const figures = {
      participants: count,
      runs,
      firstPage: p50p95(await times(runs, () => list({ limit: 50 }))),
      searchName: { hits: searchHits, ...p50p95(await times(runs, () => list({ search: 'berg', limit: 50 }))) },
      searchPersonnummer: p50p95(await times(runs, () => list({ search: 'BENCH00012', limit: 50 }))),
      stageSortedByReferral: p50p95(
        await times(runs, () => list({ stages: ['matching'], sort: 'referralDate', direction: 'desc', limit: 50 })),
      ),
    };

    // Store against the raw driver.
    const db: Reader = b.app.database;
    const raw = openRawDriver(b.place.target);
    try {
      const factQuery = renderQuery(factRowsQuery(db));
      const rawFacts = async () => (await raw.arrays(factQuery.sql, factQuery.params)).map(toFactRow);
      const factRuns = Math.max(3, Math.round(runs / 4));
      const storeFacts = await times(factRuns, () => participantFactRows(db));
      const rawFactTimes = await times(factRuns, rawFacts);
      if ((await rawFacts()).length !== count) throw new Error('Rådrivrutinen gav fel antal deltagare.');

      const oneQuery = renderQuery(participantByIdQuery(db, 1));
      const ids = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 7919) % count));
      const storeOne = await times(runs, async () => {
        for (const id of ids) await findParticipant(db, id);
      });
      const rawOne = await times(runs, async () => {
        for (const id of ids) await raw.objects(oneQuery.sql, [id, ...oneQuery.params.slice(1)]);
      });
      return {
        ...figures,
        storeVersusRaw: {
          allFactRows: { rows: count, ...versus(storeFacts, rawFactTimes) },
          oneByIdTimes1000: versus(storeOne, rawOne),
        },
      };
    } finally {
      await raw.close();
    }
  } finally {
    await b.close();
  }
}
