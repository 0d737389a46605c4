// Form stores of the small records: staff, experts, units.
import type { MethodInput } from '@shared/contract/contract';
import { opt } from '../format';
import { createRecordForm } from './recordForm';

export interface StaffValues {
  name: string;
  role: string;
  position: string;
  phone: string;
  active: boolean;
}

export const useStaffForm = createRecordForm<'staff', StaffValues>({
  kind: 'staff',
  empty: () => ({ name: '', role: 'staff', position: 'staff', phone: '', active: true }),
  fromRecord: (s) => ({
    name: s.name ?? '',
    role: s.role ?? 'staff',
    position: s.position ?? 'staff',
    phone: s.phone ?? '',
    active: s.active ?? true,
  }),
  toInput: (v) => ({
    name: v.name,
    role: v.role as MethodInput<'staff.create'>['role'],
    position: v.position as MethodInput<'staff.create'>['position'],
    phone: opt(v.phone),
    active: v.active,
  }),
});

export interface ExpertValues {
  name: string;
  organization: string;
  title: string;
  speciality: string;
  phone: string;
}

export const useExpertForm = createRecordForm<'experts', ExpertValues>({
  kind: 'experts',
  empty: () => ({ name: '', organization: '', title: '', speciality: '', phone: '' }),
  fromRecord: (e) => ({
    name: e.name ?? '',
    organization: e.organization ?? '',
    title: e.title ?? '',
    speciality: e.speciality ?? '',
    phone: e.phone ?? '',
  }),
  toInput: (v) => ({
    name: v.name,
    organization: opt(v.organization),
    title: opt(v.title),
    speciality: opt(v.speciality),
    phone: opt(v.phone),
  }),
});

export interface UnitValues {
  name: string;
  kind: string;
  contact: string;
  phone: string;
  active: boolean;
}

export const useUnitForm = createRecordForm<'units', UnitValues>({
  kind: 'units',
  empty: () => ({ name: '', kind: 'department', contact: '', phone: '', active: true }),
  fromRecord: (u) => ({
    name: u.name ?? '',
    kind: u.kind ?? 'other',
    contact: u.contact ?? '',
    phone: u.phone ?? '',
    active: u.active ?? true,
  }),
  toInput: (v) => ({
    name: v.name,
    kind: v.kind as MethodInput<'units.create'>['kind'],
    contact: opt(v.contact),
    phone: opt(v.phone),
    active: v.active,
  }),
});
