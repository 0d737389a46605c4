import { msg } from '@shared/messages';
import { ApiError } from '@shared/contract/errors';
import { defineMethod } from '../../registry/define';
import { backupStore, backupToFile, listBackupsOf, restoreBackup } from './service';

export const backupsMethods = [
  defineMethod({ name: 'backups.list', handler: (c) => ({ rows: listBackupsOf(c) }) }),
  defineMethod({
    name: 'backups.create',
    // VACUUM INTO cannot run in a transaction.
    transaction: 'own',
    handler: (c, i) => {
      if (i.out) return backupToFile(c, i.out);
      const b = backupStore(c, 'manual');
      if (!b) throw new ApiError('CONFLICT', msg('backup.noneInMemory'));
      return { path: b.path, bytes: b.bytes };
    },
  }),
  // It takes a safety backup first, then replaces the database.
  defineMethod({ name: 'backups.restore', transaction: 'own', handler: (c, i) => restoreBackup(c, i.file) }),
] as const;
