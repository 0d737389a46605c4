// Enterprises: found by USCC (else by exact name), created when missing (visit and demand
// rows too: "enterprisesCreated"), completed from enterprise-list rows.
import type { z } from 'zod';
import { insertEnterprise, patchEnterprise } from '../../enterprises/service';
import { getRow } from '../../../store/records';
import { EnterpriseFields } from '@shared/contract/schemas';
import type { ApiError } from '@shared/contract/errors';
import { RowFailure, isRowProblem, toRowFailure } from '../failures';
import type { FieldKey } from '../fields';
import type { RowValues } from '../rows';
import { fillPatch, type Applied, type ImportContext } from './context';

type Contact = NonNullable<z.input<typeof EnterpriseFields>['contacts']>[number];
type TierEntry = NonNullable<z.input<typeof EnterpriseFields>['tiers']>[number];

const ENTERPRISE_FIELDS: Record<string, FieldKey> = {
  uscc: 'uscc',
  name: 'enterpriseName',
  formerNames: 'formerNames',
  town: 'town',
  address: 'address',
  industry: 'industry',
  tiers: 'tiers',
  liaisonStaffId: 'liaison',
  contacts: 'contactName',
  status: 'enterpriseStatus',
};

function failure(e: unknown): unknown {
  return isRowProblem(e) ? toRowFailure(e as ApiError, ENTERPRISE_FIELDS, 'enterpriseName') : e;
}

/** Contacts from the row: names, titles and phones listed in the same order ("张三、李四"). */
export function contactsOf(v: RowValues): Contact[] {
  const names = v.contactName ?? [];
  const titles = v.contactTitle ?? [];
  const phones = v.contactPhone ?? [];
  if (!names.length) return phones[0] ? [{ name: '联系人', title: titles[0] ?? null, phone: phones[0] }] : [];
  return names.map((name, i) => ({ name, title: titles[i] ?? null, phone: phones[i] ?? null }));
}

function tiersOf(v: RowValues): TierEntry[] | undefined {
  return v.tiers?.map((t) => ({ tier: t.tier, year: t.year }));
}

function createFrom(ctx: ImportContext, v: RowValues, uscc: string, name: string): string {
  try {
    const contacts = contactsOf(v);
    const input = EnterpriseFields.parse({
      uscc,
      name,
      formerNames: v.formerNames,
      town: v.town,
      address: v.address,
      industry: v.industry,
      tiers: tiersOf(v),
      liaisonStaffId: v.liaison,
      contacts: contacts.length ? contacts : undefined,
      status: v.enterpriseStatus,
    });
    const id = insertEnterprise(ctx.core, input);
    ctx.lookup.enterpriseCreated(id, uscc, name);
    return id;
  } catch (e) {
    throw failure(e);
  }
}

export interface FoundEnterprise {
  id: string;
  created: boolean;
  notes: string[];
}

/** The enterprise a visit, demand or follow-up row is about; created when allowed and missing. */
export function resolveEnterprise(ctx: ImportContext, v: RowValues, allowCreate: boolean): FoundEnterprise {
  if (v.uscc) {
    const found = ctx.lookup.enterpriseByUscc(v.uscc);
    if (found) {
      const { id, name } = found;
      const notes =
        v.enterpriseName &&
        v.enterpriseName !== name &&
        !(v.enterpriseName.includes(name) || name.includes(v.enterpriseName))
          ? [`信用代码 ${v.uscc} 在系统中是「${name}」，表中企业名称为「${v.enterpriseName}」`]
          : [];
      return { id, created: false, notes };
    }
    if (!allowCreate) throw new RowFailure('uscc', `企业库中没有信用代码为 ${v.uscc} 的企业`);
    if (!v.enterpriseName) {
      throw new RowFailure('enterpriseName', `企业库中没有信用代码为 ${v.uscc} 的企业，新建需要企业名称`);
    }
    return {
      id: createFrom(ctx, v, v.uscc, v.enterpriseName),
      created: true,
      notes: [`新建企业：${v.enterpriseName}`],
    };
  }
  const name = v.enterpriseName!;
  const ids = ctx.lookup.enterprisesByName(name);
  if (ids.length === 1) return { id: ids[0]!, created: false, notes: [] };
  if (ids.length > 1) {
    throw new RowFailure(
      'enterpriseName',
      `企业库中有 ${ids.length} 家企业名为「${name}」：请填写统一社会信用代码`,
    );
  }
  throw new RowFailure(
    'enterpriseName',
    allowCreate ? `企业库中没有「${name}」：请填写统一社会信用代码以便新建企业` : `企业库中没有「${name}」`,
  );
}

const key = (c: { name?: string | null; phone?: string | null }) => `${c.name ?? ''}\u0001${c.phone ?? ''}`;

/** A row of an enterprise list: create, or complete the enterprise with this USCC. */
export function applyEnterpriseRow(ctx: ImportContext, v: RowValues): Applied {
  const uscc = v.uscc!;
  const id = ctx.lookup.enterpriseByUscc(uscc)?.id;
  if (!id) {
    createFrom(ctx, v, uscc, v.enterpriseName!);
    return { outcome: 'create', enterprisesCreated: 0, notes: [] };
  }
  const current = getRow(ctx.core.store, 'enterprises', id)!;
  const notes: string[] = [];
  const patch = fillPatch(
    current,
    [
      { key: 'name', field: 'enterpriseName', value: v.enterpriseName },
      { key: 'town', field: 'town', value: v.town },
      { key: 'address', field: 'address', value: v.address },
      { key: 'industry', field: 'industry', value: v.industry },
      { key: 'liaisonStaffId', field: 'liaison', value: v.liaison, display: (s) => staffName(ctx, s) },
      { key: 'status', field: 'enterpriseStatus', value: v.enterpriseStatus },
    ],
    notes,
  );
  const former = current.formerNames ?? [];
  const newFormer = (v.formerNames ?? []).filter((n) => !former.includes(n) && n !== current.name);
  if (newFormer.length) patch.formerNames = [...former, ...newFormer];
  const tiers = current.tiers ?? [];
  const newTiers = (tiersOf(v) ?? []).filter(
    (t) => !tiers.some((c) => c.tier === t.tier && c.year === t.year),
  );
  if (newTiers.length) patch.tiers = [...tiers, ...newTiers];
  const contacts = current.contacts ?? [];
  const newContacts = contactsOf(v).filter((c) => !contacts.some((k) => key(k) === key(c)));
  if (newContacts.length) patch.contacts = [...contacts, ...newContacts];
  if (!Object.keys(patch).length) return { outcome: 'skip', enterprisesCreated: 0, notes };
  try {
    patchEnterprise(ctx.core, { id, ...EnterpriseFields.partial().parse(patch) });
  } catch (e) {
    throw failure(e);
  }
  return { outcome: 'update', enterprisesCreated: 0, notes };
}

export function staffName(ctx: ImportContext, id: unknown): string {
  if (typeof id !== 'string') return String(id);
  return getRow(ctx.core.store, 'staff', id)?.name ?? id;
}
