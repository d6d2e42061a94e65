import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test, type Server } from './fixtures';
import { Api } from './pages/api';
import { AppPage } from './pages/app';
import { demoTexts, findSwedish, swedishPhrases, withoutData } from './pages/vocabulary';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a page says: its visible text and the names and hints of its controls; text marked lang="sv" is left out. */
async function pageText(page: Page): Promise<string> {
  // Runs in the page; written as a string so this file needs no DOM types.
  return page.evaluate<string>(`(() => {
    const style = document.createElement('style');
    style.textContent = '[lang="sv"] { display: none !important; }';
    document.head.appendChild(style);
    const visible = document.body.innerText;
    style.remove();
    const attrs = [...document.querySelectorAll('[aria-label], [placeholder], [title]')]
      .filter((e) => !e.closest('[lang="sv"]'))
      .flatMap((e) => ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''));
    return visible + '\\n' + attrs.join('\\n');
  })()`);
}

/** Every screen a role can open, with real records from the demo for the pages of one record. */
async function routesFor(server: Server, role: 'admin' | 'koordinator' | 'kommunal' | 'hr'): Promise<string[]> {
  const admin = await Api.login(server, 'admin');
  const participants = await admin.call('participants.list', { stages: ['mapped'], limit: 1 });
  const pid = participants.rows[0]!.id;
  const meeting = (await admin.call('meetings.list', { scope: 'all', limit: 1 })).rows[0]!.id;
  const position = (await admin.call('positions.list', {})).rows[0]!.id;
  const placement = (await admin.call('placements.list', { status: 'active' }))[0]!.id;
  const contract = (await admin.call('contracts.list', {}))[0]!.id;
  const reviewMeetings = await admin.call('review.listMeetings', {});
  const closed = reviewMeetings.find((m) => m.status === 'closed')!.id;
  const planned = reviewMeetings.find((m) => m.status === 'planned')!.id;
  const approved = (await admin.call('proposals.list', { statuses: ['approved'], limit: 1 })).rows[0]!.id;
  const review = [
    '/provning',
    '/provning/protokoll',
    '/provning/schema',
    `/provning/moten/${closed}`,
    `/provning/moten/${planned}`,
  ];
  const catalogue = ['/platser', '/platser/arbetsplatser', `/platser/${position}`];
  const coordination = [
    '/deltagare',
    '/deltagare/ny',
    '/deltagare/import',
    '/deltagare/uppfoljningar',
    `/deltagare/${pid}`,
    `/deltagare/${pid}/andra`,
    `/deltagare/${pid}/kartlaggning`,
    '/informationsmoten',
    '/informationsmoten/avvikelser',
    `/informationsmoten/${meeting}`,
    ...catalogue,
    '/matchning',
    '/matchning/deltagare',
    `/matchning/deltagare/${pid}`,
    '/matchning/forslag',
    ...review,
    '/provning/forslag',
    `/provning/moten/${planned}/moteslage`,
    '/placeringar',
    '/placeringar/att-placera',
    `/placeringar/ny/${approved}`,
    `/placeringar/${placement}`,
    '/feriearbete',
    '/rapporter',
  ];
  const contracts = ['/avtal', '/avtal/alla', `/avtal/${contract}`];
  switch (role) {
    case 'admin':
      return [
        '/',
        ...coordination,
        '/matchning/vikter',
        ...contracts,
        '/admin/anvandare',
        '/admin/subventionstyper',
        '/admin/sakerhetskopior',
        '/admin/logg',
        '/byt-losenord',
      ];
    case 'koordinator':
      return ['/', ...coordination];
    case 'kommunal':
      return ['/', ...review, `/provning/moten/${planned}/moteslage`, '/deltagare'];
    case 'hr':
      return ['/', ...catalogue, ...contracts];
  }
}

test('every route in English shows no Swedish word but proper names and domain terms', async ({
  browser,
  demoServer,
}) => {
  test.setTimeout(600_000);
  const phrases = await swedishPhrases(ROOT);
  expect(phrases.length).toBeGreaterThan(500);
  const data = demoTexts(ROOT);
  const found: string[] = [];
  for (const role of ['admin', 'koordinator', 'kommunal', 'hr'] as const) {
    const ctx = await browser.newContext({ locale: 'sv-SE' });
    await ctx.addInitScript({ content: "localStorage.setItem('vaxla.language', 'en')" });
    const app = new AppPage(await ctx.newPage(), demoServer);
    await app.page.goto(demoServer.url);
    await app.page.getByLabel('Username').fill(role);
    await app.page.getByRole('textbox', { name: 'Password', exact: true }).fill('vaxla-demo-2026');
    if (role === 'admin')
      found.push(...findSwedish(withoutData(await pageText(app.page), data), phrases).map((p) => `login: ${p}`));
    await app.page.getByRole('button', { name: 'Log in' }).click();
    await expect(app.page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
    for (const route of await routesFor(demoServer, role)) {
      await app.goto(route);
      await expect(app.heading()).toBeVisible();
      // settled: nothing left to fetch, no spinner and no loading bar
      await app.page.waitForLoadState('networkidle');
      await expect(app.page.locator('.MuiCircularProgress-root, .MuiLinearProgress-indeterminate')).toHaveCount(0);
      for (const p of findSwedish(withoutData(await pageText(app.page), data), phrases))
        found.push(`${role} ${route}: ${p}`);
    }
    await ctx.close();
  }
  expect(found).toEqual([]);
});
