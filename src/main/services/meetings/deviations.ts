/**
 * Deviation reports to the referring caseworker: created after a participant's second no-show at an information
 * meeting, worked through by the coordinator (letter as PDF, marked sent, marked done).
 */
import type { Reader, Tx } from '../../store';
import {
  activeDeviationOf,
  deviationCountsByStatus,
  deviationRecord,
  findDeviationWithParticipant,
  insertDeviation,
  noShowsOf,
  queryDeviations,
  type DeviationFilter,
  type DeviationRow as DeviationRecordRow,
} from '../../store/meetings';
import type { ParticipantRow } from '../../store/participants';
import type { NoShowRef } from '../../store/meetings';
import { changeRecord } from '../../store/record';
import type { AuthedContext, ServiceContext } from '../context';
import { localToday } from '../../util/clock';
import { notFound, ruleError } from '../../../shared/errors';
import { DEVIATION_STATUS_LABELS, type DeviationStatus, type DownloadFile } from '../../../shared/domain/participant';
import type { DeviationRow } from '../../../shared/contract/participants';
import { formatPersonnummer } from '../../../shared/rules/personnummer';
import { renderPdf } from '../../documents/pdf';
import { formatLocalTime, fullName, userRefs } from '../participants/views';
import { addTimelineEvent } from '../participants/transitions';

export type { DeviationFilter };

type Joined = { d: DeviationRecordRow; p: ParticipantRow };

async function toRows(r: Reader, rows: Joined[]): Promise<DeviationRow[]> {
  const names = await userRefs(
    r,
    rows.map(({ d }) => d.handledBy),
  );
  return rows.map(({ d, p }) => ({
    id: d.id,
    participantId: p.id,
    ref: p.ref,
    name: fullName(p),
    personnummerFormatted: /^\d{12}$/.test(p.personnummer) ? formatPersonnummer(p.personnummer) : p.personnummer,
    caseworker: { name: p.caseworkerName, unit: p.caseworkerUnit, phone: p.caseworkerPhone, email: p.caseworkerEmail },
    createdAt: d.createdAt,
    reason: d.reason,
    noShows: d.noShows,
    status: d.status as DeviationStatus,
    note: d.note,
    sentAt: d.sentAt,
    handledAt: d.handledAt,
    handledBy: d.handledBy === null ? null : (names.get(d.handledBy) ?? null),
  }));
}

export async function listDeviations(
  ctx: AuthedContext,
  q: { status: DeviationFilter; offset: number; limit: number; coordinatorId?: number | undefined },
): Promise<{ total: number; rows: DeviationRow[] }> {
  const { total, rows } = await queryDeviations(ctx.db, q);
  return { total, rows: await toRows(ctx.db, rows) };
}

export async function deviationCounts(ctx: ServiceContext): Promise<Record<DeviationStatus, number>> {
  const counts: Record<DeviationStatus, number> = { open: 0, sent: 0, done: 0 };
  for (const [status, n] of await deviationCountsByStatus(ctx.db)) {
    if (status in counts) counts[status as DeviationStatus] = n;
  }
  return counts;
}

async function loadJoined(r: Reader, id: number): Promise<Joined> {
  const row = await findDeviationWithParticipant(r, id);
  if (!row) throw notFound('Avvikelsen');
  return row;
}

/**
 * After a no-show: if the person has missed two or more meetings and has no deviation report in progress, create
 * one listing the missed meetings. Returns the new report's id, or null.
 */
export async function createDeviationIfDue(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  noShowCount: number,
): Promise<number | null> {
  if (noShowCount < 2) return null;
  if ((await activeDeviationOf(t, participantId)) !== undefined) return null;
  const noShows: NoShowRef[] = await noShowsOf(t, participantId, noShowCount);
  const dates = noShows.map((n) => n.startsAt.slice(0, 10)).join(', ');
  const reason = `Uteblev från bokat informationsmöte ${noShowCount} gånger${dates ? ` (${dates})` : ''}.`;
  const created = await insertDeviation(t, {
    participantId,
    createdAt: ctx.clock.now().toISOString(),
    reason,
    noShows,
    status: 'open',
  });
  await addTimelineEvent(ctx, t, participantId, { kind: 'deviation', data: { deviationId: created.id, noShowCount } });
  await ctx.audit.change(
    t,
    'deviation_report',
    created.id,
    null,
    { participantId, reason, status: 'open' },
    'Avvikelse skapad',
  );
  return created.id;
}

export async function setDeviationStatus(
  ctx: AuthedContext,
  input: { id: number; status: DeviationStatus; note?: string | null | undefined },
): Promise<DeviationRow> {
  return ctx.tx(async (t) => {
    const { d: before } = await loadJoined(t, input.id);
    if (before.status === input.status) {
      throw ruleError(`Avvikelsen har redan status ”${DEVIATION_STATUS_LABELS[input.status]}”.`);
    }
    const nowIso = ctx.clock.now().toISOString();
    await changeRecord(
      t,
      ctx.audit,
      deviationRecord,
      input.id,
      {
        status: input.status,
        note: input.note === undefined ? before.note : input.note,
        sentAt: input.status === 'sent' ? nowIso : input.status === 'open' ? null : before.sentAt,
        handledAt: input.status === 'done' ? nowIso : null,
        handledBy: input.status === 'done' ? ctx.user.id : null,
      },
      { before },
    );
    await addTimelineEvent(ctx, t, before.participantId, {
      kind: 'deviation',
      note: input.note ?? null,
      data: { deviationId: before.id, status: input.status },
    });
    return (await toRows(t, [await loadJoined(t, input.id)]))[0]!;
  });
}

/** The letter to the referring caseworker, as a PDF. Reading it is a read of the participant (audited). */
export async function deviationLetter(ctx: AuthedContext, id: number): Promise<DownloadFile> {
  const { d, p } = await loadJoined(ctx.db, id);
  ctx.audit.read('participant', p.id);
  const today = localToday(ctx.clock);
  const name = fullName(p);
  const pnr = /^\d{12}$/.test(p.personnummer) ? formatPersonnummer(p.personnummer) : p.personnummer;
  const recipient = [p.caseworkerName, p.caseworkerUnit].filter(Boolean).join(', ') || 'Remitterande handläggare';
  const coordinator = ctx.user.displayName;
  const times = d.noShows.length;
  const pdf = await renderPdf({
    title: `Avvikelserapport ${p.ref}`,
    subject: 'Avvikelserapport till remitterande handläggare',
    author: 'Jobb Borås',
    header: 'Jobb Borås · Borås Stad',
    footer: 'Innehåller personuppgifter som kan omfattas av sekretess',
    createdAt: ctx.clock.now().toISOString(),
    blocks: [
      { kind: 'title', text: 'Avvikelserapport – uteblivna besök' },
      {
        kind: 'fields',
        rows: [
          ['Till', recipient],
          ['Datum', today],
          ['Från', `${coordinator}, Jobb Borås`],
          ['Vår referens', p.ref],
        ],
      },
      { kind: 'heading', text: 'Deltagare' },
      {
        kind: 'fields',
        rows: [
          ['Namn', name],
          ['Personnummer', pnr],
          ['Remissdatum', p.referralDate],
        ],
      },
      { kind: 'heading', text: 'Avvikelse' },
      {
        kind: 'paragraph',
        text: `${name} har inte kommit till bokat informationsmöte hos Jobb Borås vid ${times === 2 ? 'två' : String(times)} tillfällen. Kartläggningen har därför inte kunnat påbörjas. Vi återrapporterar detta till dig som remitterande handläggare för vidare åtgärd.`,
      },
      {
        kind: 'table',
        columns: [{ header: 'Datum och tid', width: 150 }, { header: 'Plats' }],
        rows: d.noShows.map((n) => [formatLocalTime(n.startsAt), n.place]),
      },
      {
        kind: 'paragraph',
        text: 'Deltagaren står kvar som remitterad hos Jobb Borås och kan bokas till ett nytt informationsmöte. Hör av dig om vi ska boka en ny tid eller om remissen ska avslutas.',
      },
      { kind: 'heading', text: 'Kontakt' },
      {
        kind: 'fields',
        rows: [
          ['Koordinator', coordinator],
          ['Enhet', 'Jobb Borås, Borås Stad'],
        ],
      },
    ],
  });
  return { fileName: `avvikelse-${p.ref}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
}
