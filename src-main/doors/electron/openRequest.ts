import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { OpenPurpose, OpenRequest } from '@shared/contract/desktop';

// A file the system hands the app on its command line: double-clicking a `.vlsync` received
// in a chat (the installer's file association), or "Open with" on a ledger workbook. On the
// first launch it is in process.argv; on a later one it arrives with 'second-instance'. The
// open dialog's choice is read the same way.

export interface OpenPath {
  purpose: OpenPurpose;
  path: string;
}

/** The extensions each purpose opens: the open dialog's filter and the command line's test. */
export const EXTENSIONS_OF: Record<OpenPurpose, readonly string[]> = {
  sync: ['vlsync'],
  ledger: ['xlsx', 'xlsm', 'xls', 'et', 'ods', 'csv'],
};

const PURPOSE_OF_EXTENSION = new Map<string, OpenPurpose>(
  Object.entries(EXTENSIONS_OF).flatMap(([purpose, exts]) =>
    exts.map((ext) => [`.${ext}`, purpose as OpenPurpose] as const),
  ),
);

/** The last file argument the app knows how to open (switches and the executable are skipped). */
export function openPathOf(argv: readonly string[]): OpenPath | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) continue;
    const purpose = PURPOSE_OF_EXTENSION.get(extname(arg).toLowerCase());
    if (purpose) return { purpose, path: arg };
  }
  return null;
}

/** Larger files are not read into the page (the core's own bounds are lower still). */
const MAX_OPEN_BYTES = 200 * 1024 * 1024;

/** The file read for the page; throws when it cannot be read or is too large. */
export function readOpenPath(p: OpenPath): OpenRequest {
  if (statSync(p.path).size > MAX_OPEN_BYTES) throw new Error('文件超过 200 MB，不能打开');
  return {
    purpose: p.purpose,
    name: basename(p.path),
    contentBase64: readFileSync(p.path).toString('base64'),
  };
}
