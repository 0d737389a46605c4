import { extname } from 'node:path';

// A file the system hands the app on its command line: double-clicking a `.vlsync` received
// in a chat (the installer's file association), or "Open with" on a ledger workbook. On the
// first launch it is in process.argv; on a later one it arrives with 'second-instance'.

export type OpenPurpose = 'sync' | 'ledger';
export interface OpenPath {
  purpose: OpenPurpose;
  path: string;
}

const PURPOSE_OF_EXTENSION: Record<string, OpenPurpose> = {
  '.vlsync': 'sync',
  '.xlsx': 'ledger',
  '.xlsm': 'ledger',
  '.xls': 'ledger',
  '.csv': 'ledger',
};

/** The last file argument the app knows how to open (switches and the executable are skipped). */
export function openPathOf(argv: readonly string[]): OpenPath | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) continue;
    const purpose = PURPOSE_OF_EXTENSION[extname(arg).toLowerCase()];
    if (purpose) return { purpose, path: arg };
  }
  return null;
}
