import type { MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '@shared/contract/desktop';
import type { ElectronApi } from './electronApi';

// The application menu, in the UI's language: Electron's roles for editing (so copy, paste and
// undo work in every input) and zoom, the shell's own commands, and reload and developer tools
// in development only.

export interface MenuActions {
  openDataFolder(): void;
  backupNow(): void;
  exportDiagnostics(): void;
  about(): void;
}

const LABELS = {
  file: { zh: '文件', en: 'File' },
  openDataFolder: { zh: '打开数据文件夹', en: 'Open data folder' },
  backupNow: { zh: '立即备份', en: 'Back up now' },
  quit: { zh: '退出', en: 'Quit' },
  edit: { zh: '编辑', en: 'Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select all' },
  view: { zh: '视图', en: 'View' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  resetZoom: { zh: '实际大小', en: 'Actual size' },
  fullScreen: { zh: '全屏', en: 'Full screen' },
  reload: { zh: '重新加载', en: 'Reload' },
  devTools: { zh: '开发者工具', en: 'Developer tools' },
  help: { zh: '帮助', en: 'Help' },
  exportDiagnostics: { zh: '导出诊断信息…', en: 'Export diagnostics…' },
  about: { zh: '关于科技服务走访台账', en: 'About Visit Ledger' },
} as const;

export type MenuLabel = keyof typeof LABELS;

export function menuLabel(key: MenuLabel, language: UiLanguage): string {
  return LABELS[key][language === 'en' ? 'en' : 'zh'];
}

export function menuTemplate(
  language: UiLanguage,
  actions: MenuActions,
  development: boolean,
): MenuItemConstructorOptions[] {
  const l = (key: MenuLabel) => menuLabel(key, language);
  return [
    {
      label: l('file'),
      submenu: [
        { label: l('openDataFolder'), click: () => actions.openDataFolder() },
        { label: l('backupNow'), click: () => actions.backupNow() },
        { type: 'separator' },
        { label: l('quit'), role: 'quit' },
      ],
    },
    {
      label: l('edit'),
      submenu: [
        { label: l('undo'), role: 'undo' },
        { label: l('redo'), role: 'redo' },
        { type: 'separator' },
        { label: l('cut'), role: 'cut' },
        { label: l('copy'), role: 'copy' },
        { label: l('paste'), role: 'paste' },
        { label: l('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: l('view'),
      submenu: [
        { label: l('zoomIn'), role: 'zoomIn' },
        { label: l('zoomOut'), role: 'zoomOut' },
        { label: l('resetZoom'), role: 'resetZoom' },
        { type: 'separator' },
        { label: l('fullScreen'), role: 'togglefullscreen' },
        ...(development
          ? ([
              { type: 'separator' },
              { label: l('reload'), role: 'reload' },
              { label: l('devTools'), role: 'toggleDevTools' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: l('help'),
      submenu: [
        { label: l('exportDiagnostics'), click: () => actions.exportDiagnostics() },
        { type: 'separator' },
        { label: l('about'), click: () => actions.about() },
      ],
    },
  ];
}

export function installMenu(
  Menu: ElectronApi['Menu'],
  language: UiLanguage,
  actions: MenuActions,
  development: boolean,
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, actions, development)));
}
