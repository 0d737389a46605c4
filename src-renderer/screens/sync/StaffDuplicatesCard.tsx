// The same person recorded on two laptops (same name and phone, typically after a laptop
// joined the team): choose the record to keep and merge the others into it, as duplicate
// enterprises are. Every visit, demand, follow-up and activity naming them moves to it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel, formatInstant } from '../../format';
import { inform } from '../../stores/notices';
import { useSync, type StaffDuplicateGroup } from '../../stores/sync';
import styles from './sync.module.css';

function Group({ group }: { group: StaffDuplicateGroup }) {
  const { t } = useTranslation();
  const { busy, mergeStaff } = useSync();
  const [keepId, setKeepId] = useState(group.staff[0]?.id ?? '');
  const keep = group.staff.find((s) => s.id === keepId);
  const others = group.staff.filter((s) => s.id !== keepId).map((s) => s.id);
  const key = `${group.name}-${group.phone}`;
  return (
    <fieldset className={styles.syncDupGroup} data-testid="staff-duplicate-group">
      <legend>{t('sync.staffGroup', { name: group.name, phone: group.phone })}</legend>
      <table className="table">
        <thead>
          <tr>
            <th>{t('sync.keep')}</th>
            <th>{t('staff.name')}</th>
            <th>{t('staff.role')}</th>
            <th>{t('staff.position')}</th>
            <th>{t('staff.active')}</th>
            <th>{t('backups.audit.fields.common.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {group.staff.map((s) => (
            <tr key={s.id}>
              <td>
                <input
                  type="radio"
                  name={`keep-staff-${key}`}
                  aria-label={`${t('sync.keep')}: ${s.name} ${formatInstant(s.createdAt)}`}
                  checked={keepId === s.id}
                  onChange={() => setKeepId(s.id)}
                  value={s.id}
                />
              </td>
              <td>{s.name}</td>
              <td>{enumLabel('role', s.role)}</td>
              <td>{enumLabel('position', s.position)}</td>
              <td>{s.active === false ? t('common.no') : t('common.yes')}</td>
              <td>{formatInstant(s.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn primary"
        disabled={busy !== null || !keep || others.length === 0}
        data-testid="staff-duplicate-merge"
        onClick={() => {
          if (!keep || !window.confirm(t('sync.mergeConfirm', { count: others.length, name: keep.name })))
            return;
          void mergeStaff(keep.id, others).then((r) => {
            if (r)
              inform(t('sync.staffMerged', { count: Object.values(r.moved).reduce((a, b) => a + b, 0) }));
          });
        }}
      >
        {t('sync.merge')}
      </button>
    </fieldset>
  );
}

/** Shown while the same person is recorded more than once. */
export function StaffDuplicatesCard() {
  const { t } = useTranslation();
  const { staffDuplicates, error } = useSync();
  if (staffDuplicates.length === 0) return null;
  return (
    <section className="card" id="sync-staff-duplicates" data-testid="sync-staff-duplicates">
      <h2>{t('sync.staffDuplicatesTitle')}</h2>
      <p className="muted">{t('sync.staffDuplicatesIntro')}</p>
      {error?.action === 'mergeStaff' && (
        <div className="notice notice-error" role="alert">
          {error.error.message}
        </div>
      )}
      {staffDuplicates.map((g) => (
        <Group key={`${g.name}-${g.phone}`} group={g} />
      ))}
    </section>
  );
}
