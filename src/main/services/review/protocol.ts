/**
 * The protocol of a closed review meeting as a PDF (docs/product.md §7: Swedish, embedded font, text extractable).
 *
 * It is rendered from the snapshot frozen when the meeting closed (review_meetings.protocol), never from the live
 * records, so the same meeting always gives the same document. Corrections made after closing are appended as
 * "Rättelser efter justering"; the frozen part is unchanged. Participants appear only as "Deltagare <ref>".
 */
import type { Reader } from '../../store';
import { renderPdf, type PdfBlock } from '../../documents/pdf';
import { protocolSnapshotSchema, type CorrectionOut, type ProtocolSnapshot } from '../../../shared/contract/review';
import { ruleError } from '../../../shared/errors';
import { dayText, localDateTimeText, type MeetingRow } from './common';
import { meetingCorrections } from './views';

export function readProtocol(m: MeetingRow): ProtocolSnapshot | null {
  if (m.protocol === null || m.protocol === undefined) return null;
  const parsed = protocolSnapshotSchema.safeParse(m.protocol);
  if (!parsed.success) throw new Error(`Protokollet för möte ${m.id} kan inte läsas.`);
  return parsed.data;
}

function period(start: string, end: string | null, name: string | null): string {
  const range = end ? `${start} – ${end}` : `från ${start}, tills vidare`;
  return name ? `${name}: ${range}` : range;
}

/** The blocks of the protocol document. Exported for tests. */
export function protocolBlocks(p: ProtocolSnapshot, corrections: readonly CorrectionOut[]): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  blocks.push({ kind: 'title', text: `Protokoll – facklig prövning ${p.meeting.date}` });
  const head: Array<[string, string]> = [
    ['Datum', dayText(p.meeting.date)],
    ['Tid', p.meeting.time],
    ['Plats', p.meeting.place],
  ];
  if (p.meeting.movedReason) head.push(['Flyttat möte', p.meeting.movedReason]);
  head.push(['Parter', 'Jobb Borås (arbetsgivaren) och Kommunal']);
  head.push(['Protokollet låst', `${localDateTimeText(p.closedAt)} av ${p.closedByName}`]);
  blocks.push({ kind: 'fields', rows: head });

  blocks.push({ kind: 'heading', text: 'Närvarande' });
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Namn' }, { header: 'Part' }, { header: 'Titel' }],
    rows: p.attendees.map((a) => [a.name, a.partyLabel, a.title ?? '']),
  });

  blocks.push({ kind: 'heading', text: 'Sammanfattning' });
  if (p.items.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Mötet hade inga ärenden.' });
  } else {
    blocks.push({
      kind: 'table',
      columns: [
        { header: '§', width: 28 },
        { header: 'Deltagare', width: 110 },
        { header: 'Placering' },
        { header: 'Beslut', width: 110 },
      ],
      rows: p.items.map((i) => [
        String(i.number),
        i.participantLabel,
        `${i.positionTitle}, ${i.workplaceName}`,
        i.decisionLabel,
      ]),
    });
  }

  for (const i of p.items) {
    blocks.push({ kind: 'heading', text: `§ ${i.number} ${i.participantLabel} – ${i.positionTitle}` });
    const rows: Array<[string, string]> = [
      ['Deltagare', i.participantLabel],
      ['Placering', `${i.positionTitle} (${i.positionKindLabel})`],
      ['Arbetsplats', i.workplaceDistrict ? `${i.workplaceName}, ${i.workplaceDistrict}` : i.workplaceName],
      ['Arbetsuppgifter', i.tasks],
      ['Omfattning', `${i.hoursPercent} % av heltid`],
      ['Period', period(i.periodStart, i.periodEnd, i.periodName)],
      ['Anställningsform', i.employmentFormLabel],
      ['Stödform', i.subsidyTypeName ?? '–'],
      ['Ärendet', i.fromMeetingDate ? `${i.originLabel} (${i.fromMeetingDate})` : i.originLabel],
    ];
    if (i.previousQuestion) rows.push(['Fråga från föregående möte', i.previousQuestion]);
    rows.push(['Beslut', i.decisionLabel]);
    if (i.decision === 'veto') {
      rows.push(['Orsak', i.reasonLabel ?? '–']);
      rows.push(['Motivering', i.text ?? '–']);
    } else if (i.decision === 'approve' && i.text) {
      rows.push(['Kommentar', i.text]);
    } else if (i.decision === 'defer') {
      rows.push(['Fråga till nästa möte', i.question ?? '–']);
    }
    if (i.nextMeetingDate) rows.push(['Tas upp igen', dayText(i.nextMeetingDate)]);
    if (i.decidedByName)
      rows.push([
        'Beslut registrerat av',
        `${i.decidedByName}${i.decidedAt ? `, ${localDateTimeText(i.decidedAt)}` : ''}`,
      ]);
    if (i.decisionId !== null) rows.push(['Beslutsnummer', String(i.decisionId)]);
    blocks.push({ kind: 'fields', rows });
  }

  if (corrections.length > 0) {
    blocks.push({ kind: 'heading', text: 'Rättelser efter justering' });
    blocks.push({
      kind: 'paragraph',
      text: 'Följande beslut har rättats efter att protokollet låstes. Det ursprungliga beslutet står kvar ovan; rättelsen gäller från den tidpunkt då den registrerades.',
    });
    for (const c of corrections) {
      const rows: Array<[string, string]> = [
        ['Avser', `${c.itemNumber !== null ? `§ ${c.itemNumber}, ` : ''}${c.participantLabel}`],
        ['Rättar beslut nr', String(c.correctsDecisionId ?? '–')],
        ['Nytt beslut', `${c.label} (beslutsnummer ${c.id ?? '–'})`],
      ];
      if (c.kind === 'veto') {
        rows.push(['Orsak', c.reasonLabel ?? '–']);
        rows.push(['Motivering', c.text ?? '–']);
      } else if (c.kind === 'approve' && c.text) {
        rows.push(['Kommentar', c.text]);
      } else if (c.kind === 'defer') {
        rows.push(['Fråga till nästa möte', c.question ?? '–']);
      }
      rows.push(['Skäl för rättelsen', c.correctionReason ?? '–']);
      rows.push(['Registrerad', `${localDateTimeText(c.decidedAt)}${c.decidedByName ? ` av ${c.decidedByName}` : ''}`]);
      blocks.push({ kind: 'fields', rows });
    }
  }

  blocks.push({ kind: 'heading', text: 'Justering' });
  blocks.push({
    kind: 'signatures',
    parties: [
      { role: 'För arbetsgivaren (Jobb Borås)', name: p.attendees.find((a) => a.party === 'employer')?.name },
      { role: 'För Kommunal', name: p.attendees.find((a) => a.party === 'union')?.name },
    ].map((x) => (x.name ? { role: x.role, name: x.name } : { role: x.role })),
  });
  return blocks;
}

export async function protocolPdf(r: Reader, m: MeetingRow) {
  if (m.status !== 'closed') throw ruleError('Protokollet finns först när mötet är avslutat.');
  const p = readProtocol(m);
  if (!p) throw ruleError('Mötet saknar protokoll.');
  const corrections = await meetingCorrections(r, m);
  const latest = corrections.reduce((acc, c) => (c.decidedAt > acc ? c.decidedAt : acc), p.closedAt);
  const pdf = await renderPdf({
    title: `Protokoll facklig prövning ${p.meeting.date}`,
    subject: 'Protokoll från facklig prövning av föreslagna placeringar',
    author: 'Jobb Borås, Borås Stad',
    header: 'Jobb Borås · Borås Stad · Facklig prövning',
    footer: `Protokoll ${p.meeting.date}${corrections.length ? ' (med rättelser)' : ''}`,
    createdAt: latest,
    blocks: protocolBlocks(p, corrections),
  });
  return {
    fileName: `protokoll-facklig-provning-${p.meeting.date}.pdf`,
    mimeType: 'application/pdf',
    contentBase64: pdf.toString('base64'),
  };
}
