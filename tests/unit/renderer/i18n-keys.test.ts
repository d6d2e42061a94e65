/**
 * Every text key a screen asks for with a literal — t('participants.detail.title') — exists in Swedish and in
 * English, and the two languages have the same keys. Keys built at run time (`enum.${name}.${value}`) are covered by
 * the English walk (tests/e2e/english.spec.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const RENDERER = fileURLToPath(new URL('../../../src/renderer', import.meta.url));
const AREA_BUNDLES = [
  'participants/i18n',
  'meetings/i18n',
  'positions/i18n',
  'matching/i18n',
  'review/i18n',
  'placements/i18n',
  'contracts/i18n',
  'admin/Backups.i18n',
  'admin/SubsidyTypes.i18n',
  'admin/Users.i18n',
  'admin/Audit.i18n',
];

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [p + k] : flat(v, `${p}${k}.`)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = `${dir}/${f}`;
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(f) && !/i18n\.ts$/.test(f) && !p.includes('/locales/') ? [p] : [];
  });
}

async function loadI18n() {
  const g = globalThis as unknown as { localStorage?: unknown; document?: unknown };
  g.localStorage ??= { getItem: () => null, setItem: () => undefined };
  g.document ??= { documentElement: {} };
  // a computed path: the renderer's module needs the DOM's types, which the tests' typecheck does not have
  const i18nPath = `${RENDERER}/app/i18n.ts`;
  const { default: i18n } = (await import(i18nPath)) as typeof import('i18next');
  for (const b of AREA_BUNDLES) await import(`${RENDERER}/pages/${b}.ts`);
  return i18n;
}

describe('the texts of the renderer', () => {
  it('every literal key exists in both languages, and both languages have the same keys', async () => {
    const i18n = await loadI18n();
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(RENDERER)) {
      const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
      const visit = (n: ts.Node): void => {
        const arg = ts.isCallExpression(n) ? n.arguments[0] : undefined;
        if (
          ts.isCallExpression(n) &&
          ts.isIdentifier(n.expression) &&
          n.expression.text === 't' &&
          arg &&
          ts.isStringLiteral(arg)
        ) {
          checked++;
          for (const lng of ['sv', 'en'])
            if (!i18n.exists(arg.text, { lng }) && !i18n.exists(`${arg.text}_other`, { lng }))
              missing.push(`${lng}: ${arg.text} (${file.slice(RENDERER.length)})`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(checked).toBeGreaterThan(1000);
    expect(missing).toEqual([]);
    const sv = new Set(flat(i18n.getResourceBundle('sv', 'translation') as Tree));
    const en = new Set(flat(i18n.getResourceBundle('en', 'translation') as Tree));
    // English plurals may have forms Swedish lacks and the reverse; compare without the plural suffix
    const base = (s: Set<string>) => new Set([...s].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
    expect([...base(sv)].filter((k) => !base(en).has(k))).toEqual([]);
    expect([...base(en)].filter((k) => !base(sv).has(k))).toEqual([]);
  });
});
