// Texts of the import screen(s), Chinese and English, merged under `import.` by zh-CN.ts and en.ts.
export const zhCN = {
  title: '台账导入',
};

export const en: typeof zhCN = {
  title: 'Import',
};
