// 统计报表: the visit summary (走访工作总结) of a period (month, quarter, half year, year or
// range of days) and scope, laid out as the report a supervisor presents: the figures with
// their formulas and comparisons, the breakdowns and charts, the narrative sections, the
// records behind any figure, and the Excel / Word / print outputs. The route holds the choice:
// #/reports?period=2026Q3&staff=ID|town=NAME|unit=ID&figure=overdueAtEnd&key=… (`quarter=` as before
// other periods still opens).
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_FIGURES, type RecordFigure } from '@shared/reports/definitions';
import { navigate, routeHref, type Route } from '../router';
import { currentLanguage } from '../i18n';
import { RECORD_KINDS } from '@shared/contract/methods';
import { useDataVersion, useSession } from '../stores/session';
import {
  isDirty,
  NARRATIVE_FIELDS,
  selectionKey,
  selectionOf,
  selectionOfReport,
  useReports,
  type Selection,
} from '../stores/reports';
import { FigureSection } from '../components/reports/FigureSection';
import { NarrativeEditor } from '../components/reports/NarrativeEditor';
import { RecordsDrawer } from '../components/reports/RecordsDrawer';
import { ReportNotes } from '../components/reports/ReportNotes';
import { ReportToolbar } from '../components/reports/ReportToolbar';
import { TargetProgress } from '../components/reports/TargetProgress';
import { periodName, type SplitName } from '../components/reports/figures';
import { FIGURE_SECTIONS } from '../components/reports/sections';
import styles from '../components/reports/reports.module.css';

const isRecordFigure = (f: string | undefined): f is RecordFigure =>
  (RECORD_FIGURES as readonly string[]).includes(f ?? '');

export function ReportsScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const today = useSession((s) => s.info?.today ?? '');
  // The report counts records of every kind.
  const dataVersion = useDataVersion(RECORD_KINDS);
  const stored = useReports((s) => s.selection);
  const report = useReports((s) => s.report);
  const loading = useReports((s) => s.loading);
  const error = useReports((s) => s.error);
  const drill = useReports((s) => s.drill);
  const dirty = useReports(isDirty);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';

  const { period: pp, quarter: qp, staff: sp, town: tp, unit: up, figure: fp, key: kp } = route.params;
  const fromRoute = useMemo(
    () =>
      selectionOf(
        { period: pp ?? '', quarter: qp ?? '', staff: sp ?? '', town: tp ?? '', unit: up ?? '' },
        today,
      ),
    [pp, qp, sp, tp, up, today],
  );
  // Back on the screen from the menu (no period in the address): what was shown before.
  const selection = pp || qp || !stored ? fromRoute : stored;
  const current = report && selectionKey(selection) === selectionKey(selectionOfReport(report));

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
        period: next.period,
        staff: next.staffId,
        town: next.town,
        unit: next.unitId,
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

  const bureau = report?.scope.type === 'bureau';
  const numerals = t('reports.numerals').split(',');
  const sectionTitle = (i: number, title: string) => t('reports.sectionTitle', { n: numerals[i], title });

  return (
    <div className={`screen screen-scroll ${styles.reportsScreen}`}>
      <ReportToolbar selection={selection} today={today} onChange={change} ready={!!current} />
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
          data-key={selectionKey(selectionOfReport(report))}
          aria-busy={!current || loading}
        >
          <header className={styles.reportHead}>
            <h2 className={styles.reportTitle}>
              {t('reports.heading', { quarter: periodName(report.period) })}
            </h2>
            <p className={`${styles.reportMeta} report-meta`}>
              <span>{t('reports.period', { start: report.from, end: report.to })}</span>
              <span>{t('reports.scopeIs', { scope: report.scope.label[lang] })}</span>
              <span className={report.partial ? `${styles.partial} partial` : undefined}>
                {report.partial
                  ? t(report.kind === 'quarter' ? 'reports.partial' : 'reports.partialPeriod', {
                      date: report.asOf,
                    })
                  : t('reports.asOf', { date: report.asOf })}
              </span>
            </p>
          </header>

          {FIGURE_SECTIONS.map((section, i) => (
            <FigureSection
              key={section.key}
              section={section}
              title={sectionTitle(i, t(`reports.section.${section.key}`))}
              report={report}
              onOpenFigure={openFigure}
              onOpenSplit={openSplit}
            />
          ))}

          {/* The targets are the bureau's: a narrower scope has none to stand against. */}
          {bureau && (
            <section className={styles.reportSection} data-section="targets">
              <h2 className={styles.sectionTitle}>
                {sectionTitle(FIGURE_SECTIONS.length, t('targets.progress'))}
              </h2>
              <TargetProgress asOf={report.asOf} targets={report.targets} />
            </section>
          )}

          <NarrativeEditor
            disabled={!current || loading}
            title={(i) =>
              sectionTitle(
                FIGURE_SECTIONS.length + (bureau ? 1 : 0) + i,
                t(`reports.section.${NARRATIVE_FIELDS[i]}`),
              )
            }
          />

          <ReportNotes report={report} lang={lang} />
        </article>
      )}
      {report && drill && <RecordsDrawer report={report} onClose={() => go(selection)} />}
    </div>
  );
}
