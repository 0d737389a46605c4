import { defineMethod } from '../../registry/define';
import { periodSummary, quarterlySummary } from './quarterly';
import { figureRecords } from './records';
import { getNarrative, saveNarrative } from './narrative';
import { exportReport } from './export';
import { exportUpward, upwardReport } from './upward';

export const reportsMethods = [
  defineMethod({ name: 'reports.summary', handler: (core, input) => periodSummary(core, input) }),
  defineMethod({ name: 'reports.quarterly', handler: (core, input) => quarterlySummary(core, input) }),
  defineMethod({ name: 'reports.records', handler: figureRecords }),
  defineMethod({ name: 'reports.narrative.get', handler: getNarrative }),
  defineMethod({ name: 'reports.narrative.save', handler: saveNarrative }),
  // Writes an .xlsx or .docx file.
  defineMethod({ name: 'reports.export', mode: 'async', handler: exportReport }),
  // 上级报送: the main figures as JSON, and as the .xlsx a city office collects.
  defineMethod({ name: 'reports.upward', handler: (core, input) => upwardReport(core, input) }),
  defineMethod({ name: 'reports.upwardExport', mode: 'async', handler: exportUpward }),
] as const;
