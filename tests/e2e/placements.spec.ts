import { addDays } from '../../src/shared/rules/dates';
import { subsidyEndDate } from '../../src/shared/rules/subsidy';
import { expect, test } from './fixtures';
import { Api } from './pages/api';
import { placeableProposal, today } from './pages/data';
import { PlacementsPage } from './pages/placements';

// ---------------------------------------------------------------------------------------------

test('a coordinator creates a placement from an approved proposal: the end date follows the shared rule live, a refused request shows the Swedish reason', async ({
  page,
  demoServer,
}) => {
  const coord = await Api.login(demoServer, 'koordinator');
  const prefill = await placeableProposal(coord);
  const name = prefill.participantName;

  const app = new PlacementsPage(page, demoServer);
  await app.signIn('koordinator');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Placeringar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Placeringar' })).toBeVisible();
  await page.getByRole('tab', { name: /Godkända förslag att placera/ }).click();
  const toPlace = page.getByRole('grid', { name: 'Godkända förslag utan placering' });
  await expect(toPlace.getByRole('row').filter({ hasText: name })).toBeVisible();
  await app.scan('att placera');
  await toPlace.getByRole('link', { name: `Skapa placering för ${name}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ny placering' })).toBeVisible();
  await expect(page.getByText(`Från godkänt förslag nr ${prefill.proposalId}: ${name}`)).toBeVisible();
  const months = app.months;
  const end = app.computedEnd;
  await expect.poll(() => app.dateValue(app.startDate)).toBe(prefill.suggestedStart);
  await expect(months).toHaveValue('12');
  await expect(end).toHaveText(subsidyEndDate(prefill.suggestedStart, 12));

  // The end date is computed live by the shared rule: month-end clamping, leap years, 24 months.
  await app.fillDate(app.startDate, '2027-01-31');
  await months.fill('1');
  await expect(end).toHaveText('2027-02-28');
  await app.fillDate(app.startDate, '2028-01-31');
  await expect(end).toHaveText('2028-02-29');
  await page.getByRole('button', { name: '24 månader' }).click();
  await expect(end).toHaveText('2030-01-30');
  await app.fillDate(app.startDate, prefill.suggestedStart);
  await page.getByRole('button', { name: '12 månader' }).click();
  await expect(end).toHaveText(subsidyEndDate(prefill.suggestedStart, 12));
  await app.scan('ny placering');

  // Salary in kronor; the decision date lies in the future: the main process refuses with a Swedish reason.
  await page.getByLabel('Månadslön (kr)').fill('24 300');
  await page.getByLabel('Kollektivavtal').fill('BEA');
  await page.getByLabel('Arbetsförmedlingens beslutsnummer').fill('AF-2026-55501');
  await app.fillDate('Beslutsdatum', addDays(today(), 1));
  await page.getByRole('button', { name: 'Skapa placering' }).click();
  await expect(page.getByRole('alert')).toContainText('Beslutsdatum kan inte ligga i framtiden.');

  await app.fillDate('Beslutsdatum', today());
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
  await app.scan('placering');

  // The main process has the placement with the computed end date, and the person is placed.
  const placements = await coord.call('placements.list', { status: 'active', search: name });
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
  const coord = await Api.login(demoServer, 'koordinator');
  const prefill = await placeableProposal(coord);

  const app = new PlacementsPage(page, demoServer);
  await app.signIn('koordinator');
  await app.goto('/matchning/forslag');
  await page.getByRole('combobox', { name: 'Visa' }).click();
  await page.getByRole('option', { name: 'Godkända', exact: true }).click();
  const row = page.getByRole('grid', { name: 'Förslag' }).getByRole('row').filter({ hasText: prefill.participantName });
  await row.getByRole('button', { name: 'mer' }).click();
  await page.getByRole('menuitem', { name: 'Skapa placering' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny placering' })).toBeVisible();
  await expect(page.getByText(`Från godkänt förslag nr ${prefill.proposalId}`)).toBeVisible();

  // Create it through the API, then the page for the same proposal shows the server's reason.
  await coord.call('placements.create', {
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
  const coord = await Api.login(demoServer, 'koordinator');
  const active = await coord.call('placements.list', { status: 'active' });
  let full: Awaited<ReturnType<typeof coord.call<'placements.get'>>> | null = null;
  for (const s of active.filter((p) => p.employmentForm === 'subsidised_employment')) {
    const p = await coord.call('placements.get', { id: s.id });
    if (p.remainingMonths === 0) {
      full = p;
      break;
    }
  }
  if (!full) throw new Error('Demodata saknar en placering som redan har nått stödformens längsta tid.');

  const app = new PlacementsPage(page, demoServer);
  await app.signIn('koordinator');
  await app.goto(`/placeringar/${full.id}`);
  await expect(page.getByRole('heading', { level: 1, name: full.participantName })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Förlängningar' }).getByRole('table')).toBeVisible();

  // Extension: the total is held to the type's maximum and the reason is given in Swedish — on the screen before
  // anything is tried (the main process says what may be done next), and by the main process if asked anyway.
  const extend = page.getByRole('button', { name: 'Förläng' });
  await expect(extend).toBeDisabled();
  await expect(page.getByText(`Stödet har redan nått sin längsta tid (högst ${full.maxMonths} månader)`)).toBeVisible();
  const refused = await coord.refused('placements.extend', {
    id: full.id,
    months: 6,
    afDecisionNumber: 'AF-2026-99999',
    afDecisionDate: today(),
  });
  expect(refused.message).toContain('Stödet har redan nått sin längsta tid och kan inte förlängas.');

  // Follow-up with note and next step.
  await page.getByRole('button', { name: 'Registrera uppföljning' }).click();
  const fu = page.getByRole('dialog');
  await fu.getByLabel('Anteckning').fill('Trivs och har fått fler arbetsuppgifter i verkstaden.');
  await fu.getByLabel('Nästa steg').fill('Trepartssamtal om ordinarie anställning');
  await app.fillDate('Nästa uppföljning', addDays(today(), 30), fu);
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
  const after = await coord.call('participants.get', { id: full.participantId });
  expect(after.stage).toBe('exited');
});

test('the coordinator start page counts active placements, those ending within 30/60/90 days and follow-ups due, each a link to the list', async ({
  page,
  demoServer,
}) => {
  const coord = await Api.login(demoServer, 'koordinator');
  const dash = await coord.call('placements.dashboard', {});
  const app = new PlacementsPage(page, demoServer);
  await app.signIn('koordinator');
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
  await app.scan('placeringar');

  await page.getByRole('button', { name: /Uppföljning att göra/ }).click();
  await expect(page).toHaveURL(/visa=uppfoljning/);
  for (const p of dash.followUpsDue) await expect(grid).toContainText(p.participantName);
});

test('the admin maintains subsidy types with the ceiling in kronor (stored in öre), and deactivates one', async ({
  page,
  demoServer,
}) => {
  const app = new PlacementsPage(page, demoServer);
  await app.signIn('admin');
  await app.openSection('Stödformer');
  await expect(page.getByRole('heading', { level: 1, name: 'Stödformer' })).toBeVisible();
  await app.scan('stödformer');

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

  const admin = await Api.login(demoServer, 'admin');
  const types = await admin.call('subsidyTypes.list', { includeInactive: true });
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
