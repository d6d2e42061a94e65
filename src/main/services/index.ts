import type { ProcedureName } from '../../shared/contract';
import type { HandlerMap } from '../rpc/handler-types';
import { authHandlers } from './auth';
import { userHandlers } from './users';

/** Every procedure of the contract has exactly one handler; the type checks it. */
export const handlers: HandlerMap<ProcedureName> = {
  ...authHandlers,
  ...userHandlers,
};
