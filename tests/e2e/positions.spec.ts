import { expect, test } from './fixtures';
import { Api } from './pages/api';
import { PositionsPage } from './pages/positions';

// ---------------------------------------------------------------------------------------------

test('the admin adds a summer-job position with three periods; free slots are computed per period', async ({
  page,
  demoServer,
}) => {
  test.setTimeout(90_000);
  const app = new PositionsPage(page, demoServer);
  const choose = (label: string, option: string | RegExp) => app.choose(label, option, dlg);
  await app.signIn('admin');
  await app.openSection('Platser och arbetsplatser');
  await expect(page.getByRole('heading', { level: 1, name: 'Platser och arbetsplatser' })).toBeVisible();

  // A new workplace first.
  await page.getByRole('tab', { name: 'Arbetsplatser' }).click();
  await page.getByRole('button', { name: 'Ny arbetsplats' }).click();
  const wp = page.getByRole('dialog', { name: 'Ny arbetsplats' });
  await wp.getByLabel('Namn').fill('Feriearbete – Simhallen Borås');
  await wp.getByLabel('Organisation (förvaltning eller bolag)').fill('Borås Stad, Fritids- och folkhälsoförvaltningen');
  await wp.getByLabel('Adress').fill('Alidebergsgatan 2, 503 35 Borås');
  await wp.getByRole('combobox', { name: 'Stadsdel' }).fill('Centrum');
  await wp.getByRole('button', { name: 'Skapa arbetsplats' }).click();
  await expect(page.getByText('Arbetsplatsen är sparad.')).toBeVisible();
  await expect(
    page.getByRole('grid', { name: 'Arbetsplatser' }).getByRole('link', { name: 'Feriearbete – Simhallen Borås' }),
  ).toBeVisible();

  // Then the position: a summer job gets periods instead of one slot count and date range.
  await page.getByRole('tab', { name: 'Placeringsplatser' }).click();
  await page.getByRole('button', { name: 'Ny placeringsplats' }).click();
  const dlg = page.getByRole('dialog', { name: 'Ny placeringsplats' });
  // Saving an empty form names every missing field in Swedish.
  await dlg.getByRole('button', { name: 'Skapa plats' }).click();
  await expect(dlg.getByText('Arbetsplats måste anges')).toBeVisible();
  await expect(dlg.getByText('Benämning måste anges')).toBeVisible();
  await expect(dlg.getByText('Arbetsuppgifter måste anges')).toBeVisible();

  await choose('Arbetsplats', /Simhallen Borås/);
  await choose('Typ av placering', 'Feriearbete');
  // The employment form follows the kind, and summer jobs get periods with slots (one prefilled).
  await expect(dlg.getByRole('combobox', { name: 'Anställningsform' })).toHaveText('Feriearbete');
  await dlg.getByLabel('Benämning').fill('Feriearbete i simhallen');
  await dlg
    .getByLabel('Arbetsuppgifter')
    .fill(
      'Hjälpa badvakterna med städning av omklädningsrum, utlåning av flytvästar och ordning på bassängkanten. Ersätter ingen ordinarie personal.',
    );
  await dlg.getByLabel('Omfattning (% av heltid)').fill('75');
  await expect(dlg.getByLabel('Antal platser')).toHaveCount(0);

  const fillPeriod = (i: number, start: string, end: string, slots: string) =>
    app.fillPeriod(dlg, i, start, end, slots);
  await fillPeriod(0, '2027-06-14', '2027-07-02', '4');
  await dlg.getByRole('button', { name: 'Lägg till period' }).click();
  // The new period follows the last one: the Monday after, three weeks long.
  await expect.poll(() => app.dateValue(app.periodDate(dlg, 'Första dag', 1))).toBe('2027-07-05');
  await expect.poll(() => app.dateValue(app.periodDate(dlg, 'Sista dag', 1))).toBe('2027-07-23');
  await app.periodSlots(dlg, 1).fill('3');
  await dlg.getByRole('button', { name: 'Lägg till period' }).click();
  // Overlapping periods are refused before anything is saved.
  await fillPeriod(2, '2027-07-20', '2027-08-06', '2');
  await dlg.getByRole('button', { name: 'Skapa plats' }).click();
  await expect(dlg.getByText('Perioderna Period 2 och Period 3 överlappar.')).toBeVisible();
  await fillPeriod(2, '2027-07-26', '2027-08-13', '2');

  await dlg.getByRole('combobox', { name: 'Lägsta svenskanivå' }).click();
  await page.getByRole('option', { name: 'SFI kurs C' }).click();
  await dlg.getByRole('combobox', { name: 'Färdigheter' }).fill('städning');
  await page.getByRole('option', { name: 'städning', exact: true }).click();
  await dlg.getByLabel('Handledare', { exact: true }).fill('Elin Strand');
  await dlg.getByRole('button', { name: 'Skapa plats' }).click();

  // The detail page: every field, and occupancy per period with computed free slots.
  await expect(page.getByRole('heading', { level: 1, name: 'Feriearbete i simhallen' })).toBeVisible();
  const about = page.getByRole('region', { name: 'Om platsen' });
  await expect(about.getByText('Feriearbete – Simhallen Borås')).toBeVisible();
  await expect(about.getByText('2027-06-14 – 2027-08-13')).toBeVisible();
  await expect(about.getByText('Elin Strand')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Krav' }).getByText('SFI kurs C')).toBeVisible();
  const occupancy = app.occupancy;
  await expect(occupancy.getByRole('row')).toHaveCount(4);
  await expect(occupancy.getByRole('row', { name: /Period 1/ })).toContainText('4 av 4 lediga');
  await expect(occupancy.getByRole('row', { name: /Period 2/ })).toContainText('2027-07-05 – 2027-07-23');
  await expect(occupancy.getByRole('row', { name: /Period 3/ })).toContainText('2 av 2 lediga');
  await expect(page.getByText('9 av 9 lediga').first()).toBeVisible();

  // What the main process stored agrees: slots are the sum of the periods, union review defaults to yes.
  const admin = await Api.login(demoServer, 'admin');
  const id = Number(/platser\/(\d+)$/.exec(page.url())![1]);
  const stored = await admin.call('positions.get', { id });
  expect(stored.slots).toBe(9);
  expect(stored.unionReviewRequired).toBe(true);
  expect(stored.periods.map((p) => [p.name, p.startDate, p.endDate, p.slots])).toEqual([
    ['Period 1', '2027-06-14', '2027-07-02', 4],
    ['Period 2', '2027-07-05', '2027-07-23', 3],
    ['Period 3', '2027-07-26', '2027-08-13', 2],
  ]);

  // Editing: fewer slots in a period changes the computed free slots.
  await page.getByRole('button', { name: 'Ändra' }).click();
  const edit = page.getByRole('dialog', { name: 'Ändra Feriearbete i simhallen' });
  await app.periodSlots(edit, 0).fill('5');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit).toBeHidden();
  await expect(occupancy.getByRole('row', { name: /Period 1/ })).toContainText('5 av 5 lediga');

  // The list finds it, with free slots, filtered by kind.
  await page.getByRole('link', { name: 'Alla platser' }).click();
  await page.getByRole('combobox', { name: 'Typ' }).click();
  await page.getByRole('option', { name: 'Feriearbete' }).click();
  const grid = page.getByRole('grid', { name: 'Placeringsplatser' });
  const row = grid.getByRole('row', { name: /Feriearbete i simhallen/ });
  await expect(row).toContainText('10 av 10 lediga');
  await expect(row).toContainText('3 perioder');

  await app.scan('platser');
});

test('HR reads the catalogue but cannot change it or see candidates', async ({ page, demoServer }) => {
  test.setTimeout(60_000);
  const app = new PositionsPage(page, demoServer);
  await app.signIn('hr');
  await app.openSection('Platser och arbetsplatser');
  const grid = app.positions;
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ny placeringsplats' })).toHaveCount(0);
  await grid.getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Beläggning' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Arbetsuppgifter' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ändra' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Kandidater' })).toHaveCount(0);
  // The main process refuses the change as well, not only the screen.
  const hr = await Api.login(demoServer, 'hr');
  expect((await hr.refused('workplaces.create', { name: 'Otillåten' })).code).toBe('FORBIDDEN');
});
