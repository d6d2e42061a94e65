/**
 * HR batch export of chosen contracts (issue "HR exports", docs/product.md §7): CSV that Swedish Excel opens correctly
 * (UTF-8 with BOM, semicolons, YYYY-MM-DD dates, decimal commas) and XLSX, both streamed to a file in chunks of
 * rows so a large batch never sits in memory at once, with a progress callback.
 *
 * Every value comes from the contract snapshot (what was agreed and printed), never from live records.
 */
import type { Reader } from '../../store';
import { contractsForExport, existingContractIds } from '../../store/contracts';
import { writeCsvStream } from '../../documents/csv';
import { writeXlsx, type XlsxColumn } from '../../documents/xlsx';
import {
  CONTRACT_STATUS_LABELS,
  contractSnapshotSchema,
  formatPersonnummerForContract,
  stockholmDate,
  type ContractSnapshot,
  type ContractStatus,
} from '../../../shared/domain/contract-doc';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportProgress {
  done: number;
  total: number;
}

/** Rows fetched from the database per query: keeps memory flat and the connection free between chunks. */
const CHUNK = 500;

interface Column extends XlsxColumn {
  value: (r: ExportRow) => string | number | null;
}

interface ExportRow {
  id: number;
  status: string;
  snapshot: ContractSnapshot;
  sentAt: string | null;
  signedAt: string | null;
  registeredAt: string | null;
}

const kr = (ore: number | null) => (ore === null ? null : ore / 100);

/** The columns of the HR file, in order. Headers are Swedish; the same for CSV and XLSX. */
export const EXPORT_COLUMNS: Column[] = [
  { header: 'Avtalsnummer', key: 'contractNumber', kind: 'text', width: 14, value: (r) => r.snapshot.contractNumber },
  { header: 'Version', key: 'version', kind: 'number', width: 8, value: (r) => r.snapshot.version },
  {
    header: 'Status',
    key: 'status',
    kind: 'text',
    width: 24,
    value: (r) => CONTRACT_STATUS_LABELS[r.status as ContractStatus] ?? r.status,
  },
  {
    header: 'Personnummer',
    key: 'personnummer',
    kind: 'text',
    width: 15,
    value: (r) => formatPersonnummerForContract(r.snapshot.terms.employee.personnummer),
  },
  { header: 'Efternamn', key: 'lastName', kind: 'text', width: 18, value: (r) => r.snapshot.terms.employee.lastName },
  { header: 'Förnamn', key: 'firstName', kind: 'text', width: 16, value: (r) => r.snapshot.terms.employee.firstName },
  { header: 'Adress', key: 'address', kind: 'text', width: 24, value: (r) => r.snapshot.terms.employee.address },
  {
    header: 'Postnummer',
    key: 'postalCode',
    kind: 'text',
    width: 10,
    value: (r) => r.snapshot.terms.employee.postalCode,
  },
  { header: 'Ort', key: 'city', kind: 'text', width: 14, value: (r) => r.snapshot.terms.employee.city },
  {
    header: 'Anställningsform',
    key: 'form',
    kind: 'text',
    width: 36,
    value: (r) => r.snapshot.terms.employment.formText,
  },
  {
    header: 'Befattning',
    key: 'position',
    kind: 'text',
    width: 28,
    value: (r) => r.snapshot.terms.employment.positionTitle,
  },
  {
    header: 'Arbetsplats',
    key: 'workplace',
    kind: 'text',
    width: 28,
    value: (r) => r.snapshot.terms.employment.workplaceName,
  },
  { header: 'Startdatum', key: 'startDate', kind: 'date', value: (r) => r.snapshot.terms.employment.startDate },
  { header: 'Slutdatum', key: 'endDate', kind: 'date', value: (r) => r.snapshot.terms.employment.endDate },
  {
    header: 'Sysselsättningsgrad (%)',
    key: 'hoursPercent',
    kind: 'number',
    width: 12,
    value: (r) => r.snapshot.terms.employment.hoursPercent,
  },
  {
    header: 'Månadslön (kr)',
    key: 'salary',
    kind: 'money',
    value: (r) => kr(r.snapshot.terms.employment.monthlySalaryOre),
  },
  {
    header: 'Kollektivavtal',
    key: 'agreement',
    kind: 'text',
    width: 14,
    value: (r) => r.snapshot.terms.employment.collectiveAgreement,
  },
  {
    header: 'Stödform',
    key: 'subsidyType',
    kind: 'text',
    width: 30,
    value: (r) => r.snapshot.terms.subsidy?.typeName ?? null,
  },
  {
    header: 'AF beslutsnummer',
    key: 'decisionNumber',
    kind: 'text',
    width: 16,
    value: (r) => latestDecision(r.snapshot)?.number ?? null,
  },
  {
    header: 'AF beslutsdatum',
    key: 'decisionDate',
    kind: 'date',
    value: (r) => latestDecision(r.snapshot)?.date ?? null,
  },
  {
    header: 'Stöd (%)',
    key: 'subsidyPercent',
    kind: 'number',
    width: 9,
    value: (r) => latestDecision(r.snapshot)?.percent ?? null,
  },
  {
    header: 'Takbelopp (kr)',
    key: 'ceiling',
    kind: 'money',
    value: (r) => kr(latestDecision(r.snapshot)?.ceilingOre ?? null),
  },
  { header: 'Stöd från', key: 'subsidyFrom', kind: 'date', value: (r) => latestDecision(r.snapshot)?.from ?? null },
  { header: 'Stöd till', key: 'subsidyTo', kind: 'date', value: (r) => latestDecision(r.snapshot)?.to ?? null },
  { header: 'Genererat', key: 'generated', kind: 'date', value: (r) => stockholmDate(r.snapshot.generatedAt) },
  { header: 'Skickat', key: 'sent', kind: 'date', value: (r) => r.sentAt },
  { header: 'Signerat', key: 'signed', kind: 'date', value: (r) => r.signedAt },
  { header: 'Registrerat i lön', key: 'registered', kind: 'date', value: (r) => r.registeredAt },
];

/** The decision in force at the end of the contract: the newest extension, or the first decision. */
function latestDecision(s: ContractSnapshot) {
  const sub = s.terms.subsidy;
  if (!sub) return null;
  const ext = sub.extensions.at(-1);
  if (ext)
    return {
      number: ext.decisionNumber,
      date: ext.decisionDate,
      percent: ext.percent,
      ceilingOre: ext.ceilingOre,
      from: ext.periodStart,
      to: ext.periodEnd,
    };
  return {
    number: sub.decisionNumber,
    date: sub.decisionDate,
    percent: sub.percent,
    ceilingOre: sub.ceilingOre,
    from: sub.periodStart,
    to: sub.periodEnd,
  };
}

/** Ids that do not exist (checked in chunks before anything is written). */
export async function missingContractIds(r: Reader, ids: readonly number[]): Promise<number[]> {
  const found = await existingContractIds(r, ids);
  return ids.filter((id) => !found.has(id));
}

/** Reads the chosen contracts chunk by chunk, in the order given, yielding to the event loop between chunks. */
async function* exportRows(r: Reader, ids: readonly number[]): AsyncGenerator<ExportRow> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await contractsForExport(r, chunk);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of chunk) {
      const r = byId.get(id);
      if (!r) continue;
      yield { ...r, snapshot: contractSnapshotSchema.parse(r.snapshot) };
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Writes the chosen contracts (duplicates removed, order kept) to `path` as CSV or XLSX.
 * `onProgress` is called as rows are written (every 1,000 rows and at the end).
 */
export async function exportContracts(
  db: Reader,
  idsIn: readonly number[],
  format: ExportFormat,
  path: string,
  opts: { onProgress?: (p: ExportProgress) => void; created?: Date } = {},
): Promise<{ rows: number }> {
  const ids = [...new Set(idsIn)];
  const total = ids.length;
  const progress = opts.onProgress ? (done: number) => opts.onProgress!({ done, total }) : undefined;
  if (format === 'csv') {
    async function* cells() {
      for await (const r of exportRows(db, ids)) yield EXPORT_COLUMNS.map((c) => c.value(r));
    }
    const result = await writeCsvStream(path, EXPORT_COLUMNS, cells(), progress);
    return { rows: result.rows };
  }
  async function* records() {
    for await (const r of exportRows(db, ids)) {
      const rec: Record<string, unknown> = {};
      for (const c of EXPORT_COLUMNS) rec[c.key] = c.value(r);
      yield rec;
    }
  }
  const columns: XlsxColumn[] = EXPORT_COLUMNS.map(({ header, key, kind, width }) => ({
    header,
    key,
    kind,
    ...(width ? { width } : {}),
  }));
  const result = await writeXlsx(
    path,
    'Anställningsavtal',
    columns,
    records(),
    progress,
    opts.created ? { created: opts.created } : {},
  );
  return { rows: result.rows };
}

export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
