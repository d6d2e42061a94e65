/**
 * The savings ledger ("växla bidrag mot jobb"): per placement and month, the assistance no longer paid minus the
 * municipality's net cost of the job (docs/reports.md, "Savings ledger"). Pure; every parameter is input data, every
 * amount an integer in öre, every row explains its arithmetic in Swedish.
 *
 *   assistance  = monthly assistance before the placement × days saved / days in month
 *   salary cost = monthly salary × days employed / days in month × (1 + PO percent of the month's year)
 *   subsidy     = Σ over the decisions in force that month: percent × min(salary cost of the decision's days,
 *                 ceiling × (hours percent, when the decision scales for part time) × its days / days in month)
 *   net         = assistance − (salary cost − subsidy)
 *
 * Days saved run from the placement's start to its end, or to the day before a follow-up recorded a return to
 * assistance, whichever is earlier. Each of assistance, salary cost and subsidy is rounded once to whole öre (money.ts);
 * net is computed from the rounded figures, so each row's text adds up exactly.
 *
 * The result is the municipality's direct cash effect, not a socio-economic calculation (LEDGER_LABEL).
 */
import { addDays, daysInMonth, isValidIsoDate, type IsoDate } from './dates';
import { dayIndex, firstDayOf, lastDayOf, monthParts, monthRange, type YearMonth } from './month';
import { formatDecimal, formatKr, formatPercent, mulDivRound, percentToBasisPoints, roundDiv } from './money';

export { firstDayOf, lastDayOf, monthRange, type YearMonth };

export const LEDGER_LABEL =
  'Kommunens direkta kassaeffekt: utbetalt försörjningsstöd som inte längre betalas ut minus kommunens nettokostnad för anställningen. Inte en samhällsekonomisk kalkyl.';

/** The parameters of one year (data the administrator maintains). */
export type LedgerYearParameters = {
  year: number;
  /** Personnel overhead (PO-pålägg) in percent of salary, at most two decimals (e.g. 44.5). */
  poPercent: number;
};

/** Arbetsförmedlingen's decision (or an extension's own decision), in force from `start`. */
export type LedgerDecision = {
  /** The decision's number, for the explanation. */
  number?: string | null;
  start: IsoDate;
  /** Last day; without it the decision runs until the next decision starts or the placement ends. */
  end?: IsoDate | null;
  /** Subsidy in percent (at most two decimals). */
  percent: number;
  /** Monthly ceiling in öre; null: no ceiling. */
  ceilingOre: number | null;
  /**
   * What the ceiling caps: 'salary_cost' (default; the percent is applied to the salary cost up to the ceiling) or
   * 'subsidy' (the subsidy itself is at most the ceiling).
   */
  ceilingApplies?: 'salary_cost' | 'subsidy';
  /** Part time: 'scale' (default) multiplies the ceiling by the placement's hours percent; 'none' keeps it whole. */
  partTime?: 'scale' | 'none';
};

export type LedgerPlacement = {
  id: string | number;
  /** Placement kind (workshop, cleaning, municipal department, …), for totals per kind. */
  kind: string;
  start: IsoDate;
  /** Last day (the actual end, or the planned one while it runs); null: runs through the report's last month. */
  end: IsoDate | null;
  /** Monthly salary for the hours worked, öre. */
  monthlySalaryOre: number;
  /** Hours in percent of full time (100 = full time). */
  hoursPercent: number;
  /** The participant's monthly assistance before the placement, öre. */
  assistanceBeforeOre: number;
  /** First day of a return to assistance recorded by a follow-up, if any. */
  assistanceResumedOn?: IsoDate | null;
  decisions: readonly LedgerDecision[];
};

export type LedgerSubsidyPart = {
  decisionNumber: string | null;
  from: IsoDate;
  to: IsoDate;
  days: number;
  percent: number;
  /** The amount the percent was applied to (salary cost, or the ceiling when that was lower), öre. */
  basisOre: number;
  /** True when the ceiling limited the subsidy. */
  capped: boolean;
  subsidyOre: number;
};

export type LedgerRow = {
  placementId: string | number;
  kind: string;
  month: YearMonth;
  daysInMonth: number;
  daysEmployed: number;
  daysSaved: number;
  assistanceOre: number;
  salaryCostOre: number;
  subsidyOre: number;
  /** salary cost − subsidy */
  netCostOre: number;
  /** assistance − net cost: positive is a saving for the municipality. */
  netOre: number;
  poPercent: number;
  subsidyParts: LedgerSubsidyPart[];
  /** The arithmetic in Swedish. */
  explanation: string;
};

export type LedgerTotals = {
  rows: number;
  assistanceOre: number;
  salaryCostOre: number;
  subsidyOre: number;
  netCostOre: number;
  netOre: number;
};

export type LedgerReport = {
  ok: true;
  label: string;
  from: YearMonth;
  to: YearMonth;
  rows: LedgerRow[];
  /** Every month of the range, with the net cumulated from `from`. */
  byMonth: Array<LedgerTotals & { month: YearMonth; cumulativeNetOre: number }>;
  byYear: Array<LedgerTotals & { year: number }>;
  byKind: Array<LedgerTotals & { kind: string }>;
  total: LedgerTotals;
};

export type LedgerRefusal = {
  ok: false;
  code: 'LEDGER_PARAMETERS_MISSING';
  /** Years that have ledger rows but no parameters. */
  years: number[];
  /** Swedish, for the screen. */
  message: string;
};

/** Days from `from` to `to`, both included; 0 when `to` is before `from`. ISO strings compare as dates. */
function daysBetween(from: IsoDate, to: IsoDate): number {
  return from > to ? 0 : dayIndex(to) - dayIndex(from) + 1;
}
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

const emptyTotals = (): LedgerTotals => ({
  rows: 0,
  assistanceOre: 0,
  salaryCostOre: 0,
  subsidyOre: 0,
  netCostOre: 0,
  netOre: 0,
});

function addTo(t: LedgerTotals, r: LedgerRow): void {
  t.rows += 1;
  t.assistanceOre += r.assistanceOre;
  t.salaryCostOre += r.salaryCostOre;
  t.subsidyOre += r.subsidyOre;
  t.netCostOre += r.netCostOre;
  t.netOre += r.netOre;
}

const fraction = (days: number, of: number) => `${days}/${of}`;
/** ' × 17/31', or nothing for a whole month. */
const share = (days: number, of: number) => (days === of ? '' : ` × ${fraction(days, of)}`);

/** The decisions of a placement as consecutive segments: each from its start to its end or the next one's start. */
function decisionSegments(p: LedgerPlacement): Segment[] {
  const sorted = [...p.decisions].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return sorted.map((d, i) => {
    const next = sorted[i + 1];
    let to: IsoDate | null = d.end ?? null;
    if (next) to = to === null ? addDays(next.start, -1) : minDate(to, addDays(next.start, -1));
    return { d, from: d.start, to };
  });
}

type Segment = { d: LedgerDecision; from: IsoDate; to: IsoDate | null };

function rowFor(
  p: LedgerPlacement,
  segments: readonly Segment[],
  month: YearMonth,
  poPercent: number,
  employedFrom: IsoDate,
  employedTo: IsoDate,
): LedgerRow {
  const year = +month.slice(0, 4);
  const mo = +month.slice(5, 7);
  const D = daysInMonth(year, mo);
  const daysEmployed = daysBetween(employedFrom, employedTo);
  const savedTo = p.assistanceResumedOn ? minDate(employedTo, addDays(p.assistanceResumedOn, -1)) : employedTo;
  const daysSaved = daysBetween(employedFrom, savedTo);
  const poBp = percentToBasisPoints(poPercent);

  const assistanceOre = roundDiv(p.assistanceBeforeOre * daysSaved, D);
  const salaryCostOre = roundDiv(p.monthlySalaryOre * daysEmployed * (10000 + poBp), D * 10000);

  const subsidyParts: LedgerSubsidyPart[] = [];
  const partTexts: string[] = [];
  for (const seg of segments) {
    const from = maxDate(seg.from, employedFrom);
    const to = seg.to === null ? employedTo : minDate(seg.to, employedTo);
    const days = daysBetween(from, to);
    if (days === 0) continue;
    const pBp = percentToBasisPoints(seg.d.percent);
    // Exact salary cost of these days: costNum / (D × 10 000), costNum = salary × days × (10 000 + PO basis points).
    const costNum = p.monthlySalaryOre * days * (10000 + poBp);
    const scale = (seg.d.partTime ?? 'scale') === 'scale' ? p.hoursPercent : 100;
    let basisOre = roundDiv(costNum, D * 10000);
    let capped = false;
    let subsidyOre: number;
    if (seg.d.ceilingOre === null) {
      subsidyOre = mulDivRound(costNum, pBp, D * 100_000_000);
    } else {
      // Ceiling of these days: ceilNum / (100 × D), ceilNum = ceiling × scale × days.
      const ceilNum = seg.d.ceilingOre * scale * days;
      if ((seg.d.ceilingApplies ?? 'salary_cost') === 'salary_cost') {
        // ceilNum / (100 D) < costNum / (10 000 D)  ⇔  100 ceilNum < costNum
        capped = ceilNum * 100 < costNum;
        if (capped) basisOre = roundDiv(ceilNum, 100 * D);
        subsidyOre = capped ? mulDivRound(ceilNum, pBp, D * 1_000_000) : mulDivRound(costNum, pBp, D * 100_000_000);
      } else {
        // ceilNum / (100 D) < costNum × pBp / (10^8 D)  ⇔  10^6 ceilNum < costNum × pBp
        capped = BigInt(ceilNum) * 1_000_000n < BigInt(costNum) * BigInt(pBp);
        subsidyOre = capped ? roundDiv(ceilNum, 100 * D) : mulDivRound(costNum, pBp, D * 100_000_000);
      }
    }
    const part: LedgerSubsidyPart = {
      decisionNumber: seg.d.number ?? null,
      from,
      to,
      days,
      percent: seg.d.percent,
      basisOre,
      capped,
      subsidyOre,
    };
    subsidyParts.push(part);
    partTexts.push(subsidyPartText(part, p, D, seg.d));
  }
  const subsidyOre = subsidyParts.reduce((n, s) => n + s.subsidyOre, 0);
  const netCostOre = salaryCostOre - subsidyOre;
  const netOre = assistanceOre - netCostOre;

  const row: LedgerRow = {
    placementId: p.id,
    kind: p.kind,
    month,
    daysInMonth: D,
    daysEmployed,
    daysSaved,
    assistanceOre,
    salaryCostOre,
    subsidyOre,
    netCostOre,
    netOre,
    poPercent,
    subsidyParts,
    explanation: '',
  };
  row.explanation = explainRow(row, p, partTexts);
  return row;
}

function subsidyPartText(s: LedgerSubsidyPart, p: LedgerPlacement, D: number, d: LedgerDecision): string {
  const days = share(s.days, D);
  const scaled =
    (d.partTime ?? 'scale') === 'scale' && p.hoursPercent !== 100 ? ` × ${formatPercent(p.hoursPercent)}` : '';
  const ceiling = d.ceilingOre === null ? '' : `takbeloppet ${formatKr(d.ceilingOre)}${scaled}${days}`;
  const decision = s.decisionNumber ? `beslut ${s.decisionNumber}` : 'beslut';
  const period = s.days === D ? '' : `, ${s.from}–${s.to}`;
  let what: string;
  if ((d.ceilingApplies ?? 'salary_cost') === 'salary_cost') {
    what = s.capped
      ? `${formatPercent(s.percent)} av ${ceiling} (lägre än lönekostnaden)`
      : `${formatPercent(s.percent)} av lönekostnaden ${formatKr(s.basisOre)}${ceiling ? ` (under ${ceiling})` : ''}`;
  } else {
    what = s.capped
      ? `${ceiling} (taket för stödet; ${formatPercent(s.percent)} av lönekostnaden vore mer)`
      : `${formatPercent(s.percent)} av lönekostnaden ${formatKr(s.basisOre)}`;
  }
  return `${what} = ${formatKr(s.subsidyOre)} (${decision}${period})`;
}

const factorTexts = new Map<number, string>();
/** "1,445" for 44.5 % PO. */
function factorText(poPercent: number): string {
  let text = factorTexts.get(poPercent);
  if (text === undefined) {
    text = formatDecimal((10000 + percentToBasisPoints(poPercent)) / 10000);
    factorTexts.set(poPercent, text);
  }
  return text;
}

function explainRow(row: LedgerRow, p: LedgerPlacement, parts: string[]): string {
  const D = row.daysInMonth;
  const factor = factorText(row.poPercent);
  const wholeMonth = row.daysEmployed === D && row.daysSaved === D;
  const subsidyText = parts.length === 0 ? 'inget stöd' : parts.join(' + ');
  const equation = (salaryText: string) =>
    `${formatKr(row.assistanceOre)} bistånd − (${salaryText} − ${formatKr(row.subsidyOre)} stöd) = ${formatKr(row.netOre)}`;
  if (wholeMonth && row.subsidyParts.length <= 1) {
    return `${equation(`${formatKr(p.monthlySalaryOre)} × ${factor}`)}. PO ${formatPercent(row.poPercent)}; stöd: ${subsidyText}.`;
  }
  const sentences: string[] = [];
  const resumed = p.assistanceResumedOn && row.daysSaved < row.daysEmployed;
  sentences.push(
    `Bistånd ${formatKr(p.assistanceBeforeOre)}${share(row.daysSaved, D)} = ${formatKr(row.assistanceOre)}${
      resumed ? ` (åter till försörjningsstöd från ${p.assistanceResumedOn})` : ''
    }.`,
  );
  sentences.push(
    `Lönekostnad ${formatKr(p.monthlySalaryOre)}${share(row.daysEmployed, D)} × ${factor} (PO ${formatPercent(row.poPercent)}) = ${formatKr(row.salaryCostOre)}.`,
  );
  sentences.push(`Stöd: ${subsidyText}.`);
  sentences.push(`${equation(`${formatKr(row.salaryCostOre)}`)}.`);
  return sentences.join(' ');
}

function assertDates(p: LedgerPlacement): void {
  const dates = [p.start, p.end, p.assistanceResumedOn, ...p.decisions.flatMap((d) => [d.start, d.end])];
  for (const d of dates) {
    if (d != null && !isValidIsoDate(d)) throw new RangeError(`Invalid date in placement ${String(p.id)}: '${d}'`);
  }
}

/**
 * The ledger for the months `from`…`to` (inclusive). Refused, with the years named, when a year that has rows has no
 * parameters: a figure is never guessed.
 */
export function computeLedger(input: {
  placements: readonly LedgerPlacement[];
  parameters: readonly LedgerYearParameters[];
  from: YearMonth;
  to: YearMonth;
}): LedgerReport | LedgerRefusal {
  const months = monthRange(input.from, input.to).map((m) => ({
    key: m,
    year: monthParts(m).year,
    first: firstDayOf(m),
    last: lastDayOf(m),
  }));
  const po = new Map(input.parameters.map((p) => [p.year, p.poPercent]));
  const spans: Array<{
    p: LedgerPlacement;
    segments: Segment[];
    month: YearMonth;
    year: number;
    from: IsoDate;
    to: IsoDate;
  }> = [];
  const missing = new Set<number>();
  for (const p of input.placements) {
    assertDates(p);
    const segments = decisionSegments(p);
    for (const m of months) {
      const from = maxDate(p.start, m.first);
      const to = p.end === null ? m.last : minDate(p.end, m.last);
      if (from > to) continue;
      if (!po.has(m.year)) missing.add(m.year);
      spans.push({ p, segments, month: m.key, year: m.year, from, to });
    }
  }
  if (missing.size > 0) {
    const years = [...missing].sort((a, b) => a - b);
    const list =
      years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(', ')} och ${years[years.length - 1]}`;
    return {
      ok: false,
      code: 'LEDGER_PARAMETERS_MISSING',
      years,
      message: `Besparingen kan inte räknas: PO-pålägg saknas för ${list}. Lägg in årets parametrar under Administration.`,
    };
  }
  const rows = spans
    .map((s) => rowFor(s.p, s.segments, s.month, po.get(s.year)!, s.from, s.to))
    .sort((a, b) =>
      a.month < b.month ? -1 : a.month > b.month ? 1 : String(a.placementId) < String(b.placementId) ? -1 : 1,
    );

  const byMonth = new Map(months.map((m) => [m.key, emptyTotals()]));
  const byYear = new Map<number, LedgerTotals>();
  const byKind = new Map<string, LedgerTotals>();
  const total = emptyTotals();
  for (const r of rows) {
    addTo(byMonth.get(r.month)!, r);
    const y = monthParts(r.month).year;
    if (!byYear.has(y)) byYear.set(y, emptyTotals());
    addTo(byYear.get(y)!, r);
    if (!byKind.has(r.kind)) byKind.set(r.kind, emptyTotals());
    addTo(byKind.get(r.kind)!, r);
    addTo(total, r);
  }
  let cumulative = 0;
  return {
    ok: true,
    label: LEDGER_LABEL,
    from: input.from,
    to: input.to,
    rows,
    byMonth: months.map(({ key: month }) => {
      const t = byMonth.get(month)!;
      cumulative += t.netOre;
      return { month, ...t, cumulativeNetOre: cumulative };
    }),
    byYear: [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, t]) => ({ year, ...t })),
    byKind: [...byKind.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([kind, t]) => ({ kind, ...t })),
    total,
  };
}
