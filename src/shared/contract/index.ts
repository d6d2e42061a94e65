import { auditContract, usersContract } from './users';
import { authContract, systemContract } from './system';
import { subsidyTypesContract } from './subsidy-types';
import { contractsContract } from './contracts';
import { placementsContract } from './placements';
import { reviewContract } from './review';
import { positionsContract } from './positions';
import { matchingContract } from './matching';
import { participantsContract } from './participants';
import { meetingsContract } from './meetings';
import type { ProcedureMap } from './define';

/**
 * The one RPC contract. Each area adds its map here; the dispatcher, the preload and the renderer's client are
 * all typed from this object.
 */
export const contract = {
  ...systemContract,
  ...authContract,
  ...usersContract,
  ...auditContract,
  ...subsidyTypesContract,
  ...contractsContract,
  ...placementsContract,
  ...reviewContract,
  ...positionsContract,
  ...matchingContract,
  ...participantsContract,
  ...meetingsContract,
} satisfies ProcedureMap;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export const PROCEDURE_NAMES = Object.keys(contract) as ProcedureName[];
export * from './define';
