/** Employment contracts: versioned snapshots (the database refuses changes to a snapshot and any DELETE). */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { contracts } from '../db/schema';
import { insertMany } from './bulk';
import { insertRow, recordKind, updateRow, type PatchOf } from './record';

export type ContractRow = typeof contracts.$inferSelect;
export type ContractInsert = typeof contracts.$inferInsert;

export const contractRecord = recordKind({
  table: 'contracts',
  entity: 'contract',
  label: 'Avtalet',
  view: (c: ContractRow) => ({
    status: c.status,
    sentAt: c.sentAt,
    signedAt: c.signedAt,
    registeredAt: c.registeredAt,
  }),
});

export async function findContract(r: Reader, id: number): Promise<ContractRow | undefined> {
  const { contracts } = r.tables;
  const [row] = await r.db.select().from(contracts).where(eq(contracts.id, id)).limit(1);
  return row;
}

/** Every version of a placement's contract, newest first. */
export async function contractVersions(r: Reader, placementId: number): Promise<ContractRow[]> {
  const { contracts } = r.tables;
  return r.db.select().from(contracts).where(eq(contracts.placementId, placementId)).orderBy(desc(contracts.version));
}

/** Contracts of the given placements (null: all), any version. */
export async function contractsOfPlacements(r: Reader, placementIds: readonly number[] | null): Promise<ContractRow[]> {
  const { contracts } = r.tables;
  if (placementIds !== null && placementIds.length === 0) return [];
  return r.db
    .select()
    .from(contracts)
    .where(placementIds === null ? undefined : inArray(contracts.placementId, [...placementIds]))
    .orderBy(asc(contracts.id));
}

/** Version and status of the contracts of the given placements (null: all), without the snapshots. */
export async function contractHeads(r: Reader, placementIds: readonly number[] | null) {
  const { contracts } = r.tables;
  if (placementIds !== null && placementIds.length === 0) return [];
  return r.db
    .select({
      id: contracts.id,
      placementId: contracts.placementId,
      version: contracts.version,
      status: contracts.status,
      generatedAt: contracts.generatedAt,
      sentAt: contracts.sentAt,
      signedAt: contracts.signedAt,
      registeredAt: contracts.registeredAt,
    })
    .from(contracts)
    .where(placementIds === null ? undefined : inArray(contracts.placementId, [...placementIds]))
    .orderBy(desc(contracts.version), desc(contracts.id));
}

/** The ids among `ids` that exist. */
export async function existingContractIds(r: Reader, ids: readonly number[]): Promise<Set<number>> {
  const { contracts } = r.tables;
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await r.db
      .select({ id: contracts.id })
      .from(contracts)
      .where(inArray(contracts.id, [...ids.slice(i, i + 500)]))) {
      found.add(row.id);
    }
  }
  return found;
}

/** What an export needs of the given contracts (one chunk of ids). */
export async function contractsForExport(r: Reader, ids: readonly number[]) {
  const { contracts } = r.tables;
  return r.db
    .select({
      id: contracts.id,
      status: contracts.status,
      snapshot: contracts.snapshot,
      sentAt: contracts.sentAt,
      signedAt: contracts.signedAt,
      registeredAt: contracts.registeredAt,
    })
    .from(contracts)
    .where(inArray(contracts.id, [...ids]));
}

export const insertContract = (t: Tx, v: ContractInsert) => insertRow(t, 'contracts', v);
export const insertContracts = (t: Tx, rows: readonly ContractInsert[]) => insertMany(t, 'contracts', rows);
/** Only the status steps change; the database refuses a change of the snapshot, version, placement or date. */
export const updateContract = (
  t: Tx,
  id: number,
  patch: Pick<PatchOf<'contracts'>, 'status' | 'sentAt' | 'signedAt' | 'registeredAt'>,
) => updateRow(t, 'contracts', id, patch);

export async function contractIdsOfStatus(r: Reader, statuses: readonly string[]): Promise<number[]> {
  const { contracts } = r.tables;
  return (
    await r.db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(inArray(contracts.status, [...statuses])))
      .orderBy(asc(contracts.id))
  ).map((x) => x.id);
}
