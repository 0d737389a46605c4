// Show or hide columns (Community has no column tool panel), and go back to the default layout.
import { useEffect, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import styles from './popover.module.css';

interface Props<Row> {
  api: GridApi<Row>;
  /** Each column's field and its header in the current language. */
  columns: { field: string; label: string }[];
  onReset: () => void;
}

export function ColumnChooser<Row>({ api, columns, onReset }: Props<Row>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [, setTick] = useState(0);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const visible = (field: string) => api.getColumn(field)?.isVisible() ?? false;

  return (
    <div className={styles.columnChooser} ref={box}>
      <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('grid.columns')}
      </button>
      {open && (
        <div
          className={styles.popover}
          role="dialog"
          aria-label={t('grid.columns')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          {columns.map((c) => (
            <label key={c.field}>
              <input
                type="checkbox"
                checked={visible(c.field)}
                onChange={(e) => {
                  api.setColumnsVisible([c.field], e.target.checked);
                  setTick((n) => n + 1);
                }}
              />
              {c.label}
            </label>
          ))}
          <hr />
          <button
            type="button"
            className="link"
            onClick={() => {
              setOpen(false);
              onReset();
            }}
          >
            {t('grid.resetLayout')}
          </button>
        </div>
      )}
    </div>
  );
}
