import { contractActions } from '../../../shared/rules/record-actions';
import { progressReporter } from '../progress';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reader, Tx } from '../../store';
import {
  contractRecord,
  contractVersions,
  contractsOfPlacements,
  findContract,
  insertContract,
  type ContractRow,
} from '../../store/contracts';
import { activePlacementIdsOfForms, findPlacement, placementWithForm } from '../../store/placements';
import { changeRecord } from '../../store/record';
import type { HandlerMap } from '../handlers';
import type { AuthedContext } from '../context';
import { localToday } from '../../util/clock';
import { AppError, conflict, notFound, ruleError } from '../../../shared/errors';
import {
  CONTRACT_EMPLOYMENT_FORMS,
  CONTRACT_STEP_REQUIRES,
  contractSnapshotSchema,
  diffContractTerms,
  employeeName,
  stockholmDate,
  type ContractDetail,
  type ContractQueueItem,
  type ContractSnapshot,
  type ContractStatus,
  type ContractStep,
  type ContractSummary,
} from '../../../shared/domain/contract-doc';
import { compare } from '../../../shared/rules/dates';
import { contractNumberOf, currentTerms, readSnapshot } from './terms';
import { contractFileName, renderContractPdf } from './pdf';
import { EXPORT_MIME, exportContracts, missingContractIds, type ExportFormat, type ExportProgress } from './export';

/** How each status reads in "must be … before" messages. */
const STATUS_PARTICIPLE: Record<ContractStatus, string> = {
  generated: 'genererat',
  sent: 'skickat',
  signed: 'signerat',
  registered: 'registrerat i lönesystemet',
  superseded: 'ersatt',
};

function toSummary(row: ContractRow, snapshot: ContractSnapshot, isCurrent: boolean): ContractSummary {
  const t = snapshot.terms;
  return {
    id: row.id,
    placementId: row.placementId,
    contractNumber: snapshot.contractNumber,
    version: row.version,
    isCurrent,
    status: row.status as ContractStatus,
    employeeName: employeeName(t),
    personnummer: t.employee.personnummer,
    positionTitle: t.employment.positionTitle,
    workplaceName: t.employment.workplaceName,
    employmentForm: t.employment.form,
    startDate: t.employment.startDate,
    endDate: t.employment.endDate,
    monthlySalaryOre: t.employment.monthlySalaryOre,
    generatedAt: row.generatedAt,
    generatedByName: snapshot.generatedByName,
    sentAt: row.sentAt,
    signedAt: row.signedAt,
    registeredAt: row.registeredAt,
  };
}

async function loadContract(r: Reader, id: number): Promise<ContractRow> {
  const row = await findContract(r, id);
  if (!row) throw notFound('Avtalet');
  return row;
}

async function participantOf(r: Reader, placementId: number): Promise<number | null> {
  return (await findPlacement(r, placementId))?.participantId ?? null;
}

/** Changes between the newest version and what the placement would print now (empty when up to date). */
async function pendingChanges(r: Reader, latest: ContractRow | undefined, placementId: number) {
  if (!latest) return [];
  return diffContractTerms(readSnapshot(latest.snapshot).terms, (await currentTerms(r, placementId)).terms);
}

export async function contractDetail(r: Reader, id: number): Promise<ContractDetail> {
  const row = await loadContract(r, id);
  const all = await contractVersions(r, row.placementId);
  const newest = all[0]!;
  const snapshot = readSnapshot(row.snapshot);
  const isCurrent = newest.id === row.id;
  const placementActive = (await findPlacement(r, row.placementId))?.status === 'active';
  return {
    ...toSummary(row, snapshot, isCurrent),
    snapshot,
    versions: all.map((r) => toSummary(r, readSnapshot(r.snapshot), r.id === newest.id)),
    needsNewVersion: isCurrent && placementActive && (await pendingChanges(r, newest, row.placementId)).length > 0,
    actions: contractActions({ status: row.status as ContractStatus }),
  };
}

/** Generates version n+1 (or the first version) of a placement's contract, in the caller's unit of work. */
export async function generateContract(
  t: Tx,
  ctx: Pick<AuthedContext, 'clock' | 'audit' | 'user'>,
  placementId: number,
): Promise<ContractRow> {
  const placement = await placementWithForm(t, placementId);
  if (!placement) throw notFound('Placeringen');
  if (!(CONTRACT_EMPLOYMENT_FORMS as readonly string[]).includes(placement.form)) {
    throw ruleError('Arbetsträning utan anställning ger inget anställningsavtal.');
  }
  if (placement.p.status !== 'active')
    throw ruleError('Placeringen är avslutad; avtal genereras bara för pågående placeringar.');
  const [latest] = await contractVersions(t, placementId);
  const { terms, startDate } = await currentTerms(t, placementId);
  const previous = latest ? readSnapshot(latest.snapshot) : null;
  const changes = previous ? diffContractTerms(previous.terms, terms) : [];
  if (latest && changes.length === 0) {
    throw conflict(
      `Avtalet är redan aktuellt (version ${latest.version}). En ny version skapas bara när något i avtalet har ändrats.`,
    );
  }
  const now = ctx.clock.now().toISOString();
  const version = (latest?.version ?? 0) + 1;
  const snapshot: ContractSnapshot = contractSnapshotSchema.parse({
    format: 1,
    contractNumber: previous?.contractNumber ?? contractNumberOf(placementId, startDate),
    version,
    previousVersion: latest?.version ?? null,
    generatedAt: now,
    generatedByName: ctx.user.displayName,
    terms,
    changes,
  });
  const row = await insertContract(t, {
    placementId,
    version,
    snapshot,
    status: 'generated',
    generatedAt: now,
    generatedBy: ctx.user.id,
  });
  await ctx.audit.change(
    t,
    'contract',
    row.id,
    null,
    { placementId, version, status: 'generated', contractNumber: snapshot.contractNumber },
    version === 1
      ? 'Anställningsavtal genererat'
      : `Tillägg ${version - 1} genererat (${changes.map((c) => c.field).join(', ')})`,
  );
  // An unsigned earlier version is replaced; a signed one stays as signed, with this version as its tillägg.
  if (latest && (latest.status === 'generated' || latest.status === 'sent')) {
    await changeRecord(
      t,
      ctx.audit,
      contractRecord,
      latest.id,
      { status: 'superseded' },
      { before: latest, view: (c) => ({ status: c.status }), detail: `Ersatt av version ${version}` },
    );
  }
  return row;
}

/** Sets a forward status step, in the caller's unit of work. */
export async function setContractStatus(
  t: Tx,
  ctx: Pick<AuthedContext, 'clock' | 'audit'>,
  id: number,
  step: ContractStep,
  date: string,
): Promise<ContractRow> {
  const before = await loadContract(t, id);
  const status = before.status as ContractStatus;
  if (status === 'superseded') {
    throw ruleError(
      `Version ${before.version} har ersatts av en nyare version och kan inte ändras. Använd den senaste versionen.`,
    );
  }
  if (status === step) throw conflict(`Avtalet är redan ${STATUS_PARTICIPLE[step]}.`);
  const required = CONTRACT_STEP_REQUIRES[step];
  if (status !== required) {
    throw ruleError(
      `Avtalet måste vara ${STATUS_PARTICIPLE[required]} innan det kan markeras som ${STATUS_PARTICIPLE[step]} (nu: ${STATUS_PARTICIPLE[status]}).`,
      'status',
    );
  }
  const today = localToday(ctx.clock);
  if (compare(date, today) > 0) throw ruleError('Datumet kan inte ligga i framtiden.', 'date');
  const previousDate =
    step === 'sent' ? stockholmDate(before.generatedAt) : step === 'signed' ? before.sentAt : before.signedAt;
  if (previousDate && compare(date, previousDate.slice(0, 10)) < 0) {
    throw ruleError(
      `Datumet kan inte vara före att avtalet blev ${STATUS_PARTICIPLE[required]} (${previousDate.slice(0, 10)}).`,
      'date',
    );
  }
  const column = step === 'sent' ? 'sentAt' : step === 'signed' ? 'signedAt' : 'registeredAt';
  const view = (c: ContractRow) => ({ status: c.status, [column]: c[column] });
  const { after } = await changeRecord(
    t,
    ctx.audit,
    contractRecord,
    id,
    { status: step, [column]: date },
    { before, view },
  );
  return after;
}

/** HR's queue: active employment placements without a contract, or changed since the newest version. */
export async function contractQueue(r: Reader): Promise<ContractQueueItem[]> {
  const rows = (await activePlacementIdsOfForms(r, CONTRACT_EMPLOYMENT_FORMS)).map((id) => ({ id }));
  const latestByPlacement = new Map<number, ContractRow>();
  for (const c of await contractsOfPlacements(
    r,
    rows.map((x) => x.id),
  )) {
    const cur = latestByPlacement.get(c.placementId);
    if (!cur || c.version > cur.version) latestByPlacement.set(c.placementId, c);
  }
  const out: ContractQueueItem[] = [];
  for (const { id } of rows) {
    const latest = latestByPlacement.get(id);
    const { terms } = await currentTerms(r, id);
    const changes = latest ? diffContractTerms(readSnapshot(latest.snapshot).terms, terms) : [];
    if (latest && changes.length === 0) continue;
    out.push({
      placementId: id,
      reason: latest ? 'changed' : 'new',
      employeeName: employeeName(terms),
      personnummer: terms.employee.personnummer,
      positionTitle: terms.employment.positionTitle,
      workplaceName: terms.employment.workplaceName,
      employmentForm: terms.employment.form,
      startDate: terms.employment.startDate,
      endDate: terms.employment.endDate,
      currentContractId: latest?.id ?? null,
      currentVersion: latest?.version ?? null,
      currentStatus: (latest?.status as ContractStatus | undefined) ?? null,
      changes,
    });
  }
  return out.sort((a, b) => compare(a.startDate, b.startDate) || a.placementId - b.placementId);
}

/**
 * Builds an export file in a temporary folder, streaming, and returns its bytes. The folder is removed afterwards.
 * Exposed for the bench and for a future progress channel.
 */
export async function buildContractExport(
  r: Reader,
  ids: readonly number[],
  format: ExportFormat,
  opts: { onProgress?: (p: ExportProgress) => void; created?: Date } = {},
): Promise<{ bytes: Buffer; rows: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'vaxla-export-'));
  try {
    const file = join(dir, `export.${format}`);
    const { rows } = await exportContracts(r, ids, format, file, opts);
    return { bytes: await readFile(file), rows };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const contractHandlers: HandlerMap<
  | 'contracts.queue'
  | 'contracts.list'
  | 'contracts.get'
  | 'contracts.generate'
  | 'contracts.setStatus'
  | 'contracts.pdf'
  | 'contracts.export'
> = {
  'contracts.queue': async (ctx) => contractQueue(ctx.db),

  'contracts.list': async (ctx, input) => {
    const rows = await contractsOfPlacements(ctx.db, input.placementId === undefined ? null : [input.placementId]);
    const newest = new Map<number, number>();
    for (const r of rows) newest.set(r.placementId, Math.max(newest.get(r.placementId) ?? 0, r.version));
    const q = input.search?.toLocaleLowerCase('sv-SE');
    const digits = input.search?.replace(/\D/g, '') ?? '';
    const out: ContractSummary[] = [];
    for (const r of rows) {
      const isCurrent = newest.get(r.placementId) === r.version;
      if (input.currentOnly && !isCurrent) continue;
      if (input.status !== 'all' && r.status !== input.status) continue;
      const s = toSummary(r, readSnapshot(r.snapshot), isCurrent);
      if (q) {
        const hay = [s.employeeName, s.contractNumber, s.positionTitle, s.workplaceName]
          .join('|')
          .toLocaleLowerCase('sv-SE');
        if (!hay.includes(q) && !(digits.length >= 4 && s.personnummer.includes(digits))) continue;
      }
      out.push(s);
    }
    return out.sort((a, b) => b.generatedAt.localeCompare(a.generatedAt) || b.id - a.id);
  },

  'contracts.get': async (ctx, input) => {
    const detail = await contractDetail(ctx.db, input.id);
    ctx.audit.read('contract', detail.id);
    const participantId = await participantOf(ctx.db, detail.placementId);
    if (participantId !== null) ctx.audit.read('participant', participantId);
    return detail;
  },

  'contracts.generate': async (ctx, input) => {
    return ctx.tx(async (t) => contractDetail(t, (await generateContract(t, ctx, input.placementId)).id));
  },

  'contracts.setStatus': async (ctx, input) => {
    const date = input.date ?? localToday(ctx.clock);
    return ctx.tx(async (t) => {
      await setContractStatus(t, ctx, input.id, input.status, date);
      return contractDetail(t, input.id);
    });
  },

  'contracts.pdf': async (ctx, input) => {
    const row = await loadContract(ctx.db, input.id);
    const snapshot = readSnapshot(row.snapshot);
    const pdf = await renderContractPdf(snapshot);
    ctx.audit.read('contract', row.id);
    const participantId = await participantOf(ctx.db, row.placementId);
    if (participantId !== null) ctx.audit.read('participant', participantId);
    return {
      fileName: contractFileName(snapshot, 'pdf'),
      mimeType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    };
  },

  'contracts.export': async (ctx, input) => {
    const ids = [...new Set(input.ids)];
    const missing = await missingContractIds(ctx.db, ids);
    if (missing.length > 0) {
      throw new AppError(
        'NOT_FOUND',
        `${missing.length === 1 ? 'Ett av de valda avtalen finns' : `${missing.length} av de valda avtalen finns`} inte (id ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}).`,
        'ids',
      );
    }
    const progress = progressReporter(ctx.user.id, input.progressKey);
    const { bytes, rows } = await buildContractExport(ctx.db, ids, input.format, {
      created: ctx.clock.now(),
      onProgress: ({ done, total }) => progress(total > 0 ? done / total : 0),
    });
    progress.finish();
    await ctx.tx((t) =>
      ctx.audit.write(t, {
        action: 'export',
        entity: 'contract',
        detail: `${rows} avtal som ${input.format.toUpperCase()}`,
      }),
    );
    const stamp = localToday(ctx.clock);
    return {
      fileName: `Anställningsavtal ${stamp} (${rows} st).${input.format}`,
      mimeType: EXPORT_MIME[input.format],
      contentBase64: bytes.toString('base64'),
      rows,
    };
  },
};
