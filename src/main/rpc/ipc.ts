import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { isTrustedSender } from '../security/window';
import { dispatch, type AppServices } from './dispatch';
import { exceedsSerialisedSize, MAX_REQUEST_BYTES, TOO_LARGE_ERROR } from './limits';

/** The first transport: Electron IPC, same dispatcher as HTTP. */
export function registerIpc(
  ipcMain: IpcMain,
  app: AppServices,
  deps: { appUrl(): string; openLink(url: unknown): Promise<unknown> },
): void {
  ipcMain.handle('vaxla:rpc', async (event: IpcMainInvokeEvent, procedure: unknown, input: unknown, token: unknown) => {
    if (!isTrustedSender(event.senderFrame, deps.appUrl())) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Anropet kom inte från Växlas eget fönster.' } };
    }
    if (typeof procedure !== 'string') return { ok: false, error: { code: 'VALIDATION', message: 'Okänd funktion.' } };
    // The same limit as the HTTP host's 413, measured before anything reads the input.
    if (exceedsSerialisedSize(input, MAX_REQUEST_BYTES)) return { ok: false, error: TOO_LARGE_ERROR };
    return dispatch(app, procedure, input, { token: typeof token === 'string' ? token : null, transport: 'ipc' });
  });
  ipcMain.handle('vaxla:open-external', async (event: IpcMainInvokeEvent, url: unknown) => {
    if (!isTrustedSender(event.senderFrame, deps.appUrl())) return;
    // openLink is openExternalSafely (security/external.ts): it applies the allow-list of schemes itself.
    await deps.openLink(url);
  });
}
