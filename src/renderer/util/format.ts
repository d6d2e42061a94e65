import { formatKronor } from '../../shared/domain/contract-doc';
import { currentLanguage } from '../app/i18n';

/**
 * Formatting used on every screen. Dates are 'YYYY-MM-DD' strings or ISO instants and are written the Swedish way
 * (ÅÅÅÅ-MM-DD, 24-hour clock) in both languages; only the long date with weekday and month names follows the
 * language of the UI.
 */
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
const longDateOptions: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const longDateFmt = {
  sv: new Intl.DateTimeFormat('sv-SE', longDateOptions),
  en: new Intl.DateTimeFormat('en-GB', longDateOptions),
};
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

/** 'YYYY-MM-DD' → "tisdag 24 november 2026" (English: "Tuesday 24 November 2026"). */
export function formatLongDate(value: string | null | undefined): string {
  if (!value) return '–';
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? value : longDateFmt[currentLanguage()].format(d);
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
