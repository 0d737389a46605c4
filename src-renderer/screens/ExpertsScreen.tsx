// 专家库: university and institute experts who join clinics.
import { useTranslation } from 'react-i18next';
import type { GridColumn } from '../components/Grid';
import { Field, TextInput } from '../components/form';
import type { FieldsProps } from '../components/RecordFormDrawer';
import { RecordListScreen } from '../components/RecordListScreen';
import type { RecordOf } from '../records';
import type { Route } from '../router';
import { useExpertForm, type ExpertValues } from '../stores/simpleForms';

const COLUMNS: GridColumn<RecordOf<'experts'>>[] = [
  { field: 'name', header: 'expert.name', width: 120 },
  { field: 'organization', header: 'expert.organization', flex: 2 },
  { field: 'title', header: 'expert.title', width: 140 },
  { field: 'speciality', header: 'expert.speciality', flex: 2 },
  { field: 'phone', header: 'expert.phone', width: 150 },
];

export function ExpertsScreen({ route }: { route: Route }) {
  return (
    <RecordListScreen
      route={route}
      kind="experts"
      words="expert"
      columns={COLUMNS}
      form={useExpertForm}
      Fields={ExpertFields}
    />
  );
}

function ExpertFields({ values: v, set }: FieldsProps<ExpertValues>) {
  const { t } = useTranslation();
  return (
    <>
      <Field name="name" label={t('expert.name')} required>
        <TextInput name="name" value={v.name} onChange={(x) => set({ name: x })} autoFocus />
      </Field>
      <Field name="organization" label={t('expert.organization')}>
        <TextInput name="organization" value={v.organization} onChange={(x) => set({ organization: x })} />
      </Field>
      <Field name="title" label={t('expert.title')}>
        <TextInput name="title" value={v.title} onChange={(x) => set({ title: x })} />
      </Field>
      <Field name="speciality" label={t('expert.speciality')}>
        <TextInput name="speciality" value={v.speciality} onChange={(x) => set({ speciality: x })} />
      </Field>
      <Field name="phone" label={t('expert.phone')}>
        <TextInput name="phone" value={v.phone} onChange={(x) => set({ phone: x })} inputMode="tel" />
      </Field>
    </>
  );
}
