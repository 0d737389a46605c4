// Texts of the sync screen(s), Chinese and English, merged under `sync.` by zh-CN.ts and en.ts.
export const zhCN = {
  title: '同步',
};

export const en: typeof zhCN = {
  title: 'Sync',
};
