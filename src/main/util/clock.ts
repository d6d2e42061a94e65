/** Time source for services; tests pin it. */
export interface Clock {
  /** Current instant. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `startIso` at the moment it is made and then runs forward with real time. The end-to-end tests
 * start the host on one of these (from their own entry point; no production command can set it), so every test sees
 * the same calendar day whatever the date the suite runs on, while meetings still start and sessions still age.
 */
export function runningClock(startIso: string): Clock {
  const start = new Date(startIso).getTime();
  if (!Number.isFinite(start)) throw new Error(`Ogiltig tidpunkt: ${startIso}`);
  const realStart = Date.now();
  return { now: () => new Date(start + (Date.now() - realStart)) };
}

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s: string) => {
      t = new Date(s).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const stockholmTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Today's date in Europe/Stockholm as 'YYYY-MM-DD'. */
export function localToday(clock: Clock): string {
  return stockholmDate.format(clock.now());
}

/** Now in Europe/Stockholm as 'YYYY-MM-DDTHH:MM'. */
export function localNow(clock: Clock): string {
  const d = clock.now();
  return `${stockholmDate.format(d)}T${stockholmTime.format(d)}`;
}

export const utcIso = (clock: Clock) => clock.now().toISOString();
