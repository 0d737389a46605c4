import { writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { z } from 'zod';
import type { OpenPurpose, OpenRequest, SaveFileInput, UiLanguage } from '@shared/contract/desktop';
import { periodOrNull } from '@shared/domain/period';
import { periodTitle } from '../../features/reports/format';
import type { Dialog, Window } from './electronApi';
import { EXTENSIONS_OF, readOpenPath } from './openRequest';

// The native dialogs behind the preload's named calls: where an export is saved (proposed in
// Documents, under a Chinese name a bureau would give it) and which folder syncs.

/** The bureau's name in proposed file names: the install's orgName setting, or 科技局. */
export function bureauName(orgName: string | null | undefined): string {
  return orgName?.trim() || '科技局';
}

type SaveRequest = z.output<typeof SaveFileInput>;

/**
 * The name the save dialog proposes: `启明区科技局_2026年第三季度走访工作总结.docx` for a
 * report, the bureau before the core's own name for a ledger, the core's name otherwise (a
 * sync file's name is read by the sync folder and stays as the core wrote it).
 */
export function proposedFileName(request: SaveRequest, bureau: string): string {
  const ext = extname(request.fileName);
  switch (request.purpose) {
    case 'report': {
      const period = periodOrNull(request.period ?? request.quarter);
      if (!period) return `${bureau}_${request.fileName}`;
      const scope = request.scopeName ? `_${request.scopeName}` : '';
      return `${bureau}_${periodTitle(period.key)}走访工作总结${scope}${ext}`;
    }
    case 'ledger':
    case 'rejects':
      return request.fileName.startsWith(bureau) ? request.fileName : `${bureau}_${request.fileName}`;
    case 'sync':
    case 'diagnostics':
      return request.fileName;
  }
}

const FILTERS: Record<string, { zh: string; en: string }> = {
  '.docx': { zh: 'Word 文档', en: 'Word document' },
  '.xlsx': { zh: 'Excel 工作簿', en: 'Excel workbook' },
  '.csv': { zh: 'CSV 文件（逗号分隔）', en: 'CSV file' },
  '.vlsync': { zh: '走访台账同步文件', en: 'Visit Ledger sync file' },
  '.txt': { zh: '文本文件', en: 'Text file' },
  '.zip': { zh: 'ZIP 压缩包', en: 'ZIP archive' },
};

const WORDS = {
  saveTitle: { zh: '保存文件', en: 'Save file' },
  folderTitle: { zh: '选择同步文件夹', en: 'Choose the sync folder' },
  folderButton: { zh: '选择此文件夹', en: 'Use this folder' },
  openLedger: { zh: '打开台账文件', en: 'Open a ledger file' },
  openSync: { zh: '打开同步文件', en: 'Open a sync file' },
  ledgerFilter: { zh: '台账（Excel、WPS 表格、CSV）', en: 'Ledgers (Excel, WPS, CSV)' },
  syncFilter: { zh: '走访台账同步文件', en: 'Visit Ledger sync file' },
} as const;

const word = (key: keyof typeof WORDS, language: UiLanguage) => WORDS[key][language === 'en' ? 'en' : 'zh'];

/** The save dialog's filter: the file's own type only, so the extension cannot be lost. */
export function saveFilters(
  fileName: string,
  language: UiLanguage,
): { name: string; extensions: string[] }[] {
  const ext = extname(fileName).toLowerCase();
  const label = FILTERS[ext];
  if (!label) return [];
  return [{ name: label[language === 'en' ? 'en' : 'zh'], extensions: [ext.slice(1)] }];
}

export interface DialogContext {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  window: Window | null;
  documentsDir: string;
  language: UiLanguage;
}

/** Asks where to save the file and writes it there; null when the person cancels. */
export async function saveFile(
  ctx: DialogContext,
  request: SaveRequest,
  bureau: string,
): Promise<{ path: string } | null> {
  const options = {
    title: word('saveTitle', ctx.language),
    defaultPath: join(ctx.documentsDir, proposedFileName(request, bureau)),
    filters: saveFilters(request.fileName, ctx.language),
    properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
  };
  const r = ctx.window
    ? await ctx.dialog.showSaveDialog(ctx.window, options)
    : await ctx.dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return null;
  writeFileSync(r.filePath, Buffer.from(request.contentBase64, 'base64'));
  return { path: r.filePath };
}

/** Asks for a folder (the shared folder laptops sync through); null when cancelled. */
export async function chooseFolder(
  ctx: DialogContext,
  current: string | null,
): Promise<{ path: string } | null> {
  const options = {
    title: word('folderTitle', ctx.language),
    buttonLabel: word('folderButton', ctx.language),
    defaultPath: current ?? ctx.documentsDir,
    properties: ['openDirectory' as const, 'createDirectory' as const],
  };
  const r = ctx.window
    ? await ctx.dialog.showOpenDialog(ctx.window, options)
    : await ctx.dialog.showOpenDialog(options);
  const path = r.filePaths[0];
  return r.canceled || !path ? null : { path };
}

/** Asks for a ledger or sync file (filtered to what the purpose opens) and reads it; null when cancelled. */
export async function openFile(ctx: DialogContext, purpose: OpenPurpose): Promise<OpenRequest | null> {
  const ledger = purpose === 'ledger';
  const options = {
    title: word(ledger ? 'openLedger' : 'openSync', ctx.language),
    defaultPath: ctx.documentsDir,
    filters: [
      {
        name: word(ledger ? 'ledgerFilter' : 'syncFilter', ctx.language),
        extensions: [...EXTENSIONS_OF[purpose]],
      },
    ],
    properties: ['openFile' as const],
  };
  const r = ctx.window
    ? await ctx.dialog.showOpenDialog(ctx.window, options)
    : await ctx.dialog.showOpenDialog(options);
  const path = r.filePaths[0];
  return r.canceled || !path ? null : readOpenPath({ purpose, path });
}
