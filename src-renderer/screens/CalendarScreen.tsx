// 工作日历: the bureau's name, time limits (settings `sla`), lists of towns and industries, and each year's official holidays
// and worked weekend days, marked on a year view and read from the State Council's notice as
// pasted. Anyone sees them; supervisors change them (the core refuses others).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@shared/contract/contract';
import { SLA_UNITS, type Sla } from '@shared/domain/workflow';
import { isWeekend } from '@shared/domain/workingDays';
import { Field, Form, Select, TextArea, TextInput } from '../components/form';
import { fieldErrors } from '../components/formErrors';
import { enumLabel } from '../format';
import { inform } from '../stores/notices';
import { useSession } from '../stores/session';
import { useWorkCalendar } from '../stores/workCalendar';
import styles from './CalendarScreen.module.css';

export function CalendarScreen() {
  const { t } = useTranslation();
  const { loadSettings, loadYear } = useWorkCalendar();
  const year = useWorkCalendar((s) => s.year);
  useEffect(() => {
    void loadSettings();
    void loadYear(year);
    // Once, when the screen opens: the year switcher loads other years.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="screen screen-scroll">
      <div className="screen-head">
        <h1>{t('nav.calendar')}</h1>
      </div>
      <div className="cards">
        <SlaCard />
        <ListCard field="towns" />
        <ListCard field="industries" />
        <YearCard />
      </div>
    </div>
  );
}

function SlaCard() {
  const settings = useWorkCalendar((s) => s.settings);
  // A fresh form for each saved version (the fields start from what was saved).
  return settings ? <SlaForm key={settings.updatedAt ?? ''} settings={settings} /> : null;
}

function SlaForm({ settings }: { settings: MethodOutput<'settings.get'> }) {
  const { t } = useTranslation();
  const { saveSettings, busy, settingsError } = useWorkCalendar();
  const [orgName, setOrgName] = useState(settings.orgName ?? '');
  const [sla, setSla] = useState<Sla>(settings.sla);
  const days = (key: 'ordinary' | 'complex' | 'firstReply') => (
    <Field name={`sla.${key}`} label={t(`calendar.${key}`)}>
      <input
        type="number"
        name={key}
        min={1}
        value={sla[key]}
        onChange={(e) => setSla({ ...sla, [key]: Number(e.target.value) })}
      />
    </Field>
  );
  const save = async () => {
    if (await saveSettings({ orgName: orgName.trim() || null, sla })) inform(t('calendar.settingsSaved'));
  };
  return (
    <section className="card" data-testid="sla-card">
      <h2>{t('calendar.limits')}</h2>
      <p className="hint">{t('calendar.limitsHint')}</p>
      <Form
        error={settingsError}
        onSubmit={() => void save()}
        actions={
          <button type="submit" className="btn primary" disabled={busy} data-testid="save-settings">
            {t('common.save')}
          </button>
        }
      >
        <Field name="orgName" label={t('calendar.orgName')}>
          <TextInput name="orgName" value={orgName} onChange={setOrgName} />
        </Field>
        <Field name="sla.unit" label={t('calendar.unit')}>
          <Select
            name="unit"
            value={sla.unit}
            onChange={(v) => setSla({ ...sla, unit: v as Sla['unit'] })}
            options={SLA_UNITS.map((u) => ({ value: u, label: enumLabel('slaUnit', u) }))}
          />
        </Field>
        {days('ordinary')}
        {days('complex')}
        {days('firstReply')}
      </Form>
    </section>
  );
}

/** The words of each reference list's card. */
const LIST_WORDS = {
  towns: { title: 'calendar.towns', hint: 'calendar.townsHint', saved: 'calendar.townsSaved' },
  industries: {
    title: 'calendar.industries',
    hint: 'calendar.industriesHint',
    saved: 'calendar.industriesSaved',
  },
} as const;

function ListCard({ field }: { field: keyof typeof LIST_WORDS }) {
  const settings = useWorkCalendar((s) => s.settings);
  return settings ? <ListForm key={settings.updatedAt ?? ''} field={field} items={settings[field]} /> : null;
}

/**
 * A reference list of the bureau, one entry a line: the towns (镇街), or the industries it uses
 * beside GB/T 4754-2017. A value typed elsewhere that is not listed gets a warning.
 */
function ListForm({ field, items }: { field: keyof typeof LIST_WORDS; items: readonly string[] }) {
  const { t } = useTranslation();
  const words = LIST_WORDS[field];
  const { saveSettings, busy, settingsError } = useWorkCalendar();
  const [text, setText] = useState(items.join('\n'));
  const save = async () => {
    const list = text
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    if (await saveSettings({ [field]: list })) inform(t(words.saved));
  };
  return (
    <section className="card" data-testid={`${field}-card`}>
      <h2>{t(words.title)}</h2>
      <p className="hint">{t(words.hint)}</p>
      <Form
        error={settingsError}
        onSubmit={() => void save()}
        actions={
          <button type="submit" className="btn primary" disabled={busy}>
            {t('common.save')}
          </button>
        }
      >
        <Field name={field} label={t(words.title)} wide>
          <TextArea name={field} rows={8} value={text} onChange={setText} />
        </Field>
      </Form>
    </section>
  );
}

function YearCard() {
  const { t } = useTranslation();
  const { year, holidays, workdays, dirty, read, busy, yearError, loadYear, readNotice, saveYear } =
    useWorkCalendar();
  const role = useSession((s) => s.info?.me?.role);
  const [notice, setNotice] = useState('');
  const save = async () => {
    if (await saveYear()) inform(t('calendar.yearSaved', { year }));
  };
  return (
    <section className={`card ${styles.yearCard}`} data-testid="calendar-year">
      <h2 className={styles.yearHead}>
        <button
          type="button"
          className="icon-btn"
          aria-label={t('calendar.prevYear')}
          onClick={() => void loadYear(year - 1)}
        >
          ‹
        </button>
        <span data-testid="calendar-year-label">{t('calendar.year', { year })}</span>
        <button
          type="button"
          className="icon-btn"
          aria-label={t('calendar.nextYear')}
          onClick={() => void loadYear(year + 1)}
        >
          ›
        </button>
      </h2>
      <p className="hint">
        <span className={`${styles.day} ${styles.holiday}`}>{t('calendar.off')}</span>{' '}
        {t('calendar.holidays', { count: holidays.length })}{' '}
        <span className={`${styles.day} ${styles.workday}`}>{t('calendar.on')}</span>{' '}
        {t('calendar.workdays', { count: workdays.length })} · {t('calendar.toggleHint')}
      </p>
      <YearView year={year} holidays={holidays} workdays={workdays} />
      <label className="field wide">
        <span>{t('calendar.notice')}</span>
        <TextArea name="notice" value={notice} onChange={setNotice} rows={4} data-testid="notice-text" />
        <span className="hint">{t('calendar.noticeHint')}</span>
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={!notice.trim()}
          data-testid="read-notice"
          onClick={() => readNotice(notice)}
        >
          {t('calendar.readNotice')}
        </button>
        <button
          type="button"
          className="btn primary"
          disabled={busy || !dirty || role !== 'supervisor'}
          title={role === 'supervisor' ? undefined : t('calendar.supervisorsOnly')}
          data-testid="save-year"
          onClick={() => void save()}
        >
          {t('calendar.saveYear', { year })}
        </button>
      </div>
      {yearError && (
        <div className="notice notice-error" role="alert" data-testid="calendar-error">
          {(Object.values(fieldErrors(yearError)).length
            ? Object.values(fieldErrors(yearError))
            : [yearError.message]
          ).map((message) => (
            <div key={message}>{message}</div>
          ))}
        </div>
      )}
      {read && (
        <p className="notice notice-info" data-testid="notice-read">
          {t('calendar.read', { holidays: read.holidays, workdays: read.workdays })}
          {read.otherYears > 0 && ` ${t('calendar.otherYears', { count: read.otherYears })}`}
        </p>
      )}
    </section>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Twelve months, Monday first: holidays, worked weekend days and weekends marked; a click toggles a day. */
function YearView({ year, holidays, workdays }: { year: number; holidays: string[]; workdays: string[] }) {
  const { t } = useTranslation();
  const toggle = useWorkCalendar((s) => s.toggle);
  const off = new Set(holidays);
  const on = new Set(workdays);
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div className={styles.months}>
      {Array.from({ length: 12 }, (_, m) => {
        const first = new Date(Date.UTC(year, m, 1));
        const lead = (first.getUTCDay() + 6) % 7;
        const length = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
        return (
          <table key={m} className={styles.month}>
            <caption>{t('calendar.month', { month: m + 1 })}</caption>
            <thead>
              <tr>
                {weekdays.map((w) => (
                  <th key={w}>{w}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: Math.ceil((lead + length) / 7) }, (_, week) => (
                <tr key={week}>
                  {Array.from({ length: 7 }, (_, i) => {
                    const day = week * 7 + i - lead + 1;
                    if (day < 1 || day > length) return <td key={i} />;
                    const date = `${year}-${pad(m + 1)}-${pad(day)}`;
                    const kind = off.has(date)
                      ? styles.holiday
                      : on.has(date)
                        ? styles.workday
                        : isWeekend(date)
                          ? styles.weekend
                          : '';
                    return (
                      <td key={i}>
                        <button
                          type="button"
                          className={`${styles.day} ${kind}`}
                          data-date={date}
                          title={
                            off.has(date) ? t('calendar.off') : on.has(date) ? t('calendar.on') : undefined
                          }
                          onClick={() => toggle(date)}
                        >
                          {day}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
