/**
 * `npm run -s allocate -- FILE`: runs the summer-job allocation (src/main/summer-jobs, the same engine as the app) on
 * the JSON instance in FILE
 *   { "seed", "referenceDate", "periods": [{ "id", "start" }],
 *     "positions": [{ "id", "area", "minAge", "hoursPerDay", "childFacing", "slots": { "<periodId>": n } }],
 *     "applicants": [{ "id", "birthDate", "tier", "wishes", "anyArea", "periods", "recordShown" }] }
 * and prints exactly one line of JSON on stdout, exit code 0:
 *   { "lottery": { "<applicantId>": number }, "order": [...], "assignment": [{ "applicant", "position", "period" }],
 *     "unassigned": [...] }
 * On a bad file or bad arguments: a Swedish message on stderr, nothing on stdout, exit code 2.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { allocate, toAllocationJson } from '../summer-jobs/allocate';
import { allocationInstanceSchema } from '../summer-jobs/model';
import { parseArgs } from './args';

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

const USAGE = 'Användning: npm run -s allocate -- FIL.json';
const MAX_LISTED_ISSUES = 10;
export const BAD_INPUT_EXIT = 2;

/** Runs the CLI; returns the exit code. */
export function runAllocateCli(argv: string[], io: CliIo): number {
  const { positional, flags } = parseArgs(argv);
  if (positional.length !== 1 || Object.keys(flags).length > 0) {
    io.stderr(`Fel: ange exakt en fil.\n${USAGE}\n`);
    return BAD_INPUT_EXIT;
  }
  const file = positional[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
    const why =
      code === 'ENOENT'
        ? 'filen finns inte'
        : code === 'EISDIR'
          ? 'det är en mapp, inte en fil'
          : 'den kunde inte läsas';
    io.stderr(`Fel: kunde inte läsa filen "${file}": ${why}.\n`);
    return BAD_INPUT_EXIT;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
    io.stderr(`Fel: filen "${file}" är inte giltig JSON${at ? ` (fel vid tecken ${at[1]})` : ''}.\n`);
    return BAD_INPUT_EXIT;
  }
  const parsed = allocationInstanceSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const lines = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
      const where = formatPath(issue.path);
      return `  - ${where ? `${where}: ` : ''}${issue.message}`;
    });
    if (issues.length > MAX_LISTED_ISSUES) lines.push(`  … och ${issues.length - MAX_LISTED_ISSUES} fel till`);
    io.stderr(`Fel: filen "${file}" har fel innehåll:\n${lines.join('\n')}\n`);
    return BAD_INPUT_EXIT;
  }
  io.stdout(`${JSON.stringify(toAllocationJson(allocate(parsed.data)))}\n`);
  return 0;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.exitCode = runAllocateCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
