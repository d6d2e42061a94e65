import type { ComponentType } from 'react';
import type { Role } from '../../../shared/domain/roles';

export interface StartWidget {
  key: string;
  roles: readonly Role[];
  component: ComponentType;
}

/**
 * What each role sees first on the start page. Areas add their widget here (one line each): e.g. the coordinator's
 * due follow-ups, placements ending soon; the union's next meeting; HR's contract queue.
 */
export const startWidgets: StartWidget[] = [];
