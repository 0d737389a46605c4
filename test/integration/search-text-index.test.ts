import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../src-main/core';
import { call } from '../../src-main/dispatch';
import { openCore } from '../../src-main/open';
import { decodeFile } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { openStore } from '../../src-main/store/db';
import { pinyinInitials } from '../../src-main/store/initials';
import { listRows } from '../../src-main/store/records';
import { capturingInBulk } from '../../src-main/store/bulkCapture';
import type { TextIndexUse } from '../../src-main/store/search';
import { gramQuery, gramsOf, TEXT_INDEXES } from '../../src-main/store/textIndex';
import { MODELS, type FieldDef } from '@shared/model';
import type { ListQuery, MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import { demoDistrictAt, SEED_TEST_DISTRICT } from '../district';
import { applyAsImport, downgradeTo, makeCore, TestClock, type TestCore } from '../helpers';
import { fuzzCount, fuzzSeed } from '../fuzzRuns';
import { makeEnterprise } from './fixtures';
import { joinLike } from './sync-workload';

// The visits' text index (migration 26) only changes how a grid's search reads: the visits
// found, their order, the page and the total are those of the LIKE scan it replaces, whichever
// way the index is read (driving the read, or filtering the ordered scan), for every kind of
// word a person types, and after every way a visit is written.

type Mode = (word: string) => TextIndexUse | undefined;
const SCAN: Mode = () => undefined;
const MODES: Record<string, Mode | undefined> = {
  chosen: undefined,
  drive: () => 'drive',
  filter: () => 'filter',
};

function list(core: Core, query: ListQuery, mode?: Mode) {
  return mode ? listRows(core.store, 'visits', query, [], mode) : listRows(core.store, 'visits', query, []);
}

/** Each way of reading the index gives what the scan gives, rows and total. */
function expectScanResults(core: Core, query: ListQuery): number {
  const scan = list(core, query, SCAN);
  for (const [name, mode] of Object.entries(MODES)) {
    const got = list(core, query, mode);
    expect(got.total, `${name} ${JSON.stringify(query)}`).toBe(scan.total);
    expect(got.rows, `${name} ${JSON.stringify(query)}`).toEqual(scan.rows);
  }
  return scan.total;
}

/** A small deterministic generator (mulberry32), so that a failing word comes back. */
function randomOf(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the text index covers what the search reads', () => {
  it("holds exactly the visits' own searched texts: plain text fields, no initials", () => {
    const fields = MODELS.visits.fields as Record<string, FieldDef>;
    const own = Object.entries(fields).filter(([, f]) => f.search && !f.ref);
    expect(own.map(([name]) => name).sort()).toEqual([...TEXT_INDEXES.visits!.columns].sort());
    for (const [, f] of own) expect([f.sql, f.searchInitials ?? false]).toEqual(['text', false]);
  });
});

describe('gramsOf and gramQuery', () => {
  const hex = (s: string) => Buffer.from(s).toString('hex');

  it('splits a text into characters and pairs, ASCII folded as LIKE folds, none across a space', () => {
    const grams = (text: string) => new Set(gramsOf(text).split(' '));
    expect(grams('盛芯 Ab')).toEqual(new Set(['盛', '盛芯', '芯', 'a', 'ab', 'b'].map(hex)));
    // Beyond ASCII, case stays (LIKE tells É from é); a character outside the BMP is one.
    expect(grams('É😀É😀')).toEqual(new Set(['É', 'É😀', '😀', '😀É'].map(hex)));
    expect(gramsOf(' \u3000 ')).toBe('');
  });

  it('gives the tokens in text order, each character before the pair it ends', () => {
    expect(gramsOf('Ab 盛')).toBe([hex('a'), hex('b'), hex('ab'), hex('盛')].join(' '));
  });

  it('takes a lone surrogate as one character, as LIKE reads it', () => {
    const lone = '\ud83d';
    expect(gramsOf(`a${lone}b`)).toBe(
      [hex('a'), hex(lone), hex('a') + hex(lone), hex('b'), hex(lone) + hex('b')].join(' '),
    );
    expect(gramsOf(`\udc00${lone}`).split(' ')).toHaveLength(3);
    expect(gramQuery(`${lone}Z`)).toBe(`"${hex(lone)}${hex('z')}"`);
  });

  it('asks for a word of one character by itself, a longer word by its pairs', () => {
    expect(gramQuery('盛')).toBe(`"${hex('盛')}"`);
    expect(gramQuery('%_\\')).toBe(`"${hex('%_')}" AND "${hex('_\\')}"`);
    expect(gramQuery('ABAB')).toBe(`"${hex('ab')}" AND "${hex('ba')}"`);
  });
});

describe('visits.list {q} through the text index, on the demo district', () => {
  let dir: string;
  let core: Core;

  function ok<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> {
    const r = call(core, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.result as MethodOutput<M>;
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vl-search-index-'));
    const path = join(dir, 'demo.db');
    demoDistrictAt(path, SEED_TEST_DISTRICT);
    core = openCore(path, {
      now: new TestClock(Date.parse(SEED_TEST_DISTRICT.now)).now,
      deviceName: 'seed-test',
    });
  }, 180_000);

  afterAll(() => {
    core?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Rounds of words drawn (about 14 words each): a quick count in `npm test` (test/fuzzRuns.ts). */
  const DRAWS = fuzzCount(24);

  /** Words a person types: parts of the visits' texts and of their enterprises' fields. */
  function wordsOfTheDistrict(): string[] {
    const db = core.store.db;
    const rand = randomOf(fuzzSeed(26));
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const part = (s: string, n: number) => {
      const chars = Array.from(s);
      const at = Math.floor(rand() * Math.max(1, chars.length - n + 1));
      return chars.slice(at, at + n).join('');
    };
    const visits = db.prepare(`SELECT "visitNo","peopleMet","summary" FROM visits`).all() as {
      visitNo: string | null;
      peopleMet: string | null;
      summary: string | null;
    }[];
    const enterprises = db
      .prepare(`SELECT "name","uscc","formerNames","contacts","town" FROM enterprises`)
      .all() as {
      name: string;
      uscc: string;
      formerNames: string | null;
      contacts: string | null;
      town: string;
    }[];
    const words: string[] = [];
    for (let i = 0; i < DRAWS; i++) {
      const v = pick(visits);
      const e = pick(enterprises);
      const summary = v.summary ?? '';
      words.push(part(summary, 1), part(summary, 2), part(summary, 3 + (i % 4)));
      words.push(part(v.peopleMet ?? '', 2 + (i % 2)), part(v.peopleMet ?? '', 1));
      const no = v.visitNo ?? '';
      words.push(no, no.slice(0, 7), no.slice(5, 9).toLowerCase(), no.slice(-4), no.slice(-2));
      words.push(e.name, part(e.name, 2), part(e.name, 4));
      words.push(e.uscc.slice(0, 6), e.uscc.slice(6, 12), e.uscc.slice(-4), e.uscc.slice(8).toLowerCase());
      const initials = pinyinInitials(e.name);
      words.push(initials.slice(0, 2), initials.slice(0, 4), initials.slice(1, 4).toUpperCase());
      const former = JSON.parse(e.formerNames ?? '[]') as string[];
      if (former.length) words.push(part(pick(former), 3));
      const contacts = JSON.parse(e.contacts ?? '[]') as { name: string; phone?: string }[];
      if (contacts.length) {
        const c = pick(contacts);
        words.push(c.name, (c.phone ?? '').slice(-4));
      }
      words.push(e.town);
    }
    return [...new Set(words.filter(Boolean))];
  }

  it('finds what the LIKE scan finds for parts of texts, names, numbers, USCCs and initials', () => {
    const words = wordsOfTheDistrict();
    expect(words.length).toBeGreaterThan(DRAWS * 12);
    const found = words.map((q) => expectScanResults(core, { q, limit: 100 }));
    // Words that find a few visits and words that find thousands were both asked.
    expect(found.filter((n) => n > 0 && n < 100).length).toBeGreaterThan(DRAWS * 2);
    expect(found.filter((n) => n > 2_000).length).toBeGreaterThan(DRAWS / 3);
  }, 120_000);

  it('keeps case, LIKE wildcards, odd characters, several words, paging, sorting and filters', () => {
    const [first, second] = list(core, { limit: 2 }, SCAN).rows;
    ok('visits.update', {
      id: first!.id,
      summary: 'Café au lait, 100% a_b, C:\\temp\\x 😀 ÉCOLE "AND" NEAR(x) 企业',
      peopleMet: 'McDonald（CEO）',
    });
    ok('visits.update', { id: second!.id, summary: '100 percent ab Cafe ecole' });
    const queries: ListQuery[] = [
      ...['café', 'CAFÉ', 'CAF', 'cafe', 'École', 'ÉCOLE', 'école', 'mcdonald', 'MCD', 'ceo', '（CEO）'].map(
        (q) => ({ q }),
      ),
      ...[
        '%',
        '_',
        '\\',
        '%%',
        '0%',
        '100%',
        'a_b',
        'a%b',
        '\\t',
        ':\\',
        '\\x',
        '_b,',
        '😀',
        '😀 É',
        '"and"',
      ].map((q) => ({ q })),
      ...[
        'NEAR(x)',
        'AND',
        '*',
        '"',
        "'",
        '^企',
        '企业 Café',
        '企 业',
        '总经理 企业',
        'zzzz',
        '不存在的词',
      ].map((q) => ({
        q,
      })),
      { q: '企业', limit: 7, offset: 93 },
      { q: '企业', limit: 50, offset: 2_000 },
      { q: '总经理', sort: [{ field: 'enterpriseName', dir: 'asc' }], limit: 30 },
      { q: '研发', sort: [{ field: 'visitNo', dir: 'desc' }], limit: 30, offset: 30 },
      { q: '企业', filter: { status: 'reviewed' }, limit: 20 },
      { q: 'a', filter: { mode: ['phone', 'onsite'] }, limit: 20 },
    ];
    for (const query of queries) expectScanResults(core, query);
    expect(list(core, { q: 'Café 100%' }).rows.map((r) => r.id)).toEqual([first!.id]);
    expect(list(core, { q: 'CAFÉ' }).total).toBe(0);
  }, 60_000);

  it('follows every write: a new visit, an edited text, a deleted visit (still found with includeDeleted)', () => {
    const [v] = list(core, { limit: 1 }, SCAN).rows;
    const word = '索引测试词';
    const found = (q: string, extra: Partial<ListQuery> = {}) =>
      Object.values(MODES).map((mode) => list(core, { q, ...extra }, mode).rows.map((r) => r.id));
    const made = ok('visits.create', {
      enterpriseId: v!.enterpriseId!,
      date: '2026-11-20',
      mode: 'onsite',
      summary: `了解${word}情况`,
      peopleMet: '欧阳测试',
    });
    expect(found(word)).toEqual([[made.id], [made.id], [made.id]]);
    expect(found('欧阳测')).toEqual([[made.id], [made.id], [made.id]]);
    ok('visits.update', { id: made.id, summary: '改写后的内容', peopleMet: null });
    expect(found(word)).toEqual([[], [], []]);
    expect(found('欧阳测')).toEqual([[], [], []]);
    expect(found('改写后')).toEqual([[made.id], [made.id], [made.id]]);
    ok('visits.delete', { id: made.id });
    expect(found('改写后')).toEqual([[], [], []]);
    expect(found('改写后', { includeDeleted: true })).toEqual([[made.id], [made.id], [made.id]]);
    expectScanResults(core, { q: '改写后', includeDeleted: true });
  });
});

describe('the text index of a database made before it', () => {
  it('is built by migration 26 with every visit kept, and found as the scan finds', () => {
    const t = makeCore();
    const e = makeEnterprise(t, { name: '华科智能装备有限公司' });
    const texts = ['了解生产情况', '走访盛芯电子', 'Café 50% a_b'];
    for (const [i, summary] of texts.entries()) {
      t.ok('visits.create', { enterpriseId: e.id, date: `2026-11-1${i}`, mode: 'onsite', summary });
    }
    downgradeTo(t.core, 24);
    expect(
      t.core.store.db.prepare(`SELECT name FROM sqlite_master WHERE name = 'visits_text'`).get(),
    ).toBeUndefined();
    const before = t.core.store.db.prepare(`SELECT * FROM visits ORDER BY "id"`).all();
    t.core.store.close();

    const store = openStore(t.path, { now: t.clock.now });
    try {
      expect(store.db.prepare(`SELECT * FROM visits ORDER BY "id"`).all()).toEqual(before);
      const core = { ...t.core, store } as Core;
      for (const q of ['盛芯', '生产', '华科', 'café', '50%', 'a_b', '了', 'zz']) {
        expectScanResults(core, { q });
        expect(list(core, { q }, () => 'drive').total, q).toBe(q === 'zz' ? 0 : q === '华科' ? 3 : 1);
      }
    } finally {
      store.close();
    }
  });
});

describe('the text index after a sync file loaded in bulk', () => {
  it('finds the visits the load wrote, as the scan does', () => {
    const a = makeCore({ path: ':memory:' });
    a.ok('sync.team.create', { name: '高新区科技局', passphrase: 'correct horse battery staple' });
    const b: TestCore = makeCore();
    joinLike(a.core, b.core);
    const e = makeEnterprise(a, { name: '闽江食品有限公司' });
    const made: string[] = ['冷库建设', '冷链物流', '食品检测'].map(
      (summary, i) =>
        a.ok('visits.create', { enterpriseId: e.id, date: `2026-11-0${i + 1}`, mode: 'onsite', summary }).id,
    );
    const file = Buffer.from(a.ok('sync.export', { full: true }).contentBase64!, 'base64');
    const { changes } = decodeFile(requireTeam(a.core.store), file);
    applyAsImport(b.core.store, changes, { confirmMassDelete: true, bulk: true });
    for (const [q, ids] of [
      ['冷', made.slice(0, 2)],
      ['冷链', [made[1]]],
      ['食品检测', [made[2]]],
      ['闽江', made],
    ] as const) {
      for (const mode of Object.values(MODES))
        expect(new Set(list(b.core, { q }, mode).rows.map((r) => r.id)), q).toEqual(new Set(ids));
      expectScanResults(b.core, { q });
    }
  });
});

describe('the text index after a load captured in bulk (the demo district, a ledger import)', () => {
  it('indexes at the end what the load kept: new, edited and rolled-back rows; its triggers come back', () => {
    const t = makeCore();
    const e = makeEnterprise(t, { name: '闽江食品有限公司' });
    const visit = (summary: string) =>
      t.ok('visits.create', { enterpriseId: e.id, date: '2026-11-02', mode: 'onsite', summary }).id;
    const before = visit('旧的内容');
    const triggers = () =>
      t.core.store.db
        .prepare(
          `SELECT "name","sql" FROM sqlite_master WHERE "type" = 'trigger' AND "name" LIKE 'visits_text%'`,
        )
        .all();
    const kept = triggers();
    const { db } = t.core.store;
    let made = '';
    db.transaction(() =>
      capturingInBulk(t.core.store, () => {
        made = visit('冷库建设');
        t.ok('visits.update', { id: before, summary: '新的内容' });
        // A call that fails rolls back its savepoint: its visit is neither kept nor indexed.
        expect(() =>
          db.transaction(() => {
            visit('回滚的内容');
            throw new Error('refused');
          })(),
        ).toThrow('refused');
      }),
    )();
    expect(triggers()).toEqual(kept);
    const ids = (q: string) => list(t.core, { q }, () => 'drive').rows.map((r) => r.id);
    expect([ids('冷库'), ids('新的'), ids('旧的'), ids('回滚')]).toEqual([[made], [before], [], []]);
    for (const q of ['冷库', '内容', '旧的', '回滚', '闽江']) expectScanResults(t.core, { q });
    // The triggers index the next write again.
    const after = visit('之后的内容');
    expect(ids('之后')).toEqual([after]);
  });
});

describe('the text index after a backup is restored', () => {
  // The index names visits by their rowid; a backup is a VACUUM INTO copy. SQLite keeps the
  // rowids of a table without an INTEGER PRIMARY KEY through it, though its documentation does
  // not promise so: this fails if a later SQLite renumbers them.
  it('finds each visit by its own words', () => {
    const t = makeCore();
    const e = makeEnterprise(t, { name: '华科智能装备有限公司' });
    const words = Array.from({ length: 40 }, (_, i) => `第${i}号词条`);
    const ids = words.map(
      (summary, i) =>
        t.ok('visits.create', {
          enterpriseId: e.id,
          date: `2026-11-${10 + (i % 9)}`,
          mode: 'onsite',
          summary,
        }).id,
    );
    const backup = t.ok('backups.create', {});
    t.ok('visits.create', { enterpriseId: e.id, date: '2026-11-20', mode: 'onsite', summary: '备份之后' });
    t.ok('backups.restore', { file: backup.path });
    for (const [i, word] of words.entries()) {
      const found = list(t.core, { q: word }, () => 'drive').rows.map((r) => r.id);
      expect(found, word).toEqual([ids[i]]);
      expectScanResults(t.core, { q: word });
    }
    expect(list(t.core, { q: '备份之后' }, () => 'drive').total).toBe(0);
  });
});
