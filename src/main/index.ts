import { app, BrowserWindow, ipcMain, Menu, session, dialog } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, startApp, type RunningApp } from './app';
import { registerIpc } from './rpc/ipc';
import { hardenSession, hardenWebContents } from './security/window';
import { openExternalSafely } from './security/external';
import { createMainWindow } from './security/main-window';
import { startMaintenance } from './maintenance';
import { parseArgs, flagString } from './cli/args';

/** Electron entry: one hardened window over the same dispatcher the HTTP host uses. */
const here = dirname(fileURLToPath(import.meta.url));
const { flags } = parseArgs(process.argv.slice(app.isPackaged ? 1 : 2));
const dataDir = resolve(flagString(flags, 'data') ?? defaultDataDir());
app.setName('Vaxla');
app.setPath('userData', dataDir);

let running: RunningApp | null = null;
let appUrl = '';

app.enableSandbox();

app.on('web-contents-created', (_e, contents) => {
  hardenWebContents(contents, { openLink: openExternalSafely, appUrl: () => appUrl });
});

async function createWindow(): Promise<void> {
  const win = createMainWindow(join(here, '../preload/index.cjs'));
  win.once('ready-to-show', () => win.show());
  if (process.env.ELECTRON_RENDERER_URL) {
    appUrl = process.env.ELECTRON_RENDERER_URL;
    await win.loadURL(appUrl);
  } else {
    const file = join(here, '../renderer/index.html');
    appUrl = `file://${file}`;
    await win.loadFile(file);
  }
}

app.whenReady().then(async () => {
  try {
    running = await startApp({ dataDir, database: flagString(flags, 'database') });
  } catch (e) {
    dialog.showErrorBox('Växla kan inte starta', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  Menu.setApplicationMenu(null);
  registerIpc(ipcMain, running, { appUrl: () => appUrl, openLink: openExternalSafely });
  const stop = startMaintenance(running);
  app.on('before-quit', () => {
    stop();
    void running?.close();
  });
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
