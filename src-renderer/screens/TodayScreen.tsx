// 首页 / 我的待办: what is due today or late for me, the units' replies I have not acted on,
// the extension requests a supervisor decides, a quick way to log a visit, and this quarter's
// figures for me and for the bureau.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DemandStatusBadge, Tag } from '../components/Badge';
import { enumLabel, formatDay } from '../format';
import { routeHref } from '../router';
import type { DataKind } from '../stores/dataKinds';
import { staffName, useDataVersion, useSession } from '../stores/session';
import { FIGURES, useToday } from '../stores/today';
import styles from './TodayScreen.module.css';

/** My tasks (demands, follow-ups, with enterprise names) and the quarter's figures. */
const SHOWN: readonly DataKind[] = ['demands', 'followups', 'visits', 'clinics', 'enterprises'];

type TaskDemand = NonNullable<ReturnType<typeof useToday.getState>['tasks']>['demands'][number];

/** A demand in my tasks: its title, enterprise, due date and status; late ones marked. */
function DemandTask({ demand: d }: { demand: TaskDemand }) {
  const { t } = useTranslation();
  return (
    <li className={d.overdue ? styles.late : undefined}>
      <a href={routeHref('demands', d.id)}>{d.title}</a>
      <span className="muted"> · {d.enterpriseName}</span>
      <span className={styles.taskDue}>
        {t('demand.dueDate')} {formatDay(d.effectiveDueDate)}
      </span>
      <DemandStatusBadge demand={d} />
    </li>
  );
}

export function TodayScreen() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const dataVersion = useDataVersion(SHOWN);
  const { tasks, figures, quarter, error, load } = useToday();
  const meId = info?.me?.id ?? null;
  const today = info?.today;

  useEffect(() => {
    if (today) void load(today, meId);
  }, [today, meId, load, dataVersion]);

  const late = (date: string | null | undefined) => Boolean(date && today && date < today);

  return (
    <div className="screen screen-scroll">
      <div className="screen-head">
        <h1>
          {info?.me ? t('today.hello', { name: info.me.name }) : t('nav.today')}
          <span className={`muted ${styles.headDate}`}>{today}</span>
        </h1>
        <a className="btn primary big" href={routeHref('visits', 'new')} data-testid="quick-visit">
          + {t('visit.new')} <kbd>Alt+N</kbd>
        </a>
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          {error.message}
        </div>
      )}
      <div className="cards">
        <section className="card card-tasks" data-testid="my-tasks">
          <h2>{t('today.myTasks')}</h2>
          {!meId && <p className="muted">{t('today.noMe')}</p>}
          {tasks &&
            tasks.demands.length +
              tasks.assignedToday.length +
              tasks.followups.length +
              tasks.unitReplies.length +
              tasks.extensionRequests.length ===
              0 &&
            meId && <p className="empty-state">{t('today.nothingDue')}</p>}
          {tasks && tasks.unitReplies.length > 0 && (
            <>
              <h3>{t('today.unitReplies', { count: tasks.unitReplies.length })}</h3>
              <ul className={styles.taskList} data-testid="tasks-unit-replies">
                {tasks.unitReplies.map((d) => (
                  <li key={d.id}>
                    <a href={routeHref('demands', d.id)}>{d.title}</a>
                    <span className="muted"> · {d.enterpriseName}</span>
                    <span className={styles.taskDue}>
                      {d.unitReply.unitName}：{d.unitReply.note}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {tasks && tasks.extensionRequests.length > 0 && (
            <>
              <h3>{t('today.extensionRequests', { count: tasks.extensionRequests.length })}</h3>
              <ul className={styles.taskList} data-testid="tasks-extension-requests">
                {tasks.extensionRequests.map((d) => (
                  <li key={d.id}>
                    <a href={routeHref('demands', d.id)}>{d.title}</a>
                    <span className="muted">
                      {' '}
                      · {d.enterpriseName} · {staffName(d.extension?.by ?? null)}
                    </span>
                    <span className={styles.taskDue}>
                      {t('today.extensionTo', {
                        from: formatDay(d.dueDate),
                        to: formatDay(d.extension?.dueDate),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {tasks && tasks.demands.length > 0 && (
            <>
              <h3>{t('today.demandsDue', { count: tasks.demands.length })}</h3>
              <ul className={styles.taskList}>
                {tasks.demands.map((d) => (
                  <DemandTask key={d.id} demand={d} />
                ))}
              </ul>
            </>
          )}
          {tasks && tasks.assignedToday.length > 0 && (
            <>
              <h3>{t('today.assignedToday', { count: tasks.assignedToday.length })}</h3>
              <ul className={styles.taskList} data-testid="tasks-assigned-today">
                {tasks.assignedToday.map((d) => (
                  <DemandTask key={d.id} demand={d} />
                ))}
              </ul>
            </>
          )}
          {tasks && tasks.followups.length > 0 && (
            <>
              <h3>{t('today.followupsDue', { count: tasks.followups.length })}</h3>
              <ul className={styles.taskList}>
                {tasks.followups.map((f) => (
                  <li key={f.id} className={late(f.dueDate) ? styles.late : undefined}>
                    <a href={routeHref('followups', f.id)}>
                      {enumLabel('followupParent', f.parentType)}：{f.parentTitle ?? ''}
                    </a>
                    <span className="muted"> · {f.enterpriseName}</span>
                    <span className={styles.taskDue}>
                      {t('followup.dueDate')} {formatDay(f.dueDate)}
                    </span>
                    {late(f.dueDate) && <Tag tone="overdue">{t('today.late')}</Tag>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="card" data-testid="figures">
          <h2>{t('today.figures', { quarter: quarter ?? '' })}</h2>
          {figures && (
            <div className="figure-table">
              {meId && (
                <>
                  <h3>{t('today.forMe')}</h3>
                  <div className="figures">
                    {FIGURES.me.map((k) => (
                      <div
                        key={k}
                        className={`figure${k === 'overdueDemands' && figures.me[k] ? ' figure-overdue' : ''}`}
                      >
                        <span className="figure-value">{figures.me[k] ?? 0}</span>
                        <span className="figure-label">{t(`today.fig_${k}`)}</span>
                      </div>
                    ))}
                  </div>
                </>
              )}
              <h3>{t('today.forBureau')}</h3>
              <div className="figures">
                {FIGURES.bureau.map((k) => (
                  <div
                    key={k}
                    className={`figure${k === 'overdueDemands' && figures.bureau[k] ? ' figure-overdue' : ''}`}
                  >
                    <span className="figure-value">{figures.bureau[k] ?? 0}</span>
                    <span className="figure-label">{t(`today.fig_${k}`)}</span>
                  </div>
                ))}
              </div>
              <p className="hint">{t('today.figuresHint')}</p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
