// The enterprise form, and the live duplicate check that warns before saving.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import { call, toApiError, type ApiError } from '../api';
import { opt } from '../format';
import { createRecordForm } from './recordForm';

type Create = MethodInput<'enterprises.create'>;

export interface TierRow {
  tier: string;
  year: string;
  expiresOn: string;
}
export interface ContactRow {
  name: string;
  title: string;
  phone: string;
}

export interface EnterpriseValues {
  uscc: string;
  usccOverride: boolean;
  usccOverrideReason: string;
  name: string;
  formerNames: string;
  town: string;
  address: string;
  industry: string;
  status: string;
  liaisonStaffId: string;
  tiers: TierRow[];
  contacts: ContactRow[];
}

/** Former names are typed in one field, separated by 、 ; , or new lines. */
export function splitNames(s: string): string[] {
  return s
    .split(/[、;；,，\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export const useEnterpriseForm = createRecordForm<'enterprises', EnterpriseValues>({
  kind: 'enterprises',
  empty: () => ({
    uscc: '',
    usccOverride: false,
    usccOverrideReason: '',
    name: '',
    formerNames: '',
    town: '',
    address: '',
    industry: '',
    status: 'normal',
    liaisonStaffId: '',
    tiers: [],
    contacts: [],
  }),
  fromRecord: (e) => ({
    uscc: e.uscc ?? '',
    usccOverride: e.usccOverride ?? false,
    usccOverrideReason: e.usccOverrideReason ?? '',
    name: e.name ?? '',
    formerNames: (e.formerNames ?? []).join('、'),
    town: e.town ?? '',
    address: e.address ?? '',
    industry: e.industry ?? '',
    status: e.status ?? 'normal',
    liaisonStaffId: e.liaisonStaffId ?? '',
    tiers: (e.tiers ?? []).map((x) => ({ tier: x.tier, year: String(x.year), expiresOn: x.expiresOn ?? '' })),
    contacts: (e.contacts ?? []).map((c) => ({ name: c.name, title: c.title ?? '', phone: c.phone ?? '' })),
  }),
  toInput: (v) => ({
    uscc: v.uscc,
    usccOverride: v.usccOverride,
    usccOverrideReason: v.usccOverride ? opt(v.usccOverrideReason) : null,
    name: v.name,
    formerNames: splitNames(v.formerNames),
    town: opt(v.town),
    address: opt(v.address),
    industry: opt(v.industry),
    status: v.status as Create['status'],
    liaisonStaffId: v.liaisonStaffId || null,
    tiers: v.tiers.map((x) => ({
      tier: x.tier as NonNullable<Create['tiers']>[number]['tier'],
      year: Number(x.year),
      expiresOn: x.expiresOn || null,
    })),
    contacts: v.contacts.map((c) => ({ name: c.name, title: opt(c.title), phone: opt(c.phone) })),
  }),
});

type Duplicates = MethodOutput<'enterprises.checkDuplicates'>;

interface DuplicateState {
  result: Duplicates | null;
  error: ApiError | null;
  /** What the current result was asked for, so a late answer to an old question is dropped. */
  asked: string;
  check(uscc: string, name: string, excludeId: string | null): Promise<void>;
  reset(): void;
}

export const useDuplicateCheck = create<DuplicateState>((set, get) => ({
  result: null,
  error: null,
  asked: '',
  async check(uscc, name, excludeId) {
    const key = JSON.stringify([uscc, name, excludeId]);
    set({ asked: key });
    if (!uscc.trim() && name.trim().length < 2) {
      set({ result: null, error: null });
      return;
    }
    try {
      const result = await call('enterprises.checkDuplicates', {
        ...(uscc.trim() ? { uscc } : {}),
        ...(name.trim() ? { name } : {}),
        ...(excludeId ? { excludeId } : {}),
      });
      if (get().asked === key) set({ result, error: null });
    } catch (e) {
      if (get().asked === key) set({ error: toApiError(e) });
    }
  },
  reset() {
    set({ result: null, error: null, asked: '' });
  },
}));
