import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { Api } from './pages/api';
import { AppPage } from './pages/app';
import { longDate, meetingToday, ReviewPage, reviewDrafts, today, type Proposal } from './pages/review';

test('two proposals are reviewed in meeting mode: one approved, one vetoed; the protocol PDF holds the veto and the vetoed proposal cannot be placed', async ({
  page,
  browser,
  demoServer,
}) => {
  test.setTimeout(120_000);
  const admin = await Api.login(demoServer, 'admin');
  const coord = await Api.login(demoServer, 'koordinator');
  const meeting = await meetingToday(admin);
  // The hosts start on a working day (E2E_NOW), so a meeting can be held today.
  expect(meeting, 'Prövningsmöten hålls bara på arbetsdagar: VAXLA_E2E_NOW måste vara en arbetsdag.').not.toBeNull();
  const day = meeting!.date;
  const [first, second] = (await reviewDrafts(coord, 2)) as [Proposal, Proposal];

  // The coordinator submits both drafts from the review section and sees which meeting each is on.
  await new ReviewPage(page, demoServer).signIn('koordinator');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  await page.goto(`${demoServer.origin}/#/provning/forslag`);
  await page.getByLabel('Visa').click();
  await page.getByRole('option', { name: 'Utkast att skicka in' }).click();
  for (const p of [first, second]) {
    await page.getByRole('button', { name: `Skicka förslag ${p.id} till facklig prövning` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(p.participantName);
    await dialog.getByRole('button', { name: 'Skicka till prövning' }).click();
    await expect(page.getByRole('status').filter({ hasText: p.participantName })).toContainText(
      `Förslaget ligger på agendan för prövningsmötet`,
    );
    await expect(page.getByRole('status').filter({ hasText: p.participantName })).toContainText(day);
  }
  await page.getByLabel('Visa').click();
  await page.getByRole('option', { name: 'Väntar på beslut' }).click();
  const grid = page.getByRole('grid', { name: 'Förslag i facklig prövning' });
  for (const p of [first, second]) {
    const row = grid.getByRole('row').filter({ hasText: p.participantName });
    await expect(row).toContainText('Inskickat till facklig prövning');
    await expect(row.getByRole('link', { name: longDate(day) })).toBeVisible();
  }

  // The union representative opens today's meeting and lists both parties as attendees.
  const union = (await AppPage.session(browser, demoServer, 'kommunal')).page;
  await union.goto(`${demoServer.origin}/#/provning`);
  await expect(union.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link')).toHaveText([
    'Start',
    'Facklig prövning',
  ]); // only the review section
  await union.getByRole('button', { name: 'Öppna mötet' }).click();
  const openDialog = union.getByRole('dialog');
  await expect(openDialog.getByRole('list', { name: 'Närvarande' })).toContainText('Kommunal');
  await openDialog.getByLabel('Namn', { exact: true }).fill('Karin Bergström');
  await openDialog.getByLabel('Part').click();
  await union.getByRole('option', { name: 'Arbetsgivaren (Jobb Borås)' }).click();
  await openDialog.getByRole('button', { name: 'Lägg till person' }).click();
  await openDialog.getByRole('button', { name: 'Öppna mötet' }).click();

  // Meeting mode: one item at a time, the participant only as a pseudonymous reference.
  const agenda = await (await Api.login(demoServer, 'kommunal')).call('review.getMeeting', { id: meeting!.id });
  const total = agenda.items.length;
  const numberOf = (p: Proposal) => agenda.items.find((i) => i.proposalId === p.id)?.number ?? 0;
  const [itemOne, itemTwo] = numberOf(first) < numberOf(second) ? [first, second] : [second, first];
  expect(numberOf(itemOne)).toBeGreaterThan(0);
  await expect(union.getByText(`0 av ${total} ärenden har beslut`)).toBeVisible();
  await union.getByRole('button', { name: `Ärende ${numberOf(itemOne)}: Inget beslut` }).click();
  await expect(union.getByText(`Ärende ${numberOf(itemOne)} av ${total}`).first()).toBeVisible();
  const refOnScreen = () => union.getByLabel(/^Deltagare: Deltagare /);
  await expect(refOnScreen()).toHaveText(`Deltagare ${itemOne.participantRef}`);
  for (const p of [first, second]) await expect(union.getByText(p.participantName)).toHaveCount(0);
  await expect(union.locator('main')).not.toContainText(/\d{6}-\d{4}/); // no personnummer anywhere

  // Approve with the keyboard (G, then Enter on the focused save button).
  await union.keyboard.press('g');
  await expect(union.getByRole('button', { name: 'Spara godkännande' })).toBeFocused();
  await union.keyboard.press('Enter');
  await expect(union.getByText('Beslutet är registrerat: Godkänt.')).toBeVisible();

  // The other item (→ when it is next), veto with a reason category and a motivation.
  if (numberOf(itemTwo) === numberOf(itemOne) + 1) await union.keyboard.press('ArrowRight');
  else await union.getByRole('button', { name: `Ärende ${numberOf(itemTwo)}: Inget beslut` }).click();
  await expect(union.getByText(`Ärende ${numberOf(itemTwo)} av ${total}`).first()).toBeVisible();
  await expect(refOnScreen()).toHaveText(`Deltagare ${itemTwo.participantRef}`);
  const vetoText = 'Arbetsuppgifterna motsvarar en vakant ordinarie tjänst på arbetsplatsen.';
  await union.getByRole('button', { name: /^Veto/ }).click();
  await union.getByRole('radio', { name: 'Ersätter ordinarie arbete' }).check();
  await union.getByLabel('Motivering').fill(vetoText);
  await union.getByRole('button', { name: 'Spara veto' }).click();
  await expect(union.getByText('Beslutet är registrerat: Veto.')).toBeVisible();
  await expect(union.getByText(`2 av ${total} ärenden har beslut`)).toBeVisible();

  // Close the meeting: a confirmation first, then the locked protocol.
  await union.getByRole('button', { name: 'Avsluta mötet' }).click();
  const closeDialog = union.getByRole('dialog');
  await expect(closeDialog).toContainText('Godkända: 1');
  await expect(closeDialog).toContainText('Veto: 1');
  // Items of other proposals on today's agenda (demo data) return at the next meeting.
  if (total > 2) await closeDialog.getByRole('checkbox').check();
  await closeDialog.getByRole('button', { name: 'Avsluta och lås protokollet' }).click();
  await expect(union.getByRole('heading', { name: 'Protokoll', exact: true })).toBeVisible();
  await expect(union.getByText('Mötet är avslutat och protokollet låst')).toBeVisible();
  const protocolGrid = union.getByRole('grid', { name: 'Protokollets ärenden' });
  await expect(protocolGrid.getByRole('row').filter({ hasText: `Deltagare ${itemTwo.participantRef}` })).toContainText(
    vetoText,
  );

  // The protocol PDF is produced and says what was decided, when.
  const [download] = await Promise.all([
    union.waitForEvent('download'),
    union.getByRole('button', { name: 'Ladda ner protokoll (PDF)' }).click(),
  ]);
  const pdfPath = await download.path();
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(`Protokoll – facklig prövning ${day}`);
  expect(text).toContain('Ersätter ordinarie arbete');
  expect(text.replace(/\s+/g, ' ')).toContain(vetoText);
  expect(text).toContain(`Deltagare ${itemTwo.participantRef}`);
  for (const p of [first, second]) expect(text).not.toContain(p.participantName);

  // The coordinator sees each decision on the proposals.
  await page.getByLabel('Visa').click();
  await page.getByRole('option', { name: 'Beslutade' }).click();
  const decidedGrid = page.getByRole('grid', { name: 'Förslag i facklig prövning' });
  await expect(decidedGrid.getByRole('row').filter({ hasText: itemTwo.participantName })).toContainText(
    'Ersätter ordinarie arbete',
  );
  await expect(decidedGrid.getByRole('row').filter({ hasText: itemOne.participantName })).toContainText(
    'Kan bli placering',
  );

  // The vetoed proposal can never become a placement (docs/product.md §4 rule 1).
  const refused = await demoServer.api(
    'placements.create',
    { proposalId: itemTwo.id, startDate: day, months: 6, hoursPercent: 100, monthlySalaryOre: 2_500_000 },
    coord.token,
  );
  expect(refused.body.ok).toBe(false);
  if (!refused.body.ok) {
    expect(refused.body.error.code).toBe('RULE');
    expect(refused.body.error.message).toMatch(/veto/i);
  }
  const approved = await coord.call('review.forProposal', {
    proposalId: itemOne.id,
  });
  expect(approved.placeable).toBe(true);
});

test('the admin sets the schedule (a holiday moves a meeting), meetings export as .ics, and a withdrawn proposal leaves the agenda', async ({
  page,
  demoServer,
}) => {
  const admin = await Api.login(demoServer, 'admin');
  const coord = await Api.login(demoServer, 'koordinator');
  // Thursdays: Ascension Day is always a Thursday, so within a year one week parity has a meeting that must move.
  const place = 'Jobb Borås, Sandwalls plats 4, rum Viskan';
  let chosen: { parity: 'even' | 'odd'; moved: { plannedDate: string; date: string; movedReason: string } } | null =
    null;
  for (const parity of ['even', 'odd'] as const) {
    const plan = await admin.call('review.previewSchedule', {
      schedule: { weekday: 4, parity, time: '10:00', place, cutoffWorkingDays: 2, durationMinutes: 60 },
      count: 26,
    });
    const moved = plan.find((m) => m.movedReason !== null);
    if (moved && !chosen) chosen = { parity, moved: { ...moved, movedReason: moved.movedReason! } };
  }
  expect(chosen).not.toBeNull();
  const { parity, moved } = chosen!;
  expect(moved.date > moved.plannedDate).toBe(true);

  await new ReviewPage(page, demoServer).signIn('admin');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  await page.goto(`${demoServer.origin}/#/provning/schema`);
  await page.getByLabel('Veckodag').click();
  await page.getByRole('option', { name: 'Torsdag' }).click();
  await page.getByRole('radio', { name: parity === 'even' ? 'Jämna veckor' : 'Udda veckor' }).check();
  await page.getByRole('textbox', { name: 'Tid', exact: true }).fill('10:00');
  await page.getByLabel('Plats').fill(place);
  await expect(page.getByLabel('Sista dag för ärenden')).toHaveValue('2'); // the default: 2 working days before
  // The preview shows the move and why, before anything is saved.
  const preview = page.getByRole('table', { name: 'Kommande möten enligt schemat' });
  await expect(preview.getByRole('row').filter({ hasText: longDate(moved.date) })).toContainText(moved.movedReason);
  await page.getByRole('button', { name: 'Spara och skapa möten' }).click();
  await expect(page.getByText('Schemat är sparat.')).toBeVisible();
  await expect(page.getByText(/^Torsdagar, (jämna|udda) veckor, kl\. 10:00/)).toBeVisible();

  // The moved meeting shows its new day and why.
  const [movedMeeting] = await admin.call('review.listMeetings', { from: moved.date, to: moved.date });
  expect(movedMeeting?.movedReason).toBe(moved.movedReason);
  await page.goto(`${demoServer.origin}/#/provning/moten/${movedMeeting!.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Prövningsmöte ${longDate(moved.date)}`);
  await expect(page.getByText(moved.movedReason)).toBeVisible();

  // .ics for Outlook: every meeting with place and time, the moved one on its new day.
  await page.goto(`${demoServer.origin}/#/provning`);
  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportera till Outlook (.ics)' }).click(),
  ]);
  expect(ics.suggestedFilename()).toMatch(/\.ics$/);
  const cal = readFileSync(await ics.path(), 'utf8');
  expect(cal).toContain('BEGIN:VCALENDAR');
  expect(cal).toContain(`DTSTART;TZID=Europe/Stockholm:${moved.date.replaceAll('-', '')}T100000`);
  expect(cal).not.toContain(`DTSTART;TZID=Europe/Stockholm:${moved.plannedDate.replaceAll('-', '')}T100000`);
  expect(cal.replace(/\r?\n[ \t]/g, '')).toContain('Sandwalls plats 4\\, rum Viskan');

  // A submitted proposal is on the first meeting whose cutoff it meets; withdrawing it takes it off that agenda.
  const [proposal] = (await reviewDrafts(coord, 1)) as [Proposal];
  const submitted = await coord.call('proposals.submit', { id: proposal.id });
  if (!submitted.meeting) throw new Error('proposals.submit: no meeting');
  expect(submitted.meeting.cutoffDate >= today()).toBe(true);
  const agendaBefore = await admin.call('review.getMeeting', {
    id: submitted.meeting.id,
  });
  expect(agendaBefore.items.map((i) => i.proposalId)).toContain(proposal.id);

  await page.goto(`${demoServer.origin}/#/provning/forslag`);
  const row = page
    .getByRole('grid', { name: 'Förslag i facklig prövning' })
    .getByRole('row')
    .filter({ hasText: proposal.participantName });
  await expect(row.getByRole('link', { name: longDate(submitted.meeting.date) })).toBeVisible();
  await page.getByRole('button', { name: `Återkalla förslag ${proposal.id}` }).click();
  await page.getByRole('dialog').getByLabel('Skäl').fill('Deltagaren har fått ett eget arbete.');
  await page.getByRole('dialog').getByRole('button', { name: 'Återkalla' }).click();
  await expect(
    page.getByText(
      `Förslag ${proposal.id} är återkallat och borttaget från agendan för mötet ${longDate(submitted.meeting.date)}.`,
    ),
  ).toBeVisible();
  const agendaAfter = await admin.call('review.getMeeting', {
    id: submitted.meeting.id,
  });
  expect(agendaAfter.items.map((i) => i.proposalId)).not.toContain(proposal.id);
});
