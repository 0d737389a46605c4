// Settings (设置).
import { defineWords } from './words';

export default defineWords({
  settings: {
    whoAmI: { zh: '本人', en: 'Me' },
    whoAmIHint: {
      zh: '这台电脑由谁使用：新走访默认由本人牵头，“我的待办”按本人列出。',
      en: 'Who uses this computer: new visits are led by “me”, and “My tasks” lists mine.',
    },
    me: { zh: '我是', en: 'I am' },
    setMe: { zh: '设为本人', en: 'Set as me' },
    meSaved: { zh: '已设置本人', en: 'Saved who you are' },
    currentMe: { zh: '当前本人', en: 'Currently' },
    noStaff: { zh: '还没有人员，请先', en: 'No staff yet:' },
    language: { zh: '语言', en: 'Language' },
    languageLabel: { zh: '界面语言', en: 'Interface language' },
    data: { zh: '数据', en: 'Data' },
    dbPath: { zh: '数据文件', en: 'Data file' },
    device: { zh: '本机', en: 'This device' },
    version: { zh: '版本', en: 'Version' },
    schema: { zh: '数据结构第 {{n}} 版', en: 'schema {{n}}' },
    today: { zh: '今天（上海时间）', en: 'Today (Shanghai)' },
    demo: { zh: '演示数据载入于', en: 'Demo loaded' },
    backupHint: {
      zh: '所有数据都保存在上面这个文件里；备份时复制整个文件夹即可。',
      en: 'All data lives in the file above; to back up, copy its folder.',
    },
  },
});
