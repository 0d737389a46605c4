// Rows of a staff list (人员名单). A row is the staff member of the same name, and of the same
// phone number when both the row and the app have one (two people may share a name); no such
// member is created, one is completed like any other record, several reject the row.
import { createStaff, updateStaff } from '../../staff/service';
import { getRow } from '../../../store/records';
import { StaffFields } from '@shared/contract/schemas';
import type { ApiError } from '@shared/contract/errors';
import { RowFailure, isRowProblem, toRowFailure } from '../failures';
import type { FieldKey } from '../fields';
import { enumLabel } from '../labels';
import type { RowValues } from '../rows';
import { fillPatch, isEmptyValue, type Applied, type ImportContext } from './context';

const STAFF_FIELDS: Record<string, FieldKey> = {
  name: 'staffName',
  role: 'role',
  position: 'position',
  phone: 'staffPhone',
  active: 'active',
};

function failure(e: unknown): unknown {
  return isRowProblem(e) ? toRowFailure(e as ApiError, STAFF_FIELDS, 'staffName') : e;
}

/** Phone numbers compared by their digits ("138 0000 0000" is "138-0000-0000"). */
const digits = (phone: unknown): string => (typeof phone === 'string' ? phone.replace(/\D/g, '') : '');

export function applyStaffRow(ctx: ImportContext, v: RowValues): Applied {
  const name = v.staffName!;
  const phone = digits(v.staffPhone);
  const matches = ctx.lookup
    .staffIds(name)
    .map((id) => getRow(ctx.core.store, 'staff', id)!)
    .filter((s) => !phone || !digits(s.phone) || digits(s.phone) === phone);
  if (matches.length > 1) {
    throw new RowFailure(
      phone ? 'staffPhone' : 'staffName',
      `有 ${matches.length} 位名为「${name}」的人员${phone ? '且电话相同或未填' : ''}：请填写联系电话以区分`,
    );
  }
  const existing = matches[0];
  if (!existing) {
    try {
      const created = createStaff(
        ctx.core,
        StaffFields.parse({
          name,
          role: v.role,
          position: v.position,
          phone: v.staffPhone,
          active: v.active,
        }),
      );
      ctx.lookup.staffCreated(created.id, name);
    } catch (e) {
      throw failure(e);
    }
    return { outcome: 'create', enterprisesCreated: 0, notes: [] };
  }
  const notes: string[] = [];
  const patch = fillPatch(
    existing,
    [
      { key: 'role', field: 'role', value: v.role, display: (r) => enumLabel('role', String(r)) },
      {
        key: 'position',
        field: 'position',
        value: v.position,
        display: (p) => enumLabel('position', String(p)),
      },
      // Matched, the member's number is the row's (perhaps written differently), or none yet.
      { key: 'phone', field: 'staffPhone', value: isEmptyValue(existing.phone) ? v.staffPhone : undefined },
      { key: 'active', field: 'active', value: v.active },
    ],
    notes,
  );
  if (!Object.keys(patch).length) return { outcome: 'skip', enterprisesCreated: 0, notes };
  try {
    updateStaff(ctx.core, { id: existing.id, ...StaffFields.partial().parse(patch) });
  } catch (e) {
    throw failure(e);
  }
  return { outcome: 'update', enterprisesCreated: 0, notes };
}
