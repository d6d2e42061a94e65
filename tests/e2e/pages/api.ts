import type { z } from 'zod';
import type { Contract, ProcedureName } from '../../../src/shared/contract';
import { DEMO_PASSWORD, type Server } from '../fixtures';

export type In<K extends ProcedureName> = z.input<Contract[K]['input']>;
export type Out<K extends ProcedureName> = z.output<Contract[K]['output']>;
export type Refusal = { status: number; code: string; message: string; field?: string; key?: string };

/**
 * The HTTP API as one user calls it, typed from the contract (src/shared/contract): `await coord.call('participants.list', {})`
 * returns `Out<'participants.list'>`. Tests seed and check through it; the screens are driven by the page models.
 */
export class Api {
  constructor(
    readonly server: Server,
    readonly token: string,
  ) {}

  static async login(server: Server, username: string, password = DEMO_PASSWORD): Promise<Api> {
    const r = await server.api<{ token: string }>('auth.login', { username, password });
    if (!r.body.ok) throw new Error(r.body.error.message);
    return new Api(server, r.body.value.token);
  }

  /** Calls a procedure; throws with the Swedish reason if it is refused. */
  async call<K extends ProcedureName>(procedure: K, input: In<K>): Promise<Out<K>> {
    const r = await this.server.api<Out<K>>(procedure, input, this.token);
    if (!r.body.ok) throw new Error(`${procedure}: ${r.body.error.message}`);
    return r.body.value;
  }

  /** Calls a procedure that should be refused; returns the refusal (status and error). */
  async refused<K extends ProcedureName>(procedure: K, input: In<K> | Record<string, unknown>): Promise<Refusal> {
    const r = await this.server.api(procedure, input, this.token);
    if (r.body.ok) throw new Error(`${procedure}: was not refused`);
    return { status: r.status, ...(r.body.error as Omit<Refusal, 'status'>) };
  }
}
