// The laptops whose changes this one has seen (and itself), with their last change.
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../format';
import { useSync } from '../../stores/sync';

export function DevicesCard() {
  const { t } = useTranslation();
  const devices = useSync((s) => s.status?.devices ?? []);
  return (
    <section className="card" data-testid="sync-devices">
      <h2>{t('sync.devicesTitle')}</h2>
      {devices.filter((d) => !d.isMe).length === 0 && <p className="muted">{t('sync.devicesEmpty')}</p>}
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
