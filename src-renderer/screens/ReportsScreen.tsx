// 统计报表: the quarterly visit summary (季度走访工作总结) of a quarter and scope, laid out as
// the report a supervisor presents: the figures with their formulas and comparisons, the
// breakdowns and charts, the narrative sections, the records behind any figure, and the
// Excel / Word / print outputs. The route holds the choice:
// #/reports?quarter=2026Q3&staff=ID|town=NAME&figure=overdueAtEnd&key=…
import { Fragment, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_FIGURES, CLINIC_KEYS, type RecordFigure, type ScalarKey } from '@shared/reports/definitions';
import { navigate, routeHref, type Route } from '../router';
import { currentLanguage } from '../i18n';
import { inform } from '../stores/notices';
import { RECORD_KINDS } from '@shared/contract/methods';
import { useDataVersion, useSession } from '../stores/session';
import {
  isDirty,
  NARRATIVE_FIELDS,
  selectionKey,
  selectionOf,
  useReports,
  type ExportFormat,
  type Report,
  type Selection,
} from '../stores/reports';
import { EChart } from '../components/EChart';
import { CountTable } from '../components/reports/CountTable';
import { DEMAND_STATUSES, SATISFACTIONS } from '@shared/domain/enums';
import { enumLabel } from '../format';
import { FigureTile } from '../components/reports/FigureTile';
import { SplitTable } from '../components/reports/SplitTable';
import { NarrativeEditor } from '../components/reports/NarrativeEditor';
import { RecordsDrawer } from '../components/reports/RecordsDrawer';
import { QuarterPicker, ScopePicker } from '../components/reports/ReportPickers';
import { quarterName, type SplitName } from '../components/reports/figures';
import {
  chartIsEmpty,
  closureFunnelOption,
  demandsByCategoryOption,
  satisfactionOption,
  visitsByMonthOption,
} from '../components/reports/chartOptions';
import styles from '../components/reports/reports.module.css';

const SECTIONS: { key: 'visits' | 'demands' | 'followups' | 'clinics'; figures: readonly ScalarKey[] }[] = [
  { key: 'visits', figures: ['visits', 'enterprisesVisited', 'solvedOnSite', 'coverage'] },
  {
    key: 'demands',
    figures: [
      'newDemands',
      'carriedOver',
      'closed',
      'openAtEnd',
      'overdueAtEnd',
      'avgDaysToClose',
      'closureRate',
      'substantiveRate',
      'onTimeRate',
    ],
  },
  { key: 'followups', figures: ['followups', 'satisfactionRate'] },
  { key: 'clinics', figures: CLINIC_KEYS },
];

const isRecordFigure = (f: string | undefined): f is RecordFigure =>
  (RECORD_FIGURES as readonly string[]).includes(f ?? '');

function ChartCard({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className={styles.chartCard}>
      <figcaption>{title}</figcaption>
      {empty ? <p className={styles.chartEmpty}>{t('reports.charts.noData')}</p> : children}
    </figure>
  );
}

type ChartKey = 'visitsByMonth' | 'demandsByCategory' | 'closureFunnel' | 'satisfaction';

interface ChartProps {
  report: Report;
  chart: ChartKey;
  /** A click on a category's bar. */
  onCategory?: (key: string) => void;
}

function ReportChart({ report, chart, onCategory }: ChartProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { option, height, keys } = useMemo(() => {
    void lang; // the labels are in the current language
    switch (chart) {
      case 'visitsByMonth':
        return { option: visitsByMonthOption(report), height: 260, keys: [] };
      case 'demandsByCategory': {
        const c = demandsByCategoryOption(report);
        return { option: c.option, height: Math.max(220, 48 + c.keys.length * 30), keys: c.keys };
      }
      case 'closureFunnel':
        return { option: closureFunnelOption(report), height: 260, keys: [] };
      default:
        return { option: satisfactionOption(report), height: 260, keys: [] };
    }
  }, [report, chart, lang]);
  const title = t(`reports.charts.${chart}`);
  return (
    <ChartCard title={title} empty={chartIsEmpty(chart, report)}>
      <EChart
        option={option}
        height={height}
        label={title}
        testId={`chart-${chart}`}
        onItemClick={
          onCategory &&
          ((item) => {
            const key = keys[item.dataIndex];
            if (key) onCategory(key);
          })
        }
      />
    </ChartCard>
  );
}

export function ReportsScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const today = useSession((s) => s.info?.today ?? '');
  // The report counts records of every kind.
  const dataVersion = useDataVersion(RECORD_KINDS);
  const stored = useReports((s) => s.selection);
  const report = useReports((s) => s.report);
  const loading = useReports((s) => s.loading);
  const error = useReports((s) => s.error);
  const towns = useReports((s) => s.towns);
  const drill = useReports((s) => s.drill);
  const exporting = useReports((s) => s.exporting);
  const dirty = useReports(isDirty);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';

  const { quarter: qp, staff: sp, town: tp, figure: fp, key: kp } = route.params;
  const fromRoute = useMemo(
    () => selectionOf({ quarter: qp ?? '', staff: sp ?? '', town: tp ?? '' }, today),
    [qp, sp, tp, today],
  );
  // Back on the screen from the menu (no quarter in the address): what was shown before.
  const selection = qp || !stored ? fromRoute : stored;
  const current =
    report &&
    selectionKey(selection) ===
      selectionKey({
        quarter: report.quarter,
        staffId: report.scope.staffId,
        town: report.scope.town,
      });

  useEffect(() => {
    if (today) void useReports.getState().load(selection, dataVersion);
  }, [selection, dataVersion, today]);

  useEffect(() => {
    if (!today) return;
    if (isRecordFigure(fp)) void useReports.getState().openRecords(fp, kp || null);
    else useReports.getState().closeRecords();
  }, [fp, kp, selection, dataVersion, today]);

  // Closing the window or reloading with text not saved: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const go = (next: Selection, drillTo?: { figure: RecordFigure; key?: string }) =>
    navigate(
      routeHref('reports', null, null, {
        quarter: next.quarter,
        staff: next.staffId,
        town: next.town,
        figure: drillTo?.figure,
        key: drillTo?.key,
      }),
      { replace: true },
    );
  const change = (next: Selection) => {
    if (selectionKey(next) === selectionKey(selection)) return;
    if (isDirty(useReports.getState()) && !window.confirm(t('reports.narrative.confirmDiscard'))) return;
    go(next);
  };
  const openFigure = (figure: RecordFigure, key?: string) => go(selection, { figure, key });
  const openSplit = (split: SplitName, key: string) => openFigure(split, key);

  const download = async (format: ExportFormat) => {
    const r = await useReports.getState().download(format);
    if (!r) return;
    inform(t(r.savedFirst ? 'reports.savedBeforeExport' : 'reports.downloaded', { name: r.fileName }));
  };

  const numerals = t('reports.numerals').split(',');
  const sectionTitle = (i: number, title: string) => t('reports.sectionTitle', { n: numerals[i], title });

  return (
    <div className={`screen screen-scroll ${styles.reportsScreen}`}>
      <div className={`${styles.reportToolbar} report-toolbar no-print`}>
        <h1>{t('nav.reports')}</h1>
        {today && <QuarterPicker selection={selection} today={today} onChange={change} />}
        <ScopePicker selection={selection} towns={towns} onChange={change} />
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
              disabled={!current || exporting !== null}
              onClick={() => void download(format)}
              data-testid={`download-${format}`}
            >
              {exporting === format ? t('reports.exporting') : label}
            </button>
          ))}
          <button
            type="button"
            className="btn primary"
            disabled={!current}
            title={t('reports.printHint')}
            onClick={() => window.print()}
            data-testid="print"
          >
            {t('reports.print')}
          </button>
        </div>
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          {t('reports.loadFailed', { message: error.message })}
        </div>
      )}
      {!report && !error && <p className="muted pad">{t('common.loading')}</p>}
      {report && (
        <article
          className={current && !loading ? styles.reportPaper : `${styles.reportPaper} ${styles.isLoading}`}
          data-testid="report"
          data-key={selectionKey({
            quarter: report.quarter,
            staffId: report.scope.staffId,
            town: report.scope.town,
          })}
          aria-busy={!current || loading}
        >
          <header className={styles.reportHead}>
            <h2 className={styles.reportTitle}>
              {t('reports.heading', { quarter: quarterName(report.quarter) })}
            </h2>
            <p className={`${styles.reportMeta} report-meta`}>
              <span>{t('reports.period', { start: report.period.start, end: report.period.end })}</span>
              <span>{t('reports.scopeIs', { scope: report.scope.label[lang] })}</span>
              <span className={report.partial ? `${styles.partial} partial` : undefined}>
                {report.partial
                  ? t('reports.partial', { date: report.asOf })
                  : t('reports.asOf', { date: report.asOf })}
              </span>
            </p>
          </header>

          {SECTIONS.map((section, i) => (
            <section className={styles.reportSection} key={section.key} data-section={section.key}>
              <h2 className={styles.sectionTitle}>{sectionTitle(i, t(`reports.section.${section.key}`))}</h2>
              <div className={styles.kpis}>
                {section.figures.map((k) => (
                  <FigureTile key={k} figure={k} report={report} onOpen={openFigure} />
                ))}
              </div>
              {section.key === 'visits' && (
                <div className={styles.reportGrid}>
                  <ReportChart report={report} chart="visitsByMonth" />
                  <SplitTable split="byMode" report={report} onOpen={openSplit} />
                  <SplitTable split="byTown" report={report} onOpen={openSplit} />
                  <SplitTable split="byTier" report={report} onOpen={openSplit} />
                  <SplitTable split="byIndustry" report={report} onOpen={openSplit} />
                  <SplitTable split="byStaff" report={report} onOpen={openSplit} />
                </div>
              )}
              {section.key === 'demands' && (
                <div className={styles.reportGrid}>
                  <ReportChart
                    report={report}
                    chart="demandsByCategory"
                    onCategory={(k) => openSplit('byCategory', k)}
                  />
                  <SplitTable split="byCategory" report={report} onOpen={openSplit} />
                  <ReportChart report={report} chart="closureFunnel" />
                  <CountTable
                    title={t('reports.splits.statusAtEnd')}
                    head={t('reports.splits.demandCount')}
                    rows={DEMAND_STATUSES.filter((s) => report.details.workloadAtEnd[s]).map((s) => ({
                      key: s,
                      label: enumLabel('demandStatus', s),
                      count: report.details.workloadAtEnd[s]!,
                    }))}
                    testId="status-at-end"
                  />
                </div>
              )}
              {section.key === 'followups' && (
                <div className={styles.reportGrid}>
                  <ReportChart report={report} chart="satisfaction" />
                  <CountTable
                    title={t('reports.splits.satisfaction')}
                    head={t('reports.splits.followupCount')}
                    rows={[...SATISFACTIONS, 'none' as const]
                      .filter((s) => report.details.satisfaction[s])
                      .map((s) => ({
                        key: s,
                        label:
                          s === 'none' ? t('reports.splits.noSatisfaction') : enumLabel('satisfaction', s),
                        count: report.details.satisfaction[s]!,
                      }))}
                    testId="satisfaction-counts"
                  />
                </div>
              )}
            </section>
          ))}

          <NarrativeEditor
            disabled={!current || loading}
            title={(i) => sectionTitle(SECTIONS.length + i, t(`reports.section.${NARRATIVE_FIELDS[i]}`))}
          />

          <section className={`${styles.reportSection} ${styles.reportNotes}`} data-section="notes">
            <h2 className={styles.sectionTitle}>{t('reports.section.notes')}</h2>
            <dl className="facts">
              {report.scope.rules.map((r) => (
                <Fragment key={`scope-${r.group}`}>
                  <dt>{t(`reports.ruleGroup.${r.group}`)}</dt>
                  <dd>{r[lang]}</dd>
                </Fragment>
              ))}
              {Object.entries(report.rates).map(([k, d]) => (
                <Fragment key={k}>
                  <dt>{t(`reports.fig.${k}`)}</dt>
                  <dd>{d.formula[lang]}</dd>
                </Fragment>
              ))}
            </dl>
            <ul className="plain-list small muted">
              {report.notes.map((n) => (
                <li key={n.key}>{n[lang]}</li>
              ))}
            </ul>
          </section>
        </article>
      )}
      {report && drill && <RecordsDrawer report={report} onClose={() => go(selection)} />}
    </div>
  );
}
