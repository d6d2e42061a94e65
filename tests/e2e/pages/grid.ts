import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The kit's DataTable as a user meets it: the rows, the pager ("26–50 av 210"), next page, a column's order. */
export class GridModel {
  constructor(
    readonly page: Page,
    readonly grid: Locator,
  ) {}

  /** The grid with its footer (the pager sits below the element with the role grid). */
  get root(): Locator {
    return this.grid.locator('xpath=ancestor-or-self::*[contains(@class, "MuiDataGrid-root")][1]');
  }
  /** The pager's "1–25 av 210". */
  get shownRows(): Locator {
    return this.root.locator('.MuiTablePagination-displayedRows');
  }
  /** The first data row (after the header row). */
  get firstRow(): Locator {
    return this.grid.getByRole('row').nth(1);
  }
  async nextPage(): Promise<void> {
    await this.root.getByRole('button', { name: 'Gå till nästa sida' }).click();
  }
  async sortBy(column: string): Promise<void> {
    await this.grid.getByRole('columnheader', { name: column }).click();
  }
  /** The pager read as numbers: first and last row shown and the total. */
  async range(): Promise<{ from: number; to: number; total: number }> {
    await expect(this.shownRows).toHaveText(/^\d+–\d+ av \d+$/);
    // While the first rows load the pager reads "0–0 av 0": wait for rows (a list that stays empty stays 0).
    await expect(this.shownRows)
      .not.toHaveText('0–0 av 0', { timeout: 5_000 })
      .catch(() => undefined);
    const [from, to, total] = ((await this.shownRows.textContent()) ?? '').match(/\d+/g)!.map(Number);
    return { from: from!, to: to!, total: total! };
  }
}
