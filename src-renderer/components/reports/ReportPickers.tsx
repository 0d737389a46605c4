// What the report is about: the quarter (this one and the four before it one click away,
// arrows for any other) and the scope (the bureau, one staff member, one town).
import { useTranslation } from 'react-i18next';
import { shiftQuarter } from '@shared/domain/quarter';
import { useSession } from '../../stores/session';
import { recentQuarters, type Selection } from '../../stores/reports';
import { quarterName } from './figures';
import styles from './reports.module.css';

interface Props {
  selection: Selection;
  today: string;
  towns: string[];
  onChange: (next: Selection) => void;
}

export function QuarterPicker({ selection, today, onChange }: Omit<Props, 'towns'>) {
  const { t } = useTranslation();
  const quarters = recentQuarters(today);
  const current = quarters[quarters.length - 1]!;
  const go = (quarter: string) => onChange({ ...selection, quarter });
  return (
    <div
      className={`${styles.quarterPicker} quarter-picker`}
      role="group"
      aria-label={t('reports.quarterPicker')}
    >
      <button
        type="button"
        className="btn"
        title={t('reports.previousQuarter')}
        aria-label={t('reports.previousQuarter')}
        onClick={() => go(shiftQuarter(selection.quarter, -1))}
        data-testid="quarter-prev"
      >
        ‹
      </button>
      <div className="segmented">
        {quarters.map((q) => (
          <button
            key={q}
            type="button"
            className={q === selection.quarter ? 'on' : undefined}
            aria-pressed={q === selection.quarter}
            title={quarterName(q)}
            data-quarter={q}
            onClick={() => go(q)}
          >
            {q === current ? t('reports.current') : quarterName(q, 'quarterChip')}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="btn"
        title={t('reports.nextQuarter')}
        aria-label={t('reports.nextQuarter')}
        disabled={selection.quarter >= current}
        onClick={() => go(shiftQuarter(selection.quarter, 1))}
        data-testid="quarter-next"
      >
        ›
      </button>
    </div>
  );
}

export function ScopePicker({ selection, towns, onChange }: Omit<Props, 'today'>) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff);
  const me = useSession((s) => s.info?.me?.id ?? null);
  const type = selection.staffId ? 'staff' : selection.town ? 'town' : 'bureau';
  const pick = (next: 'bureau' | 'staff' | 'town') => {
    if (next === type) return;
    const q = selection.quarter;
    if (next === 'bureau') onChange({ quarter: q, staffId: null, town: null });
    else if (next === 'staff') {
      const id = me ?? staff.find((s) => s.active !== false)?.id ?? staff[0]?.id;
      if (id) onChange({ quarter: q, staffId: id, town: null });
    } else if (towns[0]) onChange({ quarter: q, staffId: null, town: towns[0] });
  };
  // Someone who has left may still have led visits in a past quarter: everyone is listed.
  const people = [...staff].sort((a, b) => Number(b.active !== false) - Number(a.active !== false));
  const townOptions = selection.town && !towns.includes(selection.town) ? [selection.town, ...towns] : towns;
  return (
    <div className={`${styles.scopePicker} scope-picker`} role="group" aria-label={t('reports.scope')}>
      <div className="segmented">
        {(['bureau', 'staff', 'town'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={s === type ? 'on' : undefined}
            aria-pressed={s === type}
            disabled={s === 'town' && towns.length === 0 && type !== 'town'}
            title={s === 'town' && towns.length === 0 ? t('reports.noTowns') : undefined}
            data-scope={s}
            onClick={() => pick(s)}
          >
            {t(`reports.scope_${s}`)}
          </button>
        ))}
      </div>
      {type === 'staff' && (
        <select
          aria-label={t('reports.chooseStaff')}
          name="scopeStaff"
          value={selection.staffId ?? ''}
          onChange={(e) => onChange({ quarter: selection.quarter, staffId: e.target.value, town: null })}
        >
          {people.map((s) => (
            <option key={s.id} value={s.id}>
              {s.active === false ? t('reports.inactive', { name: s.name }) : s.name}
            </option>
          ))}
        </select>
      )}
      {type === 'town' && (
        <select
          aria-label={t('reports.chooseTown')}
          name="scopeTown"
          value={selection.town ?? ''}
          onChange={(e) => onChange({ quarter: selection.quarter, staffId: null, town: e.target.value })}
        >
          {townOptions.map((town) => (
            <option key={town} value={town}>
              {town}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
