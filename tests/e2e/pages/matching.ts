import type { Locator } from '@playwright/test';
import { AppPage } from './app';

/** Matchning: a position's candidates and their explanations, the unit-wide suggestion, proposals, the weights. */
export class MatchingPage extends AppPage {
  /** A position's ranked candidates ("Kandidater till <titel>"). */
  candidates(positionTitle: string): Locator {
    return this.grid(`Kandidater till ${positionTitle}`);
  }
  /** The dialog that explains one candidate's score for a position, criterion by criterion. */
  explanation(name: string, positionTitle: string): Locator {
    return this.dialog(`${name} till ${positionTitle}`);
  }
}
