import type { RunningApp } from './app';
import { purgeExpiredSessions } from './services/auth/sessions';
import { dailyBackupDue, takeBackup } from './store/backups';

/** Hourly: purge expired sessions, take the daily backup when due (SQLite; PostgreSQL's are the server's). */
export function startMaintenance(app: RunningApp): () => void {
  const tick = async () => {
    try {
      await purgeExpiredSessions(app.database, app.clock);
      if (app.engine === 'sqlite' && dailyBackupDue(app.dataDir, app.clock.now())) {
        await takeBackup(app.database, app.dataDir, 'daily', app.clock.now());
      }
    } catch (e) {
      console.error('[växla] underhåll:', e);
    }
  };
  const timer = setInterval(() => void tick(), 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
