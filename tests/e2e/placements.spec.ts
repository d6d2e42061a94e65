import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addDays } from '../../src/shared/rules/dates';
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
  positionTitle: string;
  employmentForm: string;
  suggestedStart: string;
  periodEnd: string | null;
  fullPeriods: unknown[];
}
interface Summary {
  id: number;
  participantId: number;
  participantName: string;
  positionId: number;
  status: string;
  phase: string;
  endDate: string;
  daysLeft: number;
  employmentForm: string;
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

async function signIn(page: Page, server: Server, username: string): Promise<void> {
  await login(page, server, username, DEMO_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
}

async function scan(page: Page, what: string): Promise<void> {
  // Scan the settled page, not a button halfway through MUI's colour transition.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  await page.waitForTimeout(50);
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(
    result.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

test('a coordinator creates a placement from an approved proposal: the end date follows the shared rule live, a refused request shows the Swedish reason', async ({
  page,
  demoServer,
}) => {
  const coord = await apiLogin(demoServer, 'koordinator');
  const prefill = await placeableProposal(demoServer, coord);
  const name = prefill.participantName;

  await signIn(page, demoServer, 'koordinator');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Placeringar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Placeringar' })).toBeVisible();
  await page.getByRole('tab', { name: /Godkända förslag att placera/ }).click();
  const toPlace = page.getByRole('grid', { name: 'Godkända förslag utan placering' });
  await expect(toPlace.getByRole('row').filter({ hasText: name })).toBeVisible();
  await scan(page, 'att placera');
  await toPlace.getByRole('link', { name: `Skapa placering för ${name}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ny placering' })).toBeVisible();
  await expect(page.getByText(`Från godkänt förslag nr ${prefill.proposalId}: ${name}`)).toBeVisible();
  const start = page.getByLabel('Startdatum');
  const months = page.getByLabel('Längd (månader)');
  const end = page.getByTestId('computed-end');
  await expect(start).toHaveValue(prefill.suggestedStart);
  await expect(months).toHaveValue('12');
  await expect(end).toHaveText(subsidyEndDate(prefill.suggestedStart, 12));

  // The end date is computed live by the shared rule: month-end clamping, leap years, 24 months.
  await start.fill('2027-01-31');
  await months.fill('1');
  await expect(end).toHaveText('2027-02-28');
  await start.fill('2028-01-31');
  await expect(end).toHaveText('2028-02-29');
  await page.getByRole('button', { name: '24 månader' }).click();
  await expect(end).toHaveText('2030-01-30');
  await start.fill(prefill.suggestedStart);
  await page.getByRole('button', { name: '12 månader' }).click();
  await expect(end).toHaveText(subsidyEndDate(prefill.suggestedStart, 12));
  await scan(page, 'ny placering');

  // Salary in kronor; the decision date lies in the future: the main process refuses with a Swedish reason.
  await page.getByLabel('Månadslön (kr)').fill('24 300');
  await page.getByLabel('Kollektivavtal').fill('BEA');
  await page.getByLabel('Arbetsförmedlingens beslutsnummer').fill('AF-2026-55501');
  await page.getByLabel('Beslutsdatum').fill(addDays(today(), 1));
  await page.getByRole('button', { name: 'Skapa placering' }).click();
  await expect(page.getByRole('alert')).toContainText('Beslutsdatum kan inte ligga i framtiden.');

  await page.getByLabel('Beslutsdatum').fill(today());
  await page.getByRole('button', { name: 'Skapa placering' }).click();

  const expectedEnd = subsidyEndDate(prefill.suggestedStart, 12);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Placeringen är skapad' })).toContainText(expectedEnd);
  const about = page.getByRole('region', { name: 'Placeringen' });
  await expect(about).toContainText('24 300 kr');
  await expect(about).toContainText('BEA');
  await expect(page.getByRole('region', { name: 'Lönestöd från Arbetsförmedlingen' })).toContainText('AF-2026-55501');
  await expect(page.getByRole('region', { name: 'Anställningsavtal' })).toContainText('Inget avtal genererat än');
  await expect(about.getByRole('link', { name })).toHaveAttribute('href', /#\/deltagare\/\d+$/);
  await scan(page, 'placering');

  // The main process has the placement with the computed end date, and the person is placed.
  const placements = await api<Summary[]>(demoServer, coord, 'placements.list', { status: 'active', search: name });
  expect(placements.find((p) => p.participantName === name)?.endDate).toBe(expectedEnd);

  // The proposal has left the list of approved proposals to place; the placement is in the list.
  await page.getByRole('link', { name: 'Alla placeringar' }).click();
  await expect(
    page.getByRole('grid', { name: 'Placeringar' }).getByRole('row').filter({ hasText: name }),
  ).toContainText(expectedEnd);
  await page.getByRole('tab', { name: /Godkända förslag att placera/ }).click();
  await expect(page.getByRole('grid', { name: 'Godkända förslag utan placering' })).not.toContainText(name);
});

test('the approved proposal can be placed from the matching section, and a second placement from it is refused', async ({
  page,
  demoServer,
}) => {
  const coord = await apiLogin(demoServer, 'koordinator');
  const prefill = await placeableProposal(demoServer, coord);

  await signIn(page, demoServer, 'koordinator');
  await page.goto(`${demoServer.origin}/#/matchning/forslag`);
  await page.getByRole('combobox', { name: 'Visa' }).click();
  await page.getByRole('option', { name: 'Godkända', exact: true }).click();
  const row = page.getByRole('grid', { name: 'Förslag' }).getByRole('row').filter({ hasText: prefill.participantName });
  await row.getByRole('button', { name: 'mer' }).click();
  await page.getByRole('menuitem', { name: 'Skapa placering' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny placering' })).toBeVisible();
  await expect(page.getByText(`Från godkänt förslag nr ${prefill.proposalId}`)).toBeVisible();

  // Create it through the API, then the page for the same proposal shows the server's reason.
  await api(demoServer, coord, 'placements.create', {
    proposalId: prefill.proposalId,
    startDate: prefill.suggestedStart,
    months: 12,
    hoursPercent: 100,
    monthlySalaryOre: 24_000_00,
    afDecisionNumber: 'AF-1',
    afDecisionDate: today(),
  });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Förslaget har redan blivit en placering.');
});

test('follow-up, an extension past the subsidy maximum refused with the reason, and ending with an outcome', async ({
  page,
  demoServer,
}) => {
  const coord = await apiLogin(demoServer, 'koordinator');
  const active = await api<Summary[]>(demoServer, coord, 'placements.list', { status: 'active' });
  let full: (Summary & { remainingMonths: number | null; maxMonths: number | null }) | null = null;
  for (const s of active.filter((p) => p.employmentForm === 'subsidised_employment')) {
    const p = await api<Summary & { remainingMonths: number | null; maxMonths: number | null }>(
      demoServer,
      coord,
      'placements.get',
      { id: s.id },
    );
    if (p.remainingMonths === 0) {
      full = p;
      break;
    }
  }
  if (!full) throw new Error('Demodata saknar en placering som redan har nått stödformens längsta tid.');

  await signIn(page, demoServer, 'koordinator');
  await page.goto(`${demoServer.origin}/#/placeringar/${full.id}`);
  await expect(page.getByRole('heading', { level: 1, name: full.participantName })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Förlängningar' }).getByRole('table')).toBeVisible();

  // Extension: the server holds the total to the type's maximum and says why in Swedish.
  await page.getByRole('button', { name: 'Förläng' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`högst ${full.maxMonths} månader`);
  await dialog.getByLabel('Förlängning (månader)').fill('6');
  await dialog.getByLabel('Arbetsförmedlingens beslutsnummer').fill('AF-2026-99999');
  await dialog.getByRole('button', { name: 'Förläng' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Stödet har redan nått sin längsta tid och kan inte förlängas.',
  );
  await dialog.getByRole('button', { name: 'Avbryt' }).click();

  // Follow-up with note and next step.
  await page.getByRole('button', { name: 'Registrera uppföljning' }).click();
  const fu = page.getByRole('dialog');
  await fu.getByLabel('Anteckning').fill('Trivs och har fått fler arbetsuppgifter i verkstaden.');
  await fu.getByLabel('Nästa steg').fill('Trepartssamtal om ordinarie anställning');
  await fu.getByLabel('Nästa uppföljning').fill(addDays(today(), 30));
  await fu.getByRole('button', { name: 'Spara uppföljning' }).click();
  await expect(fu).toBeHidden();
  const followUps = page.getByRole('region', { name: 'Uppföljningar', exact: true });
  await expect(followUps).toContainText('Trivs och har fått fler arbetsuppgifter i verkstaden.');
  await expect(followUps).toContainText('Nästa steg: Trepartssamtal om ordinarie anställning');
  await expect(page.getByRole('region', { name: 'Placeringen' })).toContainText(addDays(today(), 30));

  // End with an outcome: the placement is ended and the participant has exited.
  await page.getByRole('button', { name: 'Avsluta placering' }).click();
  const endDialog = page.getByRole('dialog');
  await endDialog.getByRole('combobox', { name: 'Utfall' }).click();
  await page.getByRole('option', { name: 'Arbete utan subvention' }).click();
  await endDialog.getByRole('button', { name: 'Avsluta placeringen' }).click();
  await expect(endDialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Placeringen' })).toContainText('Arbete utan subvention');
  await expect(page.getByRole('button', { name: 'Förläng' })).toHaveCount(0);
  const after = await api<{ stage: string }>(demoServer, coord, 'participants.get', { id: full.participantId });
  expect(after.stage).toBe('exited');
});

test('the coordinator start page counts active placements, those ending within 30/60/90 days and follow-ups due, each a link to the list', async ({
  page,
  demoServer,
}) => {
  const coord = await apiLogin(demoServer, 'koordinator');
  const dash = await api<{
    counts: { active: number; within30: number; within60: number; within90: number; followUpsDue: number };
    within30: Summary[];
    followUpsDue: Summary[];
  }>(demoServer, coord, 'placements.dashboard', {});
  await signIn(page, demoServer, 'koordinator');
  const widget = page.getByRole('region', { name: 'Placeringar', exact: true });
  const row = (label: string) => widget.getByRole('listitem').filter({ hasText: label });
  await expect(row('Pågående placeringar')).toContainText(String(dash.counts.active));
  await expect(row('Slutar inom 30 dagar')).toContainText(String(dash.counts.within30));
  await expect(row('Slutar inom 60 dagar')).toContainText(String(dash.counts.within30 + dash.counts.within60));
  await expect(row('Slutar inom 90 dagar')).toContainText(
    String(dash.counts.within30 + dash.counts.within60 + dash.counts.within90),
  );
  await expect(row('Uppföljningar av placeringar att göra')).toContainText(String(dash.counts.followUpsDue));

  await widget.getByRole('link', { name: 'Slutar inom 30 dagar' }).click();
  await expect(page).toHaveURL(/#\/placeringar\?visa=30$/);
  await expect(page.getByRole('button', { name: /Slutar inom 30 dagar/ })).toHaveAttribute('aria-pressed', 'true');
  const grid = page.getByRole('grid', { name: 'Placeringar' });
  for (const p of dash.within30) await expect(grid).toContainText(p.participantName);
  await expect(page.getByRole('status').filter({ hasText: /placering/ })).toHaveText(
    dash.counts.within30 === 1 ? '1 placering' : `${dash.counts.within30} placeringar`,
  );
  await scan(page, 'placeringar');

  await page.getByRole('button', { name: /Uppföljning att göra/ }).click();
  await expect(page).toHaveURL(/visa=uppfoljning/);
  for (const p of dash.followUpsDue) await expect(grid).toContainText(p.participantName);
});

test('the admin maintains subsidy types with the ceiling in kronor (stored in öre), and deactivates one', async ({
  page,
  demoServer,
}) => {
  await signIn(page, demoServer, 'admin');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Stödformer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stödformer' })).toBeVisible();
  await scan(page, 'stödformer');

  await page.getByRole('button', { name: 'Ny stödform' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Namn').fill('Extratjänst (test)');
  await dialog.getByLabel('Längsta tid (månader)').fill('18');
  await dialog.getByLabel('Stöd i procent').fill('85');
  await dialog.getByLabel('Takbelopp per månad (kr)').fill('21 500,50');
  await dialog.getByRole('button', { name: 'Skapa stödform' }).click();
  await expect(dialog).toBeHidden();
  const grid = page.getByRole('grid', { name: 'Stödformer' });
  const row = grid.getByRole('row').filter({ hasText: 'Extratjänst (test)' });
  await expect(row).toContainText('18 månader');
  await expect(row).toContainText('85 %');
  await expect(row).toContainText(/21\s500,50\skr/);

  const admin = await apiLogin(demoServer, 'admin');
  const types = await api<Array<{ id: number; name: string; monthlyCeilingOre: number; active: boolean }>>(
    demoServer,
    admin,
    'subsidyTypes.list',
    { includeInactive: true },
  );
  const created = types.find((x) => x.name === 'Extratjänst (test)');
  expect(created?.monthlyCeilingOre).toBe(21_500_50);

  // A duplicate name is refused by the main process, with the reason on the field.
  await page.getByRole('button', { name: 'Ny stödform' }).click();
  await dialog.getByLabel('Namn').fill('extratjänst (test)');
  await dialog.getByLabel('Stöd i procent').fill('50');
  await dialog.getByLabel('Takbelopp per månad (kr)').fill('20000');
  await dialog.getByRole('button', { name: 'Skapa stödform' }).click();
  await expect(dialog).toContainText('Det finns redan en stödform som heter extratjänst (test).');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();

  // Deactivate: gone from the active list, back with "Visa inaktiva".
  await row.getByRole('button', { name: 'mer' }).click();
  await page.getByRole('menuitem', { name: 'Inaktivera' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inaktivera' }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'Extratjänst (test)' })).toHaveCount(0);
  await page.getByLabel('Visa inaktiva stödformer').check();
  await expect(grid.getByRole('row').filter({ hasText: 'Extratjänst (test)' })).toContainText('Inaktiv');
});
