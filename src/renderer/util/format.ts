import { formatKronor } from '../../shared/domain/contract-doc';

/** sv-SE formatting used on every screen. Dates are 'YYYY-MM-DD' strings or ISO instants. */
const dateFmt = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dateTimeFmt = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const longDateFmt = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const numberFmt = new Intl.NumberFormat('sv-SE');

export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value.replace('T', ' ');
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d);
}

/** 'YYYY-MM-DD' → "tisdag 24 november 2026". */
export function formatLongDate(value: string | null | undefined): string {
  if (!value) return '–';
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? value : longDateFmt.format(d);
}

/**
 * An amount stored in öre as Swedish screens write it: "24 300 kr", öre only when there are any ("24 300,50 kr"),
 * a dash for none. The same function writes amounts in contracts (src/shared/domain/contract-doc.ts).
 */
export function formatMoney(ore: number | null | undefined): string {
  return ore === null || ore === undefined ? '–' : formatKronor(ore);
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : numberFmt.format(n);
}

/** '198211059954' → '19821105-9954'. */
export function formatPersonnummer(p: string | null | undefined): string {
  if (!p) return '–';
  return /^\d{12}$/.test(p) ? `${p.slice(0, 8)}-${p.slice(8)}` : p;
}
