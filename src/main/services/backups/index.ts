import type { HandlerMap } from '../handlers';
import { BACKUP_RETENTION, backupsOf, takeBackup, type BackupInfo } from '../../store/backups';
import { ruleError } from '../../../shared/errors';

/** What the admin sees of a backup: never the full path of each file, only the folder once. */
const view = (b: BackupInfo) => ({
  name: b.name,
  reason: b.reason,
  createdAt: new Date(b.createdAt).toISOString(),
  bytes: b.bytes,
});

export const backupHandlers: HandlerMap<'system.backups' | 'system.backup'> = {
  'system.backups': async (ctx) => {
    const { folder, backups } = backupsOf(ctx.db, ctx.config.dataDir);
    return {
      engine: ctx.config.engine,
      folder: folder ?? '',
      backups: backups.map(view),
      retention: { ...BACKUP_RETENTION },
      notices: ctx.config.startupNotices ?? [],
    };
  },

  'system.backup': async (ctx) => {
    const b = await takeBackup(ctx.db, ctx.config.dataDir, 'manual', ctx.clock.now());
    if (!b) {
      throw ruleError(
        'Växla använder en PostgreSQL-databas: säkerhetskopior tas av databasservern (pg_dump), inte av Växla.',
      );
    }
    await ctx.tx((t) =>
      ctx.audit.change(
        t,
        'backup',
        b.name,
        null,
        { name: b.name, bytes: b.bytes },
        'Säkerhetskopia tagen av administratören',
      ),
    );
    return view(b);
  },
};
