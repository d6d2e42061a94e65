import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** File names of the bundled DejaVu fonts (resources/fonts in the repository). */
export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
} as const;

export interface FontPaths {
  regular: string;
  bold: string;
}

/**
 * Walks up from `startDir` to the first folder that contains a package.json.
 * Works both from the sources (src/main/documents) and from the bundled output (out/main).
 */
export function findProjectRoot(startDir: string): string | null {
  let dir = resolve(startDir);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Resolves the regular and bold font files. An explicit `fontDir` wins; otherwise
 * `<project root>/resources/fonts` is used, the root being found from this module's location.
 */
export function resolveFontPaths(fontDir?: string): FontPaths {
  let dir = fontDir;
  if (dir === undefined) {
    const moduleDir = dirname(fileURLToPath(import.meta.url));
    const root = findProjectRoot(moduleDir);
    if (root === null) {
      throw new Error(`Hittar inte programmets typsnittsmapp (ingen package.json ovanför ${moduleDir}).`);
    }
    dir = join(root, 'resources', 'fonts');
  }
  const paths: FontPaths = {
    regular: join(dir, FONT_FILES.regular),
    bold: join(dir, FONT_FILES.bold),
  };
  for (const path of [paths.regular, paths.bold]) {
    if (!existsSync(path)) throw new Error(`Typsnittsfilen saknas: ${path}`);
  }
  return paths;
}
