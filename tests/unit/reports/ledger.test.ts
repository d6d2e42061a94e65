import { describe, expect, it } from 'vitest';
import { computeLedger, monthRange, type LedgerPlacement, type LedgerReport } from '../../../src/shared/rules/ledger';
import { formatKr, percentToBasisPoints, roundRatio } from '../../../src/shared/rules/money';

/** Our amounts use no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const PARAMS = [
  { year: 2026, poPercent: 44.5 },
  { year: 2025, poPercent: 44 },
];

function placement(over: Partial<LedgerPlacement> = {}): LedgerPlacement {
  return {
    id: 'pl-1',
    kind: 'cleaning',
    start: '2026-04-01',
    end: '2026-04-30',
    monthlySalaryOre: 24_300_00,
    hoursPercent: 100,
    assistanceBeforeOre: 4_620_00,
    decisions: [{ number: 'AF-1', start: '2026-04-01', percent: 80, ceilingOre: 20_000_00 }],
    ...over,
  };
}

function ledger(placements: LedgerPlacement[], from = '2026-01', to = '2026-12'): LedgerReport {
  const r = computeLedger({ placements, parameters: PARAMS, from, to });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('money', () => {
  it('formats amounts the Swedish way', () => {
    expect(plain(formatKr(24_300_00))).toBe('24 300 kr');
    expect(plain(formatKr(3_511_350))).toBe('35 113,50 kr');
    expect(plain(formatKr(-1_449_350))).toBe('−14 493,50 kr');
    expect(plain(formatKr(5))).toBe('0,05 kr');
    expect(plain(formatKr(123_456_789_00))).toBe('123 456 789 kr');
  });

  it('rounds exact fractions to the nearest öre, halves away from zero', () => {
    expect(roundRatio(5n, 2n)).toBe(3);
    expect(roundRatio(-5n, 2n)).toBe(-3);
    expect(roundRatio(4n, 3n)).toBe(1);
    expect(roundRatio(5n, 3n)).toBe(2);
    expect(percentToBasisPoints(44.5)).toBe(4450);
    expect(percentToBasisPoints(31.42)).toBe(3142);
    expect(() => percentToBasisPoints(44.555)).toThrow(RangeError);
  });
});

describe('savings ledger', () => {
  it('caps the subsidy at the decision ceiling and explains the row in Swedish', () => {
    const r = ledger([placement()]);
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    expect(row).toMatchObject({
      month: '2026-04',
      assistanceOre: 462_000,
      salaryCostOre: 3_511_350,
      subsidyOre: 1_600_000,
      netCostOre: 1_911_350,
      netOre: -1_449_350,
    });
    expect(row.subsidyParts[0]).toMatchObject({ capped: true, basisOre: 2_000_000 });
    expect(plain(row.explanation)).toBe(
      '4 620 kr bistånd − (24 300 kr × 1,445 − 16 000 kr stöd) = −14 493,50 kr. PO 44,5 %; stöd: 80 % av takbeloppet 20 000 kr (lägre än lönekostnaden) = 16 000 kr (beslut AF-1).',
    );
    expect(r.label).toContain('Inte en samhällsekonomisk kalkyl');
  });

  it('applies the percent to the whole salary cost when it is below the ceiling, or when there is no ceiling', () => {
    const under = ledger([placement({ monthlySalaryOre: 12_000_00 })]).rows[0]!;
    expect(under).toMatchObject({ salaryCostOre: 1_734_000, subsidyOre: 1_387_200 });
    expect(under.subsidyParts[0]!.capped).toBe(false);
    const none = ledger([placement({ decisions: [{ start: '2026-04-01', percent: 50, ceilingOre: null }] })]).rows[0]!;
    expect(none.subsidyOre).toBe(1_755_675);
    // A decision whose ceiling caps the subsidy itself.
    const subsidyCap = ledger([
      placement({
        decisions: [{ start: '2026-04-01', percent: 80, ceilingOre: 15_000_00, ceilingApplies: 'subsidy' }],
      }),
    ]).rows[0]!;
    expect(subsidyCap.subsidyOre).toBe(1_500_000);
  });

  it('scales the ceiling for part time when the decision says so', () => {
    const half = { hoursPercent: 50, monthlySalaryOre: 13_000_00 };
    const scaled = ledger([placement(half)]).rows[0]!;
    expect(scaled).toMatchObject({ salaryCostOre: 1_878_500, subsidyOre: 800_000 });
    expect(plain(scaled.explanation)).toContain('80 % av takbeloppet 20 000 kr × 50 %');
    const whole = ledger([
      placement({
        ...half,
        decisions: [{ start: '2026-04-01', percent: 80, ceilingOre: 20_000_00, partTime: 'none' }],
      }),
    ]).rows[0]!;
    expect(whole.subsidyOre).toBe(1_502_800);
  });

  it('counts a start on the 15th pro rata by calendar days', () => {
    const r = ledger([
      placement({
        start: '2026-03-15',
        end: '2026-04-30',
        decisions: [{ number: 'AF-1', start: '2026-03-15', percent: 80, ceilingOre: 20_000_00 }],
      }),
    ]);
    const march = r.rows[0]!;
    expect(march).toMatchObject({
      month: '2026-03',
      daysEmployed: 17,
      daysSaved: 17,
      assistanceOre: 253_355, // 4 620 kr × 17/31 = 2 533,548…
      salaryCostOre: 1_925_579, // 24 300 kr × 17/31 × 1,445 = 19 255,790…
      subsidyOre: 877_419, // 80 % of 20 000 kr × 17/31 = 8 774,193…
      netOre: 253_355 - (1_925_579 - 877_419),
    });
    expect(plain(march.explanation)).toBe(
      'Bistånd 4 620 kr × 17/31 = 2 533,55 kr. Lönekostnad 24 300 kr × 17/31 × 1,445 (PO 44,5 %) = 19 255,79 kr. ' +
        'Stöd: 80 % av takbeloppet 20 000 kr × 17/31 (lägre än lönekostnaden) = 8 774,19 kr (beslut AF-1, 2026-03-15–2026-03-31). ' +
        '2 533,55 kr bistånd − (19 255,79 kr − 8 774,19 kr stöd) = −7 948,05 kr.',
    );
    expect(r.rows.map((x) => x.month)).toEqual(['2026-03', '2026-04']);
  });

  it('stops counting assistance from a recorded return to assistance, while the cost goes on', () => {
    const r = ledger([placement({ end: '2026-05-31', assistanceResumedOn: '2026-04-21' })]);
    const [april, may] = r.rows;
    expect(april).toMatchObject({ daysSaved: 20, daysEmployed: 30, assistanceOre: 308_000, salaryCostOre: 3_511_350 });
    expect(plain(april!.explanation)).toContain(
      'Bistånd 4 620 kr × 20/30 = 3 080 kr (åter till försörjningsstöd från 2026-04-21)',
    );
    expect(may).toMatchObject({ daysSaved: 0, assistanceOre: 0, salaryCostOre: 3_511_350 });
  });

  it('stops at the end of the placement and runs an open placement through the last month', () => {
    const r = ledger([placement({ end: '2026-06-10' }), placement({ id: 'open', end: null, start: '2026-11-01' })]);
    expect(r.rows.filter((x) => x.placementId === 'pl-1').map((x) => [x.month, x.daysEmployed])).toEqual([
      ['2026-04', 30],
      ['2026-05', 31],
      ['2026-06', 10],
    ]);
    expect(r.rows.filter((x) => x.placementId === 'open').map((x) => x.month)).toEqual(['2026-11', '2026-12']);
  });

  it('gives an extension its own decision from its start', () => {
    const r = ledger([
      placement({
        start: '2026-03-15',
        end: '2026-06-30',
        decisions: [
          { number: 'AF-1', start: '2026-03-15', end: '2026-05-09', percent: 80, ceilingOre: 20_000_00 },
          { number: 'AF-2', start: '2026-05-10', percent: 50, ceilingOre: 20_000_00 },
        ],
      }),
    ]);
    const may = r.rows.find((x) => x.month === '2026-05')!;
    expect(may.subsidyParts.map((s) => [s.decisionNumber, s.from, s.to, s.days, s.subsidyOre])).toEqual([
      ['AF-1', '2026-05-01', '2026-05-09', 9, 464_516],
      ['AF-2', '2026-05-10', '2026-05-31', 22, 709_677],
    ]);
    expect(may.subsidyOre).toBe(464_516 + 709_677);
    expect(r.rows.find((x) => x.month === '2026-06')!.subsidyOre).toBe(1_000_000);
    // Days before any decision have no subsidy.
    const gap = ledger([placement({ decisions: [{ start: '2026-04-16', percent: 80, ceilingOre: 20_000_00 }] })])
      .rows[0]!;
    expect(gap.subsidyParts[0]!.days).toBe(15);
    expect(gap.subsidyOre).toBe(800_000);
    expect(plain(ledger([placement({ decisions: [] })]).rows[0]!.explanation)).toContain('stöd: inget stöd.');
  });

  it('refuses a year without its parameters, naming it, instead of guessing', () => {
    const r = computeLedger({
      placements: [placement({ start: '2026-12-01', end: '2027-02-28', decisions: [] })],
      parameters: PARAMS,
      from: '2026-01',
      to: '2027-12',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('LEDGER_PARAMETERS_MISSING');
    expect(r.years).toEqual([2027]);
    expect(r.message).toBe(
      'Besparingen kan inte räknas: PO-pålägg saknas för 2027. Lägg in årets parametrar under Administration.',
    );
    // A year with no rows needs no parameters.
    expect(computeLedger({ placements: [placement()], parameters: PARAMS, from: '2026-01', to: '2027-12' }).ok).toBe(
      true,
    );
  });

  it('uses each year its own PO percent', () => {
    const r = ledger([placement({ start: '2025-12-01', end: '2026-01-31' })], '2025-12', '2026-01');
    expect(r.rows.map((x) => x.salaryCostOre)).toEqual([3_499_200, 3_511_350]);
  });

  it('totals per month, year and kind, with a cumulative net, that equal the sum of the rows', () => {
    const r = ledger(
      [
        placement({ start: '2025-11-10', end: '2026-03-20' }),
        placement({
          id: 'pl-2',
          kind: 'second_hand',
          start: '2026-01-01',
          end: null,
          monthlySalaryOre: 21_000_00,
          hoursPercent: 75,
        }),
        placement({
          id: 'pl-3',
          kind: 'cleaning',
          start: '2026-02-15',
          end: '2026-02-20',
          assistanceResumedOn: '2026-02-18',
        }),
      ],
      '2025-11',
      '2026-06',
    );
    const sum = (key: 'netOre' | 'assistanceOre' | 'subsidyOre' | 'salaryCostOre') =>
      r.rows.reduce((n, x) => n + x[key], 0);
    expect(r.total.netOre).toBe(sum('netOre'));
    expect(r.total.assistanceOre).toBe(sum('assistanceOre'));
    expect(r.total.subsidyOre).toBe(sum('subsidyOre'));
    expect(r.total.salaryCostOre).toBe(sum('salaryCostOre'));
    expect(r.total.rows).toBe(r.rows.length);
    expect(r.byMonth.map((m) => m.month)).toEqual(monthRange('2025-11', '2026-06'));
    expect(r.byMonth.at(-1)!.cumulativeNetOre).toBe(r.total.netOre);
    expect(r.byYear.map((y) => y.year)).toEqual([2025, 2026]);
    expect(r.byYear.reduce((n, y) => n + y.netOre, 0)).toBe(r.total.netOre);
    expect(r.byKind.map((k) => k.kind)).toEqual(['cleaning', 'second_hand']);
    expect(r.byKind.reduce((n, k) => n + k.netOre, 0)).toBe(r.total.netOre);
    for (const row of r.rows) expect(row.netOre).toBe(row.assistanceOre - (row.salaryCostOre - row.subsidyOre));
  });
});
