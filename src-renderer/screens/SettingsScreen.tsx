// 设置: who I am on this install, the language, where the data lives, this device.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError, type ApiError } from '../api';
import { Field, Form, Select, StaffSelect } from '../components/form';
import { enumLabel, formatInstant } from '../format';
import { currentLanguage, setLanguage, type Language } from '../i18n';
import { routeHref } from '../router';
import { inform } from '../stores/notices';
import { useSession } from '../stores/session';

export function SettingsScreen() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const staff = useSession((s) => s.staff);
  const [meId, setMeId] = useState<string>(info?.me?.id ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const saveMe = async () => {
    setBusy(true);
    setError(null);
    try {
      await useSession.getState().setMe(meId);
      inform(t('settings.meSaved'));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="screen screen-scroll">
      <div className="screen-head">
        <h1>{t('nav.settings')}</h1>
      </div>
      <div className="cards">
        <section className="card">
          <h2>{t('settings.whoAmI')}</h2>
          <p className="hint">{t('settings.whoAmIHint')}</p>
          {staff.length === 0 ? (
            <p>
              {t('settings.noStaff')} <a href={routeHref('staff', 'new')}>{t('staff.new')}</a>
            </p>
          ) : (
            <Form
              error={error}
              onSubmit={() => void saveMe()}
              actions={
                <button type="submit" className="btn primary" disabled={busy || !meId} data-testid="set-me">
                  {t('settings.setMe')}
                </button>
              }
            >
              <Field name="staffId" label={t('settings.me')}>
                <StaffSelect name="staffId" value={meId} onChange={setMeId} empty="" />
              </Field>
            </Form>
          )}
          {info?.me && (
            <p data-testid="current-me">
              {t('settings.currentMe')}: <strong>{info.me.name}</strong> ({enumLabel('role', info.me.role)})
            </p>
          )}
        </section>
        <section className="card">
          <h2>{t('settings.language')}</h2>
          <label className="field">
            <span>{t('settings.languageLabel')}</span>
            <Select
              name="language"
              value={currentLanguage()}
              onChange={(v) => setLanguage(v as Language)}
              options={[
                { value: 'zh-CN', label: '中文（简体）' },
                { value: 'en', label: 'English' },
              ]}
            />
          </label>
        </section>
        <section className="card">
          <h2>{t('settings.data')}</h2>
          <dl className="facts">
            <dt>{t('settings.dbPath')}</dt>
            <dd className="mono" data-testid="db-path">
              {info?.dbPath}
            </dd>
            <dt>{t('settings.device')}</dt>
            <dd>
              {info?.device.name} <span className="muted mono">({info?.device.code})</span>
            </dd>
            <dt>{t('settings.version')}</dt>
            <dd>
              {info?.appVersion} · {t('settings.schema', { n: info?.schemaVersion ?? '' })}
            </dd>
            <dt>{t('settings.today')}</dt>
            <dd>{info?.today}</dd>
            {info?.demoLoadedAt && (
              <>
                <dt>{t('settings.demo')}</dt>
                <dd>{formatInstant(info.demoLoadedAt)}</dd>
              </>
            )}
          </dl>
          <p className="hint">{t('settings.backupHint')}</p>
        </section>
      </div>
    </div>
  );
}
