import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest (about 8 s or more each, in a run on two cores), about
 * longest first. Vitest starts the files that took longest in the last run first, but a fresh
 * clone (as CI runs) has no last run and it starts the largest files first instead: these
 * small, long ones came last, one worker busy with them while the other had nothing left (a
 * clean run took 23 s longer than the same run again). The two change-log migrations read a
 * district the first of them makes (9 s): the other worker starts with something else rather
 * than wait for it. A file missing here only costs time.
 */
export const LONGEST_FILES = [
  'test/integration/changeLog.migration.test.ts',
  'test/integration/sync.crash.test.ts',
  'test/integration/changeRuns.migration.test.ts',
  'test/integration/seed.test.ts',
  'test/integration/cli-build.test.ts',
  'test/integration/bad-input.test.ts',
  'test/integration/sync.property.test.ts',
  'test/integration/web-body.test.ts',
  'test/integration/reports-exports.test.ts',
  'test/unit/renderer/reports.test.tsx',
  'test/unit/renderer/GridViews.test.tsx',
];

/** Vitest's order (projects one after another), with each project's longest files first. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const project = new Map<string, number>();
    for (const f of sorted) if (!project.has(f.project.name)) project.set(f.project.name, project.size);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FILES.findIndex((path) => f.moduleId.endsWith(path));
      return i < 0 ? LONGEST_FILES.length : i;
    };
    // A stable sort: the other files keep vitest's order.
    return sorted.sort(
      (a, b) => project.get(a.project.name)! - project.get(b.project.name)! || rank(a) - rank(b),
    );
  }
}
