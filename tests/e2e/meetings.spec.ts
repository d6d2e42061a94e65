import { e2eDayPlus, expect, meetingStartingSoon, test, waitForHostTime } from './fixtures';
import { Api } from './pages/api';
import { AppPage } from './pages/app';
import { personnummer, today } from './pages/data';

const inDays = (n: number) => e2eDayPlus(n);

/** A referred participant with a caseworker who gets the deviation letters. */
async function register(api: Api, pnr: string, firstName: string, lastName: string): Promise<number> {
  const p = await api.call('participants.create', {
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

// ---------------------------------------------------------------------------------------------

test('a meeting is created, booked never over capacity, and exported as iCalendar', async ({ page, demoServer }) => {
  const app = new AppPage(page, demoServer);
  const coord = await Api.login(demoServer, 'koordinator');
  const ids = [
    await register(coord, personnummer('750101', '611'), 'Ali', 'Qasem'),
    await register(coord, personnummer('750202', '622'), 'Beata', 'Qvist'),
    await register(coord, personnummer('750303', '633'), 'Cem', 'Qadir'),
  ];
  const date = inDays(9);

  await app.signIn('koordinator');
  await app.goto('/informationsmoten');
  await expect(page.getByRole('heading', { level: 1, name: 'Informationsmöten' })).toBeVisible();
  await page.getByRole('button', { name: 'Nytt informationsmöte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt informationsmöte' });
  await app.fillDate('Datum', date, dialog);
  await app.fillTime('Starttid', '13:00', dialog);
  await app.fillTime('Sluttid', '12:00', dialog);
  await dialog.getByRole('textbox', { name: 'Plats' }).fill('Jobb Borås, Åsbogatan 8, rum Ätran');
  await dialog.getByLabel('Antal platser').fill('2');
  const interpreter = dialog.getByRole('combobox', { name: 'Tolkspråk' });
  await interpreter.fill('tigrinja');
  await interpreter.press('Enter');
  await dialog.getByRole('button', { name: 'Skapa möte' }).click();
  // the end must come after the start: the main process says so on the field
  await expect(dialog.getByText('Sluttid: Mötet måste sluta efter att det börjar.')).toBeVisible();
  await app.fillTime('Sluttid', '15:00', dialog);
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
  const refused = await coord.refused('meetings.book', { meetingId, participantIds: [ids[2]!] });
  expect(refused.message).toContain('fullbokat');

  // Export to Outlook.
  const file = await app.download(() => page.getByRole('button', { name: 'Exportera (.ics)' }).click());
  expect(file.name).toMatch(/\.ics$/);
  const ics = file.bytes.toString('utf8').replace(/\r\n[ \t]/g, '');
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
  const app = new AppPage(page, demoServer);
  const slot = await meetingStartingSoon(demoServer);
  const coord = await Api.login(demoServer, 'koordinator');
  const place = (room: string) => ({
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    place: `Jobb Borås, Åsbogatan 8, ${room}`,
    capacity: 5,
    interpreterLanguages: [],
  });
  const first = await coord.call('meetings.create', place('rum Ätran'));
  await coord.call('meetings.create', place('rum Nissan'));
  const id = await register(coord, personnummer('820606', '644'), 'Dalia', 'Zaman');
  await coord.call('meetings.book', { meetingId: first.id, participantIds: [id] });

  await app.signIn('koordinator');
  await app.goto(`/informationsmoten/${first.id}`);
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
  await app.openSection('Start');
  await expect(
    page.getByRole('region', { name: 'Öppna avvikelser' }).getByRole('link', { name: 'Dalia Zaman' }),
  ).toBeVisible();

  // The list of deviation reports: print the letter, mark it as sent.
  await app.goto('/informationsmoten/avvikelser');
  await expect(page.getByRole('heading', { level: 1, name: 'Avvikelser till handläggare' })).toBeVisible();
  const row = page.getByRole('grid', { name: 'Avvikelser' }).getByRole('row', { name: /Dalia Zaman/ });
  await expect(row).toContainText('Jonas Ljung, Vuxenenheten');
  await expect(row).toContainText('rum Ätran');
  await expect(row).toContainText('rum Nissan');
  const letter = await app.download(() => row.getByRole('button', { name: 'Brev (PDF) för Dalia Zaman' }).click());
  expect(letter.name).toMatch(/\.pdf$/);
  const pdf = letter.bytes;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1000);

  await row.getByRole('button', { name: 'Markera skickad: Dalia Zaman' }).click();
  await expect(row).toContainText('Skickad till handläggaren');
  await page.getByRole('tab', { name: /Ej skickade/ }).click();
  await expect(page.getByRole('grid', { name: 'Avvikelser' }).getByRole('row', { name: /Dalia Zaman/ })).toHaveCount(0);
  await page.getByRole('tab', { name: /Skickade/ }).click();
  await expect(page.getByRole('grid', { name: 'Avvikelser' }).getByRole('row', { name: /Dalia Zaman/ })).toBeVisible();
});
