// The records behind one figure ("overdue at end: 7" → those 7 demands), each opening its
// record. For a rate the rows are its denominator, and those in the numerator are marked.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../Dialog';
import { Badge, DemandStatusBadge } from '../Badge';
import { enumLabel } from '../../format';
import { currentLanguage } from '../../i18n';
import { routeHref, type Screen } from '../../router';
import { RECORDS_PAGE, useReports, type FigureRecords, type Report } from '../../stores/reports';
import { isRate, periodName, splitLabel, formatCount, type SplitName } from './figures';
import type { ScalarKey } from '@shared/reports/definitions';
import styles from './reports.module.css';

type Row = FigureRecords['rows'][number];

const SCREEN_OF: Record<Row['kind'], Screen> = {
  visit: 'visits',
  demand: 'demands',
  followup: 'followups',
  clinic: 'clinics',
  enterprise: 'enterprises',
  expert: 'experts',
  activity: 'activities',
  outcome: 'outcomes',
};

const SPLITS: readonly string[] = [
  'byMode',
  'byTown',
  'byIndustry',
  'byTier',
  'byStaff',
  'byCategory',
  'byUnit',
  'tierStock',
  'tierNew',
];

/** The words for what a row is at the quarter's end (or how it counts). */
function RowState({ row }: { row: Row }) {
  const { t } = useTranslation();
  const d = row.detail as Record<string, unknown>;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  switch (row.kind) {
    case 'demand': {
      const atEnd = str('statusAtEnd');
      const parts: string[] = [];
      if (str('closedOn')) parts.push(t('reports.records.closedOn', { date: str('closedOn') }));
      if (num('daysToClose') !== null)
        parts.push(t('reports.records.daysToClose', { count: num('daysToClose')! }));
      if (d.onTime === true) parts.push(t('reports.records.onTime'));
      if (d.onTime === false) parts.push(t('reports.records.late'));
      if (str('closureType')) parts.push(enumLabel('closureType', str('closureType')));
      if (d.overdueAtEnd === true && str('dueDateAtEnd'))
        parts.push(t('reports.records.dueAtEnd', { date: str('dueDateAtEnd') }));
      if (str('firstReplyDue'))
        parts.push(
          t('reports.records.firstReply', {
            due: str('firstReplyDue'),
            on: str('firstRepliedOn') ?? t('reports.records.notReplied'),
          }),
        );
      return (
        <>
          {atEnd && <DemandStatusBadge demand={{ status: atEnd, overdue: d.overdueAtEnd === true }} />}
          {atEnd && row.status && row.status !== atEnd && (
            <span className="muted small">
              {' '}
              {t('reports.records.nowStatus', { status: enumLabel('demandStatus', row.status) })}
            </span>
          )}
          {parts.length > 0 && <div className="muted small">{parts.join(' · ')}</div>}
        </>
      );
    }
    case 'visit':
      return (
        <>
          {enumLabel('visitMode', str('mode'))}
          {d.solvedOnSite === true && (
            <span className="muted small"> · {t('reports.records.solvedOnSite')}</span>
          )}
        </>
      );
    case 'followup':
      return (
        <>
          <Badge enumName="satisfaction" value={str('satisfaction')} />{' '}
          <span className="muted small">{enumLabel('followupChannel', str('channel'))}</span>
        </>
      );
    case 'enterprise':
      return (
        <span className="muted small">
          {num('clinics') !== null
            ? t('reports.records.clinicsN', { count: num('clinics')! })
            : str('tier')
              ? t('reports.records.tierYear', { year: num('year') })
              : num('activities') !== null
                ? t('reports.records.activitiesN', { count: num('activities')! })
                : t('reports.records.visitsN', { count: num('visits') ?? 0 })}
        </span>
      );
    case 'clinic':
      return (
        <>
          <Badge enumName="clinicStatus" value={row.status} />{' '}
          <span className="muted small">
            {t('reports.records.outcomes', {
              intentions: num('cooperationIntentions') ?? 0,
              signed: num('signedProjects') ?? 0,
            })}
          </span>
        </>
      );
    case 'activity':
      return (
        <>
          {enumLabel('activityType', str('type'))}
          {num('attendees') !== null && (
            <span className="muted small">
              {' '}
              · {t('reports.records.attendeesN', { count: num('attendees')! })}
            </span>
          )}
        </>
      );
    case 'outcome':
      return (
        <>
          <Badge enumName="outcomeStatus" value={row.status} />{' '}
          <span className="muted small">
            {enumLabel('outcomeType', str('type'))}
            {num('amount') !== null &&
              ` · ${t('reports.records.yuan', { value: num('amount')!.toFixed(2) })}`}
          </span>
        </>
      );
    default:
      return <span className="muted small">{str('organization')}</span>;
  }
}

export function RecordsDrawer({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const drill = useReports((s) => s.drill);
  if (!drill) return null;
  const { figure, key } = drill;
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const name = SPLITS.includes(figure) ? t(`reports.splits.${figure}`) : t(`reports.fig.${figure}`);
  const title = key
    ? t('reports.records.titleKey', {
        figure: name,
        key:
          figure === 'activitiesByType'
            ? enumLabel('activityType', key)
            : figure === 'outcomesByType'
              ? enumLabel('outcomeType', key)
              : splitLabel(figure as SplitName, key, report),
        count: drill.total,
      })
    : t('reports.records.title', { figure: name, count: drill.total });
  const rate = !SPLITS.includes(figure) && isRate(figure as ScalarKey);
  const inNumerator = drill.rows.filter((r) => r.inNumerator).length;
  const sum =
    figure === 'cooperationIntentions' || figure === 'signedProjects' ? report.figures[figure] : null;
  return (
    <Dialog title={title} onClose={onClose} variant="drawer" wide testId="records-drawer">
      <p className={`muted ${styles.recordsSub}`}>
        {t('reports.records.subtitle', {
          quarter: periodName(report.period),
          scope: report.scope.label[lang],
        })}
      </p>
      {rate && !drill.loading && drill.total > 0 && drill.rows.length === drill.total && (
        <p className="notice notice-info">
          {t('reports.records.numeratorCount', { count: inNumerator, total: drill.total })}
        </p>
      )}
      {sum !== null && (
        <p className="notice notice-info">
          {t('reports.records.sumNote', { figure: t(`reports.fig.${figure}`), value: sum })}
        </p>
      )}
      {drill.error && (
        <div className="notice notice-error" role="alert">
          {drill.error.message}
        </div>
      )}
      <table className={`table ${styles.recordsTable}`} data-testid="records-table" data-total={drill.total}>
        <thead>
          <tr>
            <th className={styles.colDate}>{t('reports.records.date')}</th>
            <th>{t('reports.records.record')}</th>
            <th>{t('reports.records.enterprise')}</th>
            <th>{t('reports.records.staff')}</th>
            <th>{t('reports.records.state')}</th>
            {rate && <th className="num">{t('reports.records.inNumerator')}</th>}
          </tr>
        </thead>
        <tbody>
          {drill.rows.map((r) => (
            <tr
              key={`${r.kind}:${r.id}`}
              data-record={r.id}
              className={rate && r.inNumerator ? styles.inNumerator : undefined}
            >
              <td className={styles.nowrap}>{r.date ?? ''}</td>
              <td>
                <a href={routeHref(SCREEN_OF[r.kind], r.id)}>{r.title?.trim() || t('common.untitled')}</a>
              </td>
              <td>
                {r.enterpriseId && r.kind !== 'enterprise' ? (
                  <a href={routeHref('enterprises', r.enterpriseId)}>{r.enterpriseName}</a>
                ) : (
                  r.town
                )}
                {r.kind !== 'enterprise' && r.town && <div className="muted small">{r.town}</div>}
              </td>
              <td>{r.staffName ?? ''}</td>
              <td>
                <RowState row={r} />
              </td>
              {rate && <td className="num">{r.inNumerator ? '✓' : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {!drill.loading && drill.rows.length === 0 && !drill.error && (
        <p className="empty-state">{t('reports.records.empty')}</p>
      )}
      {drill.loading && <p className="muted">{t('common.loading')}</p>}
      {drill.rows.length < drill.total && !drill.loading && (
        <div className={styles.recordsMore}>
          <span className="muted">
            {t('reports.records.shown', {
              shown: formatCount(drill.rows.length),
              total: formatCount(drill.total),
            })}
          </span>
          <button type="button" className="btn" onClick={() => void useReports.getState().moreRecords()}>
            {t('reports.records.more', { count: Math.min(RECORDS_PAGE, drill.total - drill.rows.length) })}
          </button>
        </div>
      )}
    </Dialog>
  );
}
