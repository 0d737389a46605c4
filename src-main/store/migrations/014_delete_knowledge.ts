// deletedKnew: what the laptop that deleted a record knew of it, per field (the newest stamp
// of each field it held, as JSON), written with deletedAt and synced with it. An edit of a
// field stamped after what the deleter knew of that field was made without seeing the delete
// and lost to it: a conflict. (Migration 10 kept only the newest stamp of the whole record,
// which took an older edit of one field as known once the deleter had edited another.)

const TABLES = [
  'staff',
  'enterprises',
  'experts',
  'units',
  'visits',
  'demands',
  'demand_history',
  'clinics',
  'followups',
  'narratives',
  'devices',
];

export const sql = TABLES.map((t) => `ALTER TABLE "${t}" ADD COLUMN "deletedKnew" TEXT;`).join('\n');
