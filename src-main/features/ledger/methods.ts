import { defineMethod } from '../../registry/define';
import { importLedger, previewLedger, rejectsReport } from './service';
import { exportList } from './exporter';
import { deleteMapping, listMappings, saveMapping } from './mappings';

// Reading and writing ledger files (.xlsx, .csv) is asynchronous; an import takes a backup
// first and writes in its own transactions (see service.ts).
export const ledgerMethods = [
  defineMethod({ name: 'ledger.preview', mode: 'async', handler: previewLedger }),
  defineMethod({ name: 'ledger.import', mode: 'async', handler: importLedger }),
  defineMethod({ name: 'ledger.rejectsReport', mode: 'async', handler: rejectsReport }),
  defineMethod({ name: 'ledger.export', mode: 'async', handler: exportList }),
  defineMethod({ name: 'ledger.mappings.list', handler: listMappings }),
  defineMethod({ name: 'ledger.mappings.save', handler: saveMapping }),
  defineMethod({ name: 'ledger.mappings.delete', handler: deleteMapping }),
] as const;
