/**
 * Swedish personal identity numbers (personnummer, Skatteverket) and coordination numbers
 * (samordningsnummer).
 *
 * Accepted input (surrounding whitespace ignored):
 *   - 12 digits: YYYYMMDDNNNC, YYYYMMDD-NNNC or YYYYMMDD+NNNC
 *   - 10 digits: YYMMDDNNNC,   YYMMDD-NNNC   or YYMMDD+NNNC
 * where NNN is the birth number (födelsenummer) and C the check digit.
 *
 * Rules applied:
 *   - Century of a 10-digit number: the latest century that puts the birth date on or before
 *     the reference date `today`; the '+' separator means the holder has turned 100, so one
 *     century earlier. No separator is read like '-'.
 *   - A 12-digit number carries its century; a '+' in it is accepted only when it agrees
 *     (the holder is 100 or older on `today`).
 *   - The date must be a real calendar day in the resolved year and not after `today`. A
 *     samordningsnummer has 60 added to the day of birth (day 61–91).
 *   - The birth number 000 is never issued.
 *   - The check digit is the Luhn (mod 10) check over the 10-digit form YYMMDDNNNC.
 *
 * The canonical form stored everywhere is 12 digits without separator, YYYYMMDDNNNC, with the
 * day exactly as in the number (so a samordningsnummer keeps its day+60).
 */
import { z } from 'zod';
import { compare, formatIsoDate, isValidIsoDate, isoDateParts, type IsoDate } from './dates';

export type PersonnummerKind = 'personnummer' | 'samordningsnummer';

export type PersonnummerResult =
  | {
      ok: true;
      /** 12 digits YYYYMMDDNNNC, no separator. */
      canonical: string;
      kind: PersonnummerKind;
      /** YYYY-MM-DD, the real birth date (day − 60 for a samordningsnummer). */
      birthDate: string;
    }
  | { ok: false; /** Swedish, shown to the user. */ reason: string };

/** Offset added to the day of birth in a samordningsnummer. */
const COORDINATION_DAY_OFFSET = 60;

const INPUT_PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;
const CANONICAL_PATTERN = /^\d{12}$/;

/** Luhn (mod 10) check over a string of digits; true when the last digit is the right check digit. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counted from the right-most (check) digit's left neighbour.
    let value = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

/**
 * The Luhn check digit for the first nine digits YYMMDDNNN of a personnummer.
 * Exported for tests and test-data generators.
 */
export function personnummerCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('Expected exactly nine digits');
  for (let c = 0; c <= 9; c++) {
    if (luhnValid(nineDigits + String(c))) return c;
  }
  throw new Error('unreachable: a Luhn check digit always exists');
}

function fail(reason: string): PersonnummerResult {
  return { ok: false, reason };
}

/**
 * Parses and validates a personnummer or samordningsnummer.
 *
 * @param input  what the user typed or an imported cell
 * @param today  reference date 'YYYY-MM-DD' (decides the century of 10-digit numbers and what
 *               counts as a future birth date); pass the current date in Europe/Stockholm
 * @returns the canonical 12-digit form, kind and real birth date, or a Swedish reason
 */
export function parsePersonnummer(input: string, today: string): PersonnummerResult {
  if (!isValidIsoDate(today)) throw new RangeError(`Invalid reference date: '${today}'`);
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return fail('Personnummer saknas.');

  const match = INPUT_PATTERN.exec(text);
  if (!match) {
    return fail(
      'Ogiltigt format: ange 10 eller 12 siffror, t.ex. ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN (bindestreck eller plustecken som avskiljare).',
    );
  }
  const [
    ,
    centuryText,
    yearText = '',
    monthText = '',
    dayText = '',
    separator = '',
    birthNumber = '',
    checkDigit = '',
  ] = match;

  const numberDay = Number(dayText);
  const kind: PersonnummerKind = numberDay > COORDINATION_DAY_OFFSET ? 'samordningsnummer' : 'personnummer';
  const birthDay = kind === 'samordningsnummer' ? numberDay - COORDINATION_DAY_OFFSET : numberDay;
  const month = Number(monthText);
  const twoDigitYear = Number(yearText);
  const { year: todayYear } = isoDateParts(today);

  let year: number;
  if (centuryText !== undefined) {
    year = Number(centuryText) * 100 + twoDigitYear;
  } else {
    // Latest year ending in YY whose birthday (month, day) is not after today. Compared as
    // plain numbers so the date need not exist yet (29 Feb is checked below, per century).
    const todayKey = Number(today.replaceAll('-', ''));
    year = Math.floor(todayYear / 100) * 100 + twoDigitYear;
    if (year * 10000 + month * 100 + birthDay > todayKey) year -= 100;
    if (separator === '+') year -= 100;
  }

  const candidate = `${String(year).padStart(4, '0')}-${monthText}-${String(birthDay).padStart(2, '0')}`;
  if (!isValidIsoDate(candidate)) {
    return fail(
      kind === 'samordningsnummer'
        ? 'Ogiltigt datum i samordningsnumret (dagen ska vara födelsedagen plus 60).'
        : 'Ogiltigt datum i personnumret.',
    );
  }
  const birthDate = candidate;
  if (compare(birthDate, today) > 0) return fail('Födelsedatumet ligger i framtiden.');

  if (centuryText !== undefined && separator === '+' && ageBetween(birthDate, today) < 100) {
    return fail('Plustecken används bara för den som har fyllt 100 år; använd bindestreck.');
  }
  if (birthNumber === '000') return fail('Ogiltigt födelsenummer: 000 används inte.');

  const tenDigits = `${yearText}${monthText}${dayText}${birthNumber}${checkDigit}`;
  if (!luhnValid(tenDigits)) return fail('Kontrollsiffran stämmer inte.');

  return {
    ok: true,
    canonical: `${String(year).padStart(4, '0')}${monthText}${dayText}${birthNumber}${checkDigit}`,
    kind,
    birthDate,
  };
}

function assertCanonical(canonical: string): void {
  if (!CANONICAL_PATTERN.test(canonical)) {
    throw new RangeError(`Not a canonical 12-digit personnummer: '${canonical}'`);
  }
}

/** Display form of a canonical number: 'YYYYMMDD-NNNC'. */
export function formatPersonnummer(canonical: string): string {
  assertCanonical(canonical);
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}

/** The real birth date 'YYYY-MM-DD' of a canonical number (day − 60 for a samordningsnummer). */
export function birthDateOf(canonical: string): IsoDate {
  assertCanonical(canonical);
  const day = Number(canonical.slice(6, 8));
  const realDay = day > COORDINATION_DAY_OFFSET ? day - COORDINATION_DAY_OFFSET : day;
  return formatIsoDate(Number(canonical.slice(0, 4)), Number(canonical.slice(4, 6)), realDay);
}

/**
 * Age in full years on `date` of the holder of a canonical number. The age goes up on the
 * birthday; someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageOn(canonical: string, date: string): number {
  return ageBetween(birthDateOf(canonical), date);
}

function ageBetween(birthDate: IsoDate, date: IsoDate): number {
  const birth = isoDateParts(birthDate);
  const on = isoDateParts(date);
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/**
 * Zod schema for a personnummer/samordningsnummer field: accepts any format
 * `parsePersonnummer` accepts and outputs the canonical 12-digit string; an invalid number
 * fails with the Swedish reason.
 */
export const personnummerSchema = (today: string) =>
  z.string({ error: 'Personnummer ska vara text.' }).transform((value, ctx) => {
    const result = parsePersonnummer(value, today);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.reason, input: value });
      return z.NEVER;
    }
    return result.canonical;
  });
