import { say } from '@shared/messages';
import { describe, expect, it } from 'vitest';
import {
  DUE_DAYS,
  DUE_SOON_DAYS,
  MOVES,
  allowedMoves,
  checkMove,
  deadline,
  defaultDueDate,
  pausedDays,
} from '@shared/domain/workflow';
import {
  addDays,
  daysBetween,
  isValidDate,
  shanghaiDate,
  startOfShanghaiDay,
  toInstant,
} from '@shared/domain/dates';
import { parseQuarter, quarterOf, shiftQuarter } from '@shared/domain/quarter';
import { HybridClock, fitsShape, formatHlc, isHlc, parseHlc } from '@shared/domain/hlc';
import { DEMAND_STATUSES, OPEN_DEMAND_STATUSES, type DemandStatus } from '@shared/domain/enums';

const said = (p: { msg: Parameters<typeof say>[1] } | null | undefined) => (p ? say('en', p.msg) : undefined);

// The allowed moves as DOMAIN.md lists them, written out independently of MOVES.
const DOMAIN_MOVES: [DemandStatus, DemandStatus][] = [
  ['pending', 'assigned'],
  ['assigned', 'in_progress'],
  ['in_progress', 'answered'],
  ['answered', 'closed'],
  ['pending', 'rejected'],
  ['assigned', 'pending'],
  ['in_progress', 'on_hold'],
  ['on_hold', 'in_progress'],
  ['answered', 'in_progress'],
  ['closed', 'in_progress'],
];
const isDomainMove = (from: DemandStatus, to: DemandStatus) =>
  DOMAIN_MOVES.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = DEMAND_STATUSES.flatMap((from) => DEMAND_STATUSES.map((to) => [from, to] as const));

describe('workflow moves', () => {
  it('MOVES holds exactly the moves of DOMAIN.md', () => {
    const fromTable = DEMAND_STATUSES.flatMap((from) =>
      allowedMoves(from).map((to) => `${from}>${to}`),
    ).sort();
    expect(fromTable).toEqual(DOMAIN_MOVES.map(([f, t]) => `${f}>${t}`).sort());
  });

  it.each(ALL_PAIRS)('%s → %s is allowed only when DOMAIN.md lists it', (from, to) => {
    const problem = checkMove({
      from,
      to,
      note: 'a note',
      closureType: 'substantive',
      resolution: 'done',
      actorRole: 'supervisor',
    });
    if (isDomainMove(from, to)) {
      expect(problem).toBeNull();
    } else {
      expect(problem?.field).toBe('to');
      expect(said(problem)).toContain(`'${from}'`);
      expect(said(problem)).toContain(`'${to}'`);
      const allowed = allowedMoves(from);
      if (allowed.length) for (const a of allowed) expect(said(problem)).toContain(a);
      else expect(said(problem)).toContain('final');
    }
  });

  it.each([
    ['pending', 'rejected'],
    ['assigned', 'pending'],
    ['closed', 'in_progress'],
  ] as const)('%s → %s needs a note (blank does not count)', (from, to) => {
    for (const note of [undefined, null, '', '   ']) {
      const p = checkMove({ from, to, note, actorRole: 'supervisor' });
      expect(p?.field).toBe('note');
      expect(said(p)).toContain('note');
    }
    expect(checkMove({ from, to, note: '理由', actorRole: 'supervisor' })).toBeNull();
  });

  it('moves without a note requirement pass without one', () => {
    for (const [from, to] of DOMAIN_MOVES) {
      if (MOVES[from][to]?.noteRequired || MOVES[from][to]?.closing) continue;
      expect(checkMove({ from, to, actorRole: 'staff' })).toBeNull();
    }
  });

  it('only a supervisor reopens a closed demand, unless the system does it', () => {
    const base = { from: 'closed', to: 'in_progress', note: '复查' } as const;
    expect(said(checkMove({ ...base, actorRole: 'staff' }))).toMatch(/supervisor/);
    expect(checkMove({ ...base, actorRole: 'supervisor' })).toBeNull();
    expect(checkMove({ ...base, actorRole: 'staff', automatic: true })).toBeNull();
  });

  it('closing needs a closure type and a resolution', () => {
    const base = { from: 'answered', to: 'closed', actorRole: 'staff' } as const;
    expect(checkMove({ ...base, resolution: 'ok' })?.field).toBe('closureType');
    expect(checkMove({ ...base, closureType: 'partial' })?.field).toBe('resolution');
    expect(checkMove({ ...base, closureType: 'partial', resolution: '  ' })?.field).toBe('resolution');
    expect(checkMove({ ...base, closureType: 'partial', resolution: '已解决' })).toBeNull();
  });
});

describe('due dates and deadlines', () => {
  it('defaults to +7 / +30 days from the Shanghai date of receipt', () => {
    // 20:00 UTC is already the next day in Shanghai.
    const at = '2026-03-30T20:00:00.000Z';
    expect(shanghaiDate(at)).toBe('2026-03-31');
    expect(defaultDueDate(at, false)).toBe(addDays('2026-03-31', DUE_DAYS.ordinary));
    expect(defaultDueDate(at, false)).toBe('2026-04-07');
    expect(defaultDueDate(at, true)).toBe('2026-04-30');
    expect(DUE_DAYS).toEqual({ ordinary: 7, complex: 30 });
  });

  it('counts paused days by Shanghai calendar dates, never negative', () => {
    expect(pausedDays('2026-05-01T02:00:00Z', '2026-05-04T02:00:00Z')).toBe(3);
    // 15:59Z is still 23:59 on the 1st in Shanghai; 16:00Z is the 2nd.
    expect(pausedDays('2026-05-01T15:59:00Z', '2026-05-01T16:00:00Z')).toBe(1);
    expect(pausedDays('2026-05-04T02:00:00Z', '2026-05-01T02:00:00Z')).toBe(0);
  });

  const today = '2026-06-10';
  it.each(OPEN_DEMAND_STATUSES.filter((s) => s !== 'on_hold'))(
    'an open %s demand is judged against today',
    (status) => {
      const at = (offset: number) =>
        deadline({ status, dueDate: addDays(today, offset), holdSince: null }, today);
      expect(at(-1)).toMatchObject({ open: true, overdue: true, dueSoon: false, daysLeft: -1 });
      expect(at(0)).toMatchObject({ overdue: false, dueSoon: true, daysLeft: 0 });
      expect(at(DUE_SOON_DAYS)).toMatchObject({ overdue: false, dueSoon: true });
      expect(at(DUE_SOON_DAYS + 1)).toMatchObject({ overdue: false, dueSoon: false });
    },
  );

  it.each(['closed', 'rejected'] as const)('a %s demand is never overdue or due soon', (status) => {
    const d = deadline({ status, dueDate: addDays(today, -30), holdSince: null }, today);
    expect(d).toMatchObject({ open: false, overdue: false, dueSoon: false, daysLeft: null });
  });

  it('the clock is paused on hold: days left stay what they were when the hold began', () => {
    const holdSince = '2026-06-01T03:00:00.000Z'; // 2026-06-01 in Shanghai
    const dueDate = '2026-06-03';
    for (const day of ['2026-06-01', '2026-06-05', '2026-07-20']) {
      const d = deadline({ status: 'on_hold', dueDate, holdSince }, day);
      expect(d.daysLeft).toBe(daysBetween('2026-06-01', dueDate));
      expect(d.effectiveDueDate).toBe(addDays(dueDate, daysBetween('2026-06-01', day)));
      expect(d.overdue).toBe(false);
      expect(d.dueSoon).toBe(true);
    }
    // Already late when put on hold: stays late, by the same days.
    const late = deadline({ status: 'on_hold', dueDate: '2026-05-30', holdSince }, '2026-08-01');
    expect(late).toMatchObject({ overdue: true, daysLeft: -2 });
  });
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-4-01')).toBe(false);
    expect(isValidDate('2026-04-01T00:00:00Z')).toBe(false);
  });

  it('reads instants as Shanghai dates', () => {
    expect(shanghaiDate('2026-12-31T15:59:59.999Z')).toBe('2026-12-31');
    expect(shanghaiDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(shanghaiDate(Date.parse('2026-07-01T00:30:00+08:00'))).toBe('2026-07-01');
    expect(startOfShanghaiDay('2026-07-01')).toBe('2026-06-30T16:00:00.000Z');
    expect(shanghaiDate(startOfShanghaiDay('2026-07-01'))).toBe('2026-07-01');
  });

  it('adds and counts days across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-05-10', '2026-05-03')).toBe(-7);
  });

  it('turns a plain date or an instant with offset into a UTC instant', () => {
    expect(toInstant('2026-07-01')).toBe(startOfShanghaiDay('2026-07-01'));
    expect(toInstant('2026-07-01T09:00:00+08:00')).toBe('2026-07-01T01:00:00.000Z');
  });
});

describe('quarters', () => {
  it('gives the first and last calendar day', () => {
    expect(parseQuarter('2026Q3')).toEqual({ key: '2026Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(parseQuarter('2026Q1').end).toBe('2026-03-31');
    expect(parseQuarter('2024Q1').end).toBe('2024-03-31');
    expect(parseQuarter('2026Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(() => parseQuarter('2026Q5')).toThrow(/2026Q3/);
    expect(() => parseQuarter('2026-Q1')).toThrow();
  });

  it('finds the quarter of a date, and every day of a quarter maps back to it', () => {
    for (const key of ['2026Q1', '2026Q2', '2026Q3', '2026Q4']) {
      const { start, end } = parseQuarter(key);
      expect(quarterOf(start)).toBe(key);
      expect(quarterOf(end)).toBe(key);
      expect(quarterOf(addDays(start, -1))).toBe(shiftQuarter(key, -1));
      expect(quarterOf(addDays(end, 1))).toBe(shiftQuarter(key, 1));
    }
  });

  it('shifts across years', () => {
    expect(shiftQuarter('2026Q1', -1)).toBe('2025Q4');
    expect(shiftQuarter('2026Q4', 1)).toBe('2027Q1');
    expect(shiftQuarter('2026Q2', -8)).toBe('2024Q2');
    expect(shiftQuarter('2026Q2', 0)).toBe('2026Q2');
  });
});

describe('hybrid logical clock', () => {
  const wall = (start: number) => {
    const w = { ms: start, now: () => w.ms };
    return w;
  };

  it('formats stamps that parse back', () => {
    const parts = { ms: 1_780_000_000_123, counter: 42, node: 'dev-1' };
    expect(parseHlc(formatHlc(parts))).toEqual(parts);
    expect(() => parseHlc('garbage')).toThrow(/clock stamp/);
  });

  it('formatted stamps sort in clock order (ms, then counter, then node)', () => {
    const stamps = [
      { ms: 9, counter: 0, node: 'a' },
      { ms: 10, counter: 0, node: 'a' },
      { ms: 10, counter: 9, node: 'a' },
      { ms: 10, counter: 10, node: 'a' }, // 'a' in base 36: must sort after '9'
      { ms: 10, counter: 35, node: 'a' },
      { ms: 10, counter: 36, node: 'a' },
      { ms: 10, counter: 36, node: 'b' },
      { ms: 100_000, counter: 0, node: 'a' },
    ];
    const formatted = stamps.map(formatHlc);
    expect([...formatted].reverse().sort()).toEqual(formatted);
  });

  it('stays monotonic when the wall clock stalls or goes backwards', () => {
    const w = wall(1_000_000);
    const clock = new HybridClock('node-a', w.now);
    const seen: string[] = [clock.tick()];
    seen.push(clock.tick()); // same ms
    w.ms -= 60_000; // wall clock jumps back a minute
    for (let i = 0; i < 5; i++) seen.push(clock.tick());
    w.ms += 120_000; // and forward again
    seen.push(clock.tick());
    for (let i = 1; i < seen.length; i++) expect(seen[i]! > seen[i - 1]!).toBe(true);
    expect(parseHlc(seen[6]!).ms).toBe(1_000_000); // kept the newest time seen
    expect(parseHlc(seen[7]!)).toMatchObject({ ms: 1_060_000, counter: 0 });
  });

  it('moves past an observed remote stamp', () => {
    const w = wall(5_000);
    const clock = new HybridClock('node-a', w.now);
    clock.tick();
    const remote = formatHlc({ ms: 9_000, counter: 7, node: 'node-b' });
    clock.observe(remote);
    expect(clock.latestMs).toBe(9_000);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(parseHlc(next)).toEqual({ ms: 9_000, counter: 8, node: 'node-a' });
    // An older remote stamp does not move the clock back.
    clock.observe(formatHlc({ ms: 1_000, counter: 99, node: 'node-c' }));
    expect(clock.tick() > next).toBe(true);
    // Once the wall clock passes, it takes over again.
    w.ms = 20_000;
    expect(parseHlc(clock.tick())).toMatchObject({ ms: 20_000, counter: 0 });
  });

  it('advances as it ticks, giving the stamp as its parts', () => {
    const w = wall(7_000);
    const ticking = new HybridClock('node-a', w.now);
    const advancing = new HybridClock('node-a', w.now);
    for (const step of [0, 0, -5_000, 0, 3_000, 9_000]) {
      w.ms += step;
      expect(formatHlc(advancing.advance())).toBe(ticking.tick());
    }
  });

  it('tells which parts format to a stamp of the shape, as isHlc reads the text', () => {
    const cases = [
      { ms: 1_780_000_000_123, counter: 42, node: '0f9d6c1e-5b7a-4c39-9a7e-2b1f3c4d5e6f' },
      { ms: 0, counter: 0, node: 'a' },
      { ms: 10 ** 15 - 1, counter: 36 ** 5 - 1, node: 'x'.repeat(64) },
      { ms: 10 ** 15, counter: 0, node: 'a' },
      { ms: -1, counter: 0, node: 'a' },
      { ms: 1.5, counter: 0, node: 'a' },
      { ms: 5, counter: 36 ** 5, node: 'a' },
      { ms: 5, counter: 0, node: 'x'.repeat(65) },
      { ms: 5, counter: 0, node: '' },
      { ms: 5, counter: 0, node: 'pending device' },
      { ms: 5, counter: 0, node: 'dev-1' },
      { ms: 5, counter: 0, node: '设备' },
    ];
    for (const parts of cases) expect([parts, fitsShape(parts)]).toEqual([parts, isHlc(formatHlc(parts))]);
    expect(cases.filter(fitsShape)).toHaveLength(4);
  });

  it('carries into the next millisecond when the counter is exhausted', () => {
    const clock = new HybridClock('n', () => 0);
    clock.observe(formatHlc({ ms: 50, counter: 36 ** 5 - 1, node: 'x' }));
    const s = parseHlc(clock.tick());
    expect(s).toMatchObject({ ms: 51, counter: 0 });
  });
});
