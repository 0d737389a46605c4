// Step 1: the file, and what was found in it (kind, sheet, header row, encoding), each
// changeable when the detection is wrong.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind } from '@shared/ledger/types';
import { fileSize, useImportWizard, type Preview } from '../../stores/importWizard';
import { FieldError, OtherErrors } from './errors';
import { formatCount } from '../../format';
import { openWithDialog } from '../../files';
import styles from './import.module.css';

const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'big5'] as const;

/**
 * The fields this step shows an error next to: the detection's only once there is one (a file
 * refused while it is read, e.g. for its sheet, has its message in the step's box instead).
 */
function shownFields(d: Preview | null): string[] {
  if (!d) return ['path'];
  return ['path', 'kind', 'headerRow', d.format !== 'csv' ? 'sheet' : 'encoding'];
}

/** Keyed by the row shown, so it starts again from a new detection. */
function HeaderRowInput() {
  const { t } = useTranslation();
  const detection = useImportWizard((s) => s.detection);
  const chosen = useImportWizard((s) => s.options.headerRow);
  const setHeaderRow = useImportWizard((s) => s.setHeaderRow);
  const shown = chosen ?? detection?.headerRow;
  const [text, setText] = useState(shown ? String(shown) : '');
  const apply = () => {
    const n = Number(text);
    if (!text.trim()) return void setHeaderRow(undefined);
    if (Number.isInteger(n) && n >= 1 && n !== shown) void setHeaderRow(n);
  };
  return (
    <input
      id="import-headerRow"
      name="headerRow"
      type="number"
      min={1}
      className={styles.importRowInput}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply();
        }
      }}
      aria-describedby="import-headerRow-hint"
      title={t('import.detect.headerRowHint')}
    />
  );
}

function Detection() {
  const { t } = useTranslation();
  const s = useImportWizard();
  const d = s.detection;
  if (!d) return null;
  const kindNote = s.options.kind ? t('import.detect.kindChosen') : t('import.detect.kindDetected');
  return (
    <div className="card" data-testid="import-detection">
      <h2>{t('import.detect.title')}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="import-kind">
            {t('import.detect.kind')} <span className="muted small">（{kindNote}）</span>
          </label>
          <select
            id="import-kind"
            name="kind"
            value={d.kind}
            onChange={(e) => void s.setKind(e.target.value as ImportKind)}
          >
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`import.kind.${k}`)}
              </option>
            ))}
          </select>
          <FieldError name="kind" />
        </div>
        {d.format !== 'csv' ? (
          <div className="field">
            <label htmlFor="import-sheet">{t('import.detect.sheet')}</label>
            <select
              id="import-sheet"
              name="sheet"
              value={s.options.sheet ?? d.sheet}
              onChange={(e) => void s.setSheet(e.target.value)}
            >
              {d.sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            <FieldError name="sheet" />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="import-encoding">{t('import.detect.encoding')}</label>
            <select
              id="import-encoding"
              name="encoding"
              value={s.options.encoding ?? ''}
              onChange={(e) => void s.setEncoding(e.target.value || undefined)}
            >
              <option value="">{t('import.detect.encodingAuto', { encoding: d.encoding ?? '?' })}</option>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {t(`import.encodings.${enc}`)}
                </option>
              ))}
            </select>
            <div className="hint">{t('import.detect.encodingHint')}</div>
            <FieldError name="encoding" />
          </div>
        )}
        <div className="field">
          <label htmlFor="import-headerRow">{t('import.detect.headerRow')}</label>
          <HeaderRowInput key={s.options.headerRow ?? d.headerRow} />
          <div className="hint" id="import-headerRow-hint">
            {t('import.detect.headerRowHint')}
          </div>
          <FieldError name="headerRow" />
        </div>
        <div className="field">
          <span className="label">{t('import.detect.dataRows')}</span>
          <strong data-testid="import-data-rows">{formatCount(d.dataRows)}</strong>
          {d.ignoredRows.length > 0 && (
            <span className="hint">{t('import.detect.ignoredRows', { count: d.ignoredRows.length })}</span>
          )}
        </div>
      </div>
      {d.headerGuessed && (
        <div className="warn" role="status">
          {t('import.detect.headerGuessed', { row: d.headerRow })}
        </div>
      )}
    </div>
  );
}

export function FileStep() {
  const { t } = useTranslation();
  const s = useImportWizard();
  const reading = s.busy === 'reading' || s.busy === 'detecting';
  return (
    <div data-step="file">
      <div className="card">
        <div className={`field${s.error?.details.field === 'path' ? ' has-error' : ''}`}>
          <label htmlFor="import-file">{t('import.file.label')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".xlsx,.xlsm,.xls,.et,.ods,.csv,.txt"
            data-testid="ledger-import-file"
            onClick={openWithDialog('ledger', (f) => void s.pickFile(f), s.failFile)}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void s.pickFile(f);
              e.target.value = '';
            }}
          />
          <div className="hint">{t('import.file.hint')}</div>
          {s.file && (
            <div className={styles.importPicked} data-testid="import-picked">
              {t('import.file.picked', { name: s.file.name, size: fileSize(s.file.size) })}
            </div>
          )}
          {reading && (
            <div className="muted" role="status">
              {t('import.file.reading')}
            </div>
          )}
          <FieldError name="path" />
        </div>
      </div>
      <Detection />
      <OtherErrors names={shownFields(s.detection)} />
      <div className="form-actions">
        <button
          type="button"
          className="btn primary"
          data-testid="import-next"
          disabled={!s.detection || reading || s.error !== null}
          onClick={() => s.goTo('mapping')}
        >
          {t('import.nav.next')} →
        </button>
      </div>
    </div>
  );
}
