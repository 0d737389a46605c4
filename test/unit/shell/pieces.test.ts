import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLog } from '../../../src-main/doors/electron/log';
import { openPathOf } from '../../../src-main/doors/electron/openRequest';
import { placeWindow } from '../../../src-main/doors/electron/windowState';
import { diagnosticsFileName, diagnosticsText } from '../../../src-main/doors/electron/diagnostics';
import { proposedFileName } from '../../../src-main/doors/electron/dialogs';

const laptop = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const monitor = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };

describe('placeWindow', () => {
  it('opens 1400×900 centred on the primary display the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({
      x: 260,
      y: 70,
      width: 1400,
      height: 900,
      maximized: false,
    });
  });

  it('keeps a saved place that is on a display, on whichever display it is', () => {
    const saved = { x: 2000, y: 40, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop, monitor], laptop)).toEqual(saved);
  });

  it('centres on the primary display when the saved display is gone, keeping maximised', () => {
    const saved = { x: 2000, y: 40, width: 1600, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({
      x: 160,
      y: 20,
      width: 1600,
      height: 1000,
      maximized: true,
    });
  });

  it('moves back a window whose title bar hangs off the top or left', () => {
    const saved = { x: -1300, y: -500, width: 1400, height: 800, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.x).toBeGreaterThanOrEqual(0);
    expect(placed.y).toBeGreaterThanOrEqual(0);
  });

  it('never below 1280×720, nor larger than the display', () => {
    const tiny = { x: 10, y: 10, width: 300, height: 200, maximized: false };
    expect(placeWindow(tiny, [laptop], laptop)).toMatchObject({ x: 10, y: 10, width: 1280, height: 720 });
    const small = { workArea: { x: 0, y: 0, width: 1093, height: 614 } };
    expect(placeWindow(tiny, [small], small)).toMatchObject({ x: 0, y: 0, width: 1093, height: 614 });
  });
});

describe('openPathOf', () => {
  it('finds the sync file or the ledger among the arguments', () => {
    expect(openPathOf(['VisitLedger.exe', 'C:\\Users\\王\\Downloads\\a.VLSYNC'])).toEqual({
      purpose: 'sync',
      path: 'C:\\Users\\王\\Downloads\\a.VLSYNC',
    });
    expect(openPathOf(['VisitLedger.exe', '--allow-file-access', '台账.xlsx'])).toEqual({
      purpose: 'ledger',
      path: '台账.xlsx',
    });
    expect(openPathOf(['VisitLedger.exe', 'notes.txt'])).toBeNull();
    expect(openPathOf(['a.vlsync'])).toBeNull(); // the executable itself
  });
});

describe('the main-process log', () => {
  it('rotates past its size, keeps a bounded number of files and reads oldest first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-log-'));
    let n = 0;
    const log = openLog(dir, {
      maxBytes: 200,
      keep: 2,
      now: () => new Date(Date.UTC(2026, 10, 23, 0, 0, n++)),
    });
    for (let i = 0; i < 20; i++) log.info(`job sync.import ok line ${String(i).padStart(2, '0')}`);
    log.error('start failed:\nSQLITE_FULL');
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    const all = log.read();
    const numbers = [...all.matchAll(/line (\d+)/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers.at(-1)).toBe(19);
    expect(numbers[0]).toBeGreaterThan(0); // the oldest were dropped
    expect(readFileSync(log.file, 'utf8')).toMatch(/ERROR start failed: \| SQLITE_FULL\n$/);
  });
});

describe('diagnostics', () => {
  it('says versions, where the data is and how the start went, and carries the log', () => {
    const at = new Date('2026-11-23T04:05:00Z');
    const text = diagnosticsText({
      at,
      versions: { app: '0.1.0', electron: '45.4.1' },
      os: 'win32 10.0.19045',
      dataDir: 'C:\\Users\\王\\AppData\\Roaming\\Visit Ledger',
      info: null,
      startupError: 'SQLITE_CORRUPT',
      log: '2026-11-23T04:00:00.000Z ERROR start failed: SQLITE_CORRUPT\n',
    });
    expect(text).toContain('app: 0.1.0');
    expect(text).toContain('electron: 45.4.1');
    expect(text).toContain('失败 failed: SQLITE_CORRUPT');
    expect(text).toMatch(/--- main\.log ---\n.*ERROR start failed/);
    expect(diagnosticsFileName(at)).toBe('走访台账诊断信息_20261123-0405.txt');
  });
});

describe('proposed file names', () => {
  const file = { contentBase64: '' };
  it('names a report by bureau, quarter and scope', () => {
    expect(
      proposedFileName(
        {
          ...file,
          purpose: 'report',
          fileName: '季度走访工作总结-2026Q1-张三.xlsx',
          quarter: '2026Q1',
          scopeName: '张三',
        },
        '启明区科技局',
      ),
    ).toBe('启明区科技局_2026年第一季度走访工作总结_张三.xlsx');
  });
  it('names a report of any period by its title', () => {
    const name = (period: string) =>
      proposedFileName({ ...file, purpose: 'report', fileName: 'XX区科技局_x.docx', period }, '启明区科技局');
    expect(name('2026-01-01..2026-08-31')).toBe('启明区科技局_2026年1-8月走访工作总结.docx');
    expect(name('2026H1')).toBe('启明区科技局_2026年上半年走访工作总结.docx');
    expect(name('2026-08')).toBe('启明区科技局_2026年8月走访工作总结.docx');
  });
  it('keeps a sync file’s own name', () => {
    expect(
      proposedFileName({ ...file, purpose: 'sync', fileName: 'A1B2-20261123T040500-1-9.vlsync' }, '科技局'),
    ).toBe('A1B2-20261123T040500-1-9.vlsync');
  });
});
