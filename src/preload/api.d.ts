import type { RpcResult } from '../shared/errors';

/** What the preload script exposes as window.api (Electron only; absent in the browser). */
export interface VaxlaBridge {
  readonly transport: 'ipc';
  call(procedure: string, input: unknown, token: string | null): Promise<RpcResult<unknown>>;
  openExternal(url: string): Promise<void>;
}

declare global {
  interface Window {
    api?: VaxlaBridge;
  }
}
