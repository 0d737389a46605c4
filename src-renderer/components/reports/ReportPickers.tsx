// What the report is about: the period (a month, quarter, half year or year, the current one
// and the four before it one click away, arrows for any other; or any range of days) and the
// scope (the bureau, one staff member, one town, one unit).
import { useState } from 'react';
import { staffLabels } from '../../staffLabels';
import { useTranslation } from 'react-i18next';
import {
  parsePeriod,
  periodContaining,
  periodOrNull,
  PERIOD_KINDS,
  shiftPeriod,
  type PeriodKind,
  type SteppedKind,
} from '@shared/domain/period';
import { useSession } from '../../stores/session';
import { useUnits } from '../UnitPickers';
import { recentPeriods, type Report, type Selection } from '../../stores/reports';
import { periodName, quarterName } from './figures';
import styles from './reports.module.css';
import { DateInput } from '../DateInput';

interface Props {
  selection: Selection;
  today: string;
  towns: string[];
  onChange: (next: Selection) => void;
}

/** A range's text fields as typed, before they make a period. */
function RangeFields({ selection, today, onChange }: Omit<Props, 'towns'>) {
  const { t } = useTranslation();
  const shown = parsePeriod(selection.period);
  const [from, setFrom] = useState(shown.start);
  const [to, setTo] = useState(shown.end);
  const range = periodOrNull(`${from}..${to}`);
  const ok = range !== null && range.start <= today;
  return (
    <form
      className={styles.quarterPicker}
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) onChange({ ...selection, period: range.key });
      }}
    >
      <DateInput name="rangeFrom" aria-label={t('reports.rangeFrom')} value={from} onChange={setFrom} />
      <span aria-hidden>—</span>
      <DateInput name="rangeTo" aria-label={t('reports.rangeTo')} value={to} onChange={setTo} />
      <button
        type="submit"
        className="btn"
        disabled={!ok}
        title={ok ? undefined : t('reports.rangeInvalid')}
        data-testid="range-apply"
      >
        {t('reports.rangeApply')}
      </button>
    </form>
  );
}

/** The periods of one kind: the current one and the four before it, arrows for any other. */
function SteppedPeriods({ kind, selection, today, onChange }: Omit<Props, 'towns'> & { kind: SteppedKind }) {
  const { t } = useTranslation();
  const periods = recentPeriods(kind, today);
  const current = periods[periods.length - 1]!;
  const shown = parsePeriod(selection.period);
  const go = (period: string) => onChange({ ...selection, period });
  // The quarter picker keeps its names (and the hooks tests and scripts know it by).
  const quarter = kind === 'quarter';
  const chip = (p: string) =>
    p === current
      ? t(`reports.currentPeriod.${kind}`)
      : quarter
        ? quarterName(p, 'quarterChip')
        : periodName(p);
  return (
    <div
      className={`${styles.quarterPicker} ${quarter ? 'quarter-picker' : 'period-picker'}`}
      role="group"
      aria-label={quarter ? t('reports.quarterPicker') : t(`reports.periodKind.${kind}`)}
    >
      <button
        type="button"
        className="btn"
        title={t('reports.previousPeriod')}
        aria-label={t('reports.previousPeriod')}
        onClick={() => go(shiftPeriod(shown, -1).key)}
        data-testid={quarter ? 'quarter-prev' : 'period-prev'}
      >
        ‹
      </button>
      <div className="segmented">
        {periods.map((p) => (
          <button
            key={p}
            type="button"
            className={p === selection.period ? 'on' : undefined}
            aria-pressed={p === selection.period}
            title={periodName(p)}
            {...(quarter ? { 'data-quarter': p } : { 'data-period': p })}
            onClick={() => go(p)}
          >
            {chip(p)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="btn"
        title={t('reports.nextPeriod')}
        aria-label={t('reports.nextPeriod')}
        disabled={selection.period >= current}
        onClick={() => go(shiftPeriod(shown, 1).key)}
        data-testid={quarter ? 'quarter-next' : 'period-next'}
      >
        ›
      </button>
    </div>
  );
}

export function PeriodPicker({ selection, today, onChange }: Omit<Props, 'towns'>) {
  const { t } = useTranslation();
  const kind = parsePeriod(selection.period).kind;
  // Another kind: its period that holds the last day shown (today at most).
  const pick = (next: PeriodKind) => {
    if (next === kind) return;
    const shown = parsePeriod(selection.period);
    const day = shown.end < today ? shown.end : today;
    const period = next === 'range' ? `${shown.start}..${shown.end}` : periodContaining(next, day).key;
    onChange({ ...selection, period });
  };
  return (
    <div className={styles.quarterPicker}>
      <div className="segmented" role="group" aria-label={t('reports.periodKindPicker')}>
        {PERIOD_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={k === kind ? 'on' : undefined}
            aria-pressed={k === kind}
            data-period-kind={k}
            onClick={() => pick(k)}
          >
            {t(`reports.periodKind.${k}`)}
          </button>
        ))}
      </div>
      {kind === 'range' ? (
        <RangeFields key={selection.period} selection={selection} today={today} onChange={onChange} />
      ) : (
        <SteppedPeriods kind={kind} selection={selection} today={today} onChange={onChange} />
      )}
    </div>
  );
}

type ScopeKind = Report['scope']['type'];
const SCOPE_KINDS = ['bureau', 'staff', 'town', 'unit'] as const satisfies readonly ScopeKind[];

export function ScopePicker({ selection, towns, onChange }: Omit<Props, 'today'>) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff);
  const me = useSession((s) => s.info?.me?.id ?? null);
  const units = useUnits();
  const type = selection.staffId ? 'staff' : selection.town ? 'town' : selection.unitId ? 'unit' : 'bureau';
  const period = selection.period;
  const nobody = { period, staffId: null, town: null, unitId: null };
  const pick = (next: ScopeKind) => {
    if (next === type) return;
    if (next === 'bureau') onChange(nobody);
    else if (next === 'staff') {
      const id = me ?? staff.find((s) => s.active !== false)?.id ?? staff[0]?.id;
      if (id) onChange({ ...nobody, staffId: id });
    } else if (next === 'town') {
      if (towns[0]) onChange({ ...nobody, town: towns[0] });
    } else if (units[0]) onChange({ ...nobody, unitId: units[0].id });
  };
  // A scope with nothing to choose from (no town seen, no unit yet), with why.
  const none: Partial<Record<ScopeKind, string>> = {
    ...(towns.length === 0 ? { town: t('reports.noTowns') } : {}),
    ...(units.length === 0 ? { unit: t('reports.noUnits') } : {}),
  };
  // Someone who has left may still have led visits in a past period: everyone is listed.
  const people = [...staff].sort((a, b) => Number(b.active !== false) - Number(a.active !== false));
  const labels = staffLabels(people);
  const townOptions = selection.town && !towns.includes(selection.town) ? [selection.town, ...towns] : towns;
  return (
    <div className={`${styles.scopePicker} scope-picker`} role="group" aria-label={t('reports.scope')}>
      <div className="segmented">
        {SCOPE_KINDS.map((s) => (
          <button
            key={s}
            type="button"
            className={s === type ? 'on' : undefined}
            aria-pressed={s === type}
            disabled={none[s] !== undefined && type !== s}
            title={none[s]}
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
          onChange={(e) => onChange({ ...nobody, staffId: e.target.value })}
        >
          {people.map((s) => (
            <option key={s.id} value={s.id}>
              {s.active === false ? t('reports.inactive', { name: labels.get(s.id) }) : labels.get(s.id)}
            </option>
          ))}
        </select>
      )}
      {type === 'town' && (
        <select
          aria-label={t('reports.chooseTown')}
          name="scopeTown"
          value={selection.town ?? ''}
          onChange={(e) => onChange({ ...nobody, town: e.target.value })}
        >
          {townOptions.map((town) => (
            <option key={town} value={town}>
              {town}
            </option>
          ))}
        </select>
      )}
      {type === 'unit' && (
        <select
          aria-label={t('reports.chooseUnit')}
          name="scopeUnit"
          value={selection.unitId ?? ''}
          onChange={(e) => onChange({ ...nobody, unitId: e.target.value })}
        >
          {/* A unit of an address that is no longer live: shown by id until the report refuses it. */}
          {!units.some((u) => u.id === selection.unitId) && (
            <option value={selection.unitId ?? ''}>{selection.unitId}</option>
          )}
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.active === false ? t('reports.inactive', { name: u.name ?? u.id }) : (u.name ?? u.id)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
