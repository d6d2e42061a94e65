import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatKronor } from '../../../src/shared/domain/contract-doc';
import {
  numberToText,
  oreToKronorText,
  parseKronorToOre,
  parsePercent,
  type parseSwedishNumber,
} from '../../../src/shared/rules/numbers';

const value = (r: ReturnType<typeof parseSwedishNumber>) => (r.ok ? r.value : r.problem);

describe('amounts as Swedish offices type them', () => {
  it.each([
    ['24 300', 2_430_000],
    ['24300', 2_430_000],
    ['24 300,50', 2_430_050],
    ['24\u00a0300,5', 2_430_050],
    ['24\u202f300', 2_430_000],
    ['1 234 567', 123_456_700],
    ['24 300 kr', 2_430_000],
    ['24 300:-', 2_430_000],
    ['9850.25', 985_025],
    ['  0 ', 0],
    ['\u22125 000', -500_000],
    ['-5', -500],
    ['\u2013 12', -1_200],
  ])('%j is %d öre', (text, ore) => {
    expect(value(parseKronorToOre(text))).toBe(ore);
  });

  it('an empty field is no amount, not zero', () => {
    expect(value(parseKronorToOre(''))).toBeNull();
    expect(value(parseKronorToOre('   '))).toBeNull();
  });

  it.each(['24 30', '2 4300', 'tjugo', '24,300,5', '1,234', '12.5.3', '--5', '5-'])('%j is refused', (text) => {
    const r = parseKronorToOre(text);
    expect(r.ok).toBe(false);
  });

  it('more than two decimals says so', () => {
    expect(value(parseKronorToOre('10,555'))).toBe('tooManyDecimals');
  });

  it('what the field shows reads back as the same amount, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (ore) => {
        expect(value(parseKronorToOre(oreToKronorText(ore)))).toBe(ore);
        // and what a contract or a table shows ("24 300 kr") is read back too
        expect(value(parseKronorToOre(formatKronor(ore)))).toBe(ore);
      }),
    );
  });
});

describe('percentages', () => {
  it.each([
    ['50', 50],
    ['50 %', 50],
    ['100%', 100],
    ['\u221210', -10],
  ])('%j is %d', (text, n) => {
    expect(value(parsePercent(text))).toBe(n);
  });

  it('whole percent unless decimals are allowed', () => {
    expect(value(parsePercent('37,5'))).toBe('tooManyDecimals');
    expect(value(parsePercent('37,5', 1))).toBe(37.5);
    expect(numberToText(37.5)).toBe('37,5');
    expect(value(parsePercent(numberToText(-2.5), 1))).toBe(-2.5);
  });
});
