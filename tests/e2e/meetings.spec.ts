import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  E2E_TODAY,
  e2eDayPlus,
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
const inDays = (n: number) => e2eDayPlus(n);

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

async function register(
  server: Server,
  token: string,
  pnr: string,
  firstName: string,
  lastName: string,
): Promise<number> {
  const p = await api<{ id: number }>(server, token, 'participants.create', {
    personnummer: pnr,
    firstName,
    lastName,
    referralDate: today(),
    caseworkerName: 'Jonas Ljung',
    caseworkerUnit: 'Vuxenenheten',
    caseworkerEmail: 'jonas.ljung@example.org',
  });
  return p.id;
}

async function openCoordinator(page: Page, server: Server, path: string) {
  await login(page, server, 'koordinator', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`${server.origin}/#${path}`);
}

// ---------------------------------------------------------------------------------------------

test('a meeting is created, booked never over capacity, and exported as iCalendar', async ({ page, demoServer }) => {
  const token = await apiLogin(demoServer, 'koordinator');
  const ids = [
    await register(demoServer, token, personnummer('750101', '611'), 'Ali', 'Qasem'),
    await register(demoServer, token, personnummer('750202', '622'), 'Beata', 'Qvist'),
    await register(demoServer, token, personnummer('750303', '633'), 'Cem', 'Qadir'),
  ];
  const date = inDays(9);

  await openCoordinator(page, demoServer, '/informationsmoten');
  await expect(page.getByRole('heading', { level: 1, name: 'Informationsmöten' })).toBeVisible();
  await page.getByRole('button', { name: 'Nytt informationsmöte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt informationsmöte' });
  await dialog.getByLabel('Datum').fill(date);
  await dialog.getByLabel('Starttid').fill('13:00');
  await dialog.getByLabel('Sluttid').fill('12:00');
  await dialog.getByRole('textbox', { name: 'Plats' }).fill('Jobb Borås, Åsbogatan 8, rum Ätran');
  await dialog.getByLabel('Antal platser').fill('2');
  const interpreter = dialog.getByRole('combobox', { name: 'Tolkspråk' });
  await interpreter.fill('tigrinja');
  await interpreter.press('Enter');
  await dialog.getByRole('button', { name: 'Skapa möte' }).click();
  // the end must come after the start: the main process says so on the field
  await expect(dialog.getByText('Sluttid: Mötet måste sluta efter att det börjar.')).toBeVisible();
  await dialog.getByLabel('Sluttid').fill('15:00');
  await dialog.getByRole('button', { name: 'Skapa möte' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Informationsmöte / })).toBeVisible();
  await expect(page.getByText(`${date} 13:00–15:00 · Jobb Borås, Åsbogatan 8, rum Ätran`)).toBeVisible();
  await expect(page.getByText('0 bokade av 2 (2 lediga)')).toBeVisible();
  await expect(page.getByText('tigrinja')).toBeVisible();

  // Three chosen for two places: the dialog refuses, two fit.
  await page.getByRole('button', { name: 'Boka deltagare' }).click();
  const book = page.getByRole('dialog', { name: 'Boka deltagare' });
  // the choice is kept between searches
  for (const name of ['Ali Qasem', 'Beata Qvist', 'Cem Qadir']) {
    await book.getByLabel('Sök remitterade').fill(name.split(' ')[1]!);
    await book.getByRole('checkbox', { name: new RegExp(name) }).check();
  }
  await expect(book.getByText('3 valda: Ali Qasem, Beata Qvist, Cem Qadir')).toBeVisible();
  await expect(book.getByText('Mötet har bara 2 lediga platser.')).toBeVisible();
  await expect(book.getByRole('button', { name: 'Boka 3' })).toBeDisabled();
  await book.getByRole('checkbox', { name: /Cem Qadir/ }).uncheck();
  await expect(book.getByText('Mötet har bara 2 lediga platser.')).toBeHidden();
  await book.getByRole('button', { name: 'Boka 2' }).click();
  await expect(book).toBeHidden();
  await expect(page.getByText('2 bokade av 2 (0 lediga)')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Bokade deltagare' }).getByRole('row', { name: /Beata Qvist/ }),
  ).toContainText('Bokad');
  await expect(page.getByRole('button', { name: 'Boka deltagare' })).toHaveCount(0);

  // The main process refuses the third booking too, whoever asks.
  const meetingId = Number(/informationsmoten\/(\d+)/.exec(page.url())![1]);
  const refused = await demoServer.api('meetings.book', { meetingId, participantIds: [ids[2]] }, token);
  expect(refused.body.ok).toBe(false);
  if (!refused.body.ok) expect(refused.body.error.message).toContain('fullbokat');

  // Export to Outlook.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera (.ics)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain(`DTSTART;TZID=Europe/Stockholm:${date.replace(/-/g, '')}T130000`);
  expect(ics).toContain(`DTEND;TZID=Europe/Stockholm:${date.replace(/-/g, '')}T150000`);
  expect(ics).toContain('LOCATION:Jobb Borås\\, Åsbogatan 8\\, rum Ätran');
  expect(ics).toContain('Tolk: tigrinja');

  // The list shows it as upcoming and full.
  await page.getByRole('link', { name: 'Alla informationsmöten' }).click();
  const row = page
    .getByRole('grid', { name: 'Informationsmöten' })
    .getByRole('row', { name: new RegExp(`${date} 13:00`) });
  await expect(row).toContainText('2 av 2');
  await expect(row).toContainText('Fullbokat');
});

test('a second no-show creates a deviation report with a printable letter that the coordinator works through', async ({
  page,
  demoServer,
}) => {
  test.setTimeout(180_000);
  const slot = await meetingStartingSoon(demoServer);
  const token = await apiLogin(demoServer, 'koordinator');
  const place = (room: string) => ({
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    place: `Jobb Borås, Åsbogatan 8, ${room}`,
    capacity: 5,
    interpreterLanguages: [],
  });
  const first = await api<{ id: number }>(demoServer, token, 'meetings.create', place('rum Ätran'));
  await api(demoServer, token, 'meetings.create', place('rum Nissan'));
  const id = await register(demoServer, token, personnummer('820606', '644'), 'Dalia', 'Zaman');
  await api(demoServer, token, 'meetings.book', { meetingId: first.id, participantIds: [id] });

  await openCoordinator(page, demoServer, `/informationsmoten/${first.id}`);
  await expect(
    page.getByRole('table', { name: 'Bokade deltagare' }).getByRole('row', { name: /Dalia Zaman/ }),
  ).toContainText('Bokad');
  await waitForHostTime(page, demoServer, slot.startMs);
  await page.reload();

  // First no-show: back to booking, no deviation yet.
  await page
    .getByRole('radiogroup', { name: 'Närvaro för Dalia Zaman' })
    .getByRole('radio', { name: 'Uteblev' })
    .check();
  await page.getByRole('button', { name: 'Spara närvaro (1)' }).click();
  await expect(page.getByText('Närvaron är sparad.')).toBeVisible();
  await expect(page.getByText(/Avvikelse skapad/)).toHaveCount(0);

  // Rebooked from her page to the other meeting, which has started too.
  await page.getByRole('link', { name: 'Dalia Zaman' }).click();
  const stage = page.getByRole('region', { name: 'Steg' });
  await expect(stage.getByText('Remitterad', { exact: true })).toBeVisible();
  await expect(page.getByText('Uteblivna besök: 1')).toBeVisible();
  await stage.getByRole('button', { name: 'Boka informationsmöte' }).click();
  await page
    .getByRole('dialog')
    .getByRole('radio', { name: /rum Nissan/ })
    .check();
  await page.getByRole('dialog').getByRole('button', { name: 'Boka' }).click();
  await expect(stage.getByText('Bokad till informationsmöte', { exact: true })).toBeVisible();

  // Second no-show, recorded from her page this time: the deviation report is created.
  await stage.getByRole('button', { name: 'Registrera uteblivet besök' }).click();
  await page
    .getByRole('dialog', { name: 'Registrera uteblivet besök för Dalia Zaman' })
    .getByRole('button', { name: 'Registrera uteblivet besök' })
    .click();
  await expect(
    page.getByText(/Andra uteblivna besöket: en avvikelse till remitterande handläggare är skapad/),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Avvikelser' })).toContainText('Ej skickad');

  // The coordinator's start page lists it.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
  await expect(
    page.getByRole('region', { name: 'Öppna avvikelser' }).getByRole('link', { name: 'Dalia Zaman' }),
  ).toBeVisible();

  // The list of deviation reports: print the letter, mark it as sent.
  await page.goto(`${demoServer.origin}/#/informationsmoten/avvikelser`);
  await expect(page.getByRole('heading', { level: 1, name: 'Avvikelser till handläggare' })).toBeVisible();
  const row = page.getByRole('grid', { name: 'Avvikelser' }).getByRole('row', { name: /Dalia Zaman/ });
  await expect(row).toContainText('Jonas Ljung, Vuxenenheten');
  await expect(row).toContainText('rum Ätran');
  await expect(row).toContainText('rum Nissan');
  const downloadPromise = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Brev (PDF) för Dalia Zaman' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1000);

  await row.getByRole('button', { name: 'Markera skickad: Dalia Zaman' }).click();
  await expect(row).toContainText('Skickad till handläggaren');
  await page.getByRole('tab', { name: /Ej skickade/ }).click();
  await expect(page.getByRole('grid', { name: 'Avvikelser' }).getByRole('row', { name: /Dalia Zaman/ })).toHaveCount(0);
  await page.getByRole('tab', { name: /Skickade/ }).click();
  await expect(page.getByRole('grid', { name: 'Avvikelser' }).getByRole('row', { name: /Dalia Zaman/ })).toBeVisible();
});
