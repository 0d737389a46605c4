// Logging a visit, built for speed: enterprise by typing, today and me by default, demands
// raised in the same form, all from the keyboard (Enter picks, Alt+D adds a demand,
// Ctrl+Enter / Ctrl+S saves, Esc closes). A new visit's entry survives a closed window.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '@shared/contract/schemas';
import { AuditPanel } from '../components/AuditPanel';
import { Dialog } from '../components/Dialog';
import { DemandFieldset } from '../components/DemandFieldset';
import {
  Check,
  EnumRadios,
  EnumSelect,
  Field,
  Form,
  StaffSelect,
  TextArea,
  TextInput,
} from '../components/form';
import { DemandStatusBadge } from '../components/Badge';
import { RecordChips } from '../components/RecordChips';
import { RecordPicker, enterpriseDetail, enterpriseLabel } from '../components/RecordPicker';
import { formatDay } from '../format';
import { textLimit } from '../fieldValues';
import { isImplausibleDate } from '@shared/domain/plausibleDates';
import { navigate, routeHref } from '../router';
import { useSession } from '../stores/session';
import { inform } from '../stores/notices';
import {
  clearDraft,
  isDirty,
  loadDraft,
  newDemandDraft,
  saveDraft,
  useVisitForm,
  type DemandDraft,
} from '../stores/visitForm';
import styles from './VisitForm.module.css';
import { DateInput } from '../components/DateInput';

interface Props {
  /** A visit id, or null for a new visit. */
  id: string | null;
  /** Preselected enterprise (from an enterprise's page). */
  enterpriseId?: string | null;
  onClose: () => void;
}

export function VisitForm({ id, enterpriseId, onClose }: Props) {
  const { t } = useTranslation();
  const form = useVisitForm();
  const { values, error, busy, loading } = form;
  const [restored, setRestored] = useState(false);
  const [picked, setPicked] = useState<Enterprise | null>(null);
  const focusDemand = useRef<number | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const store = useVisitForm.getState();
    if (id) {
      void store.open(id).then(() => setRestored(false));
      return;
    }
    const draft = loadDraft();
    if (draft && isDirty(draft) && !enterpriseId) {
      void store.open(null, draft).then(() => setRestored(true));
    } else {
      void store.open(null, enterpriseId ? { enterpriseId } : undefined).then(() => setRestored(false));
    }
  }, [id, enterpriseId]);

  // Every change to a new visit is kept, so a closed window loses nothing.
  useEffect(() => {
    if (form.id === null && !loading && isDirty(values)) saveDraft(values);
  }, [values, form.id, loading]);

  useEffect(() => {
    if (focusDemand.current === null) return;
    const el = root.current?.querySelector<HTMLInputElement>(`[name="demands.${focusDemand.current}.title"]`);
    focusDemand.current = null;
    el?.focus();
  });

  const set = form.set;
  const setDemand = (i: number, patch: Partial<DemandDraft>) =>
    set({ demands: values.demands.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const addDemand = () => {
    focusDemand.current = values.demands.length;
    set({ demands: [...values.demands, newDemandDraft()] });
  };
  const removeDemand = (i: number) => set({ demands: values.demands.filter((_, j) => j !== i) });

  const save = async (status?: string) => {
    if (status) set({ status });
    const saved = await useVisitForm.getState().save();
    if (saved) {
      if (!id) clearDraft();
      inform(t('visit.saved', { no: saved.visitNo ?? '' }));
      onClose();
    }
  };

  const close = () => {
    if (!id && isDirty(useVisitForm.getState().values)) inform(t('visit.draftKept'));
    onClose();
  };

  const discardDraft = () => {
    clearDraft();
    setRestored(false);
    setPicked(null);
    void useVisitForm.getState().open(null);
  };

  const isNew = !id;
  const title = isNew ? t('visit.new') : t('visit.edit', { no: form.record?.visitNo ?? '' });

  return (
    <Dialog title={title} onClose={close} variant="drawer" wide testId="visit-form">
      <div
        ref={root}
        onKeyDown={(e) => {
          if (e.altKey && (e.key === 'd' || e.key === 'D' || e.code === 'KeyD')) {
            e.preventDefault();
            addDemand();
          }
        }}
      >
        {loading && <p className="muted">{t('common.loading')}</p>}
        {restored && (
          <div className="notice notice-info" role="status">
            {t('visit.draftRestored')}{' '}
            <button type="button" className="link" onClick={discardDraft}>
              {t('visit.discardDraft')}
            </button>
          </div>
        )}
        <Form
          error={error}
          onSubmit={() => void save()}
          onCancel={close}
          label={title}
          actions={
            <>
              <button type="submit" className="btn primary" disabled={busy} data-testid="visit-save">
                {t('common.save')} <kbd>Ctrl+Enter</kbd>
              </button>
              {isNew && (
                <button type="button" className="btn" disabled={busy} onClick={() => void save('draft')}>
                  {t('visit.saveDraft')}
                </button>
              )}
              <button type="button" className="btn" onClick={close}>
                {t('common.cancel')} <kbd>Esc</kbd>
              </button>
            </>
          }
        >
          <section className={styles.formSection}>
            <div className="form-grid">
              <Field name="enterpriseId" label={t('visit.enterprise')} required wide>
                <RecordPicker
                  kind="enterprises"
                  name="enterpriseId"
                  value={values.enterpriseId}
                  onChange={(eid, row) => {
                    set({ enterpriseId: eid });
                    setPicked(row);
                  }}
                  label={enterpriseLabel}
                  detail={enterpriseDetail}
                  placeholder={t('visit.enterprisePlaceholder')}
                  autoFocus={isNew}
                  data-autofocus={isNew ? true : undefined}
                />
              </Field>
              {picked && (
                <div className={`${styles.pickedInfo} wide`}>
                  {[
                    picked.town,
                    picked.liaisonName && t('visit.liaisonIs', { name: picked.liaisonName }),
                    t('visit.lastVisit', { date: picked.lastVisitDate ?? t('common.none') }),
                    t('visit.openDemands', { count: picked.openDemands ?? 0 }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              )}
              <Field
                name="date"
                label={t('visit.date')}
                required
                hint={
                  isImplausibleDate(values.date, useSession.getState().info?.today ?? values.date) && (
                    <span className="hint-warn" data-testid="visit-date-warning">
                      {t('visit.dateImplausible', { date: values.date })}
                    </span>
                  )
                }
              >
                <DateInput name="date" value={values.date} onChange={(v) => set({ date: v })} />
              </Field>
              <Field name="mode" label={t('visit.mode')} required group>
                <EnumRadios
                  enumName="visitMode"
                  name="mode"
                  value={values.mode}
                  onChange={(v) => set({ mode: v })}
                />
              </Field>
              <Field name="leadStaffId" label={t('visit.lead')} required>
                <StaffSelect
                  name="leadStaffId"
                  value={values.leadStaffId}
                  onChange={(v) => set({ leadStaffId: v })}
                  empty=""
                />
              </Field>
              <Field name="staffIds" label={t('visit.participants')} hint={t('visit.participantsHint')}>
                <RecordChips
                  kind="staff"
                  name="staffIds"
                  ids={values.staffIds}
                  onChange={(ids) => set({ staffIds: ids })}
                  filter={{ active: true }}
                  exclude={values.leadStaffId ? [values.leadStaffId] : []}
                  placeholder={t('people.placeholder')}
                />
              </Field>
              <Field name="peopleMet" label={t('visit.peopleMet')} wide>
                <TextInput
                  name="peopleMet"
                  value={values.peopleMet}
                  onChange={(v) => set({ peopleMet: v })}
                  limit={textLimit('visits', 'peopleMet')}
                  placeholder={t('visit.peopleMetPlaceholder')}
                />
              </Field>
              <Field name="summary" label={t('visit.summary')} wide>
                <TextArea
                  name="summary"
                  value={values.summary}
                  onChange={(v) => set({ summary: v })}
                  limit={textLimit('visits', 'summary')}
                  rows={4}
                  placeholder={t('visit.summaryPlaceholder')}
                />
              </Field>
              <Field name="policiesExplained" label={t('visit.policies')} wide>
                <TextArea
                  name="policiesExplained"
                  value={values.policiesExplained}
                  onChange={(v) => set({ policiesExplained: v })}
                  limit={textLimit('visits', 'policiesExplained')}
                  rows={2}
                />
              </Field>
              <Field name="solvedOnSite" label={t('visit.outcome')} group wide>
                <div className="choices">
                  <Check
                    name="solvedOnSite"
                    label={t('visit.solvedOnSite')}
                    checked={values.solvedOnSite}
                    onChange={(v) => set({ solvedOnSite: v })}
                  />
                  <Check
                    name="enterpriseConfirmed"
                    label={t('visit.enterpriseConfirmed')}
                    checked={values.enterpriseConfirmed}
                    onChange={(v) => set({ enterpriseConfirmed: v })}
                  />
                </div>
              </Field>
              {!isNew && (
                <Field name="status" label={t('visit.status')}>
                  <EnumSelect
                    enumName="visitStatus"
                    name="status"
                    value={values.status}
                    onChange={(v) => set({ status: v })}
                  />
                </Field>
              )}
            </div>
          </section>

          <section className={styles.formSection}>
            <h3>
              {t('visit.demands')}{' '}
              <span className="muted">({values.raised.length + values.demands.length})</span>
            </h3>
            {values.raised.length > 0 && (
              <ul className="plain-list">
                {values.raised.map((d) => (
                  <li key={d.id}>
                    <a href={routeHref('demands', d.id)}>{d.title}</a> <DemandStatusBadge demand={d} />
                  </li>
                ))}
              </ul>
            )}
            {values.demands.map((d, i) => (
              <div className="demand-card" key={d.key} data-testid={`demand-draft-${i}`}>
                <div className="demand-card-head">
                  <strong>{t('visit.demandN', { n: values.raised.length + i + 1 })}</strong>
                  <button type="button" className="link danger" onClick={() => removeDemand(i)}>
                    {t('common.remove')}
                  </button>
                </div>
                <DemandFieldset prefix={`demands.${i}`} values={d} onChange={(p) => setDemand(i, p)} />
              </div>
            ))}
            <button type="button" className="btn" onClick={addDemand} data-testid="add-demand">
              + {t('visit.addDemand')} <kbd>Alt+D</kbd>
            </button>
            {values.demands.length === 0 && values.raised.length === 0 && (
              <p className="hint">{t('visit.noDemandsHint')}</p>
            )}
          </section>
        </Form>
        {!isNew && form.record && (
          <p className="muted small">
            {t('visit.recorded', {
              no: form.record.visitNo ?? '',
              date: formatDay(form.record.createdAt),
            })}{' '}
            <button
              type="button"
              className="link danger"
              onClick={async () => {
                if (!window.confirm(t('visit.confirmDelete'))) return;
                if (await useVisitForm.getState().remove()) navigate(routeHref('visits'));
              }}
            >
              {t('common.delete')}
            </button>
          </p>
        )}
        {!isNew && form.record && <AuditPanel kind="visits" id={form.record.id} />}
      </div>
    </Dialog>
  );
}
