import type { z } from 'zod';
import type { Contract, ProcedureName } from '../../shared/contract';
import type { RpcError, RpcResult } from '../../shared/errors';
import { noteServerTime } from './server-time';

export type In<K extends ProcedureName> = z.input<Contract[K]['input']>;
export type Out<K extends ProcedureName> = z.output<Contract[K]['output']>;

/** An error from the main process, as data: code, Swedish message, and the field for VALIDATION. */
export class RpcClientError extends Error implements RpcError {
  readonly code: RpcError['code'];
  readonly field: string | undefined;
  /** The message's i18n key and parameters, when the main process sent them (see src/shared/messages.ts). */
  readonly key: string | undefined;
  readonly params: RpcError['params'];
  constructor(e: RpcError) {
    super(e.message);
    this.name = 'RpcClientError';
    this.code = e.code;
    this.field = e.field;
    this.key = e.key;
    this.params = e.params;
  }
}

const TOKEN_KEY = 'vaxla.token';
const SECRET_KEY = 'vaxla.secret';

/** The HTTP host's per-launch secret arrives in the URL fragment (#secret=…) and is kept for this tab only. */
function readSecret(): string | null {
  const m = /(?:^#|&)secret=([\w-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(SECRET_KEY, m[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
    return m[1];
  }
  return sessionStorage.getItem(SECRET_KEY);
}
const secret = typeof window !== 'undefined' && !window.api ? readSecret() : null;

let token: string | null = typeof sessionStorage !== 'undefined' ? sessionStorage.getItem(TOKEN_KEY) : null;
const unauthListeners = new Set<() => void>();

export const session = {
  get token() {
    return token;
  },
  set(t: string | null) {
    token = t;
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
  /** Called when the main process says the session is gone (expired after 30 idle minutes, or logged out). */
  onUnauthenticated(fn: () => void) {
    unauthListeners.add(fn);
    return () => unauthListeners.delete(fn);
  },
};

export const transportName = (): 'ipc' | 'http' => (window.api ? 'ipc' : 'http');

async function send(name: string, input: unknown): Promise<RpcResult<unknown>> {
  if (window.api) return window.api.call(name, input, token);
  try {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-vaxla-secret': secret ?? '',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as RpcResult<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Kunde inte nå Växla. Kontrollera att programmet är igång och ladda om sidan.',
        key: 'error.unreachable',
      },
    };
  }
}

/** Calls a procedure of the contract over whichever transport is present. Throws RpcClientError on failure. */
export async function rpc<K extends ProcedureName>(name: K, input: In<K>): Promise<Out<K>> {
  const result = await send(name, input);
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED' && token && name !== 'auth.login') {
      session.set(null);
      unauthListeners.forEach((fn) => fn());
    }
    throw new RpcClientError(result.error);
  }
  if (name === 'system.status') noteServerTime((result.value as { now: string }).now);
  return result.value as Out<K>;
}

/** Saves a file returned as { fileName, mimeType, contentBase64 } through the browser's download. */
export function downloadFile(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const bin = atob(file.contentBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a File chosen by the user as base64 for upload procedures. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Filen kunde inte läsas.'));
    reader.readAsDataURL(file);
  });
}
