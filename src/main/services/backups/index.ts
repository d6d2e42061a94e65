import type { HandlerMap } from '../../rpc/handler-types';
import { BACKUP_RETENTION, backupDatabase, backupsDir, listBackups, type BackupInfo } from '../../db/backup';

/** What the admin sees of a backup: never the full path of each file, only the folder once. */
const view = (b: BackupInfo) => ({
  name: b.name,
  reason: b.reason,
  createdAt: new Date(b.createdAt).toISOString(),
  bytes: b.bytes,
});

export const backupHandlers: HandlerMap<'system.backups' | 'system.backup'> = {
  'system.backups': async (ctx) => ({
    folder: backupsDir(ctx.config.dataDir),
    backups: listBackups(ctx.config.dataDir).map(view),
    retention: { ...BACKUP_RETENTION },
    notices: ctx.config.startupNotices ?? [],
  }),

  'system.backup': async (ctx) => {
    const b = await backupDatabase(ctx.db.$client, ctx.config.dataDir, 'manual', ctx.clock.now());
    ctx.audit.change(
      'backup',
      b.name,
      null,
      { name: b.name, bytes: b.bytes },
      'Säkerhetskopia tagen av administratören',
    );
    return view(b);
  },
};
