import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDeadline, defaultPeriods, periodWorkingDays } from '../../../src/main/summer-jobs/calendar';
import {
  checkEligibility,
  recordExtractValid,
  type SeasonEligibilityRules,
} from '../../../src/main/summer-jobs/eligibility';
import { runAllocateCli } from '../../../src/main/cli/allocate';
import { applicant, instance, position } from './fixtures';

describe('season calendar', () => {
  it('makes three 3-week periods, ISO weeks 25–27, 28–30 and 31–33, Monday to Friday', () => {
    expect(defaultPeriods(2027)).toEqual([
      { id: 'P1', name: 'Period 1 (v. 25–27)', firstWeek: 25, lastWeek: 27, start: '2027-06-21', end: '2027-07-09' },
      { id: 'P2', name: 'Period 2 (v. 28–30)', firstWeek: 28, lastWeek: 30, start: '2027-07-12', end: '2027-07-30' },
      { id: 'P3', name: 'Period 3 (v. 31–33)', firstWeek: 31, lastWeek: 33, start: '2027-08-02', end: '2027-08-20' },
    ]);
    // 2026 starts on a Thursday: ISO week 25 begins on 15 June.
    expect(defaultPeriods(2026)[0]).toMatchObject({ start: '2026-06-15', end: '2026-07-03' });
    expect(defaultPeriods(2027, { firstWeek: 26, weeksPerPeriod: 2, count: 2 }).map((p) => p.name)).toEqual([
      'Period 1 (v. 26–27)',
      'Period 2 (v. 28–29)',
    ]);
    expect(() => defaultPeriods(2027, { firstWeek: 50, count: 3 })).toThrow(RangeError);
  });

  it('computes working days with Midsummer Eve off', () => {
    const p1 = periodWorkingDays('2027-06-21', '2027-07-09');
    expect(p1.daysOff).toEqual([{ date: '2027-06-25', name: 'Midsommarafton' }]);
    expect(p1.workingDays).toHaveLength(14);
    expect(p1.workingDays).not.toContain('2027-06-26');
    const y2026 = periodWorkingDays('2026-06-15', '2026-07-03');
    expect(y2026.daysOff).toEqual([{ date: '2026-06-19', name: 'Midsommarafton' }]);
    expect(periodWorkingDays('2027-07-12', '2027-07-30').workingDays).toHaveLength(15);
  });

  it('sets the answer deadline N working days after the offer, skipping weekends and days off', () => {
    expect(answerDeadline('2027-06-24')).toBe('2027-06-30'); // Midsummer Eve and the weekend skipped
    expect(answerDeadline('2027-06-14')).toBe('2027-06-17');
    expect(answerDeadline('2027-06-18', 1)).toBe('2027-06-21');
    expect(answerDeadline('2027-12-22', 3)).toBe('2027-12-28'); // Thursday 23, then Christmas Eve and the weekend off
    expect(() => answerDeadline('2027-06-14', 0)).toThrow(RangeError);
  });
});

describe('eligibility', () => {
  const rules: SeasonEligibilityRules = {
    birthYears: { from: 2009, to: 2011 },
    residenceRequired: true,
    earlierSummerJobExcludes: true,
    ageReferenceDate: '2027-06-21',
  };
  const ok = { birthDate: '2010-03-03', registeredInBoras: true, hadEarlierSummerJob: false };

  it('accepts an applicant who meets every rule', () => {
    expect(checkEligibility(rules, ok)).toEqual({ eligible: true, reasons: [], messages: [] });
  });

  it('gives every reason in Swedish', () => {
    const r = checkEligibility(rules, { birthDate: '2012-01-01', registeredInBoras: false, hadEarlierSummerJob: true });
    expect(r.eligible).toBe(false);
    expect(r.messages).toEqual([
      'Född 2012: säsongen gäller den som är född 2009–2011.',
      'Inte folkbokförd i Borås: säsongen kräver folkbokföring i Borås.',
      'Har redan haft feriearbete i kommunen: säsongen tar inte emot den som haft det tidigare.',
    ]);
    expect(checkEligibility(rules, { ...ok, registeredInBoras: null }).reasons).toEqual([
      { code: 'residence_unknown' },
    ]);
  });

  it('applies residence and earlier jobs only when the season says so, and optional age limits', () => {
    const open = { ...rules, residenceRequired: false, earlierSummerJobExcludes: false };
    expect(checkEligibility(open, { ...ok, registeredInBoras: false, hadEarlierSummerJob: true }).eligible).toBe(true);
    const aged = { ...open, minAge: 16, maxAge: 17 };
    expect(checkEligibility(aged, { ...ok, birthDate: '2011-06-22' }).messages).toEqual([
      '15 år den 2027-06-21: lägsta ålder är 16 år.',
    ]);
    expect(checkEligibility(aged, { ...ok, birthDate: '2011-06-21' }).eligible).toBe(true);
    expect(checkEligibility(aged, { ...ok, birthDate: '2009-06-21' }).reasons).toEqual([
      { code: 'too_old', age: 18, maxAge: 17, on: '2027-06-21' },
    ]);
  });

  it('counts a criminal-record extract as valid for a year', () => {
    expect(recordExtractValid('2026-06-21', '2027-06-21')).toBe(true);
    expect(recordExtractValid('2026-06-20', '2027-06-21')).toBe(false);
    expect(recordExtractValid('2027-05-01', '2027-06-21')).toBe(true);
    expect(recordExtractValid('2027-07-01', '2027-06-21')).toBe(false);
    expect(recordExtractValid(null, '2027-06-21')).toBe(false);
  });
});

describe('allocate CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vaxla-allocate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content, 'utf8');
    return file;
  };
  const run = (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = runAllocateCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };
  const inst = instance([position('p', { slots: { P1: 1 } })], [applicant('a'), applicant(2)]);

  it('prints exactly the JSON shape of the automation surface as one line (child process)', () => {
    const file = write('ok.json', JSON.stringify(inst));
    const cli = resolve(__dirname, '../../../src/main/cli/allocate.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(2);
    const out = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['lottery', 'order', 'assignment', 'unassigned']);
    expect(out.assignment).toHaveLength(1);
    expect((out.order as unknown[]).sort()).toEqual([2, 'a'].sort());
  });

  it('refuses a bad instance with a Swedish message and exit code 2', () => {
    const bad = {
      ...inst,
      positions: [{ ...position('p'), slots: { P9: 1 } }],
      applicants: [applicant('a', { birthDate: '2010-02-30' })],
    };
    const r = run([write('bad.json', JSON.stringify(bad))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('applicants[0].birthDate: måste vara ett giltigt datum ÅÅÅÅ-MM-DD');
    expect(r.stderr).toContain('positions[0].slots.P9: okänd period P9');
    expect(
      run([write('dup.json', JSON.stringify({ ...inst, applicants: [applicant(7), applicant('7')] }))]).stderr,
    ).toContain('sökande-id 7 förekommer flera gånger');
    expect(run([write('nojson.json', '{')]).code).toBe(2);
    expect(run([join(dir, 'missing.json')]).stderr).toContain('filen finns inte');
    expect(run([]).code).toBe(2);
  });
});
