import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract/contract';
import { METHOD_NAMES, type MethodName } from '@shared/contract/methods';
import { METHOD_DEFINITIONS, registry } from '../../src-main/registry/registry';

// Three lists name the API's methods: METHOD_NAMES (what the sandboxed preload exposes, kept
// free of zod), the contract's schemas, and the features' definitions. The registry's type
// proves the definitions cover MethodName once each; this proves the three lists agree at
// run time too, and pins how each method runs.

const sorted = (names: readonly string[]) => [...names].sort();

describe('the method registry', () => {
  it('defines every method of the contract exactly once, and nothing else', () => {
    const defined = METHOD_DEFINITIONS.map((d) => d.name);
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    expect(defined).toHaveLength(METHOD_NAMES.length);
    expect(sorted(defined)).toEqual(sorted(METHOD_NAMES));
    expect(sorted(Object.keys(contract))).toEqual(sorted(METHOD_NAMES));
    expect(sorted(Object.keys(registry))).toEqual(sorted(METHOD_NAMES));
  });

  it('checks each method against its own contract entry', () => {
    for (const name of METHOD_NAMES) {
      const def = registry[name];
      expect(def.name).toBe(name);
      expect(def.input, name).toBe(contract[name].input);
      expect(def.output, name).toBe(contract[name].output);
    }
  });

  it('runs each method as before: the exceptions to a gated call in its own transaction', () => {
    const where = (keep: (d: (typeof METHOD_DEFINITIONS)[number]) => boolean): MethodName[] =>
      sorted(METHOD_DEFINITIONS.filter(keep).map((d) => d.name)) as MethodName[];
    expect(where((d) => d.mode === 'async')).toEqual([
      'ledger.export',
      'ledger.import',
      'ledger.preview',
      'ledger.rejectsReport',
      'reports.export',
      'reports.upwardExport',
    ]);
    expect(
      METHOD_DEFINITIONS.flatMap((d) => (d.mode === 'steps' ? [`${d.name}: ${d.job}`] : [])).sort(),
    ).toEqual(['sync.export: shared', 'sync.folder: alone', 'sync.import: alone']);
    expect(where((d) => d.mode === 'sync' && d.transaction === 'own')).toEqual([
      'backups.create',
      'backups.restore',
      // With a comparison worker, their transaction holds the write lock (reports/comparisons.ts).
      'reports.quarterly',
      'reports.summary',
      'sync.progress',
    ]);
    expect(where((d) => !d.gated)).toEqual(['sync.progress']);
  });
});
