// An enterprise's page: its facts and contacts, and everything that happened with it, newest first.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@shared/contract/contract';
import type { EnumName } from '../enums';
import { AuditPanel } from '../components/AuditPanel';
import { Badge } from '../components/Badge';
import { demandEventText, handOverText } from '../fieldValues';
import { enumLabel, formatInstant, formatYuan, industryLabel } from '../format';
import { routeHref } from '../router';
import { useEnterpriseDetail } from '../stores/enterpriseDetail';
import type { DataKind } from '../stores/dataKinds';
import { useDataVersion } from '../stores/session';
import styles from './EnterpriseDetail.module.css';
import { useArrivalFocus } from '../components/arrivalFocus';

type Item = MethodOutput<'enterprises.timeline'>['items'][number];

const STATUS_ENUM: Record<Item['type'], EnumName> = {
  visit: 'visitStatus',
  demand: 'demandStatus',
  demand_event: 'demandStatus',
  clinic: 'clinicStatus',
  followup: 'satisfaction',
  activity: 'activityStatus',
  outcome: 'outcomeStatus',
};

/** The enterprise and its timeline: visits, demands and their moves, clinics, follow-ups. */
const SHOWN: readonly DataKind[] = [
  'enterprises',
  'visits',
  'demands',
  'clinics',
  'followups',
  'activities',
  'outcomes',
  'staff',
];

function itemHref(item: Item): string {
  switch (item.type) {
    case 'visit':
      return routeHref('visits', item.id);
    case 'demand':
      return routeHref('demands', item.id);
    case 'demand_event':
      return routeHref('demands', item.refId);
    case 'clinic':
      return routeHref('clinics', item.id);
    case 'followup':
      return routeHref('followups', item.id);
    case 'activity':
      return routeHref('activities', item.id);
    case 'outcome':
      return routeHref('outcomes', item.id);
  }
}

/** A demand's event that is no move (a unit's reply, 督办, 催办, 延期…): its status did not change. */
const isNote = (item: Item) => item.type === 'demand_event' && !!item.event && item.event !== 'transition';

/** What the item is: its kind, or for a demand's event that is no move, what the event was. */
function typeLabel(item: Item): string {
  if (isNote(item)) return demandEventText({ type: item.event!, unitName: item.unitName ?? null });
  // A hand-over (交办) names the units it handed the demand to; an activity or outcome its type.
  const detail =
    item.type === 'demand_event'
      ? handOverText(item)
      : item.type === 'activity'
        ? enumLabel('activityType', item.kind)
        : item.type === 'outcome'
          ? enumLabel('outcomeType', item.kind)
          : '';
  return `${enumLabel('timelineType', item.type)}${detail ? ` · ${detail}` : ''}`;
}

function statusEnum(item: Item): EnumName {
  if (item.type === 'followup' && (item.status === 'planned' || item.status === 'done'))
    return 'followupState';
  return STATUS_ENUM[item.type];
}

export function EnterpriseDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, load } = useEnterpriseDetail();
  const dataVersion = useDataVersion(SHOWN);
  useEffect(() => {
    void load(id);
  }, [id, load, dataVersion]);
  const headingRef = useArrivalFocus<HTMLHeadingElement>();

  if (error) {
    return (
      <div className="screen screen-scroll">
        <div className="notice notice-error" role="alert">
          {error.message}
        </div>
        <a href={routeHref('enterprises')}>{t('common.back')}</a>
      </div>
    );
  }
  if (!data || data.enterprise.id !== id) return <p className="muted pad">{t('common.loading')}</p>;
  const e = data.enterprise;

  return (
    <div className="screen screen-scroll" data-testid="enterprise-detail">
      <div className="screen-head">
        <div>
          <a className="muted small" href={routeHref('enterprises')}>
            ← {t('nav.enterprises')}
          </a>
          <h1 ref={headingRef} tabIndex={-1}>
            {e.name}{' '}
            {e.status && e.status !== 'normal' && <Badge enumName="enterpriseStatus" value={e.status} />}
          </h1>
          <div className="muted mono">{e.uscc}</div>
        </div>
        <div className="head-actions">
          <a className="btn primary" href={routeHref('visits', 'new', null, { enterpriseId: e.id })}>
            + {t('visit.new')}
          </a>
          <a className="btn" href={routeHref('demands', 'new', null, { enterpriseId: e.id })}>
            + {t('demand.new')}
          </a>
          <a className="btn" href={routeHref('enterprises', e.id, 'edit')}>
            {t('common.edit')}
          </a>
        </div>
      </div>
      <div className={styles.detailColumns}>
        <div className={styles.colFacts}>
          <section className="card">
            <dl className="facts">
              <dt>{t('enterprise.town')}</dt>
              <dd>{e.town}</dd>
              <dt>{t('enterprise.address')}</dt>
              <dd>{e.address}</dd>
              <dt>{t('enterprise.industry')}</dt>
              <dd>{industryLabel(e.industry)}</dd>
              <dt>{t('enterprise.tiers')}</dt>
              <dd>
                {(e.tiers ?? []).length === 0 && <span className="muted">{t('common.none')}</span>}
                {(e.tiers ?? []).map((x) => (
                  <div key={`${x.tier}-${x.year}`}>
                    <Badge enumName="tier" value={x.tier} /> {x.year}
                    {x.expiresOn && (
                      <span className="muted"> · {t('enterprise.expires', { date: x.expiresOn })}</span>
                    )}
                  </div>
                ))}
              </dd>
              <dt>{t('enterprise.liaison')}</dt>
              <dd>{e.liaisonName ?? <span className="muted">{t('common.none')}</span>}</dd>
              <dt>{t('enterprise.lastVisit')}</dt>
              <dd>{e.lastVisitDate ?? <span className="muted">{t('enterprise.neverVisited')}</span>}</dd>
              <dt>{t('enterprise.openDemands')}</dt>
              <dd>{e.openDemands ?? 0}</dd>
              {(e.formerNames ?? []).length > 0 && (
                <>
                  <dt>{t('enterprise.formerNames')}</dt>
                  <dd>{(e.formerNames ?? []).join('、')}</dd>
                </>
              )}
              {e.usccOverride && (
                <>
                  <dt>{t('enterprise.override')}</dt>
                  <dd className="text-due-soon">{e.usccOverrideReason}</dd>
                </>
              )}
            </dl>
          </section>
          <section className="card">
            <h2>{t('enterprise.contacts')}</h2>
            {(e.contacts ?? []).length === 0 ? (
              <p className="muted">{t('enterprise.noContacts')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('contact.name')}</th>
                    <th>{t('contact.title')}</th>
                    <th>{t('contact.phone')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(e.contacts ?? []).map((c, i) => (
                    <tr key={i}>
                      <td>{c.name}</td>
                      <td>{c.title}</td>
                      <td className="mono">{c.phone}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card">
            <AuditPanel kind="enterprises" id={e.id} />
          </section>
        </div>
        <section className="card">
          <h2>{t('enterprise.timeline')}</h2>
          {data.items.length === 0 ? (
            <p className="empty-state">{t('enterprise.noTimeline')}</p>
          ) : (
            <ol className={styles.timeline} data-testid="timeline">
              {data.items.map((item) => (
                <li
                  key={`${item.type}-${item.id}`}
                  className={item.superseded ? `${styles.tlItem} ${styles.tlSuperseded}` : styles.tlItem}
                >
                  <span className={`${styles.tlIcon} ${styles[item.type]}`} aria-hidden="true">
                    {t(`timeline.icon_${item.type}`)}
                  </span>
                  <div className={styles.tlBody}>
                    <div className={styles.tlHead}>
                      <span className={styles.tlType}>{typeLabel(item)}</span>
                      <span className={styles.tlAt}>{formatInstant(item.at)}</span>
                      {item.status && !isNote(item) && (
                        <Badge enumName={statusEnum(item)} value={item.status} />
                      )}
                      {item.staffName && <span className="muted">{item.staffName}</span>}
                      {item.superseded && (
                        <span className="muted" title={t('demand.supersededHint')}>
                          {t('demand.superseded')}
                        </span>
                      )}
                    </div>
                    <a href={itemHref(item)}>{item.title.trim() || t('common.untitled')}</a>
                    {item.amount !== null && item.amount !== undefined && (
                      <span className="muted"> · {formatYuan(item.amount)}</span>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
