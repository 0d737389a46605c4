// The export control of every grid: .xlsx or .csv of exactly what the grid shows (through
// ledger.export), downloaded as a file. A file with phone numbers says so, naming the
// columns, before it is saved.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@shared/contract/contract';
import { call, toApiError, type ApiError } from '../api';
import { files } from '../files';
import { inform } from '../stores/notices';
import { Dialog } from './Dialog';
import { exportInput, phoneColumnsOf, type GridView } from './gridExport';
import styles from './popover.module.css';

type Exported = MethodOutput<'ledger.export'>;

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;

interface Props {
  /** The grid as it is now (read when an export starts). */
  view: () => GridView;
  /** Header text of a grid column, for the columns an export leaves out. */
  headerOf: (field: string) => string;
}

export function ExportMenu({ view, headerOf }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [left, setLeft] = useState<string[]>([]);
  const [pending, setPending] = useState<{ file: Exported; phones: string[] } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const save = async (file: Exported) => {
    const savedAs = file.contentBase64
      ? await files.saveAs({
          purpose: 'ledger',
          fileName: file.fileName,
          contentBase64: file.contentBase64,
          mime: MIME[file.format],
        })
      : file.fileName;
    if (savedAs !== null) inform(t('import.export.done', { count: file.rows, file: savedAs }));
  };

  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setError(null);
    try {
      const v = view();
      const req = exportInput(v, format);
      setLeft(req.left);
      const file = await call('ledger.export', req.input);
      setOpen(false);
      if (file.containsPhones) {
        const keys = file.columns.map((c) => c.key);
        setPending({ file, phones: phoneColumnsOf(v.kind, keys) });
      } else await save(file);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.columnChooser} ref={box}>
      <button
        type="button"
        className="btn"
        data-testid="grid-export"
        aria-expanded={open}
        disabled={busy}
        onClick={() => {
          setOpen(!open);
          setError(null);
          if (!open) setLeft(exportInput(view(), 'xlsx').left);
        }}
      >
        {busy ? t('import.export.running') : t('import.export.button')}
      </button>
      {open && (
        <div
          className={styles.popover}
          role="dialog"
          aria-label={t('import.export.title')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <div className="small muted">{t('import.export.hint')}</div>
          <button
            type="button"
            className="link"
            data-testid="grid-export-xlsx"
            disabled={busy}
            onClick={() => void run('xlsx')}
          >
            {t('import.export.xlsx')}
          </button>
          <br />
          <button
            type="button"
            className="link"
            data-testid="grid-export-csv"
            disabled={busy}
            onClick={() => void run('csv')}
          >
            {t('import.export.csv')}
          </button>
          {left.length > 0 && (
            <div className="small muted">
              {t('import.export.notExported', { list: left.map(headerOf).join('、') })}
            </div>
          )}
        </div>
      )}
      {error && (
        <div className={`${styles.popover} field-error`} role="alert" data-testid="grid-export-error">
          {t('import.export.failed')}: {error.message}
        </div>
      )}
      {pending && (
        <Dialog
          title={t('import.export.phonesTitle')}
          onClose={() => setPending(null)}
          testId="export-phones"
        >
          <p>
            {t('import.export.phonesText', {
              columns: pending.phones.join('、'),
              count: pending.file.rows,
            })}
          </p>
          <p className="warn">{t('import.export.phonesCare')}</p>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="btn primary"
              data-testid="export-phones-save"
              onClick={() => {
                void save(pending.file);
                setPending(null);
              }}
            >
              {t('import.export.phonesSave')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
