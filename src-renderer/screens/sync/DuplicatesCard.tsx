// Live duplicate enterprises (same credit code, typically registered on two laptops offline):
// choose the record to keep and merge the others into it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel, formatInstant } from '../../format';
import { routeHref } from '../../router';
import { inform } from '../../stores/notices';
import { useSync, type DuplicateGroup } from '../../stores/sync';
import styles from './sync.module.css';

function Group({ group }: { group: DuplicateGroup }) {
  const { t } = useTranslation();
  const { busy, merge } = useSync();
  const [keepId, setKeepId] = useState(group.enterprises[0]?.id ?? '');
  const keep = group.enterprises.find((e) => e.id === keepId);
  const others = group.enterprises.filter((e) => e.id !== keepId).map((e) => e.id);
  return (
    <fieldset className={styles.syncDupGroup} data-testid="duplicate-group" data-uscc={group.uscc}>
      <legend className="mono">{t('sync.usccGroup', { uscc: group.uscc })}</legend>
      <table className="table">
        <thead>
          <tr>
            <th>{t('sync.keep')}</th>
            <th>{t('enterprise.name')}</th>
            <th>{t('enterprise.town')}</th>
            <th>{t('enterprise.liaison')}</th>
            <th>{t('enterprise.status')}</th>
            <th>{t('enterprise.openDemands')}</th>
            <th>{t('backups.audit.fields.common.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {group.enterprises.map((e) => (
            <tr key={e.id}>
              <td>
                <input
                  type="radio"
                  name={`keep-${group.uscc}`}
                  aria-label={`${t('sync.keep')}: ${e.name}`}
                  checked={keepId === e.id}
                  onChange={() => setKeepId(e.id)}
                  value={e.id}
                />
              </td>
              <td>
                <a href={routeHref('enterprises', e.id)}>{e.name}</a>
              </td>
              <td>{e.town}</td>
              <td>{e.liaisonName}</td>
              <td>{enumLabel('enterpriseStatus', e.status)}</td>
              <td className="num">{e.openDemands ?? 0}</td>
              <td>{formatInstant(e.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn primary"
        disabled={busy !== null || !keep || others.length === 0}
        data-testid="duplicate-merge"
        onClick={() => {
          if (!keep || !window.confirm(t('sync.mergeConfirm', { count: others.length, name: keep.name })))
            return;
          void merge(keep.id, others).then((r) => {
            if (r) inform(t('sync.merged', r.moved));
          });
        }}
      >
        {t('sync.merge')}
      </button>
    </fieldset>
  );
}

export function DuplicatesCard() {
  const { t } = useTranslation();
  const { duplicates, error } = useSync();
  return (
    <section className="card" id="sync-duplicates" data-testid="sync-duplicates">
      <h2>{t('sync.duplicatesTitle')}</h2>
      {duplicates.length === 0 ? (
        <p className="muted">{t('sync.duplicatesNone')}</p>
      ) : (
        <>
          <p className="muted">{t('sync.duplicatesIntro')}</p>
          {error?.action === 'merge' && (
            <div className="notice notice-error" role="alert">
              {error.error.message}
            </div>
          )}
          {duplicates.map((g) => (
            <Group key={g.uscc} group={g} />
          ))}
        </>
      )}
    </section>
  );
}
