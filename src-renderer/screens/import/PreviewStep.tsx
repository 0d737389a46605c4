// Step 3: the dry run. Counts for every row of the file, the first rows with their outcome
// and their problems per column, then the import (after a confirmation that a backup is taken).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useImportWizard, type Preview } from '../../stores/importWizard';
import { Counts } from './Counts';
import { OtherErrors } from './errors';
import { UnknownIndustries, UnknownTowns } from './UnknownTowns';
import styles from './import.module.css';

type PreviewRow = Preview['rows'][number];

function RowsTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const [onlyRejected, setOnlyRejected] = useState(preview.rejected > 0);
  const fieldColumn = useMemo(() => new Map(preview.mapping.map((m) => [m.field, m.column])), [preview]);
  const headers = preview.headers.filter((h) => h.text || preview.mapping.some((m) => m.column === h.column));
  const rows = onlyRejected ? preview.rows.filter((r) => r.outcome === 'reject') : preview.rows;
  const badCells = (r: PreviewRow) => {
    const out = new Map<number, string[]>();
    for (const e of r.errors) {
      const col = e.field ? fieldColumn.get(e.field) : undefined;
      if (col !== undefined) out.set(col, [...(out.get(col) ?? []), e.message]);
    }
    return out;
  };
  return (
    <div className="card">
      <div className={styles.importRowsHead}>
        <label className="toggle">
          <input
            type="checkbox"
            name="onlyRejected"
            checked={onlyRejected}
            onChange={(e) => setOnlyRejected(e.target.checked)}
          />
          {t('import.preview.onlyRejected')}
        </label>
        {preview.rows.length < preview.evaluatedRows && (
          <span className="muted small">{t('import.preview.listed', { count: preview.rows.length })}</span>
        )}
      </div>
      <div className={styles.importRowsScroll}>
        <table className={`table ${styles.importRows}`} data-testid="import-rows">
          <thead>
            <tr>
              <th className="num">{t('import.preview.row')}</th>
              <th>{t('import.preview.outcome')}</th>
              <th>{t('import.preview.problems')}</th>
              {headers.map((h) => (
                <th key={h.column} title={h.letter}>
                  {h.text || h.letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const bad = badCells(r);
              return (
                <tr key={r.row} data-row={r.row} data-outcome={r.outcome}>
                  <td className="num">{r.row}</td>
                  <td>
                    <span className={`${styles.importOutcome} ${styles[r.outcome]}`}>
                      {t(`import.preview.outcomeLabel.${r.outcome}`)}
                    </span>
                  </td>
                  <td className={styles.importProblems}>
                    {r.errors.map((e, i) => (
                      <div key={`e${i}`} className={`${styles.importProblem} import-problem`}>
                        {e.column ? `【${e.column}】` : ''}
                        {e.message}
                      </div>
                    ))}
                    {r.notes.map((n, i) => (
                      <div key={`n${i}`} className="muted small">
                        {n}
                      </div>
                    ))}
                  </td>
                  {headers.map((h) => {
                    const problems = bad.get(h.column);
                    return (
                      <td
                        key={h.column}
                        className={problems ? `${styles.importBadCell} import-bad-cell` : undefined}
                        title={problems?.join('\n')}
                      >
                        {r.cells[h.column] ?? ''}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {!rows.length && <p className="empty-state">{t('import.preview.noRows')}</p>}
      </div>
    </div>
  );
}

function ConfirmImport({ preview, onClose }: { preview: Preview; onClose: () => void }) {
  const { t } = useTranslation();
  const s = useImportWizard();
  const running = s.busy === 'importing';
  return (
    <Dialog
      title={t('import.run.confirmTitle')}
      onClose={() => !running && onClose()}
      testId="import-confirm"
    >
      <p>
        {t('import.run.confirmText', {
          file: s.file?.name ?? '',
          created: preview.created,
          updated: preview.updated,
          skipped: preview.skipped,
          rejected: preview.rejected,
        })}
      </p>
      <p className="warn">{t('import.run.backupNote')}</p>
      <OtherErrors names={[]} />
      <div className="form-actions">
        <button type="button" className="btn" disabled={running} onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn primary"
          data-testid="import-run"
          disabled={running}
          onClick={() => void s.runImport()}
        >
          {running ? t('import.run.running') : t('import.run.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

export function PreviewStep() {
  const { t } = useTranslation();
  const s = useImportWizard();
  const [confirming, setConfirming] = useState(false);
  const p = s.preview;
  return (
    <div data-step="preview">
      <div className="card">
        <h2>{t('import.preview.title')}</h2>
        {s.busy === 'previewing' && (
          <p className="muted" role="status">
            {t('import.preview.running')}
          </p>
        )}
        {p && (
          <>
            <Counts counts={p} labels="import.preview" />
            <p className="muted small">
              {t('import.preview.dataRows', { count: p.dataRows })}
              {p.evaluatedRows < p.dataRows &&
                ` · ${t('import.preview.evaluated', { count: p.evaluatedRows })}`}
            </p>
            {p.enterprisesCreated > 0 && (
              <p className="notice notice-info">
                {t('import.preview.enterprisesCreated', { count: p.enterprisesCreated })}
              </p>
            )}
            {(p.unknownStaff.length > 0 || s.options.createStaff) && (
              <div className="warn" data-testid="import-unknown-staff">
                {p.unknownStaff.length > 0 && (
                  <div>{t('import.preview.unknownStaff', { list: p.unknownStaff.join('、') })}</div>
                )}
                <label className="check">
                  <input
                    type="checkbox"
                    name="createStaff"
                    checked={s.options.createStaff}
                    disabled={s.busy !== null}
                    onChange={(e) => void s.setCreateStaff(e.target.checked)}
                  />
                  {t('import.preview.createStaff')}
                </label>
              </div>
            )}
            {p.unknownUnits.length > 0 && (
              <div className="warn" data-testid="import-unknown-units">
                <div>{t('import.preview.unknownUnits', { list: p.unknownUnits.join('、') })}</div>
                <button
                  type="button"
                  className="btn"
                  data-testid="import-add-units"
                  disabled={s.busy !== null}
                  onClick={() => void s.addUnits(p.unknownUnits)}
                >
                  {t('import.preview.addUnits', { count: p.unknownUnits.length })}
                </button>
              </div>
            )}
            <UnknownTowns towns={p.unknownTowns} />
            <UnknownIndustries industries={p.unknownIndustries} />
            {p.errorsTruncated && <p className="warn">{t('import.preview.errorsTruncated')}</p>}
          </>
        )}
      </div>
      {p && <RowsTable key={`${p.rejected}-${p.rows.length}`} preview={p} />}
      {!confirming && <OtherErrors names={[]} />}
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={s.busy === 'previewing'}
          onClick={() => s.goTo('mapping')}
        >
          ← {t('import.nav.back')}
        </button>
        {p && p.rejected > 0 && (
          <button
            type="button"
            className="btn"
            disabled={s.busy !== null}
            onClick={() => void s.downloadRejects()}
          >
            {t('import.result.downloadRejects')}
          </button>
        )}
        <button
          type="button"
          className="btn primary"
          data-testid="import-start"
          disabled={!p || s.busy !== null || p.dataRows === 0}
          title={p && p.dataRows === 0 ? t('import.run.nothing') : undefined}
          onClick={() => setConfirming(true)}
        >
          {t('import.run.button')}…
        </button>
      </div>
      {s.message && (
        <div className="notice notice-info" role="status">
          {s.message}
        </div>
      )}
      {confirming && p && <ConfirmImport preview={p} onClose={() => setConfirming(false)} />}
    </div>
  );
}
