import { describe, expect, it } from 'vitest';
import Holidays from 'date-holidays';
import {
  isSwedishPublicHoliday,
  isWorkingDay,
  nonWorkingDayName,
  nonWorkingHolidays,
  publicHolidays,
} from '../../../src/main/calendar/holidays';
import { addDays, formatIsoDate, weekday } from '../../../src/shared/rules/dates';

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of date-holidays. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/** The first date on or after `from` that falls on ISO `day` (1 = Monday). */
function firstWeekdayFrom(from: string, day: number): string {
  return addDays(from, (day - weekday(from) + 7) % 7);
}

/** The 13 public holidays of the Swedish law (lag 1989:253) that are not ordinary Sundays, computed. */
function expectedPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    formatIsoDate(year, 1, 1), // nyårsdagen
    formatIsoDate(year, 1, 6), // trettondedag jul
    addDays(easter, -2), // långfredagen
    easter, // påskdagen
    addDays(easter, 1), // annandag påsk
    formatIsoDate(year, 5, 1), // första maj
    addDays(easter, 39), // Kristi himmelsfärdsdag
    addDays(easter, 49), // pingstdagen
    formatIsoDate(year, 6, 6), // nationaldagen
    firstWeekdayFrom(formatIsoDate(year, 6, 20), 6), // midsommardagen: Saturday 20–26 June
    firstWeekdayFrom(formatIsoDate(year, 10, 31), 6), // alla helgons dag: Saturday 31 Oct–6 Nov
    formatIsoDate(year, 12, 25), // juldagen
    formatIsoDate(year, 12, 26), // annandag jul
  ].sort();
}

function expectedEves(year: number): string[] {
  return [
    firstWeekdayFrom(formatIsoDate(year, 6, 19), 5), // midsommarafton: Friday 19–25 June
    formatIsoDate(year, 12, 24), // julafton
    formatIsoDate(year, 12, 31), // nyårsafton
  ];
}

describe('independent Easter computation used by these tests', () => {
  it('matches known Easter Sundays', () => {
    expect(YEARS.map(easterSunday)).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });
});

describe.each(YEARS)('Swedish holidays %i', (year) => {
  const easter = easterSunday(year);

  it('lists exactly the public holidays of the law, sorted', () => {
    const list = publicHolidays(year);
    expect(list.map((h) => h.date)).toEqual(expectedPublicHolidays(year));
    expect(list.every((h) => h.kind === 'public' && h.name.length > 0)).toBe(true);
  });

  it('adds exactly midsommarafton, julafton and nyårsafton as non-working eves', () => {
    const eves = nonWorkingHolidays(year).filter((h) => h.kind === 'non-working-eve');
    expect(eves.map((h) => h.date)).toEqual(expectedEves(year));
    expect(eves.map((h) => h.name)).toEqual(['Midsommarafton', 'Julafton', 'Nyårsafton']);
    for (const eve of eves) expect(isSwedishPublicHoliday(eve.date)).toBe(false);
  });

  it('closes on Good Friday and Easter Monday, opens on Maundy Thursday and the Tuesday after', () => {
    const goodFriday = addDays(easter, -2);
    const easterMonday = addDays(easter, 1);
    expect(weekday(goodFriday)).toBe(5);
    expect(weekday(easterMonday)).toBe(1);
    expect(isSwedishPublicHoliday(goodFriday)).toBe(true);
    expect(isSwedishPublicHoliday(easterMonday)).toBe(true);
    expect(isWorkingDay(goodFriday)).toBe(false);
    expect(isWorkingDay(easterMonday)).toBe(false);
    expect(isWorkingDay(addDays(easter, -3))).toBe(true); // skärtorsdagen
    expect(isWorkingDay(addDays(easter, 2))).toBe(true);
    expect(nonWorkingDayName(easterMonday)).toBe('Annandag påsk');
  });

  it('closes on Ascension Day, a Thursday 39 days after Easter', () => {
    const ascension = addDays(easter, 39);
    expect(weekday(ascension)).toBe(4);
    expect(isSwedishPublicHoliday(ascension)).toBe(true);
    expect(isWorkingDay(ascension)).toBe(false);
    expect(isWorkingDay(addDays(ascension, 1))).toBe(true); // the "klämdag" Friday is a working day
    expect(nonWorkingDayName(ascension)).toBe('Kristi himmelsfärdsdag');
  });

  it('keeps Whit Monday a working day (not a holiday since 2005)', () => {
    const whitMonday = addDays(easter, 50);
    expect(isSwedishPublicHoliday(whitMonday)).toBe(false);
    expect(isWorkingDay(whitMonday)).toBe(weekday(whitMonday) <= 5 && whitMonday !== formatIsoDate(year, 6, 6));
  });

  it('closes on Midsummer Eve (Friday 19–25 June); Midsummer Day is the Saturday after', () => {
    const eve = firstWeekdayFrom(formatIsoDate(year, 6, 19), 5);
    expect(eve >= formatIsoDate(year, 6, 19) && eve <= formatIsoDate(year, 6, 25)).toBe(true);
    expect(isWorkingDay(eve)).toBe(false);
    expect(isSwedishPublicHoliday(eve)).toBe(false);
    expect(isSwedishPublicHoliday(addDays(eve, 1))).toBe(true);
    expect(isWorkingDay(addDays(eve, -1))).toBe(true);
    expect(nonWorkingDayName(eve)).toBe('Midsommarafton');
  });

  it("puts All Saints' Day on the Saturday between 31 October and 6 November", () => {
    const allSaints = publicHolidays(year).find((h) => h.name === 'Alla helgons dag');
    expect(allSaints).toBeDefined();
    expect(weekday(allSaints!.date)).toBe(6);
    expect(allSaints!.date >= formatIsoDate(year, 10, 31) && allSaints!.date <= formatIsoDate(year, 11, 6)).toBe(true);
    // The Friday before (allhelgonaafton) is a working day.
    expect(isWorkingDay(addDays(allSaints!.date, -1))).toBe(true);
  });

  it('closes on the National Day, 6 June', () => {
    const nationalDay = formatIsoDate(year, 6, 6);
    expect(isSwedishPublicHoliday(nationalDay)).toBe(true);
    expect(isWorkingDay(nationalDay)).toBe(false);
    expect(nonWorkingDayName(nationalDay)).toBe('Nationaldagen');
  });

  it('closes over Christmas and New Year', () => {
    for (const [month, day, publicHoliday] of [
      [12, 24, false],
      [12, 25, true],
      [12, 26, true],
      [12, 31, false],
      [1, 1, true],
      [1, 6, true],
    ] as const) {
      const date = formatIsoDate(year, month, day);
      expect(isWorkingDay(date), date).toBe(false);
      expect(isSwedishPublicHoliday(date), date).toBe(publicHoliday);
    }
    // Days between Christmas and New Year are ordinary working days on weekdays.
    for (let day = 27; day <= 30; day++) {
      const date = formatIsoDate(year, 12, day);
      expect(isWorkingDay(date), date).toBe(weekday(date) <= 5);
    }
  });

  it('keeps half days and observances as working days', () => {
    // trettondagsafton, valborgsmässoafton, skärtorsdagen, Mårtensgås (Ascension Day can fall on 30 April, not in these years)
    const days = [
      formatIsoDate(year, 1, 5),
      formatIsoDate(year, 4, 30),
      addDays(easter, -3),
      formatIsoDate(year, 11, 11),
    ];
    expect(days.some((d) => expectedPublicHolidays(year).includes(d))).toBe(false);
    for (const date of days) {
      expect(isSwedishPublicHoliday(date), date).toBe(false);
      expect(isWorkingDay(date), date).toBe(weekday(date) <= 5);
    }
  });

  it('treats every other weekday as a working day and every weekend day as not', () => {
    const closed = new Set([...expectedPublicHolidays(year), ...expectedEves(year)]);
    let workingDays = 0;
    for (let date = formatIsoDate(year, 1, 1); date <= formatIsoDate(year, 12, 31); date = addDays(date, 1)) {
      const expected = weekday(date) <= 5 && !closed.has(date);
      expect(isWorkingDay(date)).toBe(expected);
      if (expected) workingDays++;
    }
    expect(workingDays).toBeGreaterThanOrEqual(245);
    expect(workingDays).toBeLessThanOrEqual(253);
  });
});

describe('what date-holidays itself reports (documents the choice made in holidays.ts)', () => {
  it("types the three eves 'bank', not 'public'", () => {
    const raw = new Holidays('SE').getHolidays(2026);
    const typeOf = (date: string) => raw.filter((h) => h.date.startsWith(date)).map((h) => h.type);
    expect(typeOf('2026-06-19')).toEqual(['bank']);
    expect(typeOf('2026-12-24')).toEqual(['bank']);
    expect(typeOf('2026-12-31')).toEqual(['bank']);
    expect(typeOf('2026-05-14')).toEqual(['public']);
  });
});

describe('other years and input checks', () => {
  it('computes holidays for years far from today', () => {
    expect(publicHolidays(2100).map((h) => h.date)).toEqual(expectedPublicHolidays(2100));
    expect(publicHolidays(1999).map((h) => h.date)).not.toContain('1999-06-06'); // not a holiday before 2005
  });

  it('names weekend days and returns undefined on working days', () => {
    expect(nonWorkingDayName('2026-11-21')).toBe('Lördag');
    expect(nonWorkingDayName('2026-11-22')).toBe('Söndag');
    expect(nonWorkingDayName('2026-11-23')).toBeUndefined();
  });

  it('rejects invalid dates and years', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isSwedishPublicHoliday('2026-6-6')).toThrow(RangeError);
    expect(() => publicHolidays(2026.5)).toThrow(RangeError);
  });

  it('returns copies that callers cannot use to change the calendar', () => {
    const list = publicHolidays(2026);
    list.length = 0;
    expect(publicHolidays(2026)).toHaveLength(13);
    expect(Object.isFrozen(nonWorkingHolidays(2026))).toBe(true);
  });
});
