import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A test id names one control: two screens sharing one (the sync file input and the ledger
// file input were both "import-file") let a test or a script reach the wrong one.

const ROOT = 'src-renderer/';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

describe('test ids', () => {
  it('are each written in one component only', () => {
    const files = new Map<string, Set<string>>();
    for (const file of sources(ROOT)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/data-testid="([^"]+)"/g)) {
        const set = files.get(m[1]!) ?? new Set<string>();
        set.add(file.slice(ROOT.length));
        files.set(m[1]!, set);
      }
    }
    const shared = [...files].filter(([, f]) => f.size > 1).map(([id, f]) => `${id}: ${[...f].join(', ')}`);
    expect(shared).toEqual([]);
  });
});
