import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The application root: the folder holding package.json. Works from src/ (tsx), from out/ (electron-vite build)
 * and from a packaged app (process.resourcesPath is checked by the Electron entry separately).
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  const envRoot = process.env.VAXLA_APP_ROOT;
  if (envRoot && existsSync(join(envRoot, 'package.json'))) return (cachedRoot = resolve(envRoot));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return (cachedRoot = dir);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (cachedRoot = process.cwd());
}

export const resourcePath = (...parts: string[]) => join(appRoot(), 'resources', ...parts);
/** The generated migrations of one engine: migrations/sqlite or migrations/pg. */
export const migrationsDir = (engine: 'sqlite' | 'postgres' = 'sqlite') =>
  join(appRoot(), 'src', 'main', 'db', 'migrations', engine === 'postgres' ? 'pg' : 'sqlite');
export const rendererDistDir = () => join(appRoot(), 'out', 'renderer');
