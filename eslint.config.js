// @ts-check
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Process boundaries (ARCHITECTURE.md): what each layer may import. */
const sharedRestrictions = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'src/shared is pure TypeScript + zod: no Node built-ins.' })),
  patterns: [
    { group: ['electron', 'electron/*'], message: 'src/shared must not import electron.' },
    {
      group: ['react', 'react-*', '@mui/*', '@tanstack/*', 'i18next', 'react-i18next'],
      message: 'src/shared must not import UI code.',
    },
    {
      group: [
        'better-sqlite3',
        'drizzle-orm',
        'drizzle-orm/*',
        'date-holidays',
        'pdfkit',
        'exceljs',
        'csv-parse',
        'csv-parse/*',
        'iconv-lite',
      ],
      message: 'src/shared only depends on zod; put this in src/main.',
    },
    {
      group: ['**/main/**', '**/renderer/**', '**/preload/**', '../main', '../renderer', '../preload'],
      message: 'src/shared must not import main, renderer or preload.',
    },
  ],
};

const rendererRestrictions = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer is DOM only: no Node built-ins.' })),
  patterns: [
    {
      group: ['electron', 'electron/*'],
      message: 'The renderer reaches main only through window.api (preload) or HTTP.',
    },
    {
      group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'pdfkit', 'exceljs', 'date-holidays'],
      message: 'The renderer never touches SQL or server libraries.',
    },
    { group: ['**/main/**', '../main', '../../main'], message: 'The renderer must not import src/main.' },
  ],
};

/**
 * The renderer's areas (src/renderer/pages/<area>/): a page of one area never imports another area. What two areas
 * share is in the kit (src/renderer/components); what one area shows inside another is contributed through the
 * section table (src/renderer/app/sections.tsx, extension points).
 */
const AREAS = readdirSync(new URL('./src/renderer/pages/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const areaBlocks = AREAS.map((area) => ({
  files: [`src/renderer/pages/${area}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        ...rendererRestrictions,
        patterns: [
          ...rendererRestrictions.patterns,
          {
            group: AREAS.filter((a) => a !== area).flatMap((a) => [`../${a}`, `../${a}/**`, `**/pages/${a}`, `**/pages/${a}/**`]),
            message: `Pages of ${area} never import another area: put shared UI in the kit (src/renderer/components) or contribute it through the section table.`,
          },
        ],
      },
    ],
  },
}));

const mainRestrictions = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', '@mui/*', '@tanstack/*', 'react-i18next', 'react-router'],
      message: 'src/main has no UI code.',
    },
    { group: ['**/renderer/**'], message: 'src/main must not import the renderer.' },
  ],
};

/** The store layer (docs/storage.md): only db/ and store/ talk to drizzle or a driver. */
const noDatabaseLibraries = {
  regex: '^(drizzle-orm(/.*)?|better-sqlite3|pg|pg-[a-z-]+)$',
  message: 'Only src/main/store (and src/main/db) use drizzle or a database driver: call a store.',
};
const servicesRestrictions = {
  patterns: [
    ...mainRestrictions.patterns,
    noDatabaseLibraries,
    { group: ['**/db', '**/db/**'], message: 'Services reach the database through src/main/store, never db/.' },
    {
      group: ['**/rpc', '**/rpc/**'],
      message: 'Services do not depend on the transports or the dispatcher (src/main/rpc).',
    },
  ],
};
const storeRestrictions = {
  patterns: [
    ...mainRestrictions.patterns,
    {
      regex: '^(better-sqlite3|pg|pg-[a-z-]+)$',
      message: 'Stores use the drizzle query builder; engine differences live in db/.',
    },
    { group: ['**/services/**', '**/rpc/**'], message: 'Stores hold SQL only: no rules, no transports.' },
  ],
};
/** drizzle's synchronous SQLite calls would not run on PostgreSQL: stores await the builder instead. */
const noSyncQueries = [
  'error',
  {
    selector: 'CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run|values)$/]',
    message: 'No synchronous .get()/.all()/.run()/.values() in stores: await the query (use .limit(1) for one row).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'src/main/db/migrations/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', sharedRestrictions],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'navigator',
        'process',
        'Buffer',
        'require',
        '__dirname',
        'fetch',
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', rendererRestrictions],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...areaBlocks,
  {
    files: ['src/main/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', mainRestrictions] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/db/**', 'src/main/store/**', 'src/main/services/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...mainRestrictions.patterns, noDatabaseLibraries] }] },
  },
  {
    files: ['src/main/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', servicesRestrictions] },
  },
  {
    files: ['src/main/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', storeRestrictions], 'no-restricted-syntax': noSyncQueries },
  },
  {
    files: ['src/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', 'better-sqlite3', 'drizzle-orm'],
              message: 'The preload only bridges IPC.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', '*.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
