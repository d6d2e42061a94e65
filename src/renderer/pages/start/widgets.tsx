import type { ComponentType } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { CoordinatorStartWidget } from '../participants/CoordinatorStartWidget';
import { CoordinatorReviewWidget, UnionReviewWidget } from '../review/StartWidgets';
import { PlacementsStartWidget } from '../placements/StartWidget';
import { ContractsStartWidget } from '../contracts/StartWidget';

export interface StartWidget {
  key: string;
  roles: readonly Role[];
  component: ComponentType;
}

/**
 * What each role sees first on the start page. Areas add their widget here (one line each): e.g. the coordinator's
 * due follow-ups, placements ending soon; the union's next meeting; HR's contract queue.
 */
export const startWidgets: StartWidget[] = [
  { key: 'participants', roles: ['coordinator'], component: CoordinatorStartWidget },
  { key: 'review-union', roles: ['union'], component: UnionReviewWidget },
  { key: 'review-coordinator', roles: ['coordinator'], component: CoordinatorReviewWidget },
  { key: 'placements', roles: ['coordinator'], component: PlacementsStartWidget },
  { key: 'contracts', roles: ['hr'], component: ContractsStartWidget },
];
