// The laptops whose changes this one has seen (and itself), with their last change.
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../format';
import { useSession } from '../../stores/session';
import { useSync } from '../../stores/sync';

export function DevicesCard() {
  const { t } = useTranslation();
  const devices = useSync((s) => s.status?.devices ?? []);
  // A restored or copied database took a new identity: its former one is still listed.
  const renewed = useSession((s) => s.info?.newIdentity ?? null);
  return (
    <section className="card" data-testid="sync-devices">
      <h2>{t('sync.devicesTitle')}</h2>
      {devices.filter((d) => !d.isMe).length === 0 && <p className="muted">{t('sync.devicesEmpty')}</p>}
      {renewed && (
        <p className="muted" data-testid="new-identity">
          {t(`sync.newIdentity.${renewed.reason}`, { at: formatInstant(renewed.at) })}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('sync.deviceName')}</th>
            <th>{t('sync.deviceCode')}</th>
            <th>{t('sync.lastChange')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-device={d.name ?? d.id}>
              <td>
                {d.name ?? <span className="mono">{d.id}</span>}
                {d.isMe && <span className="muted"> （{t('sync.me')}）</span>}
                {d.id === renewed?.previousDeviceId && (
                  <span className="muted"> （{t('sync.formerMe')}）</span>
                )}
              </td>
              <td className="mono">{d.code}</td>
              <td>{formatInstant(d.lastChangeAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
