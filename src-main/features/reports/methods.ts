import { defineMethod } from '../../registry/define';
import { periodSummary, quarterlySummary } from './quarterly';
import { withComparisons } from './comparisons';
import { figureRecords } from './records';
import { getNarrative, saveNarrative } from './narrative';
import { exportReport } from './export';
import { exportUpward, upwardReport } from './upward';

export const reportsMethods = [
  // Their own transaction: with a comparison worker, one that holds the write lock (comparisons.ts).
  defineMethod({
    name: 'reports.summary',
    transaction: 'own',
    handler: (core, input) => withComparisons(core, (elsewhere) => periodSummary(core, input, elsewhere)),
  }),
  defineMethod({
    name: 'reports.quarterly',
    transaction: 'own',
    handler: (core, input) => withComparisons(core, (elsewhere) => quarterlySummary(core, input, elsewhere)),
  }),
  defineMethod({ name: 'reports.records', handler: figureRecords }),
  defineMethod({ name: 'reports.narrative.get', handler: getNarrative }),
  defineMethod({ name: 'reports.narrative.save', handler: saveNarrative }),
  // Writes an .xlsx or .docx file.
  defineMethod({ name: 'reports.export', mode: 'async', handler: exportReport }),
  // 上级报送: the main figures as JSON, and as the .xlsx a city office collects.
  defineMethod({ name: 'reports.upward', handler: (core, input) => upwardReport(core, input) }),
  defineMethod({ name: 'reports.upwardExport', mode: 'async', handler: exportUpward }),
] as const;
