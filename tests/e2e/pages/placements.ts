import type { Locator } from '@playwright/test';
import { AppPage } from './app';

/** Placeringar: the list and its quick views, approved proposals to place, the new placement, one placement. */
export class PlacementsPage extends AppPage {
  get list(): Locator {
    return this.grid('Placeringar');
  }
  get toPlace(): Locator {
    return this.grid('Godkända förslag utan placering');
  }
  /** The end date the shared rule computes live on the new placement (start + months − 1 day). */
  get computedEnd(): Locator {
    return this.page.getByTestId('computed-end');
  }
  get startDate(): Locator {
    return this.dateField('Startdatum');
  }
  get months(): Locator {
    return this.page.getByLabel('Längd (månader)');
  }
}
