import { describe, expect, it } from 'vitest';
import { encodeFile, type WireChange } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import { formatHlc, HybridClock, parseHlc } from '@shared/domain/hlc';
import { makeCore, type TestCore } from '../helpers';

// One laptop with a wrong clock must not take the team's clocks with it: changes stamped more
// than 24 h ahead of the importing laptop are held in quarantine, never applied nor followed by
// its clock, until a person accepts (re-stamped now, as this laptop's edit) or discards them,
// or until time has caught up with them.

const PASS = 'correct horse battery staple';

function team(): { a: TestCore; b: TestCore; c: TestCore } {
  const a = makeCore();
  const b = makeCore();
  const c = makeCore();
  const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
  b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  c.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  // Each laptop has its own name, so messages can be checked for it.
  for (const [t, name] of [
    [a, '王科长的笔记本'],
    [b, '李干事的笔记本'],
    [c, '张主任的笔记本'],
  ] as const) {
    t.core.store.db.prepare(`UPDATE devices SET "name" = ? WHERE "id" = ?`).run(name, t.core.store.device.id);
    t.core.store.device.name = name;
  }
  return { a, b, c };
}

function fileOf(from: TestCore, full = false) {
  return from.ok('sync.export', { full }).contentBase64!;
}

function ship(from: TestCore, to: TestCore, full = false) {
  return to.ok('sync.import', { contentBase64: fileOf(from, full) });
}

/** The newest stamp this laptop's own log holds, in ms. */
const newestOwnMs = (t: TestCore) => {
  const h = t.core.store.db
    .prepare(`SELECT max("hlc") AS h FROM changes WHERE "device" = ?`)
    .get(t.core.store.device.id) as { h: string };
  return parseHlc(h.h).ms;
};

/** a and b share an expert; then a's clock jumps `days` ahead and a retitles it. */
function fastEdit(days = 3) {
  const { a, b, c } = team();
  const e = a.ok('experts.create', { name: '陈教授', title: '教授' });
  ship(a, b);
  ship(a, c);
  a.clock.advanceDays(days);
  a.ok('experts.update', { id: e.id, title: '研究员（钟快）' });
  return { a, b, c, e };
}

describe('quarantine of changes stamped far ahead', () => {
  it('holds them unapplied, names the laptop, and leaves the local clock alone', () => {
    const { a, b, e } = fastEdit();
    const file = fileOf(a);
    const report = b.ok('sync.import', { contentBase64: file });
    const warning = report.anomalies.find((x) => x.kind === 'clock_ahead');
    expect(warning?.message).toContain('王科长的笔记本');
    expect(warning?.deviceName).toBe('王科长的笔记本');
    expect(b.ok('experts.get', { id: e.id }).title).toBe('教授');

    const { rows } = b.ok('quarantine.list', {});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      device: a.core.store.device.id,
      deviceName: '王科长的笔记本',
      kind: 'experts',
      recordId: e.id,
      recordLabel: '陈教授',
      field: 'title',
      value: '研究员（钟快）',
      at: new Date(a.clock.ms).toISOString(),
    });
    expect(b.ok('sync.status', {}).quarantined).toBe(1);

    // b's next edit is stamped by b's own clock, not in a's future.
    b.ok('experts.update', { id: e.id, name: '陈建国' });
    expect(newestOwnMs(b)).toBeLessThanOrEqual(b.clock.ms);
    expect(b.ok('sync.status', {}).clockBehind).toBeNull();

    // The file counts as imported; importing it again holds nothing twice.
    const imported = b.ok('sync.status', {}).imports.length;
    expect(b.ok('sync.import', { contentBase64: file }).newChanges).toBe(0);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(1);
    expect(b.ok('sync.status', {}).imports).toHaveLength(imported + 1);
  });

  it('accept writes the value again as an edit of this laptop, stamped now, that syncs on', () => {
    const { a, b, c, e } = fastEdit();
    ship(a, b);
    const [held] = b.ok('quarantine.list', {}).rows;
    const out = b.ok('quarantine.resolve', { hlcs: [held!.hlc], action: 'accept' });
    expect(out.resolved).toBe(1);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(0);
    expect(b.ok('experts.get', { id: e.id }).title).toBe('研究员（钟快）');
    const mine = b.core.store.db
      .prepare(
        `SELECT "hlc","device" FROM changes WHERE "rowId" = ? AND "field" = 'title' ORDER BY "hlc" DESC`,
      )
      .get(e.id) as { hlc: string; device: string };
    expect(mine.device).toBe(b.core.store.device.id);
    expect(parseHlc(mine.hlc).ms).toBeLessThanOrEqual(b.clock.ms);
    ship(b, c);
    expect(c.ok('experts.get', { id: e.id }).title).toBe('研究员（钟快）');
  });

  it('accept creates a record whose creation was held', () => {
    const { a, b } = team();
    a.clock.advanceDays(2);
    const x = a.ok('experts.create', { name: '未来专家', title: '高工' });
    ship(a, b);
    expect(b.err('experts.get', { id: x.id }).code).toBe('NOT_FOUND');
    const hlcs = b.ok('quarantine.list', {}).rows.map((r) => r.hlc);
    expect(hlcs.length).toBeGreaterThan(1);
    b.ok('quarantine.resolve', { hlcs, action: 'accept' });
    expect(b.ok('experts.get', { id: x.id })).toMatchObject({ name: '未来专家', title: '高工' });
  });

  it('discard drops them', () => {
    const { a, b, e } = fastEdit();
    ship(a, b);
    const hlcs = b.ok('quarantine.list', {}).rows.map((r) => r.hlc);
    expect(b.ok('quarantine.resolve', { hlcs, action: 'discard' }).resolved).toBe(1);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(0);
    expect(b.ok('experts.get', { id: e.id }).title).toBe('教授');
    expect(b.ok('sync.status', {}).quarantined).toBe(0);
    expect(b.err('quarantine.resolve', { hlcs, action: 'discard' }).code).toBe('NOT_FOUND');
  });

  it('applies them at the next import once time has caught up', () => {
    const { a, b, c, e } = fastEdit(3);
    ship(a, b);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(1);
    b.clock.advanceDays(3);
    c.clock.advanceDays(3);
    c.ok('experts.create', { name: '无关专家' });
    ship(c, b);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(0);
    expect(b.ok('experts.get', { id: e.id }).title).toBe('研究员（钟快）');
  });

  it('a stamp at the end of time is held, and the laptop that received it still writes readable files', () => {
    const { a, b, c } = team();
    const x = a.ok('experts.create', { name: '陈教授' });
    ship(a, b);
    ship(a, c);
    const node = a.core.store.device.id;
    const crafted: WireChange[] = [
      [
        formatHlc({ ms: 10 ** 15 - 1, counter: 36 ** 5 - 1, node }),
        node,
        null,
        'experts',
        x.id,
        'title',
        '永恒',
        null,
      ],
    ];
    const file = encodeFile(
      requireTeam(a.core.store),
      {
        schemaVersion: SCHEMA_VERSION,
        origin: { id: node, name: '王科长的笔记本' },
        exportedAt: new Date(a.clock.ms).toISOString(),
        full: false,
        changeCount: crafted.length,
        clockRange: {},
      },
      crafted,
    );
    b.ok('sync.import', { contentBase64: file.toString('base64') });
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(1);
    b.ok('experts.update', { id: x.id, title: '研究员' });
    ship(b, c);
    expect(c.ok('experts.get', { id: x.id }).title).toBe('研究员');
  });

  it('a laptop whose clock fell back holds nothing it is not ahead of: its clock knows the time it saw', () => {
    // b has synced with the team, then its wall clock falls back two days (a flat CMOS
    // battery). Healthy edits of a, made at the real time, are not "ahead" of b: b's own
    // stamps and the team's already reach that time.
    const { a, b, e } = fastEdit(0);
    ship(a, b);
    b.clock.advanceDays(-2);
    a.ok('experts.update', { id: e.id, title: '研究员' });
    const report = ship(a, b);
    expect(report.anomalies.filter((x) => x.kind === 'clock_ahead')).toEqual([]);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(0);
    expect(b.ok('experts.get', { id: e.id }).title).toBe('研究员');
    // The bound still holds beyond what the laptop has seen: a day and more past it is held.
    a.clock.advanceDays(3);
    a.ok('experts.update', { id: e.id, title: '研究员（钟快）' });
    ship(a, b);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(1);
    expect(b.ok('experts.get', { id: e.id }).title).toBe('研究员');
  });

  it('a delete stamped ahead is held too, and accepted deletes the record', () => {
    const { a, b, e } = fastEdit(0);
    ship(a, b);
    a.clock.advanceDays(5);
    a.ok('experts.delete', { id: e.id });
    ship(a, b);
    expect(b.ok('experts.get', { id: e.id }).deletedAt).toBeNull();
    const hlcs = b.ok('quarantine.list', {}).rows.map((r) => r.hlc);
    b.ok('quarantine.resolve', { hlcs, action: 'accept' });
    expect(b.err('experts.get', { id: e.id }).code).toBe('NOT_FOUND');
  });
});

describe('stamps of an impossible shape', () => {
  it('parseHlc refuses what formatHlc cannot write', () => {
    const node = '0190aaaa-0000-7000-8000-000000000001';
    const good = formatHlc({ ms: 1_700_000_000_000, counter: 7, node });
    expect(parseHlc(good)).toEqual({ ms: 1_700_000_000_000, counter: 7, node });
    for (const bad of [
      `${good.slice(0, 22)}${'x'.repeat(178)}`, // a node no device has
      `0001700000000000-00007-${node}`, // 16 digits of ms
      `001700000000000-0007-${node}`, // 4 counter digits
      `001700000000000-0000Z-${node}`, // an upper-case counter
      `001700000000000-00007-`, // no node
      `00170000000000a-00007-${node}`,
      `001700000000000_00007-${node}`,
    ]) {
      expect(() => parseHlc(bad), bad).toThrow(RangeError);
      // A log may hold one from before imports refused them: the clock does not follow it.
      const clock = new HybridClock(node, () => 1_700_000_000_000);
      clock.observe(bad);
      expect(clock.latestMs).toBe(0);
    }
  });

  it('a malformed stamp skips that change with an anomaly; the rest of the file and later files apply', () => {
    const { a, b } = team();
    const node = a.core.store.device.id;
    const id = (n: number) => `0190aaaa-0000-7000-8000-00000000000${n}`;
    const stamp = (counter: number) => formatHlc({ ms: a.clock.ms, counter, node });
    const longest = `${stamp(2).slice(0, 22)}${'z'.repeat(178)}`;
    expect(longest).toHaveLength(200);
    const changes: WireChange[] = [
      [stamp(1), node, null, 'experts', id(1), 'name', '甲', null],
      [longest, node, null, 'experts', id(2), 'name', '乙', null],
      [stamp(3), node, null, 'experts', id(3), 'name', '丙', stamp(1)],
    ];
    const file = encodeFile(
      requireTeam(a.core.store),
      {
        schemaVersion: SCHEMA_VERSION,
        origin: { id: node, name: '王科长的笔记本' },
        exportedAt: new Date(a.clock.ms).toISOString(),
        full: false,
        changeCount: changes.length,
        clockRange: {},
      },
      changes,
    );
    const report = b.ok('sync.import', { contentBase64: file.toString('base64') });
    const skipped = report.anomalies.filter((x) => x.kind === 'malformed_stamp');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.message).toContain('2');
    expect(b.ok('experts.get', { id: id(1) }).name).toBe('甲');
    expect(b.ok('experts.get', { id: id(3) }).name).toBe('丙');
    expect(b.err('experts.get', { id: id(2) }).code).toBe('NOT_FOUND');
    b.ok('experts.update', { id: id(1), name: '甲乙' });
    const c = makeCore();
    c.ok('sync.team.join', { code: b.ok('sync.status', {}).teamCode!, passphrase: PASS });
    ship(b, c, true);
    expect(c.ok('experts.get', { id: id(1) }).name).toBe('甲乙');
  });
});
