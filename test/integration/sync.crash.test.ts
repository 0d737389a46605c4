import { describe, expect, it } from 'vitest';
import { crashCase, expectWholeImports } from './syncCrash';

// A sync import killed once in each of its phases, and once just after it returned, leaves the
// database as before or as after, never in between (syncCrash.ts). The soak
// (test/soak/sync.crash.test.ts) kills imports at random moments.

describe('crash safety of sync import', () => {
  it('an import killed in each of its phases, and after it returned, is wholly there or not at all', async () => {
    const c = await crashCase();
    // Reading and checking the file, the backup, applying, saving, indexing: whatever the
    // import went through.
    expect(c.phases).toEqual(expect.arrayContaining(['checking', 'backup', 'applying']));
    for (const phase of new Set(c.phases)) await c.kill({ said: `PHASE ${phase}` });
    await c.kill({ said: 'DONE' });
    await expectWholeImports(c);
  }, 120_000);
});
