import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAssignCli } from '../../../src/main/cli/assign';
import { solveAssignment, type AssignmentInstance } from '../../../src/main/matching/solver';
import { generateBenchInstance } from '../../../src/main/matching/solver-bench';

const CLI = resolve(__dirname, '../../../src/main/cli/assign.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vaxla-assign-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeTemp(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content, 'utf8');
  return file;
}

/** Runs the CLI in-process and captures its output. */
function runInProcess(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runAssignCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const example: AssignmentInstance = {
  rows: 3,
  cols: 2,
  capacity: [1, 1],
  edges: [
    [0, 0, 10],
    [0, 1, 9],
    [1, 0, 8],
    [2, 1, 1],
  ],
};

describe('assign CLI (child process)', () => {
  const runCli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints exactly one line of JSON with the optimal assignment and exits 0', () => {
    const file = writeTemp('example.json', JSON.stringify(example));
    const res = runCli([file]);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout.endsWith('\n')).toBe(true);
    expect(res.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(res.stdout)).toEqual({
      total: 17,
      assignment: [
        [0, 1],
        [1, 0],
      ],
    });
  });

  it('prints a Swedish error on stderr, nothing on stdout, and exits 1 for a bad file', () => {
    const file = writeTemp('bad.json', JSON.stringify({ ...example, edges: [[0, 0, -3]] }));
    const res = runCli([file]);
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('har fel innehåll');
    expect(res.stderr).toContain('edges[0][2]: får inte vara negativt');
  });
});

describe('assign CLI (in process)', () => {
  it('agrees with solveAssignment on a larger instance', () => {
    const inst = generateBenchInstance(9, { rows: 300, cols: 60, minDegree: 5, maxDegree: 40 });
    const res = runInProcess([writeTemp('larger.json', JSON.stringify(inst))]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(res.stdout)).toEqual(solveAssignment(inst));
  });

  it('accepts the `--` separator that npm passes through', () => {
    const res = runInProcess(['--', writeTemp('sep.json', JSON.stringify(example))]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).total).toBe(17);
  });

  const failures: Array<[string, () => string[], RegExp]> = [
    ['no file argument', () => [], /ange exakt en fil[\s\S]*Användning: npm run -s assign -- FIL\.json/],
    ['two file arguments', () => ['a.json', 'b.json'], /ange exakt en fil/],
    [
      'a missing file',
      () => [join(dir, 'finns-inte.json')],
      /kunde inte läsa filen .*finns-inte\.json.*: filen finns inte/,
    ],
    ['a directory', () => [dir], /det är en mapp/],
    ['invalid JSON', () => [writeTemp('broken.json', '{"rows": 2,')], /är inte giltig JSON/],
    [
      'JSON that is not an object',
      () => [writeTemp('list.json', '[1, 2]')],
      /JSON-objekt med rows, cols, capacity och edges/,
    ],
    [
      'a missing field',
      () => [writeTemp('nofield.json', JSON.stringify({ rows: 1, cols: 1, capacity: [1] }))],
      /edges: måste vara en lista/,
    ],
    [
      'a fractional score',
      () => [writeTemp('frac.json', JSON.stringify({ ...example, edges: [[0, 0, 1.5]] }))],
      /edges\[0\]\[2\]: måste vara ett heltal/,
    ],
    [
      'an edge that is not a triple',
      () => [writeTemp('pair.json', JSON.stringify({ ...example, edges: [[0, 0]] }))],
      /edges\[0\]: måste vara en trippel/,
    ],
    [
      'a row index out of range',
      () => [writeTemp('range.json', JSON.stringify({ ...example, edges: [[7, 0, 1]] }))],
      /edges\[0\]\[0\]: kant nr 0 har radindex 7; tillåtet är 0–2/,
    ],
    [
      'a capacity list of the wrong length',
      () => [writeTemp('cap.json', JSON.stringify({ ...example, capacity: [1, 1, 1] }))],
      /capacity: capacity har 3 värden men det finns 2 kolumner/,
    ],
  ];

  it.each(failures)('fails with exit 1 and a Swedish message for %s', (_name, args, message) => {
    const res = runInProcess(args());
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^Fel: /);
    expect(res.stderr).toMatch(message);
  });

  it('lists at most ten problems', () => {
    const edges = Array.from({ length: 15 }, () => [0, 0, -1]);
    const res = runInProcess([writeTemp('many.json', JSON.stringify({ ...example, edges }))]);
    expect(res.code).toBe(1);
    expect(res.stderr.match(/får inte vara negativt/g)).toHaveLength(10);
    expect(res.stderr).toContain('… och 5 fel till');
  });
});
