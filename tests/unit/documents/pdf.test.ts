import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { columnWidths, renderPdf, type PdfDocumentSpec } from '../../../src/main/documents/pdf';

const workDir = mkdtempSync(join(tmpdir(), 'vaxla-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let fileCounter = 0;
/** Extracts the text of every page (pdftotext separates pages with form feeds). */
function pdfPages(pdf: Buffer): string[] {
  const file = join(workDir, `doc-${fileCounter++}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

const base: PdfDocumentSpec = {
  title: 'Anställningsavtal – extratjänst',
  subject: 'Avtal',
  author: 'Jobb Borås',
  header: 'Jobb Borås · Borås Stad',
  footer: 'Växla · avtal 2024-017',
  createdAt: '2024-05-02T08:30:00Z',
  blocks: [
    { kind: 'title', text: 'Anställningsavtal – extratjänst' },
    {
      kind: 'fields',
      rows: [
        ['Namn', 'Åsa Öberg'],
        ['Arbetsplats', 'Förvaltningen för äldreomsorg, Café Müller'],
        ['Omfattning', '75 % – måndag till torsdag'],
      ],
    },
    { kind: 'heading', text: 'Villkor' },
    {
      kind: 'paragraph',
      text: 'Arbetstagaren påbörjar sin anställning den 1 juni.\nLön utbetalas den 25:e varje månad.',
    },
    { kind: 'signatures', parties: [{ role: 'För arbetsgivaren', name: 'Kåre Ström' }, { role: 'Arbetstagare' }] },
  ],
};

describe('renderPdf', () => {
  it('embeds a font so Swedish text is extractable', async () => {
    const pages = pdfPages(await renderPdf(base));
    const text = pages.join('\n');
    for (const expected of [
      'Anställningsavtal – extratjänst',
      'Åsa Öberg',
      'Förvaltningen för äldreomsorg, Café Müller',
      '75 % – måndag till torsdag',
      'Lön utbetalas den 25:e varje månad.',
      'Kåre Ström',
      'Namnförtydligande',
      'Jobb Borås · Borås Stad',
      'Växla · avtal 2024-017',
      'Sida 1 av 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pages).toHaveLength(1);
  });

  it('writes the document info and a PDF header', async () => {
    const pdf = await renderPdf(base);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    const file = join(workDir, 'info.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', ['-isodates', '-enc', 'UTF-8', file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Anställningsavtal – extratjänst$/m);
    expect(info).toMatch(/^Author:\s+Jobb Borås$/m);
    expect(info).toMatch(/^CreationDate:\s+2024-05-02T08:30:00Z$/m);
    expect(info).toMatch(/^ModDate:\s+2024-05-02T08:30:00Z$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
  });

  it('is deterministic: the same spec gives byte-identical output', async () => {
    const a = await renderPdf(base);
    const b = await renderPdf(structuredClone(base));
    expect(a.equals(b)).toBe(true);

    const later = await renderPdf({ ...base, createdAt: '2024-05-03T08:30:00Z' });
    expect(later.equals(a)).toBe(false);
  });

  it('breaks a 200-row table across pages and repeats the header row', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [
      `R${String(i + 1).padStart(3, '0')}`,
      `Deltagare ${i + 1} Ödegård`,
      `${i * 10},50`,
    ]);
    const pdf = await renderPdf({
      ...base,
      blocks: [
        { kind: 'heading', text: 'Placeringar' },
        {
          kind: 'table',
          columns: [{ header: 'Radnr', width: 60 }, { header: 'Namn' }, { header: 'Belopp kr', width: 90 }],
          rows,
        },
      ],
    });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain('Radnr');
      expect(page).toContain('Belopp kr');
      expect(page).toContain(`Sida ${i + 1} av ${pages.length}`);
    });
    // Every row appears exactly once, in order.
    const all = pages.join('\n');
    const found = [...all.matchAll(/R(\d{3})/g)].map((m) => Number(m[1]));
    expect(found).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(pages[0]).toContain('R001');
    expect(pages.at(-1)).toContain('R200');
    expect(all).toContain('Deltagare 200 Ödegård');
  });

  it('wraps long text and continues it on following pages', async () => {
    const sentences = Array.from(
      { length: 400 },
      (_, i) => `Mening nummer ${i + 1} om arbetsträning på förvaltningen.`,
    );
    const longWord = 'ü'.repeat(400);
    const pages = pdfPages(
      await renderPdf({ ...base, blocks: [{ kind: 'paragraph', text: `${sentences.join(' ')} ${longWord}` }] }),
    );
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    expect(all).toContain('Mening nummer 1 om');
    expect(all).toContain('Mening nummer 400 om');
    // The unbreakable word is split over lines but nothing is lost.
    expect((all.match(/ü/g) ?? []).length).toBe(400);
  });

  it('honours page breaks and ignores one at the top of a page', async () => {
    const pages = pdfPages(
      await renderPdf({
        ...base,
        blocks: [
          { kind: 'pageBreak' },
          { kind: 'paragraph', text: 'Första sidan' },
          { kind: 'spacer' },
          { kind: 'pageBreak' },
          { kind: 'paragraph', text: 'Andra sidan' },
        ],
      }),
    );
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Första sidan');
    expect(pages[1]).toContain('Andra sidan');
    expect(pages[1]).toContain('Sida 2 av 2');
  });

  it('accepts an explicit font folder and reports a missing one', async () => {
    const fontDir = fileURLToPath(new URL('../../../resources/fonts', import.meta.url));
    const pdf = await renderPdf(base, { fontDir });
    expect(pdf.equals(await renderPdf(base))).toBe(true);
    await expect(renderPdf(base, { fontDir: join(workDir, 'saknas') })).rejects.toThrow(/Typsnittsfilen saknas/);
  });

  it('rejects invalid input', async () => {
    await expect(renderPdf({ ...base, createdAt: 'igår' })).rejects.toThrow(/Ogiltigt datum/);
    await expect(
      renderPdf({ ...base, blocks: [{ kind: 'table', columns: [{ header: 'A' }], rows: [['1', '2']] }] }),
    ).rejects.toThrow(/Tabellrad 1 har 2 celler/);
  });
});

describe('columnWidths', () => {
  it('keeps explicit widths and shares the rest equally', () => {
    expect(columnWidths([{ width: 100 }, {}, {}], 400)).toEqual([100, 150, 150]);
  });

  it('scales explicit widths down when they overflow', () => {
    const widths = columnWidths([{ width: 300 }, { width: 300 }, {}], 440);
    expect(widths[2]).toBe(40);
    expect(widths[0]).toBeCloseTo(200);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(440);
  });
});
