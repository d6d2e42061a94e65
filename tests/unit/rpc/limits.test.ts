import { describe, expect, it } from 'vitest';
import { registerIpc } from '../../../src/main/rpc/ipc';
import { exceedsSerialisedSize, MAX_REQUEST_BYTES } from '../../../src/main/rpc/limits';
import type { AppServices } from '../../../src/main/rpc/dispatch';

const MB = 1024 * 1024;
const upload = (bytes: number) => ({
  fileName: 'remisser.csv',
  contentBase64: Buffer.alloc(bytes, 'x').toString('base64'),
});

describe('the size of a request', () => {
  it('is measured as its JSON would be, stopping early', () => {
    const value = { a: 'åäö', b: [1, 2.5, true, null], c: { d: 'x'.repeat(1000) } };
    const json = Buffer.byteLength(JSON.stringify(value));
    expect(exceedsSerialisedSize(value, json + 16)).toBe(false);
    expect(exceedsSerialisedSize(value, json - 16)).toBe(true);
    expect(exceedsSerialisedSize(upload(10 * MB), MAX_REQUEST_BYTES)).toBe(false);
    expect(exceedsSerialisedSize(upload(18 * MB), MAX_REQUEST_BYTES)).toBe(true);
  });

  it('counts a cycle or absurd nesting as too large', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(exceedsSerialisedSize(cyclic, MAX_REQUEST_BYTES)).toBe(true);
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    expect(exceedsSerialisedSize(deep, MAX_REQUEST_BYTES)).toBe(true);
  });
});

describe('the IPC transport', () => {
  it('answers an 18 MB and a 20 MB input with TOO_LARGE before the dispatcher sees it', async () => {
    let rpc: ((event: unknown, ...args: unknown[]) => Promise<unknown>) | undefined;
    const ipcMain = { handle: (channel: string, h: typeof rpc) => channel === 'vaxla:rpc' && (rpc = h) };
    // No database: a call that reached the dispatcher would fail on it, or name the unknown procedure.
    registerIpc(ipcMain as never, {} as AppServices, {
      appUrl: () => 'file:///app/index.html',
      openLink: async () => false,
    });
    const event = { senderFrame: { url: 'file:///app/index.html', parent: null } };
    for (const size of [18 * MB, 20 * MB]) {
      expect(await rpc!(event, 'participants.importPreview', upload(size), 'token')).toEqual({
        ok: false,
        error: { code: 'TOO_LARGE', message: 'Filen är för stor (högst 10 MB).' },
      });
    }
    expect(await rpc!(event, 'no.such', upload(1024), null)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND_PROCEDURE' },
    });
  });
});
