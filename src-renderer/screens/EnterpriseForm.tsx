// Creating or editing an enterprise. While typing, the form warns about the same USCC, similar
// names and a wrong USCC check character, before anything is saved; a code that really is
// like that can be kept with a reason.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { checkUscc } from '@shared/domain/uscc';
import { Check, EnumSelect, Field, StaffSelect, TextArea, TextInput } from '../components/form';
import { RecordDrawer } from '../components/RecordDrawer';
import { TownInput } from '../components/TownInput';
import { IndustryInput } from '../components/IndustryInput';
import { textLimit } from '../fieldValues';
import { routeHref } from '../router';
import {
  useDuplicateCheck,
  useEnterpriseForm,
  type ContactRow,
  type TierRow,
} from '../stores/enterpriseForm';
import { inform } from '../stores/notices';
import styles from './EnterpriseForm.module.css';
import { DateInput } from '../components/DateInput';

/** The local USCC check, worded for people; null when fine or too early to say. */
export function usccWarning(
  t: (k: string, p?: Record<string, unknown>) => string,
  raw: string,
): string | null {
  if (!raw.trim()) return null;
  const c = checkUscc(raw);
  if (c.ok) return null;
  if (c.reason === 'length')
    return c.normalized.length < 18 ? null : t('enterprise.usccLength', { n: c.normalized.length });
  if (c.reason === 'character') return t('enterprise.usccChar');
  return t('enterprise.usccCheck', { got: c.normalized[17], want: c.msg.params?.want ?? '?' });
}

export function EnterpriseForm({
  id,
  onClose,
  onSaved,
}: {
  id: string | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useEnterpriseForm();
  const dupes = useDuplicateCheck();
  const v = f.values;

  useEffect(() => {
    void useEnterpriseForm.getState().open(id);
    useDuplicateCheck.getState().reset();
  }, [id]);

  // Live duplicate check, debounced while typing.
  useEffect(() => {
    if (f.loading) return;
    const timer = setTimeout(() => void useDuplicateCheck.getState().check(v.uscc, v.name, id), 350);
    return () => clearTimeout(timer);
  }, [v.uscc, v.name, id, f.loading]);

  const usccProblem = usccWarning((k, p) => t(k, p ?? {}), v.uscc);
  const shortUscc = v.uscc.trim() && checkUscc(v.uscc).normalized.length < 18;

  const save = async () => {
    const saved = await useEnterpriseForm.getState().save();
    if (saved) {
      inform(t('common.saved'));
      onSaved(saved.id);
    }
  };
  const remove = async () => {
    if (await useEnterpriseForm.getState().remove()) onClose();
  };

  const setTier = (i: number, p: Partial<TierRow>) =>
    f.set({ tiers: v.tiers.map((x, j) => (j === i ? { ...x, ...p } : x)) });
  const setContact = (i: number, p: Partial<ContactRow>) =>
    f.set({ contacts: v.contacts.map((x, j) => (j === i ? { ...x, ...p } : x)) });

  const same = dupes.result?.sameUscc ?? [];
  const similar = dupes.result?.similarName ?? [];

  return (
    <RecordDrawer
      title={id ? t('enterprise.edit') : t('enterprise.new')}
      isNew={!id}
      audit={{ kind: 'enterprises', id }}
      error={f.error}
      busy={f.busy}
      loading={f.loading}
      onSave={() => void save()}
      onClose={onClose}
      onDelete={() => void remove()}
      testId="enterprise-form"
      wide
      draft={f}
    >
      <div className="form-grid">
        <Field
          name="uscc"
          label={t('enterprise.uscc')}
          required
          hint={shortUscc ? t('enterprise.usccHint') : undefined}
        >
          <TextInput
            name="uscc"
            value={v.uscc}
            onChange={(x) => f.set({ uscc: x })}
            limit={textLimit('enterprises', 'uscc')}
            autoFocus
            className="mono"
            spellCheck={false}
          />
        </Field>
        <Field name="name" label={t('enterprise.name')} required>
          <TextInput
            name="name"
            value={v.name}
            onChange={(x) => f.set({ name: x })}
            limit={textLimit('enterprises', 'name')}
          />
        </Field>

        {(usccProblem || same.length > 0 || similar.length > 0 || dupes.error) && (
          <div className={`${styles.dupeWarnings} wide`} role="status" data-testid="dupe-warnings">
            {usccProblem && (
              <div className="warn warn-bad" data-testid="uscc-problem">
                {usccProblem}
              </div>
            )}
            {same.length > 0 && (
              <div className="warn warn-bad" data-testid="same-uscc">
                {t('enterprise.sameUscc')}{' '}
                {same.map((e) => (
                  <a key={e.id} href={routeHref('enterprises', e.id)}>
                    {e.name}
                  </a>
                ))}
              </div>
            )}
            {similar.length > 0 && (
              <div className="warn warn-similar" data-testid="similar-names">
                {t('enterprise.similarNames')}
                <ul>
                  {similar.map((e) => (
                    <li key={e.id}>
                      <a href={routeHref('enterprises', e.id)}>{e.name}</a>{' '}
                      <span className="muted mono">{e.uscc}</span>{' '}
                      {e.town && <span className="muted">· {e.town}</span>}
                    </li>
                  ))}
                </ul>
                <span className="muted">{t('enterprise.similarHint')}</span>
              </div>
            )}
            {dupes.error && <div className="warn">{dupes.error.message}</div>}
          </div>
        )}

        {(usccProblem || v.usccOverride) && (
          <>
            <Field name="usccOverride" label={t('enterprise.override')} group wide>
              <Check
                name="usccOverride"
                label={t('enterprise.overrideLabel')}
                checked={v.usccOverride}
                onChange={(x) => f.set({ usccOverride: x })}
              />
            </Field>
            {v.usccOverride && (
              <Field name="usccOverrideReason" label={t('enterprise.overrideReason')} required wide>
                <TextInput
                  name="usccOverrideReason"
                  value={v.usccOverrideReason}
                  onChange={(x) => f.set({ usccOverrideReason: x })}
                  placeholder={t('enterprise.overrideReasonPlaceholder')}
                />
              </Field>
            )}
          </>
        )}

        <Field name="town" label={t('enterprise.town')}>
          <TownInput name="town" value={v.town} onChange={(x) => f.set({ town: x })} />
        </Field>
        <Field name="industry" label={t('enterprise.industry')} hint={t('enterprise.industryHint')}>
          <IndustryInput name="industry" value={v.industry} onChange={(x) => f.set({ industry: x })} />
        </Field>
        <Field name="address" label={t('enterprise.address')} wide>
          <TextInput
            name="address"
            value={v.address}
            onChange={(x) => f.set({ address: x })}
            limit={textLimit('enterprises', 'address')}
          />
        </Field>
        <Field name="liaisonStaffId" label={t('enterprise.liaison')}>
          <StaffSelect
            name="liaisonStaffId"
            value={v.liaisonStaffId}
            onChange={(x) => f.set({ liaisonStaffId: x })}
            empty={t('common.none')}
          />
        </Field>
        <Field name="status" label={t('enterprise.status')}>
          <EnumSelect
            enumName="enterpriseStatus"
            name="status"
            value={v.status}
            onChange={(x) => f.set({ status: x })}
          />
        </Field>
        <Field
          name="formerNames"
          label={t('enterprise.formerNames')}
          wide
          hint={t('enterprise.formerNamesHint')}
        >
          <TextArea
            name="formerNames"
            value={v.formerNames}
            onChange={(x) => f.set({ formerNames: x })}
            rows={1}
          />
        </Field>
      </div>

      <Field name="tiers" label={t('enterprise.tiers')} group>
        {v.tiers.map((row, i) => (
          <div className={styles.rowEditor} key={i}>
            <EnumSelect
              enumName="tier"
              name={`tiers.${i}.tier`}
              aria-label={t('enterprise.tier')}
              value={row.tier}
              onChange={(x) => setTier(i, { tier: x })}
            />
            <input
              type="number"
              name={`tiers.${i}.year`}
              aria-label={t('enterprise.tierYear')}
              placeholder={t('enterprise.tierYear')}
              value={row.year}
              min={1990}
              max={2100}
              onChange={(e) => setTier(i, { year: e.target.value })}
            />
            <DateInput
              name={`tiers.${i}.expiresOn`}
              aria-label={t('enterprise.tierExpires')}
              value={row.expiresOn}
              onChange={(x) => setTier(i, { expiresOn: x })}
            />
            <button
              type="button"
              className="link danger"
              onClick={() => f.set({ tiers: v.tiers.filter((_, j) => j !== i) })}
            >
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn small"
          onClick={() =>
            f.set({
              tiers: [
                ...v.tiers,
                { tier: 'tech_sme', year: String(new Date().getFullYear()), expiresOn: '' },
              ],
            })
          }
        >
          + {t('enterprise.addTier')}
        </button>
      </Field>

      <Field name="contacts" label={t('enterprise.contacts')} group>
        {v.contacts.map((c, i) => (
          <div className={styles.rowEditor} key={i}>
            <input
              type="text"
              name={`contacts.${i}.name`}
              aria-label={t('contact.name')}
              placeholder={t('contact.name')}
              value={c.name}
              onChange={(e) => setContact(i, { name: e.target.value })}
            />
            <input
              type="text"
              name={`contacts.${i}.title`}
              aria-label={t('contact.title')}
              placeholder={t('contact.title')}
              value={c.title}
              onChange={(e) => setContact(i, { title: e.target.value })}
            />
            <input
              type="tel"
              name={`contacts.${i}.phone`}
              aria-label={t('contact.phone')}
              placeholder={t('contact.phone')}
              value={c.phone}
              onChange={(e) => setContact(i, { phone: e.target.value })}
            />
            <button
              type="button"
              className="link danger"
              onClick={() => f.set({ contacts: v.contacts.filter((_, j) => j !== i) })}
            >
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn small"
          onClick={() => f.set({ contacts: [...v.contacts, { name: '', title: '', phone: '' }] })}
        >
          + {t('enterprise.addContact')}
        </button>
      </Field>
    </RecordDrawer>
  );
}
