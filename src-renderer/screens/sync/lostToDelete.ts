// What each side of a 'delete' conflict says: the delete (who, when) against the edits made
// without knowing of it (their fields and values), from the conflict's detail.
import type { TFunction } from 'i18next';
import { fieldLabel, fieldValueText } from '../../fieldValues';
import { formatInstant } from '../../format';
import type { Conflict } from '../../stores/conflicts';

interface Detail {
  fields: Record<string, unknown>;
  deletedBy: { deviceName: string | null; device: string; staffName: string | null; at: string };
}

const isDetail = (d: unknown): d is Detail =>
  typeof d === 'object' && d !== null && 'fields' in d && 'deletedBy' in d;

/** `units`: unit names by id, for edits of a demand's lead or co units. */
export function lostToDeleteText(
  t: TFunction,
  c: Conflict,
  side: 'winner' | 'loser',
  units: Readonly<Record<string, string>> = {},
): string {
  if (!isDetail(c.detail)) return '';
  if (side === 'winner') {
    const by = c.detail.deletedBy;
    return t('deleteConflict.deleted', {
      by: by.staffName ?? by.deviceName ?? by.device,
      at: formatInstant(by.at),
    });
  }
  return Object.entries(c.detail.fields)
    .map(([f, v]) => `${fieldLabel(c.kind, f)}：${fieldValueText(c.kind, f, v, units) || t('sync.empty')}`)
    .join('；');
}
