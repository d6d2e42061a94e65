import type { Locator } from '@playwright/test';
import { expect } from '../fixtures';
import { AppPage } from './app';

/** Deltagare: the list, a person's page, the registration form, the mapping, the import. */
export class ParticipantsPage extends AppPage {
  // --- the list ---------------------------------------------------------------------------------------------
  get list(): Locator {
    return this.grid('Deltagare');
  }
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Sök' });
  }
  /** The pager's "51–100 av 210". */
  get shownRows(): Locator {
    return this.page.locator('.MuiTablePagination-displayedRows');
  }
  async nextPage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Gå till nästa sida' }).click();
  }
  async sortBy(column: string): Promise<void> {
    await this.list.getByRole('columnheader', { name: column }).click();
  }
  stageFilter(label: string | RegExp): Locator {
    return this.page.getByRole('region', { name: 'Antal per steg' }).getByRole('button', { name: label });
  }

  // --- one person -------------------------------------------------------------------------------------------
  get stage(): Locator {
    return this.region('Steg');
  }
  get timeline(): Locator {
    return this.page.getByRole('list', { name: 'Händelser, nyast först' }).getByRole('listitem');
  }

  // --- the registration form --------------------------------------------------------------------------------
  personnummerField(): Locator {
    return this.page.getByLabel('Personnummer eller samordningsnummer');
  }
  async register(p: { pnr: string; firstName: string; lastName: string }): Promise<void> {
    await this.personnummerField().fill(p.pnr);
    await this.page.getByLabel('Förnamn').fill(p.firstName);
    await this.page.getByLabel('Efternamn').fill(p.lastName);
  }
  async submitRegistration(): Promise<void> {
    await this.page.getByRole('button', { name: 'Registrera deltagare' }).click();
  }

  // --- the mapping ------------------------------------------------------------------------------------------
  async addTag(label: string, value: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: label, exact: true });
    await box.fill(value);
    await box.press('Enter');
  }
  get mappingStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Saknas innan' });
  }
  async expectMappingComplete(): Promise<void> {
    await expect(this.page.getByText('Allt som matchningen behöver är ifyllt.')).toBeVisible();
  }
}
