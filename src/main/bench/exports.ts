/**
 * Benchmark of the HR batch export (issue "HR exports": 10,000 rows must not make the user wait).
 *
 * Builds a throw-away database with 10,000 people, placements and generated contracts (Skatteverket's test
 * personnummer, fictitious names), then times the export service exactly as 'contracts.export' runs it: chunked
 * reads of the snapshots, streaming to a temporary file, reading the file back. Figures are milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/open';
import type { Database } from '../store';
import { insertContracts, type ContractInsert } from '../store/contracts';
import { insertParticipants, type ParticipantInsert } from '../store/participants';
import { insertPlacements, type PlacementInsert } from '../store/placements';
import { insertPositions, insertWorkplaces } from '../store/positions';
import { skatteverketTestNumbers } from '../demo/context';
import { buildContractExport } from '../services/contracts';
import { contractNumberOf } from '../services/contracts/terms';
import { CONTRACT_FORM_TEXT, type ContractSnapshot } from '../../shared/domain/contract-doc';
import { subsidyEndDate } from '../../shared/rules/subsidy';
import { addDays } from '../../shared/rules/dates';
import { sqliteTarget, type BenchTarget } from './targets';

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

/**
 * Seeds `rows` people, placements and contracts into an empty database through the stores (bulk inserts, one unit
 * of work, ids given so the rows can refer to each other). Returns the contract ids.
 */
export async function seedExportContracts(database: Database, rows: number): Promise<number[]> {
  const now = '2026-11-23T09:00:00.000Z';
  const numbers = skatteverketTestNumbers();
  const people: ParticipantInsert[] = [];
  const placements: PlacementInsert[] = [];
  const contracts: ContractInsert[] = [];
  {
    for (let i = 0; i < rows; i++) {
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[(i * 7) % LAST.length]!;
      const pnr = numbers[i % numbers.length]!;
      const start = addDays('2026-01-05', i % 300);
      const end = subsidyEndDate(start, 12);
      const salary = 23_000_00 + (i % 40) * 50_00;
      const decision = `AF-2026-${String(10_000 + i)}`;
      const placementId = i + 1;
      people.push({
        id: i + 1,
        ref: `B-${i}`,
        personnummer: `${pnr}${i >= numbers.length ? `-${i}` : ''}`,
        firstName: first,
        lastName: last,
        address: `Bäckgatan ${(i % 90) + 1}`,
        postalCode: '506 30',
        city: 'Borås',
        referralDate: '2026-01-15',
        stage: 'placed',
        stageSince: '2026-06-01',
        createdAt: now,
        updatedAt: now,
      });
      placements.push({
        id: placementId,
        participantId: i + 1,
        positionId: 1,
        startDate: start,
        months: 12,
        endDate: end,
        hoursPercent: 100,
        monthlySalary: salary,
        collectiveAgreement: 'BEA',
        afDecisionNumber: decision,
        afDecisionDate: addDays(start, -14),
        subsidyPercent: 80,
        subsidyCeiling: 20_000_00,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
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
      contracts.push({
        id: i + 1,
        placementId,
        version: 1,
        snapshot: snapshot as unknown as Record<string, unknown>,
        status,
        generatedAt: now,
        sentAt: step >= 1 ? '2026-11-23' : null,
        signedAt: step >= 2 ? '2026-11-23' : null,
        registeredAt: step >= 3 ? '2026-11-23' : null,
      });
    }
  }
  await database.tx(async (t) => {
    await insertWorkplaces(t, [
      {
        id: 1,
        name: 'Cykelverkstaden Sjöbo',
        organisation: 'Borås Stad, Arbetslivsförvaltningen',
        address: 'Sjöbo Torg 7, 506 41 Borås',
        district: 'Sjöbo',
        active: true,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await insertPositions(t, [
      {
        id: 1,
        workplaceId: 1,
        kind: 'bicycle_workshop',
        title: 'Cykelmekaniker',
        tasks: 'Reparera cyklar',
        hoursPercent: 100,
        slots: rows,
        periodStart: '2026-01-01',
        employmentForm: 'subsidised_employment',
        unionReviewRequired: true,
        active: true,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await insertParticipants(t, people);
    await insertPlacements(t, placements);
    await insertContracts(t, contracts);
  });
  return contracts.map((c) => c.id!);
}

/** Timed runs per format; the median is reported (the first run also pays for warming up). */
const RUNS = 3;

/**
 * Times the 10,000-row CSV and XLSX exports (median of three runs, milliseconds, wall time of the whole export as
 * 'contracts.export' runs it). Keys: rows, csv10kMs, xlsx10kMs, and the file sizes csv10kKb, xlsx10kKb.
 */
export async function benchExports(target: BenchTarget = sqliteTarget): Promise<Record<string, number>> {
  const place = await target.fresh();
  const opened = await openDatabase(place.target, new Date('2026-11-23T09:00:00Z'));
  try {
    const ids = await seedExportContracts(opened.database, EXPORT_BENCH_ROWS);
    return await timeExports(opened.database, ids);
  } finally {
    await opened.close();
    await place.drop();
  }
}

/** Times the CSV and XLSX exports of `ids` (median of RUNS). */
export async function timeExports(database: Database, ids: number[]): Promise<Record<string, number>> {
  const out: Record<string, number> = { rows: ids.length };
  for (const format of ['csv', 'xlsx'] as const) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const { rows, bytes } = await buildContractExport(database, ids, format, {
        created: new Date('2026-11-23T09:00:00Z'),
      });
      times.push(performance.now() - t0);
      if (rows !== ids.length) throw new Error(`Exporten gav ${rows} rader, väntade ${ids.length}.`);
      size = bytes.length;
    }
    times.sort((a, b) => a - b);
    out[`${format}10kMs`] = Math.round(times[Math.floor(RUNS / 2)]!);
    out[`${format}10kKb`] = Math.round(size / 1024);
  }
  return out;
}
