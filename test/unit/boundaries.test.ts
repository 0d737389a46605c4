import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The folders are the architecture: lint refuses an import across a boundary.
describe('import boundaries (lint)', () => {
  const eslint = new ESLint();
  const lint = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it('refuses main-side code in the renderer', async () => {
    const code = `import { openStore } from '../src-main/store/db';\nexport const x = openStore;\n`;
    expect((await lint('src-renderer/x.ts', code))[0]).toMatch(/only through @shared/);
    const node = `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`;
    expect(await lint('src-renderer/x.ts', node)).toHaveLength(1);
  });

  it('lets the renderer import @shared', async () => {
    const code = `import { DEMAND_STATUSES } from '@shared/domain/enums';\nexport const x = DEMAND_STATUSES;\n`;
    expect(await lint('src-renderer/x.ts', code)).toEqual([]);
  });

  it('keeps src-shared free of main, renderer and Node', async () => {
    const main = `import { openStore } from '../../src-main/store/db';\nexport const x = openStore;\n`;
    expect((await lint('src-shared/domain/x.ts', main))[0]).toMatch(/imports nothing of main/);
    const ui = `import { App } from '../../src-renderer/App';\nexport const x = App;\n`;
    expect(await lint('src-shared/domain/x.ts', ui)).toHaveLength(1);
    const node = `import { join } from 'node:path';\nexport const x = join;\n`;
    expect(await lint('src-shared/domain/x.ts', node)).toHaveLength(1);
  });

  it('keeps electron inside the Electron door', async () => {
    const code = `import { app } from 'electron';\nexport const x = app;\n`;
    expect(await lint('src-main/features/sync/x.ts', code)).toHaveLength(1);
    expect(await lint('src-main/doors/electron/x.ts', code)).toEqual([]);
  });
});
