import { expect, test, type Server } from './fixtures';
import { Api } from './pages/api';
import { MatchingPage } from './pages/matching';

/** A name as a regular expression that matches it literally. */
const literal = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const number = new Intl.NumberFormat('sv-SE');

interface Criterion {
  criterion: string;
  label: string;
  points: number;
  max: number;
  detail: string;
}
interface Explanation {
  score: number;
  max: number;
  criteria: Criterion[];
  excluded: Array<{ label: string; detail: string }>;
}
interface Candidate {
  participantId: number;
  name: string;
  score: number;
  max: number;
  explanation: Explanation;
}
interface PositionRow {
  id: number;
  title: string;
  kind: string;
  unionReviewRequired: boolean;
  occupancy: { slots: number; free: number };
}
/** The union review needs a schedule for a proposal to land on a meeting; the demo sets one, else the admin does. */
async function ensureReviewSchedule(server: Server): Promise<void> {
  const admin = await Api.login(server, 'admin');
  const current = await admin.call('review.getSchedule', {});
  if (current.schedule) return;
  await admin.call('review.setSchedule', {
    weekday: 2,
    parity: 'even',
    time: '09:00',
    place: 'Jobb Borås, Sandwalls plats 4',
    cutoffWorkingDays: 2,
    durationMinutes: 90,
  });
}

/** A position that needs union review, has a free slot and ranked candidates, with its best candidate. */
async function positionWithCandidates(server: Server, token: Api): Promise<{ position: PositionRow; top: Candidate }> {
  const list = await token.call('positions.list', {
    status: 'active',
    onlyWithFreeSlots: true,
    limit: 1000,
  });
  for (const p of list.rows.filter((x) => x.unionReviewRequired && x.kind !== 'summer_job')) {
    const c = await token.call('matching.candidates', { positionId: p.id, limit: 1 });
    if (c.rows[0]) return { position: p, top: c.rows[0] };
  }
  throw new Error('The demo data has no position with candidates (are the demo participants seeded?)');
}

// ---------------------------------------------------------------------------------------------

test('a coordinator opens a position, reads a candidate’s explanation, proposes the candidate and sees the proposal waiting for review', async ({
  page,
  demoServer,
}) => {
  test.setTimeout(90_000);
  await ensureReviewSchedule(demoServer);
  const token = await Api.login(demoServer, 'koordinator');
  const { position, top } = await positionWithCandidates(demoServer, token);

  const app = new MatchingPage(page, demoServer);
  await app.signIn('koordinator');
  await app.openSection('Platser och arbetsplatser');
  await page
    .getByRole('grid', { name: 'Placeringsplatser' })
    .getByRole('link', { name: position.title, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: position.title })).toBeVisible();
  const { slots, free } = position.occupancy;
  const occupancy = page.getByRole('region', { name: 'Beläggning' }).getByRole('row').nth(1);
  await expect(occupancy).toContainText(`${free} av ${slots} lediga`);

  // The ranked candidates: the best one first, with the score.
  const candidates = app.candidates(position.title);
  const firstRow = candidates.getByRole('row').nth(1);
  await expect(firstRow).toContainText(top.name);
  await expect(firstRow).toContainText(`${top.score} av ${top.max}`);

  // The explanation, criterion by criterion, in Swedish.
  await firstRow.getByRole('button', { name: `Visa förklaring för ${top.name}` }).click();
  const explain = app.explanation(top.name, position.title);
  const table = explain.getByRole('table');
  for (const c of top.explanation.criteria) {
    const row = table.getByRole('row', { name: new RegExp(`^${c.label}`) });
    await expect(row).toContainText(`${c.points} av ${c.max}`);
    await expect(row).toContainText(c.detail);
  }
  await expect(table.getByRole('row', { name: /^Summa/ })).toContainText(`${top.score} av ${top.max}`);
  await app.scan('explainScan');

  // Propose the candidate and submit for union review in one step.
  await explain.getByRole('button', { name: `Föreslå ${top.name}` }).click();
  const propose = page.getByRole('dialog', { name: `Föreslå ${top.name} till ${position.title}` });
  await expect(propose.getByRole('checkbox', { name: 'Skicka direkt till facklig prövning' })).toBeChecked();
  await propose.getByLabel('Anteckning (valfri)').fill('Har visat intresse vid kartläggningen.');
  await propose.getByRole('button', { name: 'Föreslå och skicka till prövning' }).click();
  const done = page.getByRole('dialog', { name: 'Förslaget är skapat' });
  await expect(done.getByText(/^Förslaget ligger på agendan för prövningsmötet /)).toBeVisible();
  await expect(done.getByText('Inskickat till facklig prövning')).toBeVisible();
  await done.getByRole('button', { name: 'Stäng' }).click();
  // A submitted proposal holds a slot: the free slots are computed anew.
  await expect(occupancy).toContainText(`${free - 1} av ${slots} lediga`);

  // The proposal is on the position's page, waiting for review on a named meeting.
  const proposals = await token.call('proposals.list', {
    positionId: position.id,
    statuses: ['submitted'],
  });
  const mine = proposals.rows.find((p) => p.participantId === top.participantId);
  expect(mine).toBeDefined();
  const review = await token.call('review.forProposal', { proposalId: mine!.id });
  expect(review.meeting).not.toBeNull();
  expect(mine!.reviewMeetingId).toBe(review.meeting!.id);
  const proposalRow = page
    .getByRole('grid', { name: `Förslag till ${position.title}` })
    .getByRole('row', { name: literal(top.name) });
  await expect(proposalRow).toContainText('Inskickat till facklig prövning');
  await expect(proposalRow).toContainText(`${review.meeting!.date} kl. ${review.meeting!.time}`);

  // It keeps the score and the explanation exactly as they were shown.
  expect(mine!.score).toBe(top.score);
  expect(mine!.explanation.criteria).toEqual(top.explanation.criteria);

  // And the proposal dialog shows that stored snapshot and the meeting.
  await proposalRow.getByRole('button').last().click();
  await page.getByRole('menuitem', { name: 'Visa förslaget' }).click();
  const detail = page.getByRole('dialog', { name: `Förslag nr ${mine!.id}: ${top.name}` });
  await expect(detail.getByText(/^Poäng och förklaring som de visades/).first()).toBeVisible();
  await expect(detail.getByText(new RegExp(`kl\\. ${review.meeting!.time}`))).toBeVisible();
  await expect(detail.getByRole('table').getByRole('row', { name: /^Summa/ })).toContainText(
    `${top.score} av ${top.max}`,
  );
  await detail.getByRole('button', { name: 'Stäng' }).click();
  await app.scan('pageScan');
});

test('the unit-wide suggestion is computed, accepted in part as drafts, and a draft is submitted for review', async ({
  page,
  demoServer,
}) => {
  test.setTimeout(90_000);
  await ensureReviewSchedule(demoServer);
  const token = await Api.login(demoServer, 'koordinator');
  // Deterministic: the same input gives the same suggestion, so the API's answer is what the screen shows.
  const expected = await token.call('matching.suggest', {});
  expect(expected.rows.length).toBeGreaterThan(1);

  const app = new MatchingPage(page, demoServer);
  await app.signIn('koordinator');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Matchning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matchning' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Feriearbete' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Beräkna förslag' }).click();
  await expect(page.getByText(/^Beräknat \d{4}-\d{2}-\d{2} på/)).toBeVisible();
  const stats = page.getByRole('region', { name: 'Sammanfattning av förslaget' });
  await expect(stats).toContainText('Sammanlagd poäng');
  await expect(stats).toContainText(number.format(expected.totalScore));

  // Accept two of the pairs, as drafts.
  const grid = page.getByRole('grid', { name: 'Föreslagna placeringar' });
  const chosen = expected.rows.slice(0, 2);
  for (const r of chosen)
    await grid
      .getByRole('row', { name: literal(r.name) })
      .getByRole('checkbox')
      .check();
  await page.getByRole('button', { name: 'Godta 2 valda' }).click();
  const accept = page.getByRole('dialog', { name: 'Godta 2 par' });
  for (const r of chosen) await expect(accept.getByText(`${r.name} → ${r.title}`)).toBeVisible();
  await accept.getByRole('checkbox', { name: 'Skicka förslagen direkt till facklig prövning' }).uncheck();
  await accept.getByRole('button', { name: 'Godta som utkast' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Förslagen är skapade' }).getByText('2 förslag är skapade.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Stäng' }).click();
  for (const r of chosen) await expect(grid.getByRole('row', { name: literal(r.name) })).toContainText('Utkast');
  await expect(page.getByText('2 par är godtagna. Beräkna igen för att fördela de platser som är kvar.')).toBeVisible();

  const drafts = await token.call('proposals.list', { statuses: ['draft'] });
  for (const r of chosen) {
    const p = drafts.rows.find((d) => d.participantId === r.participantId);
    expect(p?.score).toBe(r.score);
  }

  // Submit one of the drafts from "Förslag och prövning"; the confirmation names the meeting.
  await page.getByRole('tab', { name: 'Förslag och prövning' }).click();
  await page.getByRole('combobox', { name: 'Visa' }).click();
  await page.getByRole('option', { name: 'Utkast' }).click();
  const row = page.getByRole('grid', { name: 'Förslag' }).getByRole('row', { name: literal(chosen[0]!.name) });
  await row.getByRole('button').last().click();
  await page.getByRole('menuitem', { name: 'Skicka till facklig prövning' }).click();
  await page
    .getByRole('dialog', { name: `Skicka förslaget för ${chosen[0]!.name}?` })
    .getByRole('button', { name: 'Skicka till facklig prövning' })
    .click();
  await expect(page.getByText(`${chosen[0]!.name}: Förslaget ligger på agendan för prövningsmötet`)).toBeVisible();
  const after = await token.call('proposals.list', {
    participantId: chosen[0]!.participantId,
  });
  expect(after.rows.find((p) => p.status === 'submitted')?.reviewMeetingId).not.toBeNull();

  await app.scan('scan');
});

test('positions are ranked for a participant with explanations, and scores follow the weights', async ({
  page,
  demoServer,
}) => {
  test.setTimeout(90_000);
  const token = await Api.login(demoServer, 'koordinator');
  const waiting = await token.call('participants.list', {
    stages: ['matching'],
    limit: 50,
  });
  let person: { id: number; name: string; ref: string } | null = null;
  let best: { title: string; score: number; max: number } | null = null;
  for (const p of waiting.rows) {
    const ranked = await token.call('matching.positionsForParticipant', {
      participantId: p.id,
    });
    if (ranked.eligible[0]) {
      person = p;
      best = ranked.eligible[0];
      break;
    }
  }
  expect(person, 'a waiting participant with a possible position (are the demo participants seeded?)').not.toBeNull();

  // The coordinator picks the participant and reads the ranked positions.
  const app = new MatchingPage(page, demoServer);
  await app.signIn('koordinator');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Matchning' }).click();
  await page.getByRole('tab', { name: 'Platser för en deltagare' }).click();
  await page.getByRole('combobox', { name: 'Deltagare' }).fill(person!.ref);
  await page.getByRole('option', { name: literal(person!.name) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Platser för ${person!.name}` })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Platser rangordnade för deltagaren' });
  const first = grid.getByRole('row').nth(1);
  await expect(first).toContainText(best!.title);
  await expect(first).toContainText(`${best!.score} av ${best!.max}`);
  await first.getByRole('button', { name: `Visa förklaring för ${best!.title}` }).click();
  await expect(page.getByRole('dialog').getByRole('row', { name: /^Summa/ })).toContainText(
    `${best!.score} av ${best!.max}`,
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
  await app.scan('scan');

  // When the admin doubles the weight of wishes, the same page scores out of 120.
  const admin = await Api.login(demoServer, 'admin');
  const current = await admin.call('matching.getWeights', {});
  await admin.call('matching.setWeights', {
    weights: { ...current.weights, wishes: current.weights.wishes! + 20 },
  });
  await page.reload();
  await expect(grid.getByRole('row').nth(1)).toContainText('av 120');
});

test('only the admin changes the matching weights', async ({ page, demoServer }) => {
  test.setTimeout(60_000);
  // The coordinator sees no weights tab and cannot open the screen.
  const app = new MatchingPage(page, demoServer);
  await app.signIn('koordinator');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Matchning' }).click();
  await expect(page.getByRole('tab', { name: 'Förslag för hela enheten' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Vikter' })).toHaveCount(0);
  await page.goto(`${demoServer.origin}/#/matchning/vikter`);
  await expect(page.getByText('Bara enhetschefen kan ändra matchningens vikter.')).toBeVisible();
  const coordinator = await Api.login(demoServer, 'koordinator');
  const refused = await demoServer.api(
    'matching.setWeights',
    {
      weights: { skills: 1, experience: 1, wishes: 1, district: 1, languages: 1, waiting: 1, longTerm: 1, children: 1 },
    },
    coordinator.token,
  );
  expect(refused.body.ok).toBe(false);

  // The admin doubles the weight of wishes: the highest possible score becomes 120.
  await page.getByRole('button', { name: /Kontomeny/ }).click();
  await page.getByRole('menuitem', { name: 'Logga ut' }).click();
  await app.signIn('admin');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Matchning' }).click();
  await page.getByRole('tab', { name: 'Vikter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matchningens vikter' })).toBeVisible();
  await expect(page.getByText('Standardvikterna används.')).toBeVisible();
  const wishes = page.getByRole('spinbutton', { name: 'Önskemål Högsta poäng' });
  await expect(wishes).toHaveValue('20');
  await wishes.fill('');
  await page.getByRole('button', { name: 'Spara vikter' }).click();
  await expect(page.getByText('Önskemål: vikten måste anges')).toBeVisible();
  await wishes.fill('40');
  await expect(page.getByText('Högsta möjliga poäng: 120')).toBeVisible();
  await page.getByRole('button', { name: 'Spara vikter' }).click();
  await expect(page.getByText('Vikterna är sparade. Nya poäng beräknas med dem.')).toBeVisible();
  await expect(page.getByText(/^Senast ändrade /)).toBeVisible();
  const admin = await Api.login(demoServer, 'admin');
  const weights = await admin.call('matching.getWeights', {});
  expect(weights.weights.wishes).toBe(40);
  expect(weights.maxScore).toBe(120);

  // Restoring the defaults is one click (saved only with the save button).
  await page.getByRole('button', { name: 'Återställ standardvärden' }).click();
  await expect(wishes).toHaveValue('20');
  await expect(page.getByText('Högsta möjliga poäng: 100')).toBeVisible();
  await app.scan('scan');
});
