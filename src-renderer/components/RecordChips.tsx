// Several records of one kind as removable chips, and a picker that adds one more: a visit's
// colleagues, an activity's enterprises, organisers and experts, a clinic's experts. All from the
// keyboard: type to filter, Enter (or Down, then Enter) picks, Backspace in the empty box takes
// the last one off. Staff are named as in every staff picker (staffLabels: two 王伟 told apart).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '@shared/contract/contract';
import { toApiError } from '../api';
import { listRecords, type RecordOf } from '../records';
import { staffLabels } from '../staffLabels';
import { notify } from '../stores/notices';
import { useSession } from '../stores/session';
import { RecordPicker } from './RecordPicker';

type ChipKind = 'enterprises' | 'staff' | 'experts';

const nameOf = (row: RecordOf<ChipKind>): string => row.name ?? row.id;

export function RecordChips<K extends ChipKind>({
  kind,
  name,
  ids,
  onChange,
  placeholder,
  detail,
  filter,
  exclude,
  id,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
}: {
  kind: K;
  name: string;
  ids: string[];
  onChange: (ids: string[]) => void;
  placeholder: string;
  /** What tells the picker's records apart (an expert's organisation and title). */
  detail?: (row: RecordOf<K>) => string;
  /** Which records are offered (active staff only). */
  filter?: ListQuery['filter'];
  /** Records never offered (a visit's lead among its colleagues). */
  exclude?: readonly string[];
  /** From <Field>: the box its label names. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff);
  const staffLabel = useMemo(() => (kind === 'staff' ? staffLabels(staff) : null), [kind, staff]);
  const [names, setNames] = useState<Record<string, string>>({});
  const labelOf = (rid: string): string => staffLabel?.get(rid) ?? names[rid] ?? '…';
  const rowLabel = (row: RecordOf<K>): string => staffLabel?.get(row.id) ?? nameOf(row);

  const missingKey = ids.filter((x) => !(x in names) && !staffLabel?.has(x)).join(',');
  useEffect(() => {
    if (!missingKey) return;
    let stale = false;
    listRecords(kind, { filter: { id: { in: missingKey.split(',') } }, limit: 500, includeDeleted: true })
      .then((page) => {
        if (!stale)
          setNames((n) => ({ ...n, ...Object.fromEntries(page.rows.map((r) => [r.id, nameOf(r)])) }));
      })
      .catch((e: unknown) => notify(toApiError(e)));
    return () => {
      stale = true;
    };
  }, [kind, missingKey]);

  return (
    <div>
      <div className="chips" data-testid={`${name}-chips`}>
        {ids.map((rid) => (
          <span className="chip" key={rid}>
            <span>{labelOf(rid)}</span>
            <button
              type="button"
              aria-label={t('people.remove', { name: labelOf(rid) })}
              onClick={() => onChange(ids.filter((x) => x !== rid))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <RecordPicker
        kind={kind}
        name={name}
        id={id}
        aria-label={placeholder}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        value={null}
        clearOnPick
        filter={filter}
        exclude={[...(exclude ?? []), ...ids]}
        onChange={(picked, row) => {
          if (!picked || ids.includes(picked)) return;
          setNames((n) => ({ ...n, [picked]: row ? nameOf(row) : picked }));
          onChange([...ids, picked]);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Backspace' && !e.currentTarget.value && ids.length) {
            e.preventDefault();
            onChange(ids.slice(0, -1));
          }
        }}
        label={rowLabel}
        {...(detail ? { detail } : {})}
        placeholder={placeholder}
      />
    </div>
  );
}
