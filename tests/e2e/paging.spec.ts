import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { GridModel } from './pages/grid';

/**
 * Issue 10 point 1, on every paged grid of the kit: the page is in the address (`sida`, `<prefix>.sida` where a
 * screen has several lists), so the next page stays (it used to snap back to the first), a reload shows the same
 * rows, and Back returns to the first page. A grid whose demo data fits on one page cannot be paged here; the
 * grids that must page with the demo data are named, so a grid that stops paging fails the test.
 */
interface PagedGrid {
  route: string;
  /** The list's parameter prefix ('' for the page's only list). */
  prefix?: string;
  /** The grid, when the screen has more than one. */
  name?: string;
}

const GRIDS: Record<'koordinator' | 'hr' | 'admin', PagedGrid[]> = {
  koordinator: [
    { route: '/deltagare' },
    { route: '/deltagare/uppfoljningar' },
    { route: '/informationsmoten?urval=alla' },
    { route: '/informationsmoten/avvikelser?urval=alla' },
    { route: '/platser' },
    { route: '/platser/arbetsplatser' },
    { route: '/matchning/forslag?urval=alla', prefix: 'forslag' },
    { route: '/provning?urval=alla' },
    { route: '/provning/forslag?urval=alla' },
    { route: '/provning/protokoll' },
    { route: '/placeringar?status=all' },
    { route: '/placeringar/att-placera' },
  ],
  hr: [{ route: '/avtal' }, { route: '/avtal/alla' }],
  admin: [{ route: '/admin/logg' }, { route: '/admin/anvandare' }, { route: '/admin/subventionstyper' }],
};

/** Grids the demo fills beyond one page of ten: each of these must page (the others have ten rows or fewer). */
const MUST_PAGE = [
  '/deltagare',
  '/informationsmoten?urval=alla',
  '/platser',
  '/platser/arbetsplatser',
  '/matchning/forslag?urval=alla',
  '/provning?urval=alla',
  '/admin/logg',
];

for (const [user, grids] of Object.entries(GRIDS)) {
  test(`${user}: every paged grid keeps its page in the address through the next page, a reload and Back`, async ({
    page,
    demoServer,
  }) => {
    test.setTimeout(180_000);
    const app = new AppPage(page, demoServer);
    await app.signIn(user);
    const paged: string[] = [];
    for (const g of grids) {
      await test.step(g.route, async () => {
        // Ten rows a page (the smallest size every grid offers), so that more of the demo's lists have a second page.
        const size = `${g.prefix ? `${g.prefix}.` : ''}antal=10`;
        await app.goto(`${g.route}${g.route.includes('?') ? '&' : '?'}${size}`);
        const grid = new GridModel(page, g.name ? app.grid(g.name) : page.getByRole('grid').first());
        const first = await grid.range();
        expect(first.to - first.from + 1).toBeLessThanOrEqual(10);
        if (first.total <= first.to) return; // one page of demo data: nothing to page
        paged.push(g.route);
        const key = `${g.prefix ? `${g.prefix}.` : ''}sida`;
        const firstRowText = await grid.firstRow.textContent();
        await grid.nextPage();
        const second = `${first.to + 1}–${Math.min(first.total, 2 * first.to)} av ${first.total}`;
        await expect(grid.shownRows).toHaveText(second);
        await expect(page).toHaveURL(new RegExp(`[?&]${key.replace('.', '\\.')}=2(&|$)`));
        // The rows of the second page arrived and the pager stayed (it used to snap back to the first page).
        await expect(grid.firstRow).not.toHaveText(firstRowText ?? '');
        const secondRowText = await grid.firstRow.textContent();
        await expect(grid.shownRows).toHaveText(second);
        await page.reload();
        await expect(grid.shownRows).toHaveText(second);
        await expect(grid.firstRow).toHaveText(secondRowText ?? '');
        await page.goBack();
        await expect(grid.shownRows).toHaveText(`1–${first.to} av ${first.total}`);
        await expect(page).not.toHaveURL(new RegExp(`[?&]${key.replace('.', '\\.')}=`));
      });
    }
    expect(paged).toEqual(expect.arrayContaining(MUST_PAGE.filter((r) => grids.some((g) => g.route === r))));
    test.info().annotations.push({ type: 'paged', description: paged.join(', ') });
  });
}
