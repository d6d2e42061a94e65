import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, login, type Server } from '../fixtures';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field's accessible name: its label, with the required marker MUI adds after it. */
const fieldName = (label: string | RegExp) =>
  typeof label === 'string' ? new RegExp(`^${escape(label)}(\\s*\\*)?$`) : label;

/**
 * The parts of every screen: signing in, the main menu, the page heading, the kit's fields (a date is typed into
 * the date picker's sections, a choice picked from a select), the axe scan. Area page models extend it.
 */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly server: Server,
  ) {}

  /** A new browser context (downloads allowed) signed in as `username`. */
  static async session(browser: Browser, server: Server, username: string): Promise<AppPage> {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const app = new AppPage(await ctx.newPage(), server);
    await app.signIn(username);
    return app;
  }

  /** Signs in with the demo password and waits for the main menu. */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await login(this.page, this.server, username, password);
    await expect(this.nav).toBeVisible();
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Huvudmeny' });
  }

  /** Opens a route of the app ('/deltagare?sida=2'). */
  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.server.origin}/#${path}`);
  }

  /** Follows a link of the main menu. */
  async openSection(name: string): Promise<void> {
    await this.nav.getByRole('link', { name, exact: true }).click();
  }

  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name === undefined ? {} : { name }) });
  }

  region(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  grid(name: string | RegExp): Locator {
    return this.page.getByRole('grid', { name });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** A date field of the kit (MUI X date picker, ÅÅÅÅ-MM-DD): its group of year, month and day sections. */
  dateField(label: string | RegExp, scope: Page | Locator = this.page): Locator {
    return scope.getByRole('group', { name: fieldName(label) });
  }

  /** Types a date ('YYYY-MM-DD', or '' to clear) into a date field, the way a user types it. */
  async fillDate(field: string | RegExp | Locator, iso: string, scope: Page | Locator = this.page): Promise<void> {
    await fillDate(this.page, isLocator(field) ? field : this.dateField(field, scope), iso);
  }

  /** Types a time of day ('HH:MM', 24 hours) into a time field. */
  async fillTime(label: string | RegExp, hhmm: string, scope: Page | Locator = this.page): Promise<void> {
    const group = this.dateField(label, scope);
    await group.getByRole('spinbutton').first().click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(hhmm.replace(':', ''));
    await expect
      .poll(async () => (await group.getByRole('spinbutton').allInnerTexts()).map((x) => x.trim()).join(':'))
      .toBe(hhmm);
  }

  /** What a date field shows, 'YYYY-MM-DD' (or the empty pattern). */
  async dateValue(field: string | RegExp | Locator, scope: Page | Locator = this.page): Promise<string> {
    return dateText(isLocator(field) ? field : this.dateField(field, scope));
  }

  /** Picks an option of a select (an MUI combobox). */
  async choose(label: string | RegExp, option: string | RegExp, scope: Page | Locator = this.page): Promise<void> {
    await scope.getByRole('combobox', { name: typeof label === 'string' ? fieldName(label) : label }).click();
    await this.page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  }

  /** An axe WCAG 2.1 AA scan of the settled page (no transitions half-way). */
  async scan(what: string): Promise<void> {
    await scan(this.page, what);
  }

  /** Clicks something that downloads a file; returns its bytes, name and path. */
  async download(click: () => Promise<void>): Promise<{ bytes: Buffer; name: string; path: string }> {
    const [file] = await Promise.all([this.page.waitForEvent('download'), click()]);
    const path = await file.path();
    return { bytes: readFileSync(path), name: file.suggestedFilename(), path };
  }
}

const isLocator = (x: unknown): x is Locator =>
  typeof x === 'object' && x !== null && 'getByRole' in x && !(x instanceof RegExp);

export async function fillDate(page: Page, group: Locator, iso: string): Promise<void> {
  await group.getByRole('spinbutton').first().click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  if (iso !== '') await page.keyboard.type(iso.replace(/-/g, ''));
  if (iso === '') await expect.poll(() => dateText(group)).toMatch(/^\D+-\D+-\D+$/);
  else await expect.poll(() => dateText(group)).toBe(iso);
}

async function dateText(group: Locator): Promise<string> {
  const parts = await group.getByRole('spinbutton').allInnerTexts();
  return parts.map((p) => p.trim()).join('-');
}

export async function scan(page: Page, what: string): Promise<void> {
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
