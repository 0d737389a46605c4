// 待确认的未来时间修改: changes stamped more than a day ahead of this laptop's clock, held
// unapplied by the import. Each can be accepted (written again now as this laptop's edit) or
// discarded, one by one or all at once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@shared/contract/contract';
import { call, toApiError, type ApiError } from '../../api';
import { fieldLabel, fieldValueText } from '../../fieldValues';
import { useUnitNames } from '../../components/UnitPickers';
import { formatInstant } from '../../format';
import { inform } from '../../stores/notices';
import { useSession } from '../../stores/session';
import { useSync } from '../../stores/sync';
import { recordHref } from '../ConflictsScreen';

type Held = MethodOutput<'quarantine.list'>['rows'][number];
type Action = 'accept' | 'discard';

export function QuarantineCard() {
  const { t } = useTranslation();
  // Listed again whenever the screen reloads the status (after an import, a resolve…).
  const status = useSync((s) => s.status);
  const count = status?.quarantined ?? 0;
  const [listed, setListed] = useState<Held[]>([]);
  const units = useUnitNames();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!count) return;
    let live = true;
    call('quarantine.list').then(
      (r) => live && setListed(r.rows),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [status, count]);
  const rows = count ? listed : [];

  async function resolve(hlcs: string[], action: Action) {
    if (action === 'discard' && !window.confirm(t('quarantine.discardConfirm', { count: hlcs.length })))
      return;
    setBusy(true);
    setError(null);
    try {
      const { resolved } = await call('quarantine.resolve', { hlcs, action });
      inform(t(action === 'accept' ? 'quarantine.accepted' : 'quarantine.discarded', { count: resolved }));
      useSession.getState().changed();
      await useSync.getState().load();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const kindText = (kind: string) => {
    const key = `sync.kind.${kind}`;
    return t(key) === key ? kind : t(key);
  };
  const all = rows.map((r) => r.hlc);
  return (
    <section className="card" id="sync-quarantine" data-testid="sync-quarantine">
      <h2>{t('quarantine.title')}</h2>
      {error && (
        <div className="notice notice-error" role="alert">
          {error.message}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="muted">{t('quarantine.none')}</p>
      ) : (
        <>
          <p className="muted">{t('quarantine.intro')}</p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('quarantine.device')}</th>
                <th>{t('quarantine.record')}</th>
                <th>{t('quarantine.field')}</th>
                <th>{t('quarantine.value')}</th>
                <th>{t('quarantine.stampedAt')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const href = recordHref(r.kind, r.recordId);
                const label = r.recordLabel?.trim() || `#${r.recordId.slice(-6)}`;
                return (
                  <tr key={r.hlc} data-testid="quarantined-change">
                    <td>{r.deviceName ?? r.device}</td>
                    <td>
                      {kindText(r.kind)} {href ? <a href={href}>{label}</a> : label}
                    </td>
                    <td>{fieldLabel(r.kind, r.field)}</td>
                    <td>{fieldValueText(r.kind, r.field, r.value, units)}</td>
                    <td>{formatInstant(r.at)}</td>
                    <td>
                      <button
                        type="button"
                        className="btn"
                        disabled={busy}
                        onClick={() => void resolve([r.hlc], 'accept')}
                      >
                        {t('quarantine.accept')}
                      </button>{' '}
                      <button
                        type="button"
                        className="btn"
                        disabled={busy}
                        onClick={() => void resolve([r.hlc], 'discard')}
                      >
                        {t('quarantine.discard')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > 1 && (
            <div className="head-actions">
              <button
                type="button"
                className="btn primary"
                disabled={busy}
                onClick={() => void resolve(all, 'accept')}
              >
                {t('quarantine.acceptAll')}
              </button>
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void resolve(all, 'discard')}
              >
                {t('quarantine.discardAll')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
