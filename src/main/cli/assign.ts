/**
 * `npm run -s assign -- FILE`: solves the assignment instance in FILE (JSON
 * {"rows","cols","capacity","edges"}) and prints exactly one line of JSON
 * {"total":T,"assignment":[[row,col],...]} on stdout, exit code 0. On a bad file or bad
 * arguments: a Swedish message on stderr, nothing on stdout, exit code 1.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  INVALID_INSTANCE_PREFIX,
  MAX_SCORE,
  solveAssignment,
  validateAssignmentInstance,
  type AssignmentInstance,
} from '../matching/solver';
import { parseArgs } from './args';

const count = z
  .number({ error: 'måste vara ett tal' })
  .int({ error: 'måste vara ett heltal' })
  .min(0, { error: 'får inte vara negativt' });

const score = count.max(MAX_SCORE, { error: `får vara högst ${MAX_SCORE}` });

/** Shape and types via zod; index ranges and the capacity length via the solver's own validation. */
export const assignmentFileSchema = z
  .object(
    {
      rows: count,
      cols: count,
      capacity: z.array(count, { error: 'måste vara en lista med heltal' }),
      edges: z.array(z.tuple([count, count, score], { error: 'måste vara en trippel [rad, kolumn, poäng]' }), {
        error: 'måste vara en lista med tripplar [rad, kolumn, poäng]',
      }),
    },
    { error: 'filen måste innehålla ett JSON-objekt med rows, cols, capacity och edges' },
  )
  .superRefine(
    (inst, ctx) => {
      try {
        validateAssignmentInstance(inst);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const message = e.message.startsWith(INVALID_INSTANCE_PREFIX)
          ? e.message.slice(INVALID_INSTANCE_PREFIX.length)
          : e.message;
        ctx.addIssue({ code: 'custom', message, path: e.field ? e.field.split('.').map(toKey) : [] });
      }
    },
    // Ranges only make sense once the shape is right; avoids repeating zod's own findings.
    { when: (payload) => payload.issues.length === 0 },
  );

const toKey = (part: string): string | number => (/^\d+$/.test(part) ? Number(part) : part);

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

const USAGE = 'Användning: npm run -s assign -- FIL.json';
const MAX_LISTED_ISSUES = 10;

/** Runs the CLI; returns the exit code. */
export function runAssignCli(argv: string[], io: CliIo): number {
  const { positional, flags } = parseArgs(argv);
  if (positional.length !== 1 || Object.keys(flags).length > 0) {
    io.stderr(`Fel: ange exakt en fil.\n${USAGE}\n`);
    return 1;
  }
  const file = positional[0]!;

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr(`Fel: kunde inte läsa filen "${file}": ${describeFsError(e)}\n`);
    return 1;
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
    io.stderr(`Fel: filen "${file}" är inte giltig JSON${at ? ` (fel vid tecken ${at[1]})` : ''}.\n`);
    return 1;
  }

  const parsed = assignmentFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const lines = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
      const where = formatPath(issue.path);
      return `  - ${where ? `${where}: ` : ''}${issue.message}`;
    });
    if (issues.length > MAX_LISTED_ISSUES) lines.push(`  … och ${issues.length - MAX_LISTED_ISSUES} fel till`);
    io.stderr(`Fel: filen "${file}" har fel innehåll:\n${lines.join('\n')}\n`);
    return 1;
  }

  const result = solveAssignment(parsed.data as AssignmentInstance);
  io.stdout(`${JSON.stringify({ total: result.total, assignment: result.assignment })}\n`);
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

function describeFsError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'filen finns inte';
    case 'EISDIR':
      return 'det är en mapp, inte en fil';
    case 'EACCES':
    case 'EPERM':
      return 'behörighet saknas';
    default:
      return e instanceof Error ? e.message : String(e);
  }
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
  process.exitCode = runAssignCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
