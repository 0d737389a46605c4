import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The heavy file libraries (Excel, Word, charts) load when a call first makes or reads such a
// file, not when a door starts: every CLI call and the app's start would pay for them.
const loaded = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((p) =>
    /node_modules\/(exceljs|docx|echarts|zrender|@resvg)\//.test(p),
  );

describe('heavy libraries', () => {
  it('are not loaded by the doors, the registry or dispatch', async () => {
    await import('../../src-main/doors/cli/cli');
    await import('../../src-main/doors/web/server');
    await import('../../src-main/dispatch');
    expect(loaded()).toEqual([]);
  });
});
