// When the database cannot be opened (a migration or the first backup fails, the disk is full,
// a newer version wrote it), the window says so and what to do, instead of the app vanishing.
// The renderer shows this message where its data would be (its load error banner).

export function startupFailureMessage(cause: string, dataDir: string): string {
  return [
    `数据库未能打开：${cause}。`,
    '升级数据库前会自动留一份备份，原有数据不会丢失。',
    '请先关闭本程序再打开一次；如仍出现此提示，请点菜单「帮助 → 导出诊断信息」，把保存的文件发给管理员。',
    `数据文件夹（含 backups 备份）：${dataDir}`,
  ].join('');
}
