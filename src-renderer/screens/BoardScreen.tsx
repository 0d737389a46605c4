// 督办看板: open demands grouped by status or by assignee, overdue first; tick and reassign,
// 催办 or 督办;
// how many each person and each lead unit has open, overdue and due soon; one unit's demands.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DemandStatusBadge } from '../components/Badge';
import { EnterpriseDeletedMark } from '../components/OrphanMark';
import { Field, Form, StaffSelect, TextInput } from '../components/form';
import { enumLabel, enumLabels, formatDay } from '../format';
import { navigate, routeHref } from '../router';
import { groupRows, useBoard } from '../stores/board';
import { inform } from '../stores/notices';
import { LIST_READS } from '../stores/dataKinds';
import { staffName, useDataVersion, useSession } from '../stores/session';
import { UnitBoard } from './UnitBoard';
import { BoardCounts } from './BoardCounts';
import { SuperviseDialog, UrgeDialog } from './BoardActions';
import styles from './BoardScreen.module.css';

export function BoardScreen() {
  const { t } = useTranslation();
  const s = useBoard();
  // Open demands, with their enterprises' and assignees' names.
  const dataVersion = useDataVersion(LIST_READS.demands);
  useEffect(() => {
    void useBoard.getState().load();
  }, [dataVersion]);
  const groups = useMemo(() => groupRows(s.board?.rows ?? [], s.groupBy), [s.board, s.groupBy]);
  const board = s.board;
  const supervisor = useSession((x) => x.info?.me?.role) === 'supervisor';
  const [acting, setActing] = useState<'urge' | 'supervise' | null>(null);

  const reassign = async () => {
    const n = await s.reassign();
    if (n !== null) inform(t('board.reassigned', { count: n }));
  };

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('nav.board')}</h1>
        {board && (
          <div className="figures" data-testid="board-counts">
            <div className="figure">
              <span className="figure-value">{board.counts.open}</span>
              <span className="figure-label">{t('board.open')}</span>
            </div>
            <div className="figure figure-overdue">
              <span className="figure-value">{board.counts.overdue}</span>
              <span className="figure-label">{t('board.overdue')}</span>
            </div>
            <div className="figure figure-due-soon">
              <span className="figure-value">{board.counts.dueSoon}</span>
              <span className="figure-label">{t('board.dueSoon')}</span>
            </div>
          </div>
        )}
      </div>
      {s.error && (
        <div className="notice notice-error" role="alert">
          {s.error.message}
        </div>
      )}
      <div className={styles.board}>
        <div className={styles.boardMain}>
          <div className={styles.toolbar}>
            <div className="segmented" role="group" aria-label={t('board.groupBy')}>
              {(['status', 'assignee'] as const).map((g) => (
                <button
                  key={g}
                  type="button"
                  className={s.groupBy === g ? 'on' : undefined}
                  aria-pressed={s.groupBy === g}
                  onClick={() => s.setGroupBy(g)}
                >
                  {t(`board.by_${g}`)}
                </button>
              ))}
            </div>
            <button
              type="button"
              className={`btn${s.supervisedOnly ? ' on' : ''}`}
              aria-pressed={s.supervisedOnly}
              data-testid="board-supervised"
              onClick={() => s.setSupervisedOnly(!s.supervisedOnly)}
            >
              {t('board.supervised', { count: board?.counts.supervised ?? 0 })}
            </button>
            {board?.lateFirstReplies ? (
              <span className="text-overdue" data-testid="board-late-first-replies">
                {t('board.lateFirstReplies', { count: board.lateFirstReplies })}
              </span>
            ) : null}
            <button
              type="button"
              className="btn"
              data-testid="board-select-overdue"
              disabled={!board?.counts.overdue}
              onClick={s.selectOverdue}
            >
              {t('board.selectOverdue')}
            </button>
            <button type="button" className="btn" onClick={() => void s.load()} disabled={s.loading}>
              {t('common.refresh')}
            </button>
          </div>
          {board && board.rows.length === 0 && <p className="empty-state">{t('board.empty')}</p>}
          {groups.map((g) => {
            const ids = g.rows.map((r) => r.id);
            const all = ids.every((id) => s.selected.has(id));
            const title =
              s.groupBy === 'status' ? enumLabel('demandStatus', g.label) : g.label || t('demand.noAssignee');
            return (
              <section className={`${styles.boardGroup} board-group`} key={g.key} data-group={g.key}>
                <h3>
                  <label>
                    <input
                      type="checkbox"
                      checked={all}
                      aria-label={t('board.selectGroup', { name: title })}
                      onChange={(e) => s.toggleMany(ids, e.target.checked)}
                    />
                    {title}
                  </label>
                  <span className="muted">
                    {t('board.groupCount', { count: g.rows.length })}
                    {g.overdue > 0 && (
                      <span className="text-overdue"> · {t('board.groupOverdue', { count: g.overdue })}</span>
                    )}
                  </span>
                </h3>
                <table className={`table ${styles.boardTable}`}>
                  <colgroup>
                    <col className={styles.colCheck} />
                    <col className={styles.colStatus} />
                    <col />
                    <col className={styles.colEnterprise} />
                    <col className={styles.colPerson} />
                    <col className={styles.colDue} />
                  </colgroup>
                  <tbody>
                    {g.rows.map((d) => (
                      <tr
                        key={d.id}
                        className={d.overdue ? 'row-overdue' : d.dueSoon ? 'row-due-soon' : undefined}
                        data-demand={d.id}
                      >
                        <td>
                          <input
                            type="checkbox"
                            checked={s.selected.has(d.id)}
                            aria-label={d.title ?? ''}
                            onChange={(e) => s.toggle(d.id, e.target.checked)}
                          />
                        </td>
                        <td className={styles.statusCell}>
                          <DemandStatusBadge demand={d} />
                        </td>
                        <td data-cell="title">
                          <a href={routeHref('demands', d.id)}>{d.title}</a>
                          <div className="muted small">{enumLabels('demandCategory', d.categories)}</div>
                        </td>
                        <td>
                          {d.enterpriseName} {d.enterpriseDeleted && <EnterpriseDeletedMark />}
                        </td>
                        <td>{s.groupBy === 'status' ? d.assigneeName || t('demand.noAssignee') : d.town}</td>
                        {/* The due date with the days left under it: one column, so the title keeps the width. */}
                        <td className={styles.nowrap}>
                          {formatDay(d.effectiveDueDate ?? d.dueDate)}
                          {d.daysLeft !== null && d.daysLeft !== undefined && (
                            <div className="small">
                              {d.daysLeft < 0
                                ? t('demand.daysLate', { count: -d.daysLeft })
                                : t('demand.daysLeft', { count: d.daysLeft })}
                            </div>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            );
          })}
        </div>
        <aside className={styles.boardSide}>
          {board && board.extensions.length > 0 && <ExtensionRequests />}
          <h3>{t('board.byStaff')}</h3>
          <BoardCounts
            testId="board-by-staff"
            heading={t('board.staff')}
            loaded={board !== null}
            rows={(board?.byStaff ?? []).map((r) => ({
              ...r,
              key: r.staffId ?? 'none',
              label: r.name ?? t('demand.noAssignee'),
            }))}
          />
          <UnitBoard />
        </aside>
      </div>
      {s.selected.size > 0 && (
        <div className={styles.bulkBar} data-testid="bulk-bar">
          <Form
            error={s.reassignError}
            onSubmit={() => void reassign()}
            onCancel={s.clear}
            className={styles.bulkForm}
            actions={
              <>
                <button type="submit" className="btn primary" disabled={s.busy || !s.assignee}>
                  {t('board.reassign')}
                </button>
                <button
                  type="button"
                  className="btn"
                  data-testid="board-urge"
                  onClick={() => setActing('urge')}
                >
                  {t('urge.action')}
                </button>
                {supervisor && (
                  <button
                    type="button"
                    className="btn"
                    data-testid="board-supervise"
                    onClick={() => setActing('supervise')}
                  >
                    {t('supervise.action')}
                  </button>
                )}
                <button type="button" className="btn" onClick={s.clear}>
                  {t('board.clearSelection')}
                </button>
              </>
            }
          >
            <strong>{t('board.selected', { count: s.selected.size })}</strong>
            <Field name="assigneeStaffId" label={t('board.reassignTo')}>
              <StaffSelect name="assigneeStaffId" value={s.assignee} onChange={s.setAssignee} empty="" />
            </Field>
            <Field name="note" label={t('demand.note')}>
              <TextInput
                name="note"
                value={s.note}
                onChange={s.setNote}
                placeholder={t('board.notePlaceholder')}
              />
            </Field>
          </Form>
        </div>
      )}
      {acting === 'urge' && <UrgeDialog onClose={() => setActing(null)} />}
      {acting === 'supervise' && <SuperviseDialog onClose={() => setActing(null)} />}
      <p className={`hint ${styles.boardHint}`}>
        {t('board.hint')}{' '}
        <button
          type="button"
          className="link"
          onClick={() => navigate(routeHref('demands', null, null, { view: 'overdue' }))}
        >
          {t('board.seeOverdueList')}
        </button>
      </p>
    </div>
  );
}

/** The pending 延期申请 on the board: a supervisor approves or refuses each. */
function ExtensionRequests() {
  const { t } = useTranslation();
  const s = useBoard();
  const supervisor = useSession((x) => x.info?.me?.role) === 'supervisor';
  return (
    <>
      <h3>{t('board.extensions')}</h3>
      {s.decideError && (
        <div className="notice notice-error" role="alert">
          {s.decideError.message}
        </div>
      )}
      <ul className="plain-list" data-testid="board-extensions">
        {s.board!.extensions.map((x) => (
          <li key={x.demandId} data-demand={x.demandId}>
            <a href={routeHref('demands', x.demandId)}>{x.title}</a>{' '}
            <span className="muted">
              {x.enterpriseName} · {formatDay(x.currentDueDate)} → {formatDay(x.dueDate)} · {x.reason} ·{' '}
              {staffName(x.by)}
            </span>
            {supervisor && (
              <span>
                {' '}
                <button
                  type="button"
                  className="btn primary"
                  disabled={s.busy}
                  onClick={() => void s.decideExtension(x.demandId, true)}
                >
                  {t('extension.approve')}
                </button>{' '}
                <button
                  type="button"
                  className="btn danger"
                  disabled={s.busy}
                  onClick={() => void s.decideExtension(x.demandId, false)}
                >
                  {t('extension.refuse')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
