/**
 * Small, generic, deterministic document model rendered to PDF with pdfkit.
 *
 * Used for contracts and review protocols: A4, embedded DejaVu fonts (full Swedish
 * character set, text extractable), one accent colour, header and footer on every page with
 * "Sida X av Y", tables that break across pages with the header row repeated.
 *
 * Determinism: the same spec always gives byte-identical output. pdfkit derives the file ID
 * from the info dictionary, so pinning CreationDate/ModDate (from spec.createdAt) and the
 * Producer/Creator strings makes the whole file reproducible.
 */
import { resolveFontPaths } from './fonts';

export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: Array<[label: string, value: string]> }
  | {
      kind: 'table';
      /** `width` is in points; columns without a width share the remaining width equally. */
      columns: Array<{ header: string; width?: number }>;
      rows: string[][];
    }
  | { kind: 'signatures'; parties: Array<{ role: string; name?: string }> }
  | { kind: 'spacer' }
  | { kind: 'pageBreak' };

export type PdfDocumentSpec = {
  title: string;
  subject?: string;
  author?: string;
  /** Printed at the top of every page, e.g. 'Jobb Borås · Borås Stad'. */
  header?: string;
  /** Printed at the bottom left of every page (page numbers are always printed at the right). */
  footer?: string;
  blocks: PdfBlock[];
  /** ISO timestamp; used as CreationDate and ModDate so the output is deterministic. */
  createdAt: string;
};

export interface RenderPdfOptions {
  /** Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; defaults to <project root>/resources/fonts. */
  fontDir?: string;
}

// ---------------------------------------------------------------------------
// Layout constants (points; A4 is 595.28 × 841.89)

const ACCENT = '#00566b';
const TEXT = '#000000';
const MUTED = '#4d4d4d';
const RULE = '#b9c7cb';
const TABLE_HEADER_FILL = '#e5eff1';

const MARGIN = { top: 72, bottom: 72, left: 57, right: 57 };
const HEADER_Y = 34;
const FOOTER_OFFSET = 46; // footer text baseline area, measured from the page bottom

const SIZE = { title: 20, heading: 13, body: 10.5, table: 9, small: 8.5 };
const LINE_GAP = 2;
const CELL_PAD = 4;

const FONT_REGULAR = 'Regular';
const FONT_BOLD = 'Bold';

type Doc = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------

/** Renders the spec to a PDF buffer. */
export async function renderPdf(spec: PdfDocumentSpec, options: RenderPdfOptions = {}): Promise<Buffer> {
  const createdAt = new Date(spec.createdAt);
  if (Number.isNaN(createdAt.getTime())) {
    throw new Error(`Ogiltigt datum för dokumentet: "${spec.createdAt}"`);
  }
  const fonts = resolveFontPaths(options.fontDir);

  const info: PDFKit.DocumentInfo = {
    Producer: 'Växla',
    Creator: 'Växla',
    Title: clean(spec.title),
    CreationDate: createdAt,
    ModDate: createdAt,
  };
  if (spec.subject !== undefined) info.Subject = clean(spec.subject);
  if (spec.author !== undefined) info.Author = clean(spec.author);

  // Loaded on first use: pdfkit takes a fifth of a second to load, which the host's start should not pay.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'sv-SE',
    displayTitle: true,
    font: fonts.regular,
    info,
  });
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolvePromise, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolvePromise(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    doc.font(FONT_REGULAR).fontSize(SIZE.body).fillColor(TEXT);
    const renderer = new BlockRenderer(doc);
    for (const block of spec.blocks) renderer.render(block);
    drawPageFurniture(doc, spec);
  } catch (error) {
    // Finish the stream so nothing is left dangling, but surface the original error.
    doc.end();
    await done.catch(() => undefined);
    throw error;
  }
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------

class BlockRenderer {
  private readonly left: number;
  private readonly width: number;

  constructor(private readonly doc: Doc) {
    this.left = MARGIN.left;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  render(block: PdfBlock): void {
    switch (block.kind) {
      case 'title':
        return this.title(block.text);
      case 'heading':
        return this.heading(block.text);
      case 'paragraph':
        return this.paragraph(block.text);
      case 'fields':
        return this.fields(block.rows);
      case 'table':
        return this.table(block.columns, block.rows);
      case 'signatures':
        return this.signatures(block.parties);
      case 'spacer':
        return this.spacer();
      case 'pageBreak':
        return this.pageBreak();
    }
  }

  // --- helpers -------------------------------------------------------------

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  private get atPageTop(): boolean {
    return this.doc.y <= MARGIN.top + 0.5;
  }

  private newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = MARGIN.top;
  }

  /** Starts a new page unless `height` points still fit on the current one. */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom && !this.atPageTop) this.newPage();
  }

  private setFont(bold: boolean, size: number, color = TEXT): void {
    this.doc
      .font(bold ? FONT_BOLD : FONT_REGULAR)
      .fontSize(size)
      .fillColor(color);
  }

  private measure(text: string, width: number): number {
    return this.doc.heightOfString(text, { width, lineGap: LINE_GAP });
  }

  private lineHeight(): number {
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  private rule(y: number, color: string, lineWidth: number, x = this.left, width = this.width): void {
    this.doc
      .save()
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(lineWidth)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  // --- blocks --------------------------------------------------------------

  private title(raw: string): void {
    const text = clean(raw);
    this.setFont(true, SIZE.title, ACCENT);
    this.ensureSpace(this.measure(text, this.width) + 12);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    const y = this.doc.y + 4;
    this.rule(y, ACCENT, 1.2);
    this.doc.y = y + 14;
    this.setFont(false, SIZE.body);
  }

  private heading(raw: string): void {
    const text = clean(raw);
    this.setFont(false, SIZE.body);
    const followingLines = this.lineHeight() * 3;
    this.setFont(true, SIZE.heading, ACCENT);
    if (!this.atPageTop) this.doc.y += 8;
    // Keep the heading together with at least three lines of what follows.
    this.ensureSpace(this.measure(text, this.width) + 4 + followingLines);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    this.doc.y += 4;
    this.setFont(false, SIZE.body);
  }

  private paragraph(raw: string): void {
    const text = clean(raw);
    this.setFont(false, SIZE.body);
    this.ensureSpace(this.lineHeight() * 2);
    // pdfkit wraps long text (also unbroken words) and continues on new pages by itself.
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP, paragraphGap: 0 });
    this.doc.y += 8;
  }

  private fields(rows: Array<[string, string]>): void {
    const labelWidth = Math.round(this.width * 0.34);
    const gap = 10;
    const valueX = this.left + labelWidth + gap;
    const valueWidth = this.width - labelWidth - gap;
    for (const [rawLabel, rawValue] of rows) {
      const label = clean(rawLabel);
      const value = clean(rawValue) || '–';
      this.setFont(true, SIZE.body);
      const labelHeight = this.measure(label, labelWidth);
      this.setFont(false, SIZE.body);
      const valueHeight = this.measure(value, valueWidth);
      const rowHeight = Math.max(labelHeight, valueHeight);
      const pageHeight = this.bottom - MARGIN.top;
      if (rowHeight <= pageHeight) this.ensureSpace(rowHeight);
      else this.ensureSpace(this.lineHeight() * 2);

      const top = this.doc.y;
      const page = this.doc.page;
      this.setFont(true, SIZE.body, MUTED);
      this.doc.text(label, this.left, top, { width: labelWidth, lineGap: LINE_GAP });
      this.setFont(false, SIZE.body);
      // A value taller than a page flows onto the next page(s) in the value column.
      this.doc.text(value, valueX, top, { width: valueWidth, lineGap: LINE_GAP });
      const flowed = this.doc.page !== page;
      this.doc.x = this.left;
      this.doc.y = (flowed ? this.doc.y : Math.max(this.doc.y, top + rowHeight)) + 5;
    }
    this.doc.y += 4;
  }

  private table(columns: Array<{ header: string; width?: number }>, rows: string[][]): void {
    if (columns.length === 0) throw new Error('En tabell måste ha minst en kolumn.');
    const widths = columnWidths(columns, this.width);
    const headers = columns.map((c) => clean(c.header));

    const cellsOf = (row: string[], index: number): string[] => {
      if (row.length > columns.length) {
        throw new Error(`Tabellrad ${index + 1} har ${row.length} celler men tabellen har ${columns.length} kolumner.`);
      }
      return columns.map((_, i) => clean(row[i] ?? ''));
    };

    const rowHeight = (cells: string[], bold: boolean): number => {
      this.setFont(bold, SIZE.table);
      let max = 0;
      cells.forEach((text, i) => {
        const w = (widths[i] ?? 0) - 2 * CELL_PAD;
        max = Math.max(max, text === '' ? this.lineHeight() : this.measure(text, w));
      });
      return max + 2 * CELL_PAD;
    };

    const drawRow = (cells: string[], height: number, header: boolean): void => {
      const top = this.doc.y;
      if (header) {
        this.doc.save().rect(this.left, top, this.width, height).fill(TABLE_HEADER_FILL).restore();
      }
      this.setFont(header, SIZE.table, header ? ACCENT : TEXT);
      let x = this.left;
      cells.forEach((text, i) => {
        const w = widths[i] ?? 0;
        if (text !== '') {
          this.doc.text(text, x + CELL_PAD, top + CELL_PAD, {
            width: w - 2 * CELL_PAD,
            // Clip pathological cells taller than a page instead of letting them spill.
            height: height - 2 * CELL_PAD,
            ellipsis: true,
            lineGap: LINE_GAP,
          });
        }
        x += w;
      });
      this.rule(top + height, header ? ACCENT : RULE, header ? 1 : 0.5);
      this.doc.x = this.left;
      this.doc.y = top + height;
    };

    const headerHeight = rowHeight(headers, true);
    const maxBodyHeight = this.bottom - MARGIN.top - headerHeight;
    const bodyRows = rows.map((row, index) => cellsOf(row, index));

    // Start on a new page unless the header and the first row fit.
    const firstHeight = bodyRows[0] ? Math.min(rowHeight(bodyRows[0], false), maxBodyHeight) : 0;
    this.ensureSpace(headerHeight + firstHeight);
    drawRow(headers, headerHeight, true);

    for (const cells of bodyRows) {
      const height = Math.min(rowHeight(cells, false), maxBodyHeight);
      if (this.doc.y + height > this.bottom) {
        this.newPage();
        drawRow(headers, headerHeight, true);
      }
      drawRow(cells, height, false);
    }
    this.doc.y += 10;
    this.setFont(false, SIZE.body);
  }

  private signatures(parties: Array<{ role: string; name?: string }>): void {
    const perRow = 2;
    const gap = 28;
    const boxWidth = (this.width - gap * (perRow - 1)) / perRow;
    const signatureSpace = 30;
    const lineSpace = 26;
    if (!this.atPageTop) this.doc.y += 12;

    for (let start = 0; start < parties.length; start += perRow) {
      const group = parties.slice(start, start + perRow);
      this.setFont(true, SIZE.body);
      const roleHeight = Math.max(...group.map((p) => this.measure(clean(p.role), boxWidth)));
      this.setFont(false, SIZE.small);
      const captionHeight = this.lineHeight();
      // role, signature line + caption, name line + caption, place-and-date line + caption
      const blockHeight = roleHeight + signatureSpace + 3 * (captionHeight + 2) + 2 * lineSpace + 16;
      this.ensureSpace(blockHeight);

      const top = this.doc.y;
      group.forEach((party, i) => {
        const x = this.left + i * (boxWidth + gap);
        let y = top;
        this.setFont(true, SIZE.body);
        this.doc.text(clean(party.role), x, y, { width: boxWidth, lineGap: LINE_GAP });
        y += roleHeight + signatureSpace;

        const line = (caption: string, filled?: string): void => {
          if (filled !== undefined) {
            this.setFont(false, SIZE.body);
            this.doc.text(filled, x, y - this.lineHeight(), { width: boxWidth, lineBreak: false, ellipsis: true });
          }
          this.rule(y, TEXT, 0.6, x, boxWidth);
          this.setFont(false, SIZE.small, MUTED);
          this.doc.text(caption, x, y + 2, { width: boxWidth, lineBreak: false });
          y += captionHeight + 2 + lineSpace;
        };
        line('Underskrift');
        const name = party.name !== undefined ? clean(party.name) : '';
        line('Namnförtydligande', name === '' ? undefined : name);
        line('Ort och datum');
      });
      this.doc.x = this.left;
      this.doc.y = top + blockHeight;
    }
    this.setFont(false, SIZE.body);
  }

  private spacer(): void {
    this.setFont(false, SIZE.body);
    this.doc.y = Math.min(this.doc.y + this.lineHeight(), this.bottom);
  }

  private pageBreak(): void {
    if (!this.atPageTop) this.newPage();
  }
}

/** Header, footer and "Sida X av Y" on every buffered page. */
function drawPageFurniture(doc: Doc, spec: PdfDocumentSpec): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = 0; i < total; i++) {
    doc.switchToPage(range.start + i);
    const page = doc.page;
    const left = MARGIN.left;
    const width = page.width - MARGIN.left - MARGIN.right;
    // Draw inside the margins without pdfkit starting new pages.
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0;

    doc.font(FONT_REGULAR).fontSize(SIZE.small).fillColor(MUTED);
    if (spec.header !== undefined && spec.header !== '') {
      doc.text(clean(spec.header), left, HEADER_Y, { width, lineBreak: false, ellipsis: true });
    }
    doc
      .save()
      .moveTo(left, HEADER_Y + 14)
      .lineTo(left + width, HEADER_Y + 14)
      .lineWidth(0.8)
      .strokeColor(ACCENT)
      .stroke()
      .restore();

    const footerY = page.height - FOOTER_OFFSET;
    doc
      .save()
      .moveTo(left, footerY - 8)
      .lineTo(left + width, footerY - 8)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
      .restore();
    const pageLabel = `Sida ${i + 1} av ${total}`;
    const labelWidth = doc.widthOfString(pageLabel) + 2;
    if (spec.footer !== undefined && spec.footer !== '') {
      doc.text(clean(spec.footer), left, footerY, { width: width - labelWidth - 12, lineBreak: false, ellipsis: true });
    }
    doc.text(pageLabel, left + width - labelWidth, footerY, { width: labelWidth, align: 'right', lineBreak: false });

    page.margins.bottom = savedBottom;
  }
}

/** Column widths in points: explicit widths are honoured (scaled down if they overflow). */
export function columnWidths(columns: Array<{ width?: number }>, available: number): number[] {
  const explicit = columns.map((c) => (c.width !== undefined && c.width > 0 ? c.width : undefined));
  const fixedTotal = explicit.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const flexible = explicit.filter((w) => w === undefined).length;
  const minFlexible = 40;
  const room = available - minFlexible * flexible;
  const scale = fixedTotal > room && fixedTotal > 0 ? Math.max(room, 0) / fixedTotal : 1;
  const scaledTotal = fixedTotal * scale;
  const flexWidth = flexible > 0 ? (available - scaledTotal) / flexible : 0;
  return explicit.map((w) => (w === undefined ? flexWidth : w * scale));
}

/** Normalises line endings, expands tabs and drops other control characters. */
function clean(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
  );
}
