/**
 * docs/product.md §1 and §4 rule 7: the HR role sees what a contract needs and nothing of the social case — no assistance
 * amount, household, health restriction or case note — in any reply of any procedure HR may call.
 *
 * Every procedure of the contract that allows 'hr' (including 'any' and 'public' ones) is called as an HR user, with
 * explicit inputs for the contract and subsidy-type procedures and inputs built from the input schema and the
 * seeded ids for everything else. Every reply — JSON, and the text inside returned files (PDF via pdftotext, CSV,
 * XLSX cells) — is searched for every seeded participant's social-case values and for the field names that carry
 * them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app';
import { contract, type ProcedureDef } from '../../src/shared/contract';
import { engineTables } from '../helpers/db';
import {
  createInput,
  insertPeriod,
  insertPosition,
  insertProposal,
  insertSubsidyType,
  insertWorkplace,
  readyToPlace,
  type SocialCase,
} from '../unit/placements/fixtures';

const { contracts, participants, placements, positions, proposals, subsidyTypes, workplaces } = engineTables();

const workDir = mkdtempSync(join(tmpdir(), 'vaxla-privacy-hr-'));
let t: TestApp;
let hr: string;
const pools: Record<string, number[]> = {};

/** Social-case data of every seeded participant: amounts and words that occur nowhere else. */
const SOCIAL: SocialCase[] = [
  {
    monthlyAssistanceOre: 9_317_00,
    childrenInHousehold: 3,
    restrictions: 'Ryggbesvär, undvik lyft över 10 kg',
    caseNotes: 'Skuld hos Kronofogden; budgetrådgivning bokad',
  },
  {
    monthlyAssistanceOre: 12_846_50,
    childrenInHousehold: 0,
    restrictions: 'Astma, tål inte sågdamm',
    caseNotes: 'Separerad sedan mars, delad vårdnad',
  },
  {
    monthlyAssistanceOre: 7_421_00,
    childrenInHousehold: 5,
    restrictions: 'Hörselnedsättning på vänster öra',
    caseNotes: 'Bor tillfälligt hos sin syster, söker egen bostad',
  },
];

/** Everything that must never reach HR: values in every form they could be printed, and the field names. */
function forbiddenNeedles(): string[] {
  const needles = new Set<string>([
    'monthlyAssistance',
    'childrenInHousehold',
    'longTermRecipient',
    'restrictions',
    'caseNotes',
    'household',
  ]);
  for (const s of SOCIAL) {
    const kr = Math.floor(s.monthlyAssistanceOre / 100);
    const ore = s.monthlyAssistanceOre % 100;
    const grouped = String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    for (const v of [
      String(s.monthlyAssistanceOre),
      String(kr),
      grouped,
      grouped.replace(/ /g, '\u00a0'),
      `${kr},${String(ore).padStart(2, '0')}`,
      `${kr}.${String(ore).padStart(2, '0')}`,
    ]) {
      needles.add(v);
    }
    if (s.childrenInHousehold > 1) needles.add(`${s.childrenInHousehold} barn`);
    needles.add(s.restrictions);
    needles.add(s.caseNotes);
    // Distinctive words, in case a text is cut or reformatted.
    for (const w of `${s.restrictions} ${s.caseNotes}`.split(/[\s,;]+/)) if (w.length >= 9) needles.add(w);
  }
  return [...needles];
}

function leaksIn(text: string): string[] {
  return forbiddenNeedles().filter((n) => text.includes(n));
}

/** Text of a returned file: PDF through pdftotext, XLSX cell by cell, CSV as UTF-8. */
async function fileText(reply: { mimeType: string; contentBase64: string }): Promise<string> {
  const bytes = Buffer.from(reply.contentBase64, 'base64');
  if (reply.mimeType === 'application/pdf') {
    const file = join(workDir, `f${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  }
  if (reply.mimeType.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((c) => cells.push(String(c.value instanceof Date ? c.value.toISOString() : c.value))),
      ),
    );
    return cells.join('\n');
  }
  return bytes.toString('utf8');
}

/** Every piece of text in a reply, with files opened. */
async function replyText(value: unknown): Promise<string> {
  const parts: string[] = [];
  const walk = async (v: unknown): Promise<void> => {
    if (Array.isArray(v)) {
      for (const x of v) await walk(x);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.contentBase64 === 'string' && typeof o.mimeType === 'string') {
        parts.push(await fileText(o as { mimeType: string; contentBase64: string }));
      }
      for (const [k, x] of Object.entries(o)) {
        if (k === 'contentBase64') continue;
        parts.push(k);
        await walk(x);
      }
    } else if (v !== null && v !== undefined) {
      parts.push(String(v));
    }
  };
  await walk(value);
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs for procedures of other areas, built from their input schema and the seeded ids

type Def = {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
  values?: unknown[];
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let cur = s;
  let optional = false;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault')
      optional = true;
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) break;
    cur = next;
  }
  return { schema: cur, optional };
}

const ID_POOL_FOR_KEY: Record<string, string> = {
  participantId: 'participant',
  placementId: 'placement',
  positionId: 'position',
  workplaceId: 'workplace',
  proposalId: 'proposal',
  contractId: 'contract',
  subsidyTypeId: 'subsidyType',
};

/** A value for a schema; `idFor` picks the id used for a key named 'id'. */
function build(schema: z.ZodType, key: string, idFor: string): unknown {
  const { schema: s } = unwrap(schema);
  const d = defOf(s);
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        const { optional } = unwrap(v);
        const idLike = k === 'id' || k in ID_POOL_FOR_KEY || k === 'ids';
        if (optional && !idLike) continue;
        out[k] = build(v, k, idFor);
      }
      return out;
    }
    case 'array':
      return [build(d.element!, key === 'ids' ? 'id' : key, idFor)];
    case 'number':
      if (key === 'id') return pools[idFor]?.[0] ?? 1;
      if (key in ID_POOL_FOR_KEY) return pools[ID_POOL_FOR_KEY[key]!]?.[0] ?? 1;
      return 1;
    case 'string':
      return /date|from|to|since/i.test(key) ? '2026-11-23' : 'Öberg';
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return d.values?.[0];
    case 'union':
      return build(d.options![0]!, key, idFor);
    default:
      return undefined;
  }
}

function genericInputs(proc: ProcedureDef): unknown[] {
  const out = new Map<string, unknown>();
  for (const idFor of Object.keys(pools)) {
    const v = build(proc.input, '', idFor) ?? {};
    out.set(JSON.stringify(v), v);
  }
  out.set('{}', {});
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  t = await createTestApp();
  const coord = await t.userWithRoles('kim', ['coordinator']);
  hr = await t.userWithRoles('eva', ['hr']);
  const db = t.app.database;
  const typeId = (await insertSubsidyType(db)).id;
  const wp = await insertWorkplace(db);
  const pos = await insertPosition(db, {
    workplaceId: wp.id,
    subsidyTypeId: typeId,
    slots: 5,
    unionReviewRequired: true,
  });
  const summer = await insertPosition(db, {
    workplaceId: wp.id,
    form: 'summer_job',
    subsidyTypeId: null,
    title: 'Parkarbete',
    slots: 2,
  });
  await insertPeriod(db, summer.id, 'Period 1', '2027-06-14', '2027-07-02', 2);

  // Two placed participants with contracts (one with an extension and a tillägg), one still waiting.
  const a = await readyToPlace(db, pos.id, {
    firstName: 'Amina',
    lastName: 'Hassan',
    social: SOCIAL[0],
    review: 'approve',
  });
  const b = await readyToPlace(db, pos.id, {
    firstName: 'Per',
    lastName: 'Öhman',
    social: SOCIAL[1],
    review: 'approve',
  });
  const c = await readyToPlace(db, pos.id, {
    firstName: 'Lina',
    lastName: 'Berg',
    social: SOCIAL[2],
    review: 'approve',
  });
  await insertProposal(db, { participantId: c.participant.id, positionId: summer.id, status: 'submitted' });
  const pa = await t.call(
    'placements.create',
    createInput(a.proposal.id, { startDate: '2026-02-02', afDecisionDate: '2026-01-20' }),
    coord,
  );
  const pb = await t.call('placements.create', createInput(b.proposal.id), coord);
  await t.call(
    'placements.addFollowUp',
    {
      placementId: pa.id,
      date: '2026-11-20',
      note: 'Ryggen håller, trivs',
      nextStep: 'Ny träff',
      nextDate: '2026-12-18',
    },
    coord,
  );
  await t.call(
    'placements.extend',
    { id: pa.id, months: 6, afDecisionNumber: 'AF-2026-40404', afDecisionDate: '2026-11-20' },
    coord,
  );
  const ca = await t.call('contracts.generate', { placementId: pa.id }, hr);
  await t.call('contracts.setStatus', { id: ca.id, status: 'sent' }, hr);
  await t.call('placements.update', { id: pa.id, monthlySalaryOre: 25_000_00 }, coord);
  await t.call('contracts.generate', { placementId: pa.id }, hr);

  pools.participant = (await db.db.select({ id: participants.id }).from(participants))
    .map((r) => r.id)
    .sort((a, b) => a - b);
  pools.placement = (await db.db.select({ id: placements.id }).from(placements)).map((r) => r.id).sort((a, b) => a - b);
  pools.position = (await db.db.select({ id: positions.id }).from(positions)).map((r) => r.id).sort((a, b) => a - b);
  pools.workplace = (await db.db.select({ id: workplaces.id }).from(workplaces)).map((r) => r.id).sort((a, b) => a - b);
  pools.proposal = (await db.db.select({ id: proposals.id }).from(proposals)).map((r) => r.id).sort((a, b) => a - b);
  pools.contract = (await db.db.select({ id: contracts.id }).from(contracts)).map((r) => r.id).sort((a, b) => a - b);
  pools.subsidyType = (await db.db.select({ id: subsidyTypes.id }).from(subsidyTypes))
    .map((r) => r.id)
    .sort((a, b) => a - b);
  expect(pb.id).toBeGreaterThan(0);
});

afterAll(() => {
  t.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Explicit inputs for the procedures this area owns (and the ones that change the session). */
function explicitInputs(name: string): unknown[] | null {
  const contractIds = pools.contract!;
  const placementIds = pools.placement!;
  switch (name) {
    case 'contracts.queue':
    case 'subsidyTypes.list':
      return [{}];
    case 'contracts.list':
      return [{}, { currentOnly: false }, { search: 'Hassan' }];
    case 'contracts.get':
    case 'contracts.pdf':
      return contractIds.map((id) => ({ id }));
    case 'contracts.export':
      return [
        { ids: contractIds, format: 'csv' },
        { ids: contractIds, format: 'xlsx' },
      ];
    case 'contracts.generate':
      return placementIds.map((placementId) => ({ placementId }));
    case 'contracts.setStatus':
      return [{ id: contractIds.at(-1), status: 'sent' }];
    case 'auth.login':
      return [{ username: 'eva', password: TEST_PASSWORD }];
    case 'auth.changePassword':
    case 'system.setup':
      return []; // would change the session or fail by design; replies carry no participant data
    default:
      return null;
  }
}

describe('HR never receives the social case (docs/product.md §1, §4 rule 7)', () => {
  it('the seeded data really contains what is searched for (the test can fail)', async () => {
    const raw = JSON.stringify(await t.app.database.db.select().from(participants));
    for (const s of SOCIAL) {
      expect(raw).toContain(String(s.monthlyAssistanceOre));
      expect(raw).toContain(s.restrictions);
      expect(raw).toContain(s.caseNotes);
    }
    expect(leaksIn(raw).length).toBeGreaterThan(10);
    // …a reply that did carry it would be caught…
    expect(leaksIn(await replyText({ restrictions: null, note: SOCIAL[0]!.caseNotes }))).toEqual(
      expect.arrayContaining(['restrictions', SOCIAL[0]!.caseNotes]),
    );
    // …and nothing HR may see (personnummer, names, addresses, dates, decision numbers) looks like a forbidden value.
    const allowed =
      JSON.stringify(
        await t.app.database.db
          .select({
            p: participants.personnummer,
            f: participants.firstName,
            l: participants.lastName,
            a: participants.address,
            c: participants.postalCode,
            r: participants.ref,
          })
          .from(participants),
      ) + JSON.stringify(await t.app.database.db.select().from(placements));
    expect(leaksIn(allowed).filter((n) => !['restrictions', 'caseNotes'].includes(n))).toEqual([]);
    expect(leaksIn('Försörjningsstöd 9 317 kr')).toContain('9 317');
    // Files in replies are opened and their text searched: the employee's name is found inside the PDF and XLSX.
    const pdf = await t.call('contracts.pdf', { id: pools.contract![0]! }, hr);
    expect(await replyText(pdf)).toContain('Amina Hassan');
    const xlsx = await t.call('contracts.export', { ids: pools.contract!, format: 'xlsx' }, hr);
    expect(await replyText(xlsx)).toContain('Hassan');
  });

  it('over every procedure HR may call, no reply contains an assistance amount, household, restriction or case note', async () => {
    const procedures = Object.entries(contract as Record<string, ProcedureDef>).filter(
      ([, p]) => p.roles === 'any' || p.roles === 'public' || (Array.isArray(p.roles) && p.roles.includes('hr')),
    );
    // Log out last: it ends the session the other calls use.
    procedures.sort(([a], [b]) => Number(a === 'auth.logout') - Number(b === 'auth.logout'));
    expect(procedures.map(([n]) => n)).toEqual(
      expect.arrayContaining(['contracts.get', 'contracts.export', 'subsidyTypes.list']),
    );

    const answered = new Set<string>();
    const leaks: string[] = [];
    let calls = 0;
    for (const [name, proc] of procedures) {
      const inputs = explicitInputs(name) ?? genericInputs(proc);
      for (const input of inputs) {
        const r = await t.callRaw(name, input, hr);
        calls++;
        if (!r.ok) {
          expect(r.error.code, `${name} ${JSON.stringify(input)}: ${r.error.message}`).not.toBe('INTERNAL');
          continue;
        }
        answered.add(name);
        const found = leaksIn(await replyText(r.value));
        if (found.length) leaks.push(`${name} ${JSON.stringify(input)}: ${found.join(' | ')}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(calls).toBeGreaterThan(procedures.length);
    // The contract procedures really answered HR (otherwise the search above proves nothing for them).
    for (const name of [
      'subsidyTypes.list',
      'contracts.queue',
      'contracts.list',
      'contracts.get',
      'contracts.pdf',
      'contracts.export',
      'contracts.setStatus',
      'auth.me',
    ]) {
      expect(answered, name).toContain(name);
    }
    for (const other of ['participants.get', 'participants.list']) {
      if (procedures.some(([n]) => n === other)) expect(answered, other).toContain(other);
    }
  });

  it('every procedure that does not allow HR answers FORBIDDEN, whatever the input', async () => {
    const login = await t.call('auth.login', { username: 'eva', password: TEST_PASSWORD });
    const closed = Object.entries(contract as Record<string, ProcedureDef>).filter(
      ([, p]) => Array.isArray(p.roles) && !p.roles.includes('hr'),
    );
    expect(closed.length).toBeGreaterThan(10);
    for (const [name, proc] of closed) {
      for (const input of [{}, ...genericInputs(proc).slice(0, 2)]) {
        const r = await t.callRaw(name, input, login.token);
        expect(r, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('HR may not call the placement procedures that show follow-up notes', async () => {
    const login = await t.call('auth.login', { username: 'eva', password: TEST_PASSWORD });
    for (const name of ['placements.get', 'placements.list', 'placements.dashboard']) {
      const r = await t.callRaw(name, name === 'placements.get' ? { id: pools.placement![0] } : {}, login.token);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
