import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import {
  MODELS,
  exportOf,
  fileWordOf,
  fieldsSchema,
  recordSchema,
  type KindModel,
  type ModelName,
} from '@shared/model';
import { RECORD_KINDS } from '@shared/contract/methods';
import * as schemas from '@shared/contract/schemas';
import { openStore } from '../../src-main/store/db';
import { makeCore } from '../helpers';
import { installCaptureTriggers } from '../../src-main/store/capture';
import { KINDS, KIND_NAMES } from '../../src-main/store/schema';
import { EXPORT_COLUMNS } from '../../src-main/features/ledger/exportColumns';
import { EXTRA_COLUMN_KEYS } from '@shared/model/exports';

// The models are the one declaration of each kind: the API schemas, the store's columns and
// the export columns are derived from them, and the hand-written migrations must agree.

import { DELETE_KNOWLEDGE } from '../../src-main/store/schema';

const META_COLUMNS = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'updatedByDevice', 'updatedByStaff'];
const SQLITE_TYPE = { text: 'TEXT', json: 'TEXT', int: 'INTEGER', bool: 'INTEGER', real: 'REAL' } as const;

/** A new database as the app opens it: migrated, with the SQL functions derived values call. */
const freshDb = (): Database.Database => openStore(':memory:', { deviceName: 'model' }).db;

/** Where a model and its migrated table disagree, one line per field or column, by name. */
function disagreements(db: Database.Database, name: string, model: KindModel): string[] {
  const columns = db.pragma(`table_info("${model.table}")`) as { name: string; type: string }[];
  if (!columns.length) return [`${name}: no table ${model.table}`];
  const found = new Map(columns.map((c) => [c.name, c.type]));
  const out: string[] = [];
  for (const [field, def] of Object.entries(model.fields)) {
    const type = found.get(field);
    if (type === undefined) out.push(`${name}.${field}: a model field with no column in ${model.table}`);
    else if (type !== SQLITE_TYPE[def.sql])
      out.push(`${name}.${field}: column type ${type}, the model says ${def.sql}`);
  }
  for (const c of found.keys())
    // What a delete knew is stored with every record but is no field of any (store/schema.ts).
    if (!(c in model.fields) && !META_COLUMNS.includes(c) && c !== DELETE_KNOWLEDGE)
      out.push(`${name}: column ${model.table}.${c} has no model field`);
  return out;
}

const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('the models', () => {
  it('agree with a freshly migrated database: every field has its column, every column its field', () => {
    const db = freshDb();
    for (const name of KIND_NAMES) expect(disagreements(db, name, MODELS[name]), name).toEqual([]);
  });

  it('name a field with no column, a column with no field, and a column of another type', () => {
    const db = freshDb();
    const { role: _role, ...fields } = MODELS.staff.fields;
    const doctored: KindModel = {
      ...MODELS.staff,
      fields: {
        ...fields,
        nickname: { input: MODELS.staff.fields.name.input, sql: 'text', zh: '昵称', en: 'Nickname' },
        active: { ...MODELS.staff.fields.active, sql: 'text' },
      },
    };
    expect(disagreements(db, 'staff', doctored).sort()).toEqual([
      'staff.active: column type INTEGER, the model says text',
      'staff.nickname: a model field with no column in staff',
      'staff: column staff.role has no model field',
    ]);
  });

  it('give the store its kinds: table, columns, search, sort and derived values that run', () => {
    const db = freshDb();
    for (const name of KIND_NAMES) {
      const model: KindModel = MODELS[name];
      const kind = KINDS[name];
      expect(kind.table).toBe(model.table);
      expect(kind.fields, name).toEqual(
        Object.fromEntries(Object.entries(model.fields).map(([k, f]) => [k, f.sql])),
      );
      expect(sorted(kind.search), name).toEqual(
        sorted(Object.keys(model.fields).filter((k) => model.fields[k]!.search)),
      );
      for (const f of kind.search) expect(model.fields[f]!.sql, `${name}.${f} is searched`).not.toBe('bool');
      expect(kind.defaultSort).toEqual(model.defaultSort);
      expect([...Object.keys(model.fields), ...Object.keys(kind.derived)]).toContain(model.defaultSort.field);
      // Every derived value with a SQL type has SQL, and it runs on the migrated schema.
      expect(sorted(Object.keys(kind.derived)), name).toEqual(
        sorted(Object.keys(model.derived).filter((k) => model.derived[k]!.sql)),
      );
      for (const [k, d] of Object.entries(kind.derived)) {
        expect(d.type).toBe(model.derived[k]!.sql);
        expect(
          () => db.prepare(`SELECT ${d.sql} FROM "${kind.table}" t LIMIT 1`).all(),
          `${name}.${k}`,
        ).not.toThrow();
      }
    }
  });

  it('keep a field out of list filters and sorts when the model says so, naming it', () => {
    const t = makeCore();
    expect(MODELS.enterprises.fields.usccOverrideReason.list).toBe(false);
    expect(KINDS.enterprises.listable.has('usccOverrideReason')).toBe(false);
    expect(t.err('enterprises.list', { filter: { usccOverrideReason: 'x' } })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'filter.usccOverrideReason' },
    });
    expect(t.err('enterprises.list', { sort: [{ field: 'usccOverrideReason', dir: 'asc' }] })).toMatchObject({
      details: { field: 'sort.0.field' },
    });
    expect(t.ok('enterprises.list', { filter: { uscc: 'x' } }).total).toBe(0);
  });

  it('leave a field the model does not sync out of the change log', () => {
    const t = makeCore();
    const db = t.core.store.db;
    const unsynced = KINDS.staff.unsynced as Set<string>;
    unsynced.add('phone');
    const count = (field: string) =>
      db.prepare(`SELECT count(*) FROM changes WHERE "rowId" = ? AND "field" = ?`).pluck().get(t.meId, field);
    const [phones, names] = [count('phone'), count('name')];
    try {
      installCaptureTriggers(db);
      t.ok('staff.update', { id: t.meId, phone: '0591-2222', name: '新名字' });
      expect(t.ok('staff.get', { id: t.meId }).phone).toBe('0591-2222');
      expect([count('phone'), count('name')]).toEqual([phones, (names as number) + 1]);
    } finally {
      unsynced.delete('phone');
      installCaptureTriggers(db);
    }
  });

  it('give the API its schemas: what users write, and what records hold', () => {
    const written: Record<string, unknown> = {
      staff: schemas.StaffFields,
      enterprises: schemas.EnterpriseFields,
      experts: schemas.ExpertFields,
      visits: schemas.VisitFields,
      demands: schemas.DemandFields,
      clinics: schemas.ClinicFields,
      followups: schemas.FollowupFields,
    };
    const records: Record<string, { shape: Record<string, unknown> }> = {
      staff: schemas.StaffRecord,
      enterprises: schemas.EnterpriseRecord,
      experts: schemas.ExpertRecord,
      visits: schemas.VisitRecord,
      demands: schemas.DemandRecord,
      clinics: schemas.ClinicRecord,
      followups: schemas.FollowupRecord,
      devices: schemas.DeviceRecord,
    };
    for (const name of Object.keys(records) as ModelName[]) {
      const model: KindModel = MODELS[name];
      const inputKeys = Object.keys(model.fields).filter((k) => model.fields[k]!.input);
      if (written[name]) {
        expect(sorted(Object.keys((written[name] as { shape: object }).shape)), name).toEqual(
          sorted(inputKeys),
        );
        expect(sorted(Object.keys(fieldsSchema(model).shape))).toEqual(sorted(inputKeys));
      }
      const outputKeys = [
        ...META_COLUMNS,
        ...Object.keys(model.fields),
        ...Object.keys(model.derived).filter((k) => model.derived[k]!.output),
      ];
      expect(sorted(Object.keys(recordSchema(model).shape)), name).toEqual(sorted(outputKeys));
      // The API's record may add nested values (a demand's history, a visit's demands), no field.
      for (const k of outputKeys) expect(records[name]!.shape, `${name}Record.${k}`).toHaveProperty(k);
    }
  });

  it('give the ledger export its columns: every exported field has one, every column a field or an extra', () => {
    for (const kind of RECORD_KINDS) {
      const model: KindModel = MODELS[kind];
      const exported = [...Object.entries(model.fields), ...Object.entries(model.derived)]
        .filter(([, d]) => exportOf(d))
        .map(([k]) => k);
      const keys = EXPORT_COLUMNS[kind].map((c) => c.key);
      expect(sorted(keys.filter((k) => !(EXTRA_COLUMN_KEYS as readonly string[]).includes(k))), kind).toEqual(
        sorted(exported),
      );
      for (const c of EXPORT_COLUMNS[kind]) {
        const def = model.fields[c.key] ?? model.derived[c.key];
        if (def) expect(c.label).toBe(fileWordOf(def));
      }
    }
  });

  it('use only enum groups with words, and give importer words only where declared', () => {
    for (const name of KIND_NAMES) {
      const model: KindModel = MODELS[name];
      for (const [k, f] of Object.entries(model.fields)) {
        if (exportOf(f)?.cell === 'enum' || exportOf(f)?.cell === 'enumList')
          expect(f.enum, `${name}.${k} exports enum words`).toBeDefined();
        if (f.words) expect(f.words.words.length, `${name}.${k}`).toBeGreaterThan(0);
      }
    }
    expect(MODELS.staff.fields.position.words.words).toContain('职务');
  });
});
