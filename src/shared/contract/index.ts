import { auditContract, usersContract } from './users';
import { authContract, systemContract } from './system';
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
} satisfies ProcedureMap;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export const PROCEDURE_NAMES = Object.keys(contract) as ProcedureName[];
export * from './define';
