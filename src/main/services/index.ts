import type { ProcedureName } from '../../shared/contract';
import type { HandlerMap } from './handlers';
import { authHandlers } from './auth';
import { userHandlers } from './users';
import { subsidyTypeHandlers } from './subsidy-types';
import { contractHandlers } from './contracts';
import { placementHandlers } from './placements';
import { reviewHandlers } from './review';
import { positionHandlers } from './positions';
import { matchingHandlers } from './matching';
import { participantHandlers } from './participants';
import { meetingHandlers } from './meetings';
import { backupHandlers } from './backups';

/** Every procedure of the contract has exactly one handler; the type checks it. */
export const handlers: HandlerMap<ProcedureName> = {
  ...authHandlers,
  ...userHandlers,
  ...subsidyTypeHandlers,
  ...contractHandlers,
  ...placementHandlers,
  ...reviewHandlers,
  ...positionHandlers,
  ...matchingHandlers,
  ...participantHandlers,
  ...meetingHandlers,
  ...backupHandlers,
};
