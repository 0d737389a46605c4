// "修改记录": who changed which field of a record, when, on which laptop, from what to what —
// changes that arrived by sync included (they keep their origin device and staff member).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@shared/contract/methods';
import { call, toApiError, type ApiError } from '../api';
import { EVENT_FIELD, auditSaves, type AuditSave } from '../audit';
import { fieldLabel, fieldValueText } from '../fieldValues';
import { formatInstant } from '../format';
import { useDataVersion, useSession } from '../stores/session';
import styles from './AuditPanel.module.css';
import { Tag } from './Badge';

function Value({
  kind,
  field,
  value,
  units,
}: {
  kind: string;
  field: string;
  value: unknown;
  units: Record<string, string>;
}) {
  const { t } = useTranslation();
  const text = fieldValueText(kind, field, value, units);
  return text ? (
    <span className={styles.auditValue}>{text}</span>
  ) : (
    <span className="muted">{t('backups.audit.empty_value')}</span>
  );
}

/** A new record lists the fields it was created with; empty ones say nothing. */
function shown(s: AuditSave) {
  if (s.event !== 'created') return s.changes;
  return s.changes.filter(
    (c) => c.after !== null && c.after !== '' && !(Array.isArray(c.after) && c.after.length === 0),
  );
}

export function AuditPanel({ kind, id }: { kind: RecordKind; id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [saves, setSaves] = useState<AuditSave[] | null>(null);
  const [units, setUnits] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const dataVersion = useDataVersion([kind]);
  const myDevice = useSession((s) => s.info?.device.id);
  useSession((s) => s.staff); // staff names in values follow the staff list

  useEffect(() => {
    if (!open) return;
    let live = true;
    call('audit.record', { kind, id })
      .then((r) => {
        if (live) {
          setSaves(auditSaves(r.rows));
          setUnits(r.names);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(toApiError(e));
      });
    return () => {
      live = false;
    };
  }, [open, kind, id, dataVersion]);

  return (
    <details
      className={styles.audit}
      data-testid="audit-panel"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('backups.audit.title')}</summary>
      {error && (
        <div className="notice notice-error" role="alert">
          {error.message}
        </div>
      )}
      {open && !error && saves === null && <p className="muted">{t('common.loading')}</p>}
      {saves?.length === 0 && <p className="muted">{t('backups.audit.empty')}</p>}
      {saves && saves.length > 0 && (
        <ol className={styles.auditList}>
          {saves.map((s, i) => (
            <li key={`${s.at}-${s.device}-${i}`} className={styles.auditSave} data-testid="audit-save">
              <div className={styles.auditHead}>
                <span className={styles.auditAt}>{formatInstant(s.at)}</span>
                <span className={styles.auditWho}>{s.staffName ?? t('backups.audit.unknownStaff')}</span>
                <span className="muted">
                  · {s.deviceName ?? s.device}
                  {s.device === myDevice
                    ? ` (${t('backups.audit.thisDevice')})`
                    : ` (${t('backups.audit.viaSync')})`}
                </span>
                {s.event !== 'edited' && (
                  <Tag>
                    {t(
                      s.event === 'created'
                        ? 'backups.audit.created'
                        : s.event === 'deleted'
                          ? 'backups.audit.deleted'
                          : 'backups.audit.restoredRecord',
                    )}
                  </Tag>
                )}
              </div>
              {shown(s).length > 0 && (
                <table className={`table ${styles.auditChanges}`}>
                  <tbody>
                    {shown(s).map((c, j) => (
                      <tr key={`${c.field}-${j}`} data-field={c.field}>
                        <th scope="row">{fieldLabel(kind, c.field)}</th>
                        <td>
                          {s.event === 'created' || c.field === EVENT_FIELD ? null : (
                            <>
                              <Value kind={kind} field={c.field} value={c.before} units={units} /> →{' '}
                            </>
                          )}
                          <Value kind={kind} field={c.field} value={c.after} units={units} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
