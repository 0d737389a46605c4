// What a list exports, per record kind: its columns in file order. A model field or derived
// value takes its header, cell type and enum words from its model; the few extra columns
// (looked up from another record, or split out of a field) are declared here. The cells
// themselves are written main-side (features/ledger/exportColumns.ts); the screens read these
// specs to offer the grid's visible columns for export and to warn about phone numbers.
import type { RecordKind } from '../contract/methods';
import type { LabelGroup } from '../labels';
import { exportOf, fileWordOf, memberOf, type CellType, type ExportSpec, type KindModel } from './define';
import { MODELS } from './index';

/** Columns besides the models' own. */
export const EXTRA_COLUMNS = {
  enterpriseUscc: { cell: 'text', header: '统一社会信用代码' },
  contactNames: { cell: 'text', header: '联系人' },
  contactTitles: { cell: 'text', header: '联系人职务' },
  contactPhones: { cell: 'phone', header: '联系电话' },
  parentReceivedAt: { cell: 'instant', header: '受理时间' },
  parentVisitDate: { cell: 'date', header: '走访日期' },
  createdAt: { cell: 'instant', header: '录入时间', optional: true },
} as const satisfies Record<string, ExportSpec & { header: string }>;
export type ExtraColumnKey = keyof typeof EXTRA_COLUMNS;
export const EXTRA_COLUMN_KEYS = Object.keys(EXTRA_COLUMNS) as ExtraColumnKey[];

/** The columns of each kind's export, in order. */
export const EXPORT_ORDER: Record<RecordKind, readonly string[]> = {
  staff: ['name', 'role', 'position', 'phone', 'active'],
  experts: ['name', 'organization', 'title', 'speciality', 'phone'],
  units: ['name', 'kind', 'contact', 'phone', 'active'],
  enterprises: [
    'name',
    'uscc',
    'formerNames',
    'town',
    'address',
    'industry',
    'tiers',
    'liaisonName',
    'contactNames',
    'contactTitles',
    'contactPhones',
    'status',
    'lastVisitDate',
    'openDemands',
  ],
  visits: [
    'visitNo',
    'enterpriseName',
    'enterpriseUscc',
    'town',
    'date',
    'mode',
    'leadStaffName',
    'staffIds',
    'peopleMet',
    'summary',
    'policiesExplained',
    'solvedOnSite',
    'enterpriseConfirmed',
    'status',
    'demandCount',
    'createdAt',
  ],
  demands: [
    'enterpriseName',
    'enterpriseUscc',
    'town',
    'title',
    'categories',
    'description',
    'source',
    'level',
    'assigneeName',
    'leadUnitName',
    'coUnitNames',
    'responsibleUnit',
    'receivedAt',
    'dueDate',
    'complex',
    'status',
    'closureType',
    'closedAt',
    'resolution',
    'overdue',
    'daysLeft',
    'firstReplyDue',
    'firstRepliedAt',
    'firstReplyLate',
    'supervision',
    'extension',
  ],
  clinics: [
    'date',
    'topic',
    'place',
    'field',
    'status',
    'expertIds',
    'enterprises',
    'cooperationIntentions',
    'signedProjects',
  ],
  activities: [
    'title',
    'type',
    'date',
    'place',
    'status',
    'enterpriseIds',
    'attendees',
    'organizerStaffIds',
    'expertIds',
    'summary',
  ],
  outcomes: [
    'enterpriseName',
    'enterpriseUscc',
    'type',
    'amount',
    'count',
    'date',
    'status',
    'description',
    'demandTitle',
  ],
  followups: [
    'enterpriseName',
    'enterpriseUscc',
    'parentType',
    'parentTitle',
    'parentReceivedAt',
    'parentVisitDate',
    'ownerName',
    'dueDate',
    'doneAt',
    'channel',
    'content',
    'result',
    'satisfaction',
    'nextFollowupDate',
  ],
};

/** One export column as declared: what the file's header says and how its cells are written. */
export interface ExportColumnSpec {
  key: string;
  label: string;
  cell: CellType;
  /** The enum group whose words the cells hold. */
  group?: LabelGroup;
  /** The column holds phone numbers (the screen warns before such a file is saved). */
  phone: boolean;
  /** Left out unless asked for by name. */
  optional: boolean;
}

function specOf(kind: RecordKind, key: string): ExportColumnSpec {
  const model: KindModel = MODELS[kind];
  const def = memberOf(model, key);
  const spec: (ExportSpec & { header?: string }) | null = def
    ? exportOf(def)
    : Object.hasOwn(EXTRA_COLUMNS, key)
      ? EXTRA_COLUMNS[key as ExtraColumnKey]
      : null;
  if (!spec) throw new Error(`${kind}.${key} is neither exported by its model nor an extra column`);
  return {
    key,
    label: def ? fileWordOf(def) : spec.header!,
    cell: spec.cell,
    ...(def?.enum ? { group: def.enum } : {}),
    phone: spec.cell === 'phone',
    optional: spec.optional ?? false,
  };
}

/** Every kind's export columns, in order. */
export const EXPORT_SPECS: Record<RecordKind, ExportColumnSpec[]> = Object.fromEntries(
  Object.entries(EXPORT_ORDER).map(([kind, keys]) => [kind, keys.map((k) => specOf(kind as RecordKind, k))]),
) as Record<RecordKind, ExportColumnSpec[]>;
