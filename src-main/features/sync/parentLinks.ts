import { MODELS, type FieldDef } from '@shared/model';
import { KIND_NAMES, type KindName } from '../../store/schema';

// How records hang under one another, read once from the models' `parent` marks: a demand
// under its enterprise, a follow-up under its demand, visit or clinic, a clinic under the
// enterprises it lists. One table, so finding and mending orphans needs no code per kind.

export interface ParentLink {
  /** The kind of the record that belongs under another. */
  kind: KindName;
  /** Its field naming the parent. */
  field: string;
  /** The parent's kind: one, or one per value of another field (`when`). */
  parents: { kind: KindName; when: { field: string; value: string } | null }[];
  /** The field is a JSON list of entries, each naming a parent by this key. */
  key: string | null;
  /** A part of its parent (a demand's history): never an orphan of its own. */
  part: boolean;
}

export const PARENT_LINKS: readonly ParentLink[] = KIND_NAMES.flatMap((kind) =>
  Object.entries(MODELS[kind].fields as Record<string, FieldDef>).flatMap(([field, def]) => {
    if (!def.parent) return [];
    const parent = def.parent === true ? {} : def.parent;
    const of = parent.kind ?? def.ref;
    if (!of) throw new Error(`${kind}.${field}: a parent link needs a kind (or a ref)`);
    const parents =
      typeof of === 'string'
        ? [{ kind: of, when: null }]
        : Object.entries(of.kinds).map(([value, k]) => ({ kind: k, when: { field: of.field, value } }));
    return [{ kind, field, parents, key: parent.key ?? null, part: parent.part ?? false }];
  }),
);
