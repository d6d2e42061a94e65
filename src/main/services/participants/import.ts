/**
 * Referral import (remisslista from social services): a preview of every row, then the good rows in one
 * transaction — all of them or nothing. People already registered are flagged, never created again. A file that
 * cannot be read changes nothing.
 */
import type { Reader } from '../../store';
import {
  findByPersonnummer,
  findByPersonnummers,
  insertParticipant,
  nextRefNumber,
  participantAuditView,
} from '../../store/participants';
import type { AuthedContext } from '../context';
import { localToday } from '../../util/clock';
import { ruleError } from '../../../shared/errors';
import type { ImportPreview } from '../../../shared/domain/participant';
import { formatPersonnummer } from '../../../shared/rules/personnummer';
import { previewReferralFile, type ReferralPreview } from '../../import/referrals';
import { defaultCoordinator, derivedColumns, formatRef, fullName } from './views';
import { addTimelineEvent } from './transitions';

function decode(contentBase64: string): Buffer {
  return Buffer.from(contentBase64, 'base64');
}

/**
 * Reads the file and judges every row. The people already registered are looked up first (the file's numbers, in
 * one pass), since the file reader asks about them one by one and synchronously.
 */
async function runPreview(ctx: AuthedContext, r: Reader, contentBase64: string): Promise<ReferralPreview> {
  const today = localToday(ctx.clock);
  const bytes = decode(contentBase64);
  const asked = new Set<string>();
  previewReferralFile(bytes, {
    today,
    existingPersonnummer: (canonical) => {
      asked.add(canonical);
      return undefined;
    },
  });
  const known = new Map(
    (await findByPersonnummers(r, [...asked])).map((row) => [
      row.personnummer,
      { id: String(row.id), name: `${fullName(row)} (${row.ref})` },
    ]),
  );
  return previewReferralFile(bytes, { today, existingPersonnummer: (canonical) => known.get(canonical) });
}

/** The preview the user sees before importing: every row with its status and, for bad rows, the reasons. */
export async function importPreview(
  ctx: AuthedContext,
  input: { fileName: string; contentBase64: string },
): Promise<ImportPreview> {
  const preview = await runPreview(ctx, ctx.db, input.contentBase64);
  if (!preview.ok) return { ok: false, error: preview.error };
  const rows: Extract<ImportPreview, { ok: true }>['rows'] = [];
  for (const v of preview.valid) {
    const dup = v.duplicateOf ? await findByPersonnummer(ctx.db, v.row.personnummer) : undefined;
    if (dup) ctx.audit.read('participant', dup.id); // the preview shows who the existing person is
    rows.push({
      rowNumber: v.rowNumber,
      status: dup ? 'duplicate' : 'new',
      name: `${v.row.firstName} ${v.row.lastName}`,
      personnummer: formatPersonnummer(v.row.personnummer),
      referralDate: v.row.referralDate,
      caseworkerName: v.row.caseworkerName,
      district: v.row.district,
      address: v.row.address,
      errors: [],
      duplicateOf: dup ? { id: dup.id, ref: dup.ref, name: fullName(dup) } : null,
    });
  }
  for (const inv of preview.invalid) {
    rows.push({
      rowNumber: inv.rowNumber,
      status: 'invalid',
      name: null,
      personnummer: null,
      referralDate: null,
      caseworkerName: null,
      district: null,
      address: null,
      errors: inv.errors.map((e) => ({ field: e.field, message: e.message })),
      duplicateOf: null,
    });
  }
  rows.sort((a, b) => a.rowNumber - b.rowNumber);
  const duplicateCount = rows.filter((r) => r.status === 'duplicate').length;
  return {
    ok: true,
    fileName: input.fileName,
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    totalRows: preview.totalRows,
    newCount: rows.length - duplicateCount - preview.invalid.length,
    duplicateCount,
    invalidCount: preview.invalid.length,
    ignoredColumns: preview.ignoredColumns,
    rows,
  };
}

/** Creates every good, new row as a referred participant in one transaction. */
export async function importCommit(
  ctx: AuthedContext,
  input: { fileName: string; contentBase64: string; expectedNewCount?: number | undefined },
) {
  return ctx.tx(async (t) => {
    // The file is read again inside the unit of work, so duplicates are judged against what is committed.
    const preview = await runPreview(ctx, t, input.contentBase64);
    if (!preview.ok) throw ruleError(`Filen kunde inte importeras: ${preview.error} Ingenting har sparats.`);
    const fresh = preview.valid.filter((v) => v.duplicateOf === undefined);
    if (input.expectedNewCount !== undefined && input.expectedNewCount !== fresh.length) {
      throw ruleError(
        `Förhandsgranskningen visade ${input.expectedNewCount} nya personer men nu är det ${fresh.length} (någon har registrerat personer under tiden). Granska filen igen. Ingenting har sparats.`,
      );
    }
    const today = localToday(ctx.clock);
    const year = today.slice(0, 4);
    let seq = await nextRefNumber(t, year);
    const nowIso = ctx.clock.now().toISOString();
    const coordinatorId = defaultCoordinator(ctx);
    const ids: number[] = [];
    for (const { row: r, rowNumber } of fresh) {
      const ref = formatRef(year, seq++);
      const childrenUnknownCount = r.hasChildrenInHousehold === true && r.childrenInHousehold === null;
      const values = {
        ref,
        personnummer: r.personnummer,
        firstName: r.firstName,
        lastName: r.lastName,
        phone: r.phone,
        email: r.email,
        address: r.address,
        postalCode: r.postalCode,
        city: r.city,
        district: r.district,
        referralDate: r.referralDate,
        caseworkerName: r.caseworkerName,
        caseworkerUnit: r.caseworkerUnit,
        caseworkerPhone: r.caseworkerPhone,
        caseworkerEmail: r.caseworkerEmail,
        longTermRecipient: r.longTermRecipient,
        // "Ja" without a number is recorded as one child (the timeline says so), so the household counts as having children.
        childrenInHousehold: r.childrenInHousehold ?? (r.hasChildrenInHousehold ? 1 : 0),
        monthlyAssistance: r.monthlyAssistanceSek === null ? null : Math.round(r.monthlyAssistanceSek * 100),
        caseNotes: r.note,
        coordinatorId,
        stage: 'referred',
        stageSince: r.referralDate,
        createdAt: nowIso,
        updatedAt: nowIso,
        ...derivedColumns({ ...r, ref }),
      };
      const created = await insertParticipant(t, values);
      await addTimelineEvent(ctx, t, created.id, {
        kind: 'created',
        toStage: 'referred',
        note: childrenUnknownCount ? 'Remissen anger barn i hushållet utan antal; registrerat som 1 barn.' : null,
        data: { source: 'import', fileName: input.fileName, rowNumber },
      });
      await ctx.audit.change(
        t,
        'participant',
        created.id,
        null,
        participantAuditView(created),
        `Importerad från ${input.fileName}, rad ${rowNumber}`,
      );
      ids.push(created.id);
    }
    return {
      created: ids.length,
      skippedDuplicates: preview.valid.length - fresh.length,
      skippedInvalid: preview.invalid.length,
      participantIds: ids,
    };
  });
}
