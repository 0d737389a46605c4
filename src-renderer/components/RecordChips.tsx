// Several records of one kind as removable chips, and a picker that adds one more (an
// activity's enterprises, organisers and experts; a clinic's experts).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api';
import { listRecords, type RecordOf } from '../records';
import { notify } from '../stores/notices';
import { useSession } from '../stores/session';
import { staffLabels } from '../staffLabels';
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
}: {
  kind: K;
  name: string;
  ids: string[];
  onChange: (ids: string[]) => void;
  placeholder: string;
  /** What tells the picker's records apart (an expert's organisation and title). */
  detail?: (row: RecordOf<K>) => string;
}) {
  const { t } = useTranslation();
  // Staff are named as every staff picker names them: two 王伟 told apart (staffLabels).
  const staff = useSession((s) => s.staff);
  const people = useMemo(() => (kind === 'staff' ? staffLabels(staff) : null), [kind, staff]);
  const labelOf = (row: RecordOf<K>) => people?.get(row.id) ?? nameOf(row);
  const [names, setNames] = useState<Record<string, string>>({});
  const missingKey = ids.filter((id) => !(id in names)).join(',');
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
        {ids.map((id) => (
          <span className="chip" key={id}>
            {people?.get(id) ?? names[id] ?? '…'}
            <button
              type="button"
              aria-label={t('common.remove')}
              onClick={() => onChange(ids.filter((x) => x !== id))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <RecordPicker
        kind={kind}
        name={name}
        aria-label={placeholder}
        value={null}
        clearOnPick
        onChange={(id, row) => {
          if (!id || ids.includes(id)) return;
          setNames((n) => ({ ...n, [id]: row ? nameOf(row) : id }));
          onChange([...ids, id]);
        }}
        label={labelOf}
        {...(detail ? { detail } : {})}
        placeholder={placeholder}
      />
    </div>
  );
}
