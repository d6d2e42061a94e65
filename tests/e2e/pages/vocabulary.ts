/**
 * The Swedish the English screens must not show: every Swedish text of the renderer's i18n bundles (and MUI's
 * Swedish grid texts) that differs from its English text, cut at its placeholders into phrases. Proper names and
 * domain terms that stay Swedish in English are allowed. Read in node with the renderer's own bundles, so a text
 * added in Swedish without English is found by the walk through every route (english.spec.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { svSE as gridSv } from '@mui/x-data-grid/locales';

/** Names and terms that are the same in an English text: the product, the unit, the city, the union, authorities. */
export const ALLOWED = [
  'Växla',
  'Jobb Borås',
  'Borås',
  'Kommunal',
  'Arbetsförmedlingen',
  'Arbetsförmedlingens',
  'Skatteverket',
  'SFI',
  'SSYK',
  'BEA',
  'Second hand',
  'HR',
  'Excel',
  'admin',
];

/** Swedish words that are English words too, spelled the same. */
const ALSO_ENGLISH = [
  'under',
  'till',
  'part',
  'post',
  'barn',
  'plan',
  'start',
  'stress',
  'status',
  'service',
  'person',
  'team',
];

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = '', out: Record<string, string> = {}): Record<string, string> => {
  for (const [k, v] of Object.entries(o)) {
    const key = p ? `${p}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else if (v && typeof v === 'object') flat(v, key, out);
  }
  return out;
};

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

/** The Swedish phrases of the UI, longest first. */
export async function swedishPhrases(root: string): Promise<string[]> {
  // The bundles are plain modules that register themselves with i18next; give them what they touch at load.
  const g = globalThis as unknown as { localStorage?: unknown; document?: unknown };
  g.localStorage ??= { getItem: () => null, setItem: () => undefined };
  g.document ??= { documentElement: {} };
  const i18nPath = `${root}/src/renderer/app/i18n.ts`;
  const { default: i18n } = (await import(i18nPath)) as { default: { getResourceBundle(l: string, ns: string): Tree } };
  for (const b of AREA_BUNDLES) await import(`${root}/src/renderer/pages/${b}.ts`);
  const sv = flat(i18n.getResourceBundle('sv', 'translation'));
  const en = flat(i18n.getResourceBundle('en', 'translation'));
  const englishText = new Set(Object.values(en).map((s) => s.toLowerCase()));
  const englishWords = new Set([
    ...ALSO_ENGLISH,
    ...Object.values(en).flatMap((s) => s.toLowerCase().split(/[^\p{L}]+/u)),
  ]);
  const texts = [
    ...Object.entries(sv)
      .filter(([k, v]) => en[k] !== v)
      .map(([, v]) => v),
    ...Object.values(gridSv.components.MuiDataGrid.defaultProps.localeText).filter(
      (v): v is string => typeof v === 'string',
    ),
  ];
  const phrases = new Set<string>();
  for (const text of texts) {
    for (const part of text.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|[«»”"()…]|\s[–—:·]\s|\n/)) {
      const p = part.trim().replace(/^[\s,.;:!?–-]+|[\s,.;:!?–-]+$/g, '');
      if (p.length < 4 || !/\p{L}{3}/u.test(p) || /^\p{Lu}{2,}$/u.test(p)) continue;
      if (
        englishText.has(p.toLowerCase()) ||
        englishWords.has(p.toLowerCase()) ||
        ALLOWED.some((a) => a.toLowerCase() === p.toLowerCase())
      )
        continue;
      phrases.add(p);
    }
  }
  return [...phrases].sort((a, b) => b.length - a.length);
}

/** The files the demo's records are written in: their texts are data (a workplace's name, a note), not UI. */
const DEMO_SOURCES = ['src/main/demo', 'src/main/services/subsidy-types/examples.ts'];

/**
 * The texts of the demo's records, longest first: every string literal of the demo sources (a template literal cut
 * at its placeholders) of two words or ten characters. A screen showing them shows data in the language it was
 * written in, which an English UI leaves alone.
 */
export function demoTexts(root: string): string[] {
  const files = DEMO_SOURCES.flatMap((d) =>
    d.endsWith('.ts')
      ? [`${root}/${d}`]
      : readdirSync(`${root}/${d}`)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => `${root}/${d}/${f}`),
  );
  const texts = new Set<string>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|`([^`]*)`/g)) {
      for (const part of (m[1] ?? m[2] ?? '').split(/\$\{[^}]*\}/)) {
        const t = part.replace(/\\(.)/g, '$1').trim();
        if (t.length >= 10 || (t.includes(' ') && t.length >= 4)) texts.add(t);
      }
    }
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

/** `text` with the demo's record texts blanked out. */
export function withoutData(text: string, data: readonly string[]): string {
  let out = text;
  for (const d of data) if (out.includes(d)) out = out.split(d).join(' ');
  return out;
}

/**
 * The phrases of `phrases` that occur as whole words in `text` (case-insensitive), each with the text around its
 * first occurrence: 'Sista dag «…: Sista dag för ärenden: 2…»'. A phrase inside a longer phrase found is left out.
 */
export function findSwedish(text: string, phrases: readonly string[]): string[] {
  const found: { phrase: string; at: number }[] = [];
  const lower = text.toLowerCase();
  for (const p of phrases) {
    const q = p.toLowerCase();
    let at = lower.indexOf(q);
    while (at >= 0) {
      const before = lower[at - 1] ?? ' ';
      const after = lower[at + q.length] ?? ' ';
      const inside = found.some((f) => f.at <= at && at + q.length <= f.at + f.phrase.length);
      if (!inside && !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        found.push({ phrase: p, at });
        break;
      }
      at = lower.indexOf(q, at + 1);
    }
  }
  return found.map(
    ({ phrase, at }) => `${phrase} «${text.slice(Math.max(0, at - 30), at + phrase.length + 30).replace(/\s+/g, ' ')}»`,
  );
}
