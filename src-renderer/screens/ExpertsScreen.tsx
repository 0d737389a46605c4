// 专家库: university and institute experts who join clinics.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../components/Grid';
import { Field, TextInput } from '../components/form';
import { RecordDrawer } from '../components/RecordDrawer';
import { navigate, routeHref, type Route } from '../router';
import { inform } from '../stores/notices';
import { useExpertForm } from '../stores/simpleForms';

const COLUMNS: GridColumn<Expert>[] = [
  { field: 'name', header: 'expert.name', width: 120 },
  { field: 'organization', header: 'expert.organization', flex: 2 },
  { field: 'title', header: 'expert.title', width: 140 },
  { field: 'speciality', header: 'expert.speciality', flex: 2 },
  { field: 'phone', header: 'expert.phone', width: 150 },
];

export function ExpertsScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('nav.experts')}</h1>
      </div>
      <Grid<Expert>
        id="experts"
        kind="experts"
        columns={COLUMNS}
        onOpen={(e) => navigate(routeHref('experts', e.id))}
        emptyText={t('expert.empty')}
        toolbar={
          <a className="btn primary" href={routeHref('experts', 'new')}>
            + {t('expert.new')}
          </a>
        }
      />
      {route.id && (
        <ExpertForm
          id={route.id === 'new' ? null : route.id}
          onClose={() => navigate(routeHref('experts'), { replace: true })}
        />
      )}
    </div>
  );
}

function ExpertForm({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useExpertForm();
  useEffect(() => {
    void useExpertForm.getState().open(id);
  }, [id]);
  const save = async () => {
    if (await useExpertForm.getState().save()) {
      inform(t('common.saved'));
      onClose();
    }
  };
  const remove = async () => {
    if (await useExpertForm.getState().remove()) onClose();
  };
  const v = f.values;
  return (
    <RecordDrawer
      title={id ? t('expert.edit') : t('expert.new')}
      isNew={!id}
      audit={{ kind: 'experts', id }}
      error={f.error}
      busy={f.busy}
      loading={f.loading}
      onSave={() => void save()}
      onClose={onClose}
      onDelete={() => void remove()}
      testId="expert-form"
    >
      <Field name="name" label={t('expert.name')} required>
        <TextInput name="name" value={v.name} onChange={(x) => f.set({ name: x })} autoFocus />
      </Field>
      <Field name="organization" label={t('expert.organization')}>
        <TextInput name="organization" value={v.organization} onChange={(x) => f.set({ organization: x })} />
      </Field>
      <Field name="title" label={t('expert.title')}>
        <TextInput name="title" value={v.title} onChange={(x) => f.set({ title: x })} />
      </Field>
      <Field name="speciality" label={t('expert.speciality')}>
        <TextInput name="speciality" value={v.speciality} onChange={(x) => f.set({ speciality: x })} />
      </Field>
      <Field name="phone" label={t('expert.phone')}>
        <TextInput name="phone" value={v.phone} onChange={(x) => f.set({ phone: x })} inputMode="tel" />
      </Field>
    </RecordDrawer>
  );
}
