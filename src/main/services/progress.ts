/**
 * Progress of long calls (the global suggestion, large exports). The caller names its call with a random
 * `progressKey`; the service reports fractions under that key and the screen polls `system.progress` while it waits.
 * Entries belong to the user who started the call (nobody else can read them) and are kept briefly after the end.
 * Long services yield to the event loop as they work, so the polls are answered on both transports.
 */
const KEEP_MS = 60_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  userId: number;
  fraction: number;
  label: string | null;
  finished: boolean;
  touched: number;
}

const entries = new Map<string, Entry>();

function prune(now: number): void {
  for (const [k, e] of entries) if (now - e.touched > KEEP_MS) entries.delete(k);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

export interface ProgressReporter {
  (fraction: number, label?: string): void;
  finish(): void;
}

/** A reporter for one call; a no-op without a key. */
export function progressReporter(userId: number, key: string | undefined): ProgressReporter {
  // A new call under a key used before (the same screen computing again) starts from nothing.
  if (key && entries.get(key)?.userId === userId) entries.delete(key);
  const report = ((fraction: number, label?: string) => {
    if (!key) return;
    const now = Date.now();
    const prev = entries.get(key);
    if (prev && prev.userId !== userId) return; // someone else's key: never overwrite it
    entries.set(key, {
      userId,
      fraction: Math.max(prev?.fraction ?? 0, Math.min(1, Math.max(0, fraction))),
      label: label ?? prev?.label ?? null,
      finished: false,
      touched: now,
    });
    if (!prev) prune(now);
  }) as ProgressReporter;
  report.finish = () => {
    const e = key ? entries.get(key) : undefined;
    if (e && e.userId === userId) Object.assign(e, { fraction: 1, finished: true, touched: Date.now() });
  };
  return report;
}

/** What the user's call with this key has reported so far, or null when nothing is known (yet). */
export function readProgress(
  userId: number,
  key: string,
): { fraction: number; label: string | null; finished: boolean } | null {
  const e = entries.get(key);
  if (!e || e.userId !== userId) return null;
  return { fraction: e.fraction, label: e.label, finished: e.finished };
}
