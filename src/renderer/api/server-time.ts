/**
 * "Today" as the host or server says it, never as this PC's clock says it. Every `system.status` reply carries the
 * host's clock; the difference to this PC's clock is kept, so a form's default date is the host's date even when the
 * PC's clock is wrong (or, in the end-to-end tests, when the host runs on a pinned clock).
 */
let offsetMs = 0;

/** Called by the RPC client with every `system.status` reply. */
export function noteServerTime(nowIso: string): void {
  const t = new Date(nowIso).getTime();
  if (Number.isFinite(t)) offsetMs = t - Date.now();
}

/** The host's clock now. */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

const stockholmDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The host's date in Europe/Stockholm, 'YYYY-MM-DD' (form defaults; the main process decides what "today" is). */
export function todayIso(): string {
  return stockholmDay.format(serverNow());
}
