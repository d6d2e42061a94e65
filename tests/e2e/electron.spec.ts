import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function electronBinary(): string | null {
  const pathTxt = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const p = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(p) ? p : null;
}

const binary = electronBinary();
const built =
  existsSync(join(ROOT, 'out', 'main', 'index.js')) &&
  existsSync(join(ROOT, '.cache', 'electron-native', 'better_sqlite3.node'));

test.describe('Electron smoke test', () => {
  test.skip(
    !binary,
    'Electron-binären finns inte på den här datorn (den kan inte hämtas här); kör `npm start` där den kan hämtas.',
  );
  test.skip(
    Boolean(binary) && !built,
    'Electron-bygget saknas: kör `npm start` en gång (bygger out/ och better-sqlite3 för Electron).',
  );

  test('the desktop window opens on the first-run page with a sandboxed renderer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vaxla-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, '--data', dataDir, '--no-sandbox'],
      cwd: ROOT,
    });
    try {
      const win = await app.firstWindow();
      await expect(win.getByRole('heading', { name: 'Välkommen till Växla' })).toBeVisible({ timeout: 30_000 });
      // no Node in the page, only the small bridge
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort())).toEqual([
        'call',
        'openExternal',
        'transport',
      ]);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
