// This laptop and its sync team: create one (name + passphrase) or join one (team code +
// passphrase); once in a team, its code to give colleagues. Passphrases stay in the inputs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Form, TextInput } from '../../components/form';
import { ApiError } from '../../api';
import { inform } from '../../stores/notices';
import { useSync } from '../../stores/sync';
import styles from './sync.module.css';

function CreateTeam() {
  const { t } = useTranslation();
  const { busy, error, createTeam } = useSync();
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [local, setLocal] = useState<ApiError | null>(null);
  const shown = local ?? (error?.action === 'team' ? error.error : null);
  return (
    <Form
      label={t('sync.createTeam')}
      error={shown}
      onSubmit={() => {
        if (pass !== again) {
          setLocal(
            new ApiError('VALIDATION', t('sync.passphraseMismatch'), {
              field: 'passphraseAgain',
              issues: [{ path: 'passphraseAgain', message: t('sync.passphraseMismatch') }],
            }),
          );
          return;
        }
        setLocal(null);
        void createTeam(name, pass).then((team) => {
          if (team !== null) {
            setPass('');
            setAgain('');
            inform(t('sync.teamCreated', { name: team }));
          }
        });
      }}
      actions={
        <button type="submit" className="btn primary" disabled={busy !== null} data-testid="team-create">
          {t('sync.createTeam')}
        </button>
      }
    >
      <h3>{t('sync.createTeam')}</h3>
      <Field name="name" label={t('sync.teamName')} required>
        <TextInput name="name" value={name} onChange={setName} maxLength={100} />
      </Field>
      <Field name="passphrase" label={t('sync.passphrase')} required hint={t('sync.passphraseHint')}>
        <input
          type="password"
          name="passphrase"
          autoComplete="new-password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
        />
      </Field>
      <Field name="passphraseAgain" label={t('sync.passphraseAgain')} required>
        <input
          type="password"
          name="passphraseAgain"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
      </Field>
    </Form>
  );
}

function JoinTeam() {
  const { t } = useTranslation();
  const { busy, error, joinTeam } = useSync();
  const [code, setCode] = useState('');
  const [pass, setPass] = useState('');
  return (
    <Form
      label={t('sync.joinTeam')}
      error={error?.action === 'team' ? error.error : null}
      onSubmit={() =>
        void joinTeam(code, pass).then((team) => {
          if (team !== null) {
            setPass('');
            inform(t('sync.teamJoined', { name: team }));
          }
        })
      }
      actions={
        <button type="submit" className="btn primary" disabled={busy !== null} data-testid="team-join">
          {t('sync.joinTeam')}
        </button>
      }
    >
      <h3>{t('sync.joinTeam')}</h3>
      <Field name="code" label={t('sync.code')} required>
        <TextInput name="code" value={code} onChange={setCode} placeholder={t('sync.codePlaceholder')} />
      </Field>
      <Field name="passphrase" label={t('sync.passphrase')} required>
        <input
          type="password"
          name="passphrase"
          autoComplete="current-password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
        />
      </Field>
    </Form>
  );
}

export function TeamCard() {
  const { t } = useTranslation();
  const status = useSync((s) => s.status);
  const [mode, setMode] = useState<'create' | 'join'>('create');
  if (!status) return null;
  return (
    <section className="card" data-testid="sync-team">
      <h2>{t('sync.thisLaptop')}</h2>
      <dl className="facts">
        <dt>{t('sync.deviceName')}</dt>
        <dd data-testid="device-name">{status.device.name}</dd>
        <dt>{t('sync.deviceCode')}</dt>
        <dd className="mono">{status.device.code}</dd>
        <dt>{t('sync.team')}</dt>
        <dd data-testid="team-name">
          {status.team?.name ?? <span className="muted">{t('common.none')}</span>}
        </dd>
      </dl>
      {status.team && status.teamCode ? (
        <div className={styles.syncCode}>
          <label htmlFor="team-code">{t('sync.teamCode')}</label>
          <div className={styles.syncCodeRow}>
            <input
              id="team-code"
              className="mono"
              readOnly
              value={status.teamCode}
              data-testid="team-code"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className="btn"
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(status.teamCode ?? '')
                  .then(() => inform(t('sync.copied')))
              }
            >
              {t('sync.copy')}
            </button>
          </div>
          <p className="hint">{t('sync.teamCodeHint')}</p>
        </div>
      ) : (
        <>
          <p className="muted">{t('sync.noTeam')}</p>
          <div className="segmented" role="group" aria-label={t('sync.team')}>
            <button
              type="button"
              className={mode === 'create' ? 'on' : undefined}
              aria-pressed={mode === 'create'}
              onClick={() => setMode('create')}
            >
              {t('sync.createTeam')}
            </button>
            <button
              type="button"
              className={mode === 'join' ? 'on' : undefined}
              aria-pressed={mode === 'join'}
              onClick={() => setMode('join')}
              data-testid="team-mode-join"
            >
              {t('sync.joinTeam')}
            </button>
          </div>
          {mode === 'create' ? <CreateTeam /> : <JoinTeam />}
        </>
      )}
    </section>
  );
}
