import { msg } from '@shared/messages';
import type { z } from 'zod';
import type { Core } from '../../core';
import { nowIso, requireLive } from '../../core';
import { getRow, updateRecord } from '../../store/records';
import { KINDS, q, type KindName } from '../../store/schema';
import { RECORD_KINDS, type RecordKind } from '@shared/contract/methods';
import type { ORPHAN_ACTIONS, OrphanView } from '@shared/contract/contract';
import { invalid } from '@shared/contract/errors';
import { deleteDemand } from '../demands/service';
import { deleteFollowup } from '../followups/service';
import { deleteOutcome } from '../outcomes/service';
import { deleteVisit } from '../visits/service';
import { closeRestored } from './lostToDeletes';
import { PARENT_LINKS, type ParentLink } from './parentLinks';

// Orphans: live records whose parent is deleted or was merged away, typically because the
// delete (or the merge) and the record crossed between laptops. They are listed, on every
// laptop alike, until someone re-attaches them, deletes them or restores their parent; each
// of those is an ordinary captured change, so it syncs.

type Orphan = z.output<typeof OrphanView>;
type Action = (typeof ORPHAN_ACTIONS)[number];

/** The field naming a record of the kind on screens. */
const LABEL: Partial<Record<KindName, string>> = {
  enterprises: 'name',
  demands: 'title',
  visits: 'visitNo',
  clinics: 'topic',
  followups: 'content',
  outcomes: 'description',
};

/** An orphan is deleted by its kind's own delete, with that kind's rules. */
const DELETE: Partial<Record<KindName, (core: Core, id: string) => unknown>> = {
  demands: deleteDemand,
  visits: deleteVisit,
  followups: deleteFollowup,
  outcomes: deleteOutcome,
};

const isRecordKind = (k: KindName): k is RecordKind => (RECORD_KINDS as readonly string[]).includes(k);

/** One query per link and parent kind: the live records naming a deleted parent that way. */
const QUERIES = PARENT_LINKS.filter((link) => !link.part).flatMap((link) =>
  link.parents.map((parent) => {
    if (!isRecordKind(link.kind) || !isRecordKind(parent.kind))
      throw new Error(`${link.kind}.${link.field}: orphans are records of the API's kinds`);
    const label = (kind: KindName, alias: string) => {
      const column = LABEL[kind];
      return column ? `${alias}.${q(column)}` : 'NULL';
    };
    const named = link.key ? `json_extract(j.value, '$.${link.key}')` : `t.${q(link.field)}`;
    const table = q(KINDS[link.kind].table);
    const from = link.key ? `${table} t, json_each(t.${q(link.field)}) j` : `${table} t`;
    const where = [
      't."deletedAt" IS NULL',
      'p."deletedAt" IS NOT NULL',
      '(@record IS NULL OR t."id" = @record)',
    ];
    if (parent.when) where.push(`t.${q(parent.when.field)} = @type`);
    return {
      link,
      kind: link.kind,
      parentKind: parent.kind,
      typeValue: parent.when?.value ?? null,
      sql: `SELECT t."id" AS recordId, ${label(link.kind, 't')} AS recordLabel, p."id" AS parentId,
              ${label(parent.kind, 'p')} AS parentLabel,
              ${'mergedInto' in KINDS[parent.kind].fields ? 'p."mergedInto"' : 'NULL'} AS mergedInto
            FROM ${from} JOIN ${q(KINDS[parent.kind].table)} p ON p."id" = ${named}
            WHERE ${where.join(' AND ')} ORDER BY t."id", p."id"`,
    };
  }),
);

interface Found extends Orphan {
  link: ParentLink;
}

/** The live record a merged-away record ended in (following merges of merges), if any. */
function survivor(core: Core, kind: KindName, id: string): string | null {
  const read = core.store.db.prepare(
    `SELECT "deletedAt","mergedInto" FROM ${q(KINDS[kind].table)} WHERE "id" = ?`,
  );
  const seen = new Set<string>();
  let at: string | null = id;
  while (at && !seen.has(at)) {
    seen.add(at);
    const row = read.get(at) as { deletedAt: string | null; mergedInto: string | null } | undefined;
    if (!row) return null;
    if (row.deletedAt === null) return at === id ? null : at;
    at = row.mergedInto;
  }
  return null;
}

function findOrphans(core: Core, recordId: string | null = null): Found[] {
  const db = core.store.db;
  return QUERIES.flatMap((query) => {
    const stmt = db.prepare(query.sql);
    const params =
      query.typeValue === null ? { record: recordId } : { record: recordId, type: query.typeValue };
    const rows = stmt.all(params) as {
      recordId: string;
      recordLabel: string | null;
      parentId: string;
      parentLabel: string | null;
      mergedInto: string | null;
    }[];
    return rows.map((r): Found => ({
      kind: query.kind as RecordKind,
      recordId: r.recordId,
      recordLabel: r.recordLabel,
      parentKind: query.parentKind as RecordKind,
      parentId: r.parentId,
      parentLabel: r.parentLabel,
      reason: r.mergedInto ? 'merged' : 'deleted',
      suggestedParentId: r.mergedInto ? survivor(core, query.parentKind, r.parentId) : null,
      link: query.link,
    }));
  });
}

const view = ({ link: _link, ...orphan }: Found): Orphan => orphan;

export function listOrphans(core: Core): { rows: Orphan[] } {
  return { rows: findOrphans(core).map(view) };
}

export function orphanCount(core: Core): number {
  return findOrphans(core).length;
}

/** Points the record's link at another parent (null: drops an entry of a list of parents). */
function relink(core: Core, orphan: Found, parentId: string | null): void {
  const { link } = orphan;
  if (!link.key) {
    updateRecord(core.store, link.kind, orphan.recordId, { [link.field]: parentId });
    return;
  }
  const key = link.key;
  const record = getRow(core.store, link.kind, orphan.recordId) as Record<string, unknown>;
  const entries = (record[link.field] ?? []) as Record<string, unknown>[];
  // A list names each parent once: an entry already naming the new parent stays as it is.
  const next =
    parentId === null || entries.some((e) => e[key] === parentId)
      ? entries.filter((e) => e[key] !== orphan.parentId)
      : entries.map((e) => (e[key] === orphan.parentId ? { ...e, [key]: parentId } : e));
  updateRecord(core.store, link.kind, orphan.recordId, { [link.field]: next });
}

export function resolveOrphan(
  core: Core,
  input: { kind: RecordKind; recordId: string; action: Action; parentId?: string; fromParentId?: string },
): { rows: Orphan[] } {
  const found = findOrphans(core, input.recordId).filter(
    (o) => o.kind === input.kind && (input.fromParentId === undefined || o.parentId === input.fromParentId),
  );
  if (!found.length) throw invalid('recordId', msg('orphan.notOrphan'));
  if (found.length > 1) throw invalid('fromParentId', msg('orphan.severalParents'));
  const orphan = found[0]!;
  switch (input.action) {
    case 'reattach': {
      const parentId = input.parentId ?? orphan.suggestedParentId;
      if (!parentId) throw invalid('parentId', msg('orphan.giveParent'));
      requireLive(core, orphan.parentKind, parentId, 'parentId');
      relink(core, orphan, parentId);
      break;
    }
    case 'delete': {
      if (orphan.link.key) relink(core, orphan, null);
      else {
        const remove = DELETE[orphan.kind];
        if (!remove) throw invalid('action', msg('orphan.notDeletedHere', { kind: orphan.kind }));
        remove(core, orphan.recordId);
      }
      break;
    }
    case 'restoreParent':
      if (orphan.reason === 'merged')
        throw invalid('action', msg('orphan.merged', { parent: orphan.parentLabel ?? orphan.parentId }));
      updateRecord(core.store, orphan.parentKind, orphan.parentId, { deletedAt: null });
      // A conflict of an edit lost to that delete is settled by it.
      closeRestored(core.store, nowIso(core));
      break;
  }
  return listOrphans(core);
}
