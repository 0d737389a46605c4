// Texts of the backups screen(s), Chinese and English, merged under `backups.` by zh-CN.ts and en.ts.
export const zhCN = {
  title: '备份与恢复',
};

export const en: typeof zhCN = {
  title: 'Backups',
};
