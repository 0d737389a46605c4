// The names of every API method. Kept apart from the schemas so the sandboxed preload
// can expose exactly these without bundling zod; contract.ts must define each one.

export const RECORD_KINDS = [
  'staff',
  'enterprises',
  'experts',
  'units',
  'visits',
  'demands',
  'clinics',
  'followups',
  'activities',
  'outcomes',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const CRUD = ['create', 'get', 'update', 'delete', 'list'] as const;

export const METHOD_NAMES = [
  ...RECORD_KINDS.flatMap((k) => CRUD.map((op) => `${k}.${op}` as const)),
  'app.info',
  'me.set',
  'me.tasks',
  'search.global',
  'enterprises.timeline',
  'enterprises.checkDuplicates',
  'demands.transition',
  'demands.openBoard',
  'demands.reassign',
  'demands.requestExtension',
  'demands.decideExtension',
  'demands.supervise',
  'demands.urge',
  'demands.unitReply',
  'demands.reply',
  'settings.get',
  'settings.set',
  'calendar.get',
  'calendar.set',
  'targets.set',
  'targets.list',
  'targets.delete',
  'sync.team.create',
  'sync.team.join',
  'sync.export',
  'sync.import',
  'sync.folder',
  'sync.status',
  'sync.progress',
  'conflicts.list',
  'conflicts.resolve',
  'orphans.list',
  'orphans.resolve',
  'quarantine.list',
  'quarantine.resolve',
  'duplicates.list',
  'duplicates.merge',
  'backups.list',
  'backups.create',
  'backups.restore',
  'audit.record',
  'reports.summary',
  'reports.quarterly',
  'reports.records',
  'reports.narrative.get',
  'reports.narrative.save',
  'reports.export',
  'reports.upward',
  'reports.upwardExport',
  'ledger.preview',
  'ledger.import',
  'ledger.rejectsReport',
  'ledger.export',
  'ledger.mappings.list',
  'ledger.mappings.save',
  'ledger.mappings.delete',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}
