// One group of records that are the same thing recorded twice (duplicate enterprises, the same
// person on two laptops): a table of them with a "keep" radio each, and a merge button that
// merges the others into the one kept, once confirmed. What a row shows is the caller's columns.
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import styles from './sync.module.css';

export interface MergeColumn<R> {
  /** i18n key of the header. */
  header: string;
  cell: (row: R, t: TFunction) => ReactNode;
  className?: string;
}

interface Props<R extends { id: string }> {
  rows: readonly R[];
  legend: ReactNode;
  legendClassName?: string;
  /** Test ids: `${testId}-group` and `${testId}-merge`. */
  testId: string;
  /** Attributes of the group (data-uscc). */
  data?: Record<`data-${string}`, string>;
  /** The radios' name, unique on the screen. */
  radioName: string;
  columns: readonly MergeColumn<R>[];
  /** What the radio of a row says after 保留这条. */
  keepLabel: (row: R) => string;
  /** The name the confirmation gives the record kept. */
  nameOf: (row: R) => string | null | undefined;
  disabled: boolean;
  onMerge: (keepId: string, otherIds: string[]) => void;
}

export function MergeGroup<R extends { id: string }>(props: Props<R>) {
  const { rows, columns, testId, disabled, onMerge } = props;
  const { t } = useTranslation();
  const [keepId, setKeepId] = useState(rows[0]?.id ?? '');
  const keep = rows.find((r) => r.id === keepId);
  const others = rows.filter((r) => r.id !== keepId).map((r) => r.id);
  return (
    <fieldset className={styles.syncDupGroup} data-testid={`${testId}-group`} {...props.data}>
      <legend className={props.legendClassName}>{props.legend}</legend>
      <table className="table">
        <thead>
          <tr>
            <th>{t('sync.keep')}</th>
            {columns.map((c) => (
              <th key={c.header}>{t(c.header)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <input
                  type="radio"
                  name={props.radioName}
                  aria-label={`${t('sync.keep')}: ${props.keepLabel(r)}`}
                  checked={keepId === r.id}
                  onChange={() => setKeepId(r.id)}
                  value={r.id}
                />
              </td>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(r, t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn primary"
        disabled={disabled || !keep || others.length === 0}
        data-testid={`${testId}-merge`}
        onClick={() => {
          if (!keep) return;
          if (!window.confirm(t('sync.mergeConfirm', { count: others.length, name: props.nameOf(keep) })))
            return;
          onMerge(keep.id, others);
        }}
      >
        {t('sync.merge')}
      </button>
    </fieldset>
  );
}
