import type { z } from 'zod';
import type { Contract, ProcedureName } from '../../shared/contract';
import type { AuthedContext, ServiceContext } from './context';

type Ctx<K extends ProcedureName> = Contract[K]['roles'] extends 'public' ? ServiceContext : AuthedContext;

/** A service function for procedure K: parsed input in, output (before output validation) out. */
export type Handler<K extends ProcedureName> = (
  ctx: Ctx<K>,
  input: z.output<Contract[K]['input']>,
) => Promise<z.input<Contract[K]['output']>>;

export type HandlerMap<K extends ProcedureName> = { [P in K]: Handler<P> };
