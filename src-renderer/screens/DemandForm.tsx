// Entering a demand that did not come from a visit, or editing one (status moves are elsewhere).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { DraftNotice } from '../components/DraftNotice';
import { closeKeepingDraft } from '../components/RecordDrawer';
import { DemandFieldset } from '../components/DemandFieldset';
import { EnumSelect, Field, Form } from '../components/form';
import { RecordPicker, enterpriseDetail, enterpriseLabel } from '../components/RecordPicker';
import { useDemandForm } from '../stores/demandForm';
import { inform } from '../stores/notices';
import { DateInput } from '../components/DateInput';

const STANDALONE_SOURCES = ['hotline', 'self_reported', 'other'] as const;

export function DemandForm({
  id,
  enterpriseId,
  onClose,
  onSaved,
}: {
  id: string | null;
  enterpriseId?: string | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const form = useDemandForm();
  const { values: v, set, error, busy } = form;
  useEffect(() => {
    void useDemandForm.getState().open(id, !id && enterpriseId ? { enterpriseId } : undefined);
  }, [id, enterpriseId]);
  const isNew = !id;
  const title = isNew ? t('demand.new') : t('demand.editTitle');
  const close = () => closeKeepingDraft(form, onClose, t('form.draftKept'));
  const save = async () => {
    const saved = await useDemandForm.getState().save();
    if (saved) {
      inform(t('common.saved'));
      onSaved(saved.id);
    }
  };
  return (
    <Dialog title={title} onClose={close} variant="drawer" wide testId="demand-form">
      {form.restored && <DraftNotice onDiscard={form.discardDraft} />}
      <Form
        error={error}
        onSubmit={() => void save()}
        onCancel={close}
        label={title}
        actions={
          <>
            <button type="submit" className="btn primary" disabled={busy}>
              {t('common.save')} <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" className="btn" onClick={close}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <div className="form-grid">
          <Field name="enterpriseId" label={t('demand.enterprise')} required wide>
            <RecordPicker
              kind="enterprises"
              name="enterpriseId"
              value={v.enterpriseId}
              onChange={(eid) => set({ enterpriseId: eid })}
              label={enterpriseLabel}
              detail={enterpriseDetail}
              autoFocus
            />
          </Field>
          {isNew && (
            <>
              <Field name="source" label={t('demand.source')}>
                <EnumSelect
                  enumName="demandSource"
                  values={STANDALONE_SOURCES}
                  name="source"
                  value={v.source}
                  onChange={(x) => set({ source: x })}
                />
              </Field>
              <Field name="receivedAt" label={t('demand.receivedAt')}>
                <DateInput name="receivedAt" value={v.receivedAt} onChange={(x) => set({ receivedAt: x })} />
              </Field>
            </>
          )}
          <Field
            name="dueDate"
            label={t('demand.dueDate')}
            hint={t(isNew ? 'demand.dueDateHint' : 'demand.dueDateFixed')}
          >
            <DateInput
              name="dueDate"
              value={v.dueDate}
              disabled={!isNew}
              onChange={(x) => set({ dueDate: x })}
            />
          </Field>
        </div>
        <DemandFieldset prefix="" values={v} onChange={set} />
      </Form>
    </Dialog>
  );
}
