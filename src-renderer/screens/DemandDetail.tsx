// One demand: its facts, the workflow moves it allows (as buttons), its history and follow-ups.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandStatus } from '@shared/domain/enums';
import { MOVES, moveNeedsNote } from '@shared/domain/workflow';
import { AuditPanel } from '../components/AuditPanel';
import { Badge, DemandStatusBadge } from '../components/Badge';
import { EnterpriseDeletedMark } from '../components/OrphanMark';
import { Dialog } from '../components/Dialog';
import { EnumRadios, Field, Form, StaffSelect, TextArea } from '../components/form';
import { UnitChecks, UnitSelect, useUnits } from '../components/UnitPickers';
import { enumLabel, enumLabels, formatDay, formatInstant } from '../format';
import { routeHref } from '../router';
import { offeredMoves, useDemandDetail } from '../stores/demandDetail';
import type { DataKind } from '../stores/dataKinds';
import { staffName, useDataVersion, useSession } from '../stores/session';
import { handOverText } from '../fieldValues';
import { DemandGovernance } from './DemandGovernance';
import { FirstReplyButton, FirstReplyFacts } from './DemandFirstReply';
import { DemandOutcomes } from './DemandOutcomes';
import styles from './DemandDetail.module.css';
import { useArrivalFocus } from '../components/arrivalFocus';

export function moveLabel(t: (k: string) => string, from: DemandStatus, to: DemandStatus): string {
  return t(`move.${from}_${to}`);
}

/** The demand, its follow-ups, its enterprise's and people's names. */
const SHOWN: readonly DataKind[] = ['demands', 'followups', 'outcomes', 'enterprises', 'staff', 'units'];

export function DemandDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { demand, followups, loadError, move, load, startMove } = useDemandDetail();
  const role = useSession((s) => s.info?.me?.role);
  const dataVersion = useDataVersion(SHOWN);
  useSession((s) => s.staff); // names in the history follow the staff list

  useEffect(() => {
    void load(id);
  }, [id, load, dataVersion]);
  const headingRef = useArrivalFocus<HTMLHeadingElement>();

  if (loadError) {
    return (
      <aside className={styles.detail} data-testid="demand-detail">
        <div className="notice notice-error" role="alert">
          {loadError.message}
        </div>
      </aside>
    );
  }
  if (!demand || demand.id !== id) {
    return (
      <aside className={styles.detail} data-testid="demand-detail">
        <p className="muted">{t('common.loading')}</p>
      </aside>
    );
  }

  const moves = offeredMoves(demand.status, role);
  const days = demand.daysLeft;

  return (
    <aside className={styles.detail} data-testid="demand-detail" aria-label={demand.title ?? ''}>
      <header className={styles.detailHead}>
        <div>
          <h2 ref={headingRef} tabIndex={-1}>
            {demand.title}
          </h2>
          <DemandStatusBadge demand={demand} />
        </div>
        <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>

      <div className={styles.moveBar} role="group" aria-label={t('demand.moves')}>
        {moves.map((to) => {
          // Moves exist only for a demand with a status.
          const from = demand.status!;
          const m = MOVES[from][to] ?? {};
          return (
            <button
              key={to}
              type="button"
              className={`btn ${m.closing ? 'primary' : ''} ${to === 'rejected' || to === 'pending' ? 'danger' : ''}`}
              data-move={to}
              onClick={() => startMove(to)}
            >
              {moveLabel(t, from, to)}
            </button>
          );
        })}
        {moves.length === 0 && (
          <span className="muted" data-testid="demand-no-moves">
            <span>{t('demand.noMoves')}</span>
            {/* Only a supervisor reopens: a staff member is told whom to ask. */}
            {demand.status === 'closed' && <span> {t('demand.askSupervisorToReopen')}</span>}
          </span>
        )}
        <span className={styles.spacer} />
        <a className="btn" href={routeHref('demands', demand.id, 'edit')}>
          {t('common.edit')}
        </a>
        <a
          className="btn"
          href={routeHref('followups', 'new', null, { parentType: 'demand', parentId: demand.id })}
          data-testid="add-followup"
        >
          {t('followup.add')}
        </a>
      </div>

      <dl className="facts">
        <dt>{t('demand.enterprise')}</dt>
        <dd>
          {demand.enterpriseDeleted ? (
            <>
              {demand.enterpriseName} <EnterpriseDeletedMark />
            </>
          ) : (
            <a href={routeHref('enterprises', demand.enterpriseId)}>{demand.enterpriseName}</a>
          )}
          {demand.town ? <span className="muted"> · {demand.town}</span> : null}
        </dd>
        <dt>{t('demand.categories')}</dt>
        <dd>{enumLabels('demandCategory', demand.categories)}</dd>
        <dt>{t('demand.source')}</dt>
        <dd>
          {enumLabel('demandSource', demand.source)}
          {demand.sourceVisitId && (
            <>
              {' · '}
              <a href={routeHref('visits', demand.sourceVisitId)}>{t('demand.openVisit')}</a>
            </>
          )}
          {demand.sourceClinicId && (
            <>
              {' · '}
              <a href={routeHref('clinics', demand.sourceClinicId)}>{t('demand.openClinic')}</a>
            </>
          )}
        </dd>
        <dt>{t('demand.level')}</dt>
        <dd>{enumLabel('demandLevel', demand.level)}</dd>
        <dt>{t('demand.assignee')}</dt>
        <dd>{demand.assigneeName ?? <span className="muted">{t('demand.noAssignee')}</span>}</dd>
        {demand.leadUnitId && (
          <>
            <dt>{t('unit.lead')}</dt>
            <dd data-testid="demand-lead-unit">{demand.leadUnitName}</dd>
          </>
        )}
        {(demand.coUnitNames ?? []).length > 0 && (
          <>
            <dt>{t('unit.co')}</dt>
            <dd data-testid="demand-co-units">{demand.coUnitNames!.join('、')}</dd>
          </>
        )}
        {demand.responsibleUnit && (
          <>
            <dt>{t('demand.responsibleUnit')}</dt>
            <dd>{demand.responsibleUnit}</dd>
          </>
        )}
        <dt>{t('demand.receivedAt')}</dt>
        <dd>{formatInstant(demand.receivedAt)}</dd>
        <dt>{t('demand.dueDate')}</dt>
        <dd className={demand.overdue ? 'text-overdue' : demand.dueSoon ? 'text-due-soon' : undefined}>
          {formatDay(demand.effectiveDueDate ?? demand.dueDate)}
          {days !== null && days !== undefined && (
            <span>
              {' '}
              ({days < 0 ? t('demand.daysLate', { count: -days }) : t('demand.daysLeft', { count: days })})
            </span>
          )}
          {demand.complex ? <span className="muted"> · {t('demand.complex')}</span> : null}
          {demand.onHoldDays ? (
            <span className="muted"> · {t('demand.heldDays', { count: demand.onHoldDays })}</span>
          ) : null}
        </dd>
        <FirstReplyFacts demand={demand} />
        {demand.status === 'closed' && (
          <>
            <dt>{t('demand.closure')}</dt>
            <dd>
              <Badge enumName="closureType" value={demand.closureType} /> {formatInstant(demand.closedAt)}
            </dd>
          </>
        )}
        {demand.resolution && (
          <>
            <dt>{t('demand.resolution')}</dt>
            <dd className="pre">{demand.resolution}</dd>
          </>
        )}
      </dl>
      {demand.description && <p className="pre description">{demand.description}</p>}
      <DemandGovernance demand={demand} />
      <FirstReplyButton demand={demand} />

      <h3>{t('demand.history')}</h3>
      <ol className={styles.history} data-testid="demand-history">
        {(demand.history ?? []).map((h) => (
          <li key={h.id} className={h.superseded ? styles.superseded : undefined}>
            <span className={styles.historyAt}>{formatInstant(h.at)}</span>
            <span className={styles.historyMove}>
              {h.type === 'unit_reply' ? (
                <>
                  {t('unit.reply')} · {h.unitName ?? unitNameOf(demand, h.unitId)}
                </>
              ) : h.type !== 'transition' && h.from === h.to ? (
                <>
                  {t(`demand.event_${h.type}`, { defaultValue: h.type })}{' '}
                  <Badge enumName="demandStatus" value={h.to} />
                </>
              ) : h.from ? (
                <>
                  <Badge enumName="demandStatus" value={h.from} /> →{' '}
                  <Badge enumName="demandStatus" value={h.to} />
                </>
              ) : (
                <>
                  {t('demand.received')} <Badge enumName="demandStatus" value={h.to} />
                </>
              )}
            </span>
            <span className={styles.historyBy}>{staffName(h.by)}</span>
            {handOverText(h) && <div className={styles.historyNote}>{handOverText(h)}</div>}
            {h.superseded && (
              <span className={styles.supersededLabel} title={t('demand.supersededHint')}>
                {t('demand.superseded')}
              </span>
            )}
            {h.note && <div className={styles.historyNote}>{h.note}</div>}
          </li>
        ))}
      </ol>

      <h3>{t('nav.followups')}</h3>
      {followups.length === 0 ? (
        <p className="muted">{t('followup.none')}</p>
      ) : (
        <ul className="plain-list">
          {followups.map((f) => (
            <li key={f.id}>
              <a href={routeHref('followups', f.id)}>
                {formatDay(f.doneAt ?? f.dueDate)} {f.doneAt ? t('followup.done') : t('followup.planned')}
              </a>{' '}
              {f.satisfaction && <Badge enumName="satisfaction" value={f.satisfaction} />} {f.ownerName}{' '}
              <span className="muted">{f.content}</span>
            </li>
          ))}
        </ul>
      )}
      <DemandOutcomes demand={demand} />
      <AuditPanel kind="demands" id={demand.id} />
      {move && <MoveDialog />}
    </aside>
  );
}

/** A handling unit's name, as the demand lists them (a unit no longer handling it: its id). */
function unitNameOf(
  d: {
    leadUnitId?: string | null;
    leadUnitName?: string | null;
    coUnitIds?: string[] | null;
    coUnitNames?: string[] | null;
  },
  unitId: string | null | undefined,
): string {
  if (!unitId) return '';
  if (unitId === d.leadUnitId) return d.leadUnitName ?? unitId;
  const i = (d.coUnitIds ?? []).indexOf(unitId);
  return (i >= 0 ? d.coUnitNames?.[i] : null) ?? unitId;
}

function MoveDialog() {
  const { t } = useTranslation();
  const units = useUnits();
  const { demand, move, moveValues: v, moveError, busy, setMove, cancelMove, submitMove } = useDemandDetail();
  if (!demand?.status || !move) return null;
  const rule = MOVES[demand.status][move] ?? {};
  const needsNote = moveNeedsNote(demand.status, move);
  const title = `${moveLabel(t, demand.status, move)}：${demand.title ?? ''}`;
  return (
    <Dialog title={title} onClose={cancelMove} testId="move-dialog">
      <Form
        error={moveError}
        onSubmit={() => void submitMove()}
        onCancel={cancelMove}
        label={title}
        actions={
          <>
            <button type="submit" className="btn primary" disabled={busy} data-testid="move-confirm">
              {t('common.confirm')} <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" className="btn" onClick={cancelMove}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p className="muted">
          <Badge enumName="demandStatus" value={demand.status} /> →{' '}
          <Badge enumName="demandStatus" value={move} />
        </p>
        {move === 'assigned' && (
          <Field name="assigneeStaffId" label={t('demand.assignee')} required>
            <StaffSelect
              name="assigneeStaffId"
              value={v.assigneeStaffId}
              onChange={(x) => setMove({ assigneeStaffId: x })}
              empty=""
            />
          </Field>
        )}
        {move === 'assigned' && (
          <>
            <Field name="leadUnitId" label={t('unit.lead')}>
              <UnitSelect
                name="leadUnitId"
                units={units}
                value={v.leadUnitId}
                onChange={(x) => setMove({ leadUnitId: x })}
                empty={t('unit.none')}
              />
            </Field>
            <Field name="coUnitIds" label={t('unit.co')} group>
              <UnitChecks
                name="coUnitIds"
                units={units}
                value={v.coUnitIds}
                exclude={v.leadUnitId || undefined}
                onChange={(x) => setMove({ coUnitIds: x })}
              />
            </Field>
          </>
        )}
        {rule.closing && (
          <>
            <Field name="closureType" label={t('demand.closureType')} required group>
              <EnumRadios
                enumName="closureType"
                name="closureType"
                value={v.closureType}
                onChange={(x) => setMove({ closureType: x })}
              />
            </Field>
            <Field name="resolution" label={t('demand.resolution')} required>
              <TextArea
                name="resolution"
                value={v.resolution}
                onChange={(x) => setMove({ resolution: x })}
                rows={3}
                placeholder={t('demand.resolutionPlaceholder')}
              />
            </Field>
          </>
        )}
        <Field name="note" label={t('demand.note')} required={needsNote}>
          <TextArea
            name="note"
            value={v.note}
            onChange={(x) => setMove({ note: x })}
            rows={2}
            placeholder={needsNote ? t('demand.noteRequired') : t('demand.noteOptional')}
          />
        </Field>
        <Field name="at" label={t('demand.at')} hint={t('demand.atHint')}>
          <input
            type="datetime-local"
            name="at"
            value={v.at}
            onChange={(e) => setMove({ at: e.target.value })}
          />
        </Field>
      </Form>
    </Dialog>
  );
}
