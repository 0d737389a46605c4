// Above the report: the period and scope pickers, and the Excel / Word downloads and print.
import { useTranslation } from 'react-i18next';
import { inform } from '../../stores/notices';
import { useReports, type ExportFormat, type Selection } from '../../stores/reports';
import { PeriodPicker, ScopePicker } from './ReportPickers';
import styles from './reports.module.css';

interface Props {
  selection: Selection;
  /** Empty until the session is known: the period picker waits for it. */
  today: string;
  onChange: (next: Selection) => void;
  /** The report shown is the one selected: it can be downloaded and printed. */
  ready: boolean;
}

export function ReportToolbar({ selection, today, onChange, ready }: Props) {
  const { t } = useTranslation();
  const towns = useReports((s) => s.towns);
  const exporting = useReports((s) => s.exporting);

  const download = async (format: ExportFormat) => {
    const r = await useReports.getState().download(format);
    if (!r) return;
    inform(t(r.savedFirst ? 'reports.savedBeforeExport' : 'reports.downloaded', { name: r.fileName }));
  };

  return (
    <div className={`${styles.reportToolbar} report-toolbar no-print`}>
      <h1>{t('nav.reports')}</h1>
      {today && <PeriodPicker selection={selection} today={today} onChange={onChange} />}
      <ScopePicker selection={selection} towns={towns} onChange={onChange} />
      <div className="head-actions push-right">
        {(
          [
            ['xlsx', t('reports.downloadXlsx')],
            ['docx', t('reports.downloadDocx')],
          ] as const
        ).map(([format, label]) => (
          <button
            key={format}
            type="button"
            className="btn"
            disabled={!ready || exporting !== null}
            onClick={() => void download(format)}
            data-testid={`download-${format}`}
          >
            {exporting === format ? t('reports.exporting') : label}
          </button>
        ))}
        <button
          type="button"
          className="btn primary"
          disabled={!ready}
          title={t('reports.printHint')}
          onClick={() => window.print()}
          data-testid="print"
        >
          {t('reports.print')}
        </button>
      </div>
    </div>
  );
}
