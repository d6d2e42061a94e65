/**
 * Deviation reports to the referring caseworker: created after a participant's second no-show at an information
 * meeting, worked through by the coordinator (letter as PDF, marked sent, marked done).
 */
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { tx } from '../../db/connection';
import { deviationReports, infoMeetingBookings, infoMeetings, participants, type NoShowRef } from '../../db/schema';
import type { AuthedContext, ServiceContext } from '../context';
import { localToday } from '../../util/clock';
import { notFound, ruleError } from '../../../shared/errors';
import { DEVIATION_STATUS_LABELS, type DeviationStatus, type DownloadFile } from '../../../shared/domain/participant';
import type { DeviationRow } from '../../../shared/contract/participants';
import { formatPersonnummer } from '../../../shared/rules/personnummer';
import { renderPdf } from '../../documents/pdf';
import { formatLocalTime, fullName, userRefs } from '../participants/store';
import { addTimelineEvent } from '../participants/transitions';

export type DeviationFilter = 'active' | 'open' | 'sent' | 'done' | 'all';

function statusCondition(status: DeviationFilter): SQL | undefined {
  if (status === 'all') return undefined;
  if (status === 'active') return inArray(deviationReports.status, ['open', 'sent']);
  return eq(deviationReports.status, status);
}

type Joined = { d: typeof deviationReports.$inferSelect; p: typeof participants.$inferSelect };

function toRows(ctx: ServiceContext, rows: Joined[]): DeviationRow[] {
  const names = userRefs(
    ctx.legacyDb,
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

export function listDeviations(
  ctx: AuthedContext,
  q: { status: DeviationFilter; offset: number; limit: number; coordinatorId?: number | undefined },
): { total: number; rows: DeviationRow[] } {
  const conds = [
    statusCondition(q.status),
    q.coordinatorId === undefined ? undefined : eq(participants.coordinatorId, q.coordinatorId),
  ].filter((c): c is SQL => c !== undefined);
  const where = conds.length ? and(...conds) : undefined;
  const total =
    ctx.legacyDb
      .select({ n: count() })
      .from(deviationReports)
      .innerJoin(participants, eq(participants.id, deviationReports.participantId))
      .where(where)
      .get()?.n ?? 0;
  const rows = ctx.legacyDb
    .select({ d: deviationReports, p: participants })
    .from(deviationReports)
    .innerJoin(participants, eq(participants.id, deviationReports.participantId))
    .where(where)
    .orderBy(desc(deviationReports.createdAt), desc(deviationReports.id))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  return { total, rows: toRows(ctx, rows) };
}

export function deviationCounts(ctx: ServiceContext): Record<DeviationStatus, number> {
  const counts: Record<DeviationStatus, number> = { open: 0, sent: 0, done: 0 };
  for (const r of ctx.legacyDb
    .select({ status: deviationReports.status, n: count() })
    .from(deviationReports)
    .groupBy(deviationReports.status)
    .all()) {
    if (r.status in counts) counts[r.status as DeviationStatus] = r.n;
  }
  return counts;
}

function loadJoined(ctx: ServiceContext, id: number): Joined {
  const row = ctx.legacyDb
    .select({ d: deviationReports, p: participants })
    .from(deviationReports)
    .innerJoin(participants, eq(participants.id, deviationReports.participantId))
    .where(eq(deviationReports.id, id))
    .get();
  if (!row) throw notFound('Avvikelsen');
  return row;
}

/**
 * After a no-show: if the person has missed two or more meetings and has no deviation report in progress, create
 * one listing the missed meetings. Returns the new report's id, or null.
 */
export function createDeviationIfDue(ctx: ServiceContext, participantId: number, noShowCount: number): number | null {
  if (noShowCount < 2) return null;
  const active = ctx.legacyDb
    .select({ id: deviationReports.id })
    .from(deviationReports)
    .where(and(eq(deviationReports.participantId, participantId), inArray(deviationReports.status, ['open', 'sent'])))
    .get();
  if (active) return null;
  const noShows: NoShowRef[] = ctx.legacyDb
    .select({ meetingId: infoMeetings.id, startsAt: infoMeetings.startsAt, place: infoMeetings.place })
    .from(infoMeetingBookings)
    .innerJoin(infoMeetings, eq(infoMeetings.id, infoMeetingBookings.meetingId))
    .where(and(eq(infoMeetingBookings.participantId, participantId), eq(infoMeetingBookings.status, 'no_show')))
    .orderBy(desc(infoMeetings.startsAt))
    .limit(noShowCount)
    .all()
    .reverse();
  const dates = noShows.map((n) => n.startsAt.slice(0, 10)).join(', ');
  const reason = `Uteblev från bokat informationsmöte ${noShowCount} gånger${dates ? ` (${dates})` : ''}.`;
  const created = ctx.legacyDb
    .insert(deviationReports)
    .values({ participantId, createdAt: ctx.clock.now().toISOString(), reason, noShows, status: 'open' })
    .returning()
    .get();
  addTimelineEvent(ctx, participantId, { kind: 'deviation', data: { deviationId: created.id, noShowCount } });
  ctx.audit.change('deviation_report', created.id, null, { participantId, reason, status: 'open' }, 'Avvikelse skapad');
  return created.id;
}

export function setDeviationStatus(
  ctx: AuthedContext,
  input: { id: number; status: DeviationStatus; note?: string | null | undefined },
): DeviationRow {
  return tx(ctx.legacyDb, () => {
    const { d: before } = loadJoined(ctx, input.id);
    if (before.status === input.status) {
      throw ruleError(`Avvikelsen har redan status ”${DEVIATION_STATUS_LABELS[input.status]}”.`);
    }
    const nowIso = ctx.clock.now().toISOString();
    const after = ctx.legacyDb
      .update(deviationReports)
      .set({
        status: input.status,
        note: input.note === undefined ? before.note : input.note,
        sentAt: input.status === 'sent' ? nowIso : input.status === 'open' ? null : before.sentAt,
        handledAt: input.status === 'done' ? nowIso : null,
        handledBy: input.status === 'done' ? ctx.user.id : null,
      })
      .where(eq(deviationReports.id, input.id))
      .returning()
      .get();
    addTimelineEvent(ctx, before.participantId, {
      kind: 'deviation',
      note: input.note ?? null,
      data: { deviationId: before.id, status: input.status },
    });
    const view = (d: typeof before) => ({ status: d.status, note: d.note, sentAt: d.sentAt, handledAt: d.handledAt });
    ctx.audit.change('deviation_report', before.id, view(before), view(after));
    return toRows(ctx, [loadJoined(ctx, input.id)])[0]!;
  });
}

/** The letter to the referring caseworker, as a PDF. Reading it is a read of the participant (audited). */
export async function deviationLetter(ctx: AuthedContext, id: number): Promise<DownloadFile> {
  const { d, p } = loadJoined(ctx, id);
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
