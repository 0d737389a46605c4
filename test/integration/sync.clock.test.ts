import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';

// Found by the sync property test: a laptop whose clock runs fast edits a field; another
// laptop imports that, then edits the same field itself. Its edit knew the fast value and
// must win everywhere — before the fix its clock ignored the fast stamp, so its edit was
// stamped earlier: it kept showing its own value while every other laptop showed the fast
// one, for good. (More than a day fast, the change is held in quarantine instead, never
// applied nor followed: sync.quarantine.test.ts.)

const PASS = 'correct horse battery staple';

function ship(from: TestCore, to: TestCore) {
  return to.ok('sync.import', { contentBase64: from.ok('sync.export', {}).contentBase64! });
}

describe('sync with a clock far ahead', () => {
  it('an edit made after seeing a value from a fast clock wins on every laptop', () => {
    const a = makeCore();
    const b = makeCore();
    const c = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
    c.ok('sync.team.join', { code: teamCode, passphrase: PASS });
    const e = a.ok('experts.create', { name: '陈教授' });
    ship(a, b);
    ship(a, c);

    a.clock.ms += 20 * 3600_000; // a's clock is 20 hours fast
    a.ok('experts.update', { id: e.id, title: '教授（钟快）' });
    ship(a, b);
    expect(b.ok('experts.get', { id: e.id }).title).toBe('教授（钟快）');

    b.ok('experts.update', { id: e.id, title: '研究员' });
    ship(b, a);
    ship(b, c);
    ship(a, c);
    for (const t of [a, b, c]) expect(t.ok('experts.get', { id: e.id }).title).toBe('研究员');
    // b's edit knew the fast value: no conflict anywhere.
    for (const t of [a, b, c]) expect(t.ok('conflicts.list', {}).rows).toHaveLength(0);
    // b's clock followed the fast stamp, and says so.
    expect(b.ok('sync.status', {}).clockBehind).not.toBeNull();
  });
});
