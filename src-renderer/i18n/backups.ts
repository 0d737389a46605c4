// The backups screen (备份与恢复) and the change-history (audit) panel.
import { defineWords } from './words';

export default defineWords({
  backups: {
    title: { zh: '备份与恢复', en: 'Backups' },
    intro: {
      zh: '本机每天自动备份一次，在数据库升级、导入同步文件、导入台账和恢复之前也会先备份。每份备份写完后都经过完整性检查，未通过的不会列出；同时记录校验值，恢复前核对，内容被改动过的备份标为“已损坏”。保留最近 10 份，以及近 7 天每天、近 4 周每周、近 12 个月每月各一份。',
      en: 'This laptop backs up once a day, and before a database upgrade, a sync import, a ledger import and a restore. Each backup is integrity-checked when written; one that fails is never listed. Its checksum is recorded and checked before a restore: a backup whose content changed is shown as damaged. Kept: the newest 10, then one a day for 7 days, one a week for 4 weeks, one a month for 12 months.',
    },
    backupNow: { zh: '立即备份', en: 'Back up now' },
    backedUp: { zh: '已备份（{{size}}）', en: 'Backed up ({{size}})' },
    empty: { zh: '还没有备份。', en: 'No backups yet.' },
    at: { zh: '备份时间', en: 'Taken' },
    reason: { zh: '原因', en: 'Why' },
    size: { zh: '大小', en: 'Size' },
    file: { zh: '文件', en: 'File' },
    restore: { zh: '恢复', en: 'Restore' },
    restoreTitle: { zh: '恢复到 {{at}} 的备份', en: 'Restore the backup of {{at}}' },
    restoreWarn: {
      zh: '恢复后，本机数据将回到 {{at}} 时的状态，此后的修改不再显示。恢复之前会先把当前数据库备份一份（原因“恢复前”），如有需要可以再恢复回来。',
      en: "After the restore this laptop's data is as it was at {{at}}; later changes are no longer shown. The current database is backed up first (reason 'before restore'), so you can come back to it.",
    },
    restoreSyncNote: {
      zh: '备份之后从同事处导入的修改，重新导入他们的同步文件即可找回。',
      en: 'Changes imported from colleagues after the backup come back when their sync files are imported again.',
    },
    restoreConfirm: { zh: '备份当前数据并恢复', en: 'Back up current data and restore' },
    restored: {
      zh: '已恢复到 {{at}} 的备份；恢复前的数据已备份为 {{file}}',
      en: 'Restored the backup of {{at}}; the data before the restore is backed up as {{file}}',
    },
    newIdentity: {
      zh: '本机已改用新的设备身份和走访编号前缀，以免与备份之后已发出的同步记录和走访编号重复。',
      en: 'This laptop now has a new device identity and visit number code, so that it never repeats sync changes or visit numbers issued after the backup.',
    },
    check: { zh: '校验', en: 'Check' },
    checks: {
      verified: { zh: '完好', en: 'Intact' },
      unverified: { zh: '未校验（旧版本备份）', en: 'Not verified (older version)' },
      mismatch: { zh: '已损坏', en: 'Damaged' },
    },
    damagedHint: {
      zh: '备份已损坏（内容与备份时记录的校验值不符，或无法解压），不能恢复。',
      en: 'It is damaged (its content no longer matches the checksum written when it was taken, or it does not decompress): it cannot be restored.',
    },
    reasons: {
      daily: { zh: '每日自动', en: 'Daily' },
      'before-migration': { zh: '升级前', en: 'Before upgrade' },
      'before-sync-import': { zh: '导入同步文件前', en: 'Before sync import' },
      'before-ledger-import': { zh: '导入台账前', en: 'Before ledger import' },
      'before-restore': { zh: '恢复前', en: 'Before restore' },
      manual: { zh: '手动', en: 'Manual' },
    },
    audit: {
      title: { zh: '修改记录', en: 'Change history' },
      show: { zh: '查看修改记录', en: 'Show change history' },
      hide: { zh: '收起修改记录', en: 'Hide change history' },
      empty: { zh: '没有修改记录。', en: 'No changes recorded.' },
      at: { zh: '时间', en: 'When' },
      who: { zh: '修改人', en: 'Who' },
      device: { zh: '设备', en: 'Device' },
      field: { zh: '字段', en: 'Field' },
      change: { zh: '修改', en: 'Change' },
      created: { zh: '建立记录', en: 'Record created' },
      deleted: { zh: '删除记录', en: 'Record deleted' },
      restoredRecord: { zh: '恢复记录', en: 'Record restored' },
      unknownStaff: { zh: '（未设置本人）', en: '(no “me” set)' },
      viaSync: { zh: '同步而来', en: 'by sync' },
      thisDevice: { zh: '本机', en: 'this laptop' },
      empty_value: { zh: '（空）', en: '(empty)' },
      more: { zh: '另有 {{count}} 项', en: '{{count}} more' },
      // Record fields are named by their models (@shared/model); these are the meta columns.
      fields: {
        common: {
          createdAt: { zh: '建立时间', en: 'Created' },
          deletedAt: { zh: '删除', en: 'Deleted' },
          /** A demand's event that is no field edit (a unit's reply, 催办…). */
          history: { zh: '办理记录', en: 'Handling' },
        },
      },
    },
  },
});
