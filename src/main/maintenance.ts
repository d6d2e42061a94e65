import { backupDatabase, dailyBackupDue } from './db/backup';
import type { RunningApp } from './app';
import { purgeExpiredSessions } from './services/auth/sessions';

/** Hourly: purge expired sessions, take the daily backup when due. Returns a stop function. */
export function startMaintenance(app: RunningApp): () => void {
  const tick = () => {
    try {
      purgeExpiredSessions(app.db, app.clock);
      if (dailyBackupDue(app.dataDir, app.clock.now())) {
        void backupDatabase(app.db.$client, app.dataDir, 'daily', app.clock.now()).catch((e: unknown) =>
          console.error('[växla] daglig säkerhetskopia misslyckades:', e),
        );
      }
    } catch (e) {
      console.error('[växla] underhåll:', e);
    }
  };
  const timer = setInterval(tick, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
