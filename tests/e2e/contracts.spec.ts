import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { subsidyEndDate } from '../../src/shared/rules/subsidy';
import { DEMO_PASSWORD, E2E_TODAY, expect, login, test, type Server } from './fixtures';

// ---------------------------------------------------------------------------------------------
// Helpers (kept in this file: each spec file is self-contained)

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const today = () => E2E_TODAY;

async function apiLogin(server: Server, username: string): Promise<string> {
  const r = await server.api<{ token: string }>('auth.login', { username, password: DEMO_PASSWORD });
  if (!r.body.ok) throw new Error(r.body.error.message);
  return r.body.value.token;
}

async function api<T>(server: Server, token: string, procedure: string, input: unknown): Promise<T> {
  const r = await server.api<T>(procedure, input, token);
  if (!r.body.ok) throw new Error(`${procedure}: ${r.body.error.message}`);
  return r.body.value;
}

interface Prefill {
  proposalId: number;
  participantName: string;
  employmentForm: string;
  suggestedStart: string;
  periodEnd: string | null;
  fullPeriods: unknown[];
}

/** An approved proposal from the demo data that can become a subsidised employment now (checked through the API). */
/** A twelve-month employment from the suggested start ends within the position's period. */
const fitsTwelveMonths = (p: Prefill) => p.periodEnd === null || subsidyEndDate(p.suggestedStart, 12) <= p.periodEnd;

async function placeableProposal(server: Server, coord: string): Promise<Prefill> {
  const approved = await api<{ rows: Array<{ id: number }> }>(server, coord, 'proposals.list', {
    statuses: ['approved'],
    limit: 100,
  });
  for (const p of approved.rows) {
    const r = await server.api<Prefill>('placements.prefill', { proposalId: p.id }, coord);
    if (
      r.body.ok &&
      r.body.value.employmentForm === 'subsidised_employment' &&
      r.body.value.fullPeriods.length === 0 &&
      fitsTwelveMonths(r.body.value)
    )
      return r.body.value;
  }
  throw new Error('Demodata saknar ett godkänt förslag utan placering.');
}

async function newSession(browser: Browser, server: Server, username: string): Promise<Page> {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  await login(page, server, username, DEMO_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  return page;
}

async function scan(page: Page, what: string): Promise<void> {
  // Scan the settled page: MUI animates a button's colours for a moment after it becomes enabled, and a scan in
  // the middle of that transition reports a contrast the user never sees at rest.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  await page.waitForTimeout(50);
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(
    result.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Clicks a button that downloads a file and returns the file's bytes and name. */
async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ bytes: Buffer; name: string; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { bytes: readFileSync(path), name: file.suggestedFilename(), path };
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

// ---------------------------------------------------------------------------------------------

test('a placement made in the UI gets a contract from HR: PDF with name and end date, CSV and XLSX export; a change makes version 2 and version 1 stays as it was', async ({
  page,
  browser,
  demoServer,
}) => {
  test.setTimeout(180_000);
  const coord = await apiLogin(demoServer, 'koordinator');
  const prefill = await placeableProposal(demoServer, coord);
  const name = prefill.participantName;
  const endDate = subsidyEndDate(prefill.suggestedStart, 12);

  // The coordinator creates the placement from the approved proposal.
  await login(page, demoServer, 'koordinator', DEMO_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  await page.goto(`${demoServer.origin}/#/placeringar/att-placera`);
  await page.getByRole('link', { name: `Skapa placering för ${name}` }).click();
  await expect(page.getByTestId('computed-end')).toHaveText(endDate);
  await page.getByLabel('Månadslön (kr)').fill('24 300');
  await page.getByLabel('Kollektivavtal').fill('BEA');
  await page.getByLabel('Arbetsförmedlingens beslutsnummer').fill('AF-2026-41414');
  await page.getByLabel('Beslutsdatum').fill(today());
  await page.getByRole('button', { name: 'Skapa placering' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const placementUrl = page.url();

  // HR finds it in the queue and generates the contract.
  const hr = await newSession(browser, demoServer, 'hr');
  await hr.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Avtal' }).click();
  const queue = hr.getByRole('grid', { name: 'Placeringar som väntar på avtal' });
  const queueRow = queue.getByRole('row').filter({ hasText: name });
  await expect(queueRow).toContainText('Nytt avtal');
  await expect(queueRow).toContainText(`${prefill.suggestedStart} – ${endDate}`);
  await scan(hr, 'avtalskö');
  await queueRow.getByRole('button', { name: `Generera avtal för ${name}` }).click();

  await expect(hr.getByRole('heading', { level: 1, name: /^Avtal JB-\d{4}-\d{4}, version 1$/ })).toBeVisible();
  await expect(hr.getByRole('status').filter({ hasText: 'Avtalet är genererat' })).toBeVisible();
  const doc = hr.getByRole('article', { name: 'Avtalet som det skrivs ut' });
  await expect(doc.getByRole('heading', { name: 'Anställningsavtal', exact: true })).toBeVisible();
  await expect(doc).toContainText(name);
  await expect(doc).toContainText(endDate);
  await expect(doc).toContainText('AF-2026-41414');
  const v1Url = hr.url();
  await scan(hr, 'avtal');

  // The PDF: Swedish text, extractable, with the person's name and the end date as printed.
  const pdf1 = await download(hr, () => hr.getByRole('button', { name: 'Ladda ned PDF' }).click());
  expect(pdf1.name).toMatch(/\.pdf$/);
  expect(pdf1.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const v1Text = pdfText(pdf1.path);
  expect(v1Text).toContain(name);
  expect(v1Text).toContain(endDate);
  expect(v1Text).toContain('Anställningen upphör');

  // HR records that it was sent for signature.
  await hr.getByRole('button', { name: 'Markera som skickat' }).click();
  const stepDialog = hr.getByRole('dialog', { name: 'Avtalet skickat för underskrift' });
  await expect(stepDialog.getByLabel('Datum')).toHaveValue(today());
  await stepDialog.getByRole('button', { name: 'Markera som skickat' }).click();
  await expect(stepDialog).toBeHidden();
  await expect(hr.getByRole('button', { name: 'Markera som signerat' })).toBeVisible();

  // Batch export of the chosen contract: CSV that Swedish Excel opens (BOM, semicolons) and XLSX.
  await hr.getByRole('link', { name: 'Alla avtal' }).click();
  await expect(hr.getByRole('tab', { name: 'Alla avtal och export', selected: true })).toBeVisible();
  await hr.getByLabel('Sök namn, avtalsnummer, befattning eller personnummer').fill(name);
  const list = hr.getByRole('grid', { name: 'Anställningsavtal' });
  const listRow = list.getByRole('row').filter({ hasText: name });
  await expect(listRow).toContainText('Skickat för underskrift');
  await expect(hr.getByRole('button', { name: 'Exportera CSV (Excel)' })).toBeDisabled();
  await listRow.getByRole('checkbox').check();
  await expect(hr.getByRole('status').filter({ hasText: 'avtal valt' })).toHaveText(/^1 avtal valt av 1\.$/);
  await scan(hr, 'avtalslista');
  const csv = await download(hr, () => hr.getByRole('button', { name: 'Exportera CSV (Excel)' }).click());
  expect(csv.name).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.bytes.subarray(3).toString('utf8');
  const [header, ...lines] = csvText.split(/\r?\n/).filter((l) => l.length > 0);
  expect(header).toContain(';');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name.split(' ')[0]!);
  expect(csvText).toContain(name.split(' ').slice(1).join(' '));
  await expect(hr.getByText(/1 avtal exporterades till/)).toBeVisible();
  const xlsx = await download(hr, () => hr.getByRole('button', { name: 'Exportera XLSX' }).click());
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // The coordinator raises the salary: the placement changes, the contract does not.
  await page.goto(placementUrl);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Anställningsavtal' })).toContainText('Genererat');
  await page.getByRole('button', { name: 'Ändra villkor' }).click();
  const edit = page.getByRole('dialog');
  await expect(edit).toContainText('blir det ett tillägg');
  await edit.getByLabel('Månadslön (kr)').fill('25 100');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('region', { name: 'Placeringen' })).toContainText('25 100 kr');
  await expect(page.getByRole('region', { name: 'Anställningsavtal' })).toContainText(
    'HR behöver generera ett tillägg',
  );

  // HR sees it in the queue as changed and generates version 2 (tillägg 1).
  await hr.goto(`${demoServer.origin}/#/avtal`);
  const changedRow = queue.getByRole('row').filter({ hasText: name });
  await expect(changedRow).toContainText('Ändrad sedan version 1');
  await expect(changedRow).toContainText('Månadslön');
  await changedRow.getByRole('button', { name: `Generera avtal för ${name}` }).click();
  await expect(hr.getByRole('heading', { level: 1, name: /version 2 \(tillägg 1\)$/ })).toBeVisible();
  const changes = hr.getByRole('table', { name: 'Ändringar i tillägget' });
  await expect(changes.getByRole('row').filter({ hasText: 'Månadslön' })).toContainText(/24\s300\skr.*25\s100\skr/);
  const versions = hr.getByRole('table', { name: 'Versioner' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('row').filter({ hasText: 'Version 1' })).toContainText('Ersatt av ny version');

  const pdf2 = await download(hr, () => hr.getByRole('button', { name: 'Ladda ned PDF' }).click());
  const v2Text = pdfText(pdf2.path);
  expect(v2Text).toContain('tillägg 1');
  expect(v2Text).toContain(name);
  expect(v2Text).toMatch(/25\s100\skr/);

  // Version 1 is unchanged: the same text as before the change, still with the old salary.
  await versions.getByRole('link', { name: 'Version 1' }).click();
  await expect(hr).toHaveURL(v1Url);
  await expect(hr.getByRole('heading', { level: 1, name: /version 1$/ })).toBeVisible();
  await expect(hr.getByRole('article', { name: 'Avtalet som det skrivs ut' })).toContainText(/24\s300\skr/);
  const pdf1Again = await download(hr, () => hr.getByRole('button', { name: 'Ladda ned PDF' }).click());
  expect(pdfText(pdf1Again.path)).toBe(v1Text);
});

test('HR’s start page shows the queue length and the contracts waiting for signature, each a link', async ({
  page,
  demoServer,
}) => {
  const hrToken = await apiLogin(demoServer, 'hr');
  const queue = await api<unknown[]>(demoServer, hrToken, 'contracts.queue', {});
  const sent = await api<Array<{ employeeName: string }>>(demoServer, hrToken, 'contracts.list', { status: 'sent' });
  await login(page, demoServer, 'hr', DEMO_PASSWORD);
  const queueCard = page.getByRole('region', { name: 'Avtalskö' });
  await expect(queueCard).toContainText(
    queue.length === 1 ? '1 placering väntar på avtal' : `${queue.length} placeringar väntar på avtal`,
  );
  const signature = page.getByRole('region', { name: 'Väntar på underskrift' });
  for (const c of sent) await expect(signature).toContainText(c.employeeName);
  await scan(page, 'start hr');

  await signature.getByRole('link', { name: /för underskrift$/ }).click();
  await expect(page).toHaveURL(/#\/avtal\/alla\?status=sent$/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Skickat för underskrift');
  const grid = page.getByRole('grid', { name: 'Anställningsavtal' });
  for (const c of sent) await expect(grid).toContainText(c.employeeName);

  await page.goto(`${demoServer.origin}/#/`);
  await page.getByRole('link', { name: 'Till avtalskön' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avtalskö' })).toBeVisible();
});
