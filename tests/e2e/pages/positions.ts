import type { Locator } from '@playwright/test';
import { AppPage } from './app';

/** Platser och arbetsplatser: the catalogue, a workplace and a position's dialogs, a position's page. */
export class PositionsPage extends AppPage {
  get positions(): Locator {
    return this.grid('Placeringsplatser');
  }
  get workplaces(): Locator {
    return this.grid('Arbetsplatser');
  }
  /** The position dialog ("Ny placeringsplats" or "Ändra <title>"). */
  positionDialog(title = 'Ny placeringsplats'): Locator {
    return this.dialog(title);
  }
  /** The i-th summer-job period's first and last day and slots (0-based). */
  async fillPeriod(dialog: Locator, i: number, start: string, end: string, slots: string): Promise<void> {
    await this.fillDate(this.periodDate(dialog, 'Första dag', i), start);
    await this.fillDate(this.periodDate(dialog, 'Sista dag', i), end);
    await this.periodSlots(dialog, i).fill(slots);
  }
  periodDate(dialog: Locator, label: 'Första dag' | 'Sista dag', i: number): Locator {
    return this.dateField(label, dialog).nth(i);
  }
  periodSlots(dialog: Locator, i: number): Locator {
    return dialog.getByLabel(/^Platser/).nth(i);
  }
  get occupancy(): Locator {
    return this.page.getByRole('table', { name: 'Perioder med beläggning' });
  }
}
