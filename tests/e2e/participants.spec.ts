import type { Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  E2E_TODAY,
  expect,
  login,
  meetingStartingSoon,
  test,
  waitForHostTime,
  type Server,
} from './fixtures';

// ---------------------------------------------------------------------------------------------
// Helpers (kept in this file: each spec file is self-contained)

/** A valid personnummer (Luhn check digit) born on yymmdd, serial nnn, as 'YYMMDD-NNNC'. */
function personnummer(yymmdd: string, nnn: string): string {
  const nine = yymmdd + nnn;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${yymmdd}-${nnn}${(10 - (sum % 10)) % 10}`;
}

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

async function registerViaApi(
  server: Server,
  token: string,
  p: { pnr: string; firstName: string; lastName: string },
): Promise<number> {
  const created = await api<{ id: number }>(server, token, 'participants.create', {
    personnummer: p.pnr,
    firstName: p.firstName,
    lastName: p.lastName,
    referralDate: today(),
    caseworkerName: 'Maja Strand',
    caseworkerUnit: 'Försörjningsstöd Centrum',
  });
  return created.id;
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// ---------------------------------------------------------------------------------------------

test('a coordinator registers a referral, books and records an information meeting with one no-show, maps the person and sees the timeline', async ({
  page,
  demoServer,
}) => {
  test.setTimeout(180_000);
  const slot = await meetingStartingSoon(demoServer);
  const token = await apiLogin(demoServer, 'koordinator');
  // The meeting starts in a minute or two; the registration below runs while we wait for it.
  const meeting = await api<{ id: number }>(demoServer, token, 'meetings.create', {
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    place: 'Jobb Borås, Åsbogatan 8, rum Viskan',
    capacity: 10,
    interpreterLanguages: ['arabiska'],
  });
  const noShowPnr = personnummer('720314', '571');
  const noShowId = await registerViaApi(demoServer, token, { pnr: noShowPnr, firstName: 'Noah', lastName: 'Nyberg' });

  await login(page, demoServer, 'koordinator', DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Deltagare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deltagare' })).toBeVisible();
  await page.getByRole('link', { name: 'Ny deltagare' }).click();

  // Register the referral; the personnummer is typed in the short form and read back in full.
  const pnr = personnummer('870515', '582');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(pnr);
  await page.getByLabel('Förnamn').fill('Amal');
  await expect(page.getByText(`Personnummer 19${pnr}, född 1987-05-15.`)).toBeVisible();
  await page.getByLabel('Efternamn').fill('Haddad');
  await page.getByLabel('Telefon', { exact: true }).fill('070-123 45 67');
  await page.getByRole('combobox', { name: 'Stadsdel' }).fill('Norrby');
  await page.getByLabel('Remitterande handläggare').fill('Maja Strand');
  await expect(page.getByText('Känsligt').first()).toBeVisible();
  await page.getByLabel('Antal barn i hushållet').fill('2');
  await page.getByLabel('Försörjningsstöd per månad före placering (kr)').fill('9 850');
  await page.getByRole('checkbox', { name: /Långvarigt försörjningsstöd/ }).check();
  await page.getByRole('button', { name: 'Registrera deltagare' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Amal Haddad' })).toBeVisible();
  const stage = page.getByRole('region', { name: 'Steg' });
  await expect(stage.getByText('Remitterad', { exact: true })).toBeVisible();
  const social = page.getByRole('region', { name: /Sociala uppgifter/ });
  await expect(social.getByText('9 850 kr')).toBeVisible();
  await expect(social.getByText('Känsligt')).toBeVisible();
  const personUrl = page.url();

  // Book her to the meeting from her page.
  await stage.getByRole('button', { name: 'Boka informationsmöte' }).click();
  const bookDialog = page.getByRole('dialog', { name: 'Boka Amal Haddad till informationsmöte' });
  await bookDialog.getByRole('radio', { name: /rum Viskan/ }).check();
  await bookDialog.getByRole('button', { name: 'Boka' }).click();
  await expect(page.getByText('Klart: Bokad till informationsmöte.')).toBeVisible();
  await expect(stage.getByText('Bokad till informationsmöte', { exact: true })).toBeVisible();

  // On the meeting's page, book the second person with the booking dialog.
  await page
    .getByRole('region', { name: 'Informationsmöten' })
    .getByRole('link', { name: /rum Viskan/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Informationsmöte / })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`informationsmoten/${meeting.id}$`));
  await page.getByRole('button', { name: 'Boka deltagare' }).click();
  const booking = page.getByRole('dialog', { name: 'Boka deltagare' });
  await booking.getByLabel('Sök remitterade').fill('Nyberg');
  await booking.getByRole('checkbox', { name: /Noah Nyberg/ }).check();
  await booking.getByRole('button', { name: 'Boka 1' }).click();
  await expect(booking).toBeHidden();
  const table = page.getByRole('table', { name: 'Bokade deltagare' });
  await expect(table.getByRole('row', { name: /Amal Haddad/ })).toContainText('Bokad');
  await expect(table.getByRole('row', { name: /Noah Nyberg/ })).toContainText('Bokad');
  await expect(page.getByText('2 bokade av 10 (8 lediga)')).toBeVisible();

  // Once the meeting has started: Amal attended, Noah did not come.
  await waitForHostTime(page, demoServer, slot.startMs);
  await page.reload();
  await page
    .getByRole('radiogroup', { name: 'Närvaro för Amal Haddad' })
    .getByRole('radio', { name: 'Deltog' })
    .check();
  await page
    .getByRole('radiogroup', { name: 'Närvaro för Noah Nyberg' })
    .getByRole('radio', { name: 'Uteblev' })
    .check();
  await page.getByRole('button', { name: 'Spara närvaro (2)' }).click();
  await expect(page.getByText('Närvaron är sparad.')).toBeVisible();
  await expect(table.getByRole('row', { name: /Amal Haddad/ })).toContainText('Deltog');
  await expect(table.getByRole('row', { name: /Noah Nyberg/ })).toContainText('Uteblev');

  // The no-show is back to booking, with the no-show counted.
  const noShow = await api<{ stage: string; noShowCount: number }>(demoServer, token, 'participants.get', {
    id: noShowId,
  });
  expect(noShow).toMatchObject({ stage: 'referred', noShowCount: 1 });

  // Map Amal: the page says what is missing until everything matching needs is there.
  await page.goto(personUrl);
  await expect(stage.getByText('Har deltagit i informationsmöte', { exact: true })).toBeVisible();
  await expect(stage.getByRole('button', { name: 'Markera som kartlagd' })).toBeDisabled();
  await page.getByRole('link', { name: 'Kartläggning', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kartläggning av Amal Haddad' })).toBeVisible();
  const status = page.getByRole('status').filter({ hasText: 'Saknas innan' });
  await expect(status).toContainText('Svenskanivå');
  await expect(page.getByRole('button', { name: 'Spara och markera som kartlagd' })).toBeDisabled();

  const languages = page.getByRole('combobox', { name: 'Språk', exact: true });
  await languages.fill('arabiska');
  await languages.press('Enter');
  await languages.fill('svenska');
  await languages.press('Enter');
  await chooseOption(page, 'Svenskanivå', 'SFI kurs C');
  await chooseOption(page, 'Utbildningsnivå', 'Gymnasieutbildning');
  await page.getByRole('checkbox', { name: 'B (personbil)' }).check();
  await page.getByLabel('Arbetslivserfarenhet').fill('Städning på hotell i Damaskus, fyra år.');
  await page.getByLabel('Yrkeskod (SSYK 2012, valfri)').fill('9111');
  const skills = page.getByRole('combobox', { name: 'Kompetenser', exact: true });
  await skills.fill('lokalvård');
  await skills.press('Enter');
  await page.getByLabel(/Hälsobaserade begränsningar/).fill('Inga tunga lyft.');
  await page.getByRole('checkbox', { name: 'Städorganisationen' }).check();
  await expect(status).toContainText('Tillgänglig tid');
  await page.getByLabel('Tillgänglig tid (procent av heltid)').fill('75');
  await page.getByLabel('Tidigaste start').fill(today());
  await expect(page.getByText('Allt som matchningen behöver är ifyllt.')).toBeVisible();
  await page.getByRole('button', { name: 'Spara och markera som kartlagd' }).click();

  // The person is mapped and the timeline tells the story, newest first.
  await expect(page.getByRole('heading', { level: 1, name: 'Amal Haddad' })).toBeVisible();
  await expect(stage.getByText('Kartlagd', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Kartläggning' }).getByText('Kartläggningen är komplett.'),
  ).toBeVisible();
  const events = page.getByRole('list', { name: 'Händelser, nyast först' }).getByRole('listitem');
  await expect(events.nth(0)).toContainText('Kartläggningen klar – kartlagd');
  const texts = await events.allInnerTexts();
  const order = [
    'Kartläggningen klar – kartlagd',
    'Kartläggningen uppdaterad',
    'Deltog i informationsmöte',
    'Bokad till informationsmöte',
    'Registrerad som remitterad',
  ];
  const positions = order.map((o) => texts.findIndex((t) => t.includes(o)));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(texts.find((t) => t.includes('Deltog i informationsmöte'))).toContain('rum Viskan');
});

test('a duplicate personnummer is refused, naming the existing record', async ({ page, demoServer }) => {
  const token = await apiLogin(demoServer, 'koordinator');
  const pnr = personnummer('690223', '593');
  await registerViaApi(demoServer, token, { pnr, firstName: 'Sara', lastName: 'Lindholm' });

  await login(page, demoServer, 'koordinator', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`${demoServer.origin}/#/deltagare/ny`);
  // the same person in the 12-digit form without a dash
  await page.getByLabel('Personnummer eller samordningsnummer').fill(`19${pnr.replace('-', '')}`);
  await page.getByLabel('Förnamn').fill('Sara');
  await page.getByLabel('Efternamn').fill('Lindholm');
  await page.getByRole('button', { name: 'Registrera deltagare' }).click();
  await expect(
    page.getByText(/Det finns redan en deltagare med personnumret 19690223-593\d: Sara Lindholm \(\d{4}-\d{4}\)/),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Öppna Sara Lindholm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sara Lindholm' })).toBeVisible();

  // an invalid check digit is explained before anything is sent
  await page.goto(`${demoServer.origin}/#/deltagare/ny`);
  await page.getByLabel('Personnummer eller samordningsnummer').fill('850101-1235');
  await page.getByLabel('Förnamn').focus();
  await expect(page.getByText(/Kontrollsiffran stämmer inte/)).toBeVisible();
});

test('an import with bad rows shows every row with its reason; nothing is saved until the good rows are imported', async ({
  page,
  demoServer,
}) => {
  const token = await apiLogin(demoServer, 'koordinator');
  const existingPnr = personnummer('760808', '514');
  await registerViaApi(demoServer, token, { pnr: existingPnr, firstName: 'Karim', lastName: 'Bakr' });
  const csv = [
    'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Enhet;Stadsdel',
    `${personnummer('880412', '526')};Amina;Warsame;${today()};Maja Strand;Försörjningsstöd Centrum;Norrby`,
    `${personnummer('910707', '537')};Jonas;Öhrn;${today()};Per Holm;Vuxenenheten;Hulta`,
    '880412-1235;Fel;Kontrollsiffra;2026-11-03;Per Holm;Vuxenenheten;Sjöbo',
    `${personnummer('950101', '548')};;Utan förnamn;${today()};Per Holm;Vuxenenheten;Hulta`,
    `${existingPnr};Karim;Bakr;${today()};Lena Sandberg;Försörjningsstöd Söder;Göta`,
  ].join('\r\n');
  const file = { name: 'remisser-november.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
  const search = async (q: string) =>
    (await api<{ total: number }>(demoServer, token, 'participants.list', { search: q })).total;

  // The demo may already hold people with these surnames: count relative to what is there.
  const warsameBefore = await search('Warsame');
  const bakrBefore = await search('Bakr');

  await login(page, demoServer, 'koordinator', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`${demoServer.origin}/#/deltagare/import`);
  await expect(page.getByRole('heading', { level: 1, name: 'Importera remisser' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(file);

  await expect(page.getByRole('heading', { name: 'remisser-november.csv: 5 rader.' })).toBeVisible();
  await expect(page.getByText('2 nya', { exact: true })).toBeVisible();
  await expect(page.getByText('1 finns redan', { exact: true })).toBeVisible();
  await expect(page.getByText('2 med fel', { exact: true })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Förhandsgranskning av remissfilen' });
  const row = (n: number) =>
    grid.getByRole('row').filter({ has: page.getByRole('gridcell', { name: String(n), exact: true }) });
  await expect(row(4)).toContainText('Personnummer: Kontrollsiffran stämmer inte.');
  await expect(row(5)).toContainText('Förnamn: Måste fyllas i.');
  await expect(row(6)).toContainText(/Finns redan: Karim Bakr \(\d{4}-\d{4}\)/);
  await expect(row(2)).toContainText('Amina Warsame');

  // Cancel: nothing is saved.
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('button', { name: 'Välj remissfil' })).toBeVisible();
  expect(await search('Warsame')).toBe(warsameBefore);

  // Read it again and import the good rows.
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: 'Importera 2 rader' }).click();
  await expect(
    page.getByText('2 deltagare registrerades. 1 dubbletter och 2 rader med fel importerades inte.'),
  ).toBeVisible();
  expect(await search('Warsame')).toBe(warsameBefore + 1);
  expect(await search('Bakr')).toBe(bakrBefore); // the duplicate was flagged, not created again

  // The same file again: everyone is now a duplicate.
  await page.getByRole('button', { name: 'Importera en fil till' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('3 finns redan', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importera 0 rader' })).toBeDisabled();

  // The imported people are in the list, found by search.
  await page.goto(`${demoServer.origin}/#/deltagare`);
  await page.getByRole('searchbox', { name: 'Sök' }).fill('Amina Warsame');
  await expect(
    page.getByRole('grid', { name: 'Deltagare' }).getByRole('link', { name: 'Warsame, Amina' }),
  ).toBeVisible();
  const n = warsameBefore + 1;
  await page.getByRole('searchbox', { name: 'Sök' }).fill('Warsame');
  await expect(page.getByText(`${n} deltagare`, { exact: true })).toBeVisible();
});

test('the union user cannot open a participant: no data on screen and the API answers FORBIDDEN', async ({
  page,
  demoServer,
}) => {
  const coordinator = await apiLogin(demoServer, 'koordinator');
  const id = await registerViaApi(demoServer, coordinator, {
    pnr: personnummer('800101', '565'),
    firstName: 'Hemlig',
    lastName: 'Person',
  });

  await login(page, demoServer, 'kommunal', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: /^Hej / })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Deltagare' }),
  ).toHaveCount(0);
  for (const path of ['/#/deltagare', `/#/deltagare/${id}`]) {
    await page.goto(`${demoServer.origin}${path}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
    await expect(page.getByText('Hemlig')).toHaveCount(0);
    await expect(page.getByRole('grid')).toHaveCount(0);
  }

  const union = await apiLogin(demoServer, 'kommunal');
  for (const [procedure, input] of [
    ['participants.list', {}],
    ['participants.get', { id }],
    ['participants.dashboard', {}],
  ] as const) {
    const r = await demoServer.api(procedure, input, union);
    expect(r.status).toBe(403);
    expect(r.body.ok).toBe(false);
    if (!r.body.ok) expect(r.body.error.code).toBe('FORBIDDEN');
  }
});

test('a due follow-up after exit is recorded from the coordinator’s start page', async ({ page, demoServer }) => {
  const token = await apiLogin(demoServer, 'koordinator');
  type Due = { total: number; rows: Array<{ id: number; participantId: number; name: string; months: number }> };
  const before = await api<{ dueFollowUps: Due }>(demoServer, token, 'participants.dashboard', {});
  // The demo always has an exit whose six-month follow-up has come due (laid out relative to its clock).
  expect(before.dueFollowUps.total).toBeGreaterThan(0);
  const due = before.dueFollowUps.rows[0]!;

  await login(page, demoServer, 'koordinator', DEMO_PASSWORD);
  const widget = page.getByRole('region', { name: 'Uppföljningar att göra' });
  await expect(widget.getByRole('link', { name: due.name }).first()).toBeVisible();
  await widget.getByRole('button', { name: `Registrera: ${due.name}, ${due.months} mån` }).click();
  const dialog = page.getByRole('dialog', { name: `Uppföljning av ${due.name} efter ${due.months} månader` });
  await expect(dialog.getByRole('button', { name: 'Spara uppföljning' })).toBeDisabled();
  await dialog.getByRole('radio', { name: 'Ja, självförsörjande' }).check();
  await dialog.getByLabel('Anteckning (valfritt)').fill('Har fast anställning sedan i våras.');
  await dialog.getByRole('button', { name: 'Spara uppföljning' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    widget.getByRole('link', { name: `Alla uppföljningar (${before.dueFollowUps.total - 1})` }),
  ).toBeVisible();

  const recorded = await api<{ rows: Array<{ id: number; selfSupporting: string | null; note: string | null }> }>(
    demoServer,
    token,
    'participants.followUps',
    {
      status: 'recorded',
      limit: 500,
    },
  );
  expect(recorded.rows.find((r) => r.id === due.id)).toMatchObject({
    selfSupporting: 'yes',
    note: 'Har fast anställning sedan i våras.',
  });

  // The person's page shows the answer.
  await page.goto(`${demoServer.origin}/#/deltagare/${due.participantId}`);
  await expect(page.getByRole('region', { name: 'Uppföljning efter avslut' })).toContainText(
    `Efter ${due.months} månader`,
  );
  await expect(page.getByRole('region', { name: 'Uppföljning efter avslut' })).toContainText('Ja, självförsörjande');
});
