// Texts of the reports screen(s), Chinese and English, merged under `reports.` by zh-CN.ts and en.ts.
export const zhCN = {
  title: '统计报表',
};

export const en: typeof zhCN = {
  title: 'Reports',
};
