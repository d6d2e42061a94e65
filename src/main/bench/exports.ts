/**
 * Benchmark of the HR batch export (issue "HR exports": 10,000 rows must not make the user wait).
 *
 * Builds a throw-away database with 10,000 people, placements and generated contracts (Skatteverket's test
 * personnummer, fictitious names), then times the export service exactly as 'contracts.export' runs it: chunked
 * reads of the snapshots, streaming to a temporary file, reading the file back. Figures are milliseconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/open';
import { contracts } from '../db/schema';
import { skatteverketTestNumbers } from '../demo/context';
import { buildContractExport } from '../services/contracts';
import { contractNumberOf } from '../services/contracts/terms';
import { CONTRACT_FORM_TEXT, type ContractSnapshot } from '../../shared/domain/contract-doc';
import { subsidyEndDate } from '../../shared/rules/subsidy';
import { addDays } from '../../shared/rules/dates';

export const EXPORT_BENCH_ROWS = 10_000;

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
  'Kerstin',
  'Leila',
  'Mats',
  'Nour',
  'Olle',
  'Päivi',
  'Rasmus',
  'Sara',
  'Tomas',
  'Åsa',
  'Örjan',
];
const LAST = [
  'Andersson',
  'Berg',
  'Çelik',
  'Dahl',
  'Ekström',
  'Fransson',
  'Gustafsson',
  'Hussein',
  'Isaksson',
  'Johansson',
  'Karlsson',
  'Lindqvist',
  'Mohammed',
  'Nilsson',
  'Öberg',
  'Persson',
  'Svensson',
  'Åkesson',
];
const STATUSES = ['generated', 'sent', 'signed', 'registered'] as const;

/** Seeds `rows` contracts into an opened database (one transaction, prepared statements). Returns the contract ids. */
function seed(db: NonNullable<Awaited<ReturnType<typeof openDatabase>>['legacy']>, rows: number): number[] {
  const sql = db.$client;
  const now = '2026-11-23T09:00:00.000Z';
  const numbers = skatteverketTestNumbers();
  sql.transaction(() => {
    const wp = sql
      .prepare(
        `INSERT INTO workplaces (name, organisation, address, district, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(
        'Cykelverkstaden Sjöbo',
        'Borås Stad, Arbetslivsförvaltningen',
        'Sjöbo Torg 7, 506 41 Borås',
        'Sjöbo',
        now,
        now,
      );
    const pos = sql
      .prepare(
        `INSERT INTO positions (workplace_id, kind, title, tasks, hours_percent, slots, period_start, employment_form, union_review_required, active, created_at, updated_at)
         VALUES (?, 'bicycle_workshop', 'Cykelmekaniker', 'Reparera cyklar', 100, ?, '2026-01-01', 'subsidised_employment', 1, 1, ?, ?)`,
      )
      .run(wp.lastInsertRowid, rows, now, now);
    const insPerson = sql.prepare(
      `INSERT INTO participants (ref, personnummer, first_name, last_name, address, postal_code, city, referral_date, stage, stage_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '506 30', 'Borås', '2026-01-15', 'placed', '2026-06-01', ?, ?)`,
    );
    const insPlacement = sql.prepare(
      `INSERT INTO placements (participant_id, position_id, start_date, months, end_date, hours_percent, monthly_salary, collective_agreement, af_decision_number, af_decision_date, subsidy_percent, subsidy_ceiling, status, created_at, updated_at)
       VALUES (?, ?, ?, 12, ?, 100, ?, 'BEA', ?, ?, 80, 2000000, 'active', ?, ?)`,
    );
    const insContract = sql.prepare(
      `INSERT INTO contracts (placement_id, version, snapshot, status, generated_at, sent_at, signed_at, registered_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < rows; i++) {
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[(i * 7) % LAST.length]!;
      const pnr = numbers[i % numbers.length]!;
      const start = addDays('2026-01-05', i % 300);
      const end = subsidyEndDate(start, 12);
      const salary = 23_000_00 + (i % 40) * 50_00;
      const decision = `AF-2026-${String(10_000 + i)}`;
      const person = insPerson.run(
        `B-${i}`,
        `${pnr}${i >= numbers.length ? `-${i}` : ''}`,
        first,
        last,
        `Bäckgatan ${(i % 90) + 1}`,
        now,
        now,
      );
      const placement = insPlacement.run(
        person.lastInsertRowid,
        pos.lastInsertRowid,
        start,
        end,
        salary,
        decision,
        addDays(start, -14),
        now,
        now,
      );
      const placementId = Number(placement.lastInsertRowid);
      const snapshot: ContractSnapshot = {
        format: 1,
        contractNumber: contractNumberOf(placementId, start),
        version: 1,
        previousVersion: null,
        generatedAt: now,
        generatedByName: 'Eva Personal',
        terms: {
          employer: {
            name: 'Borås Stad',
            organisationNumber: '212000-1561',
            unit: 'Arbetslivsförvaltningen, Jobb Borås',
            address: '501 80 Borås',
          },
          employee: {
            firstName: first,
            lastName: last,
            personnummer: pnr,
            address: `Bäckgatan ${(i % 90) + 1}`,
            postalCode: '506 30',
            city: 'Borås',
          },
          employment: {
            form: 'subsidised_employment',
            formText: CONTRACT_FORM_TEXT.subsidised_employment!,
            positionTitle: 'Cykelmekaniker',
            tasks: 'Reparera cyklar',
            workplaceName: 'Cykelverkstaden Sjöbo',
            workplaceOrganisation: 'Borås Stad, Arbetslivsförvaltningen',
            workplaceAddress: 'Sjöbo Torg 7, 506 41 Borås',
            supervisorName: 'Göran Ängström',
            startDate: start,
            endDate: end,
            hoursPercent: 100,
            monthlySalaryOre: salary,
            collectiveAgreement: 'BEA',
          },
          subsidy: {
            typeName: 'Kommunal anställning med lönestöd',
            decisionNumber: decision,
            decisionDate: addDays(start, -14),
            percent: 80,
            ceilingOre: 20_000_00,
            periodStart: start,
            periodEnd: end,
            extensions: [],
          },
        },
        changes: [],
      };
      const status = STATUSES[i % STATUSES.length]!;
      const step = STATUSES.indexOf(status);
      insContract.run(
        placementId,
        JSON.stringify(snapshot),
        status,
        now,
        step >= 1 ? '2026-11-23' : null,
        step >= 2 ? '2026-11-23' : null,
        step >= 3 ? '2026-11-23' : null,
      );
    }
  })();
  return db
    .select({ id: contracts.id })
    .from(contracts)
    .all()
    .map((r) => r.id);
}

/** Timed runs per format; the median is reported (the first run also pays for warming up). */
const RUNS = 3;

/**
 * Times the 10,000-row CSV and XLSX exports (median of three runs, milliseconds, wall time of the whole export as
 * 'contracts.export' runs it). Keys: rows, csv10kMs, xlsx10kMs, and the file sizes csv10kKb, xlsx10kKb.
 */
export async function benchExports(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'vaxla-bench-exports-'));
  const opened = await openDatabase(dir, new Date('2026-11-23T09:00:00Z'));
  try {
    const ids = seed(opened.legacy!, EXPORT_BENCH_ROWS);
    const out: Record<string, number> = { rows: EXPORT_BENCH_ROWS };
    for (const format of ['csv', 'xlsx'] as const) {
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const { rows, bytes } = await buildContractExport(opened.legacy!, ids, format, {
          created: new Date('2026-11-23T09:00:00Z'),
        });
        times.push(performance.now() - t0);
        if (rows !== EXPORT_BENCH_ROWS) throw new Error(`Exporten gav ${rows} rader, väntade ${EXPORT_BENCH_ROWS}.`);
        size = bytes.length;
      }
      times.sort((a, b) => a - b);
      out[`${format}10kMs`] = Math.round(times[Math.floor(RUNS / 2)]!);
      out[`${format}10kKb`] = Math.round(size / 1024);
    }
    return out;
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
