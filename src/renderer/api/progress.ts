import { useEffect, useState } from 'react';
import { rpc } from './client';

/** A random key naming one long call, for `system.progress`. */
export function newProgressKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * While `active`, asks the main process every 400 ms how far the call named `key` has come. Returns a fraction
 * (0–1) once the service has reported one, otherwise null (show an indeterminate bar then).
 */
export function useCallProgress(key: string, active: boolean): number | null {
  const [fraction, setFraction] = useState<number | null>(null);
  useEffect(() => {
    if (!active) {
      setFraction(null);
      return;
    }
    let stopped = false;
    const poll = async () => {
      try {
        const p = await rpc('system.progress', { key });
        if (!stopped && p.fraction !== null) setFraction(p.fraction);
      } catch {
        // a failed poll only means no figure this time
      }
    };
    const timer = setInterval(() => void poll(), 400);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [key, active]);
  return fraction;
}

/** Seconds since `running` became true, for the progress text of long work. */
export function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}
