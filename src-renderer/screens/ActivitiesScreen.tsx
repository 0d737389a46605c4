// 服务活动: the bureau's events (政策宣讲, 培训辅导, 产学研对接…) and who took part.
import { useTranslation } from 'react-i18next';
import { Badge } from '../components/Badge';
import type { GridColumn } from '../components/Grid';
import { EnumSelect, Field, TextArea, TextInput } from '../components/form';
import type { FieldsProps } from '../components/RecordFormDrawer';
import { RecordChips } from '../components/RecordChips';
import { RecordListScreen } from '../components/RecordListScreen';
import { fieldLabel } from '../fieldValues';
import type { RecordOf } from '../records';
import type { Route } from '../router';
import { useActivityForm, type ActivityValues } from '../stores/activityForms';
import { DateInput } from '../components/DateInput';

const COLUMNS: GridColumn<RecordOf<'activities'>>[] = [
  // Headers and enum words come from the activities model.
  { field: 'date', kind: 'date', width: 120 },
  { field: 'title', flex: 2 },
  { field: 'type', kind: 'enum', width: 130 },
  { field: 'place', width: 160 },
  {
    field: 'status',
    kind: 'enum',
    width: 100,
    render: (a) => <Badge enumName="activityStatus" value={a.status} />,
  },
  { field: 'enterpriseCount', kind: 'number', width: 100 },
  { field: 'attendees', kind: 'number', width: 100 },
  { field: 'createdAt', header: 'common.createdAt', kind: 'instant', hide: true },
];

export function ActivitiesScreen({ route }: { route: Route }) {
  return (
    <RecordListScreen
      route={route}
      kind="activities"
      words="activity"
      columns={COLUMNS}
      form={useActivityForm}
      Fields={ActivityFields}
      wide
    />
  );
}

const label = (field: string) => fieldLabel('activities', field);

export function ActivityFields({ values: v, set }: FieldsProps<ActivityValues>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <Field name="title" label={label('title')} required wide>
          <TextInput name="title" value={v.title} onChange={(x) => set({ title: x })} autoFocus />
        </Field>
        <Field name="type" label={label('type')} required>
          <EnumSelect enumName="activityType" name="type" value={v.type} onChange={(x) => set({ type: x })} />
        </Field>
        <Field name="date" label={label('date')} required>
          <DateInput name="date" value={v.date} onChange={(x) => set({ date: x })} />
        </Field>
        <Field name="status" label={label('status')}>
          <EnumSelect
            enumName="activityStatus"
            name="status"
            value={v.status}
            onChange={(x) => set({ status: x })}
          />
        </Field>
        <Field name="place" label={label('place')}>
          <TextInput name="place" value={v.place} onChange={(x) => set({ place: x })} />
        </Field>
        <Field name="attendees" label={label('attendees')}>
          <input
            type="number"
            min={0}
            name="attendees"
            value={v.attendees}
            onChange={(e) => set({ attendees: e.target.value })}
          />
        </Field>
        <Field name="enterpriseIds" label={label('enterpriseIds')} wide>
          <RecordChips
            kind="enterprises"
            name="enterpriseIds"
            ids={v.enterpriseIds}
            onChange={(ids) => set({ enterpriseIds: ids })}
            placeholder={t('activity.addEnterprise')}
          />
        </Field>
        <Field name="organizerStaffIds" label={label('organizerStaffIds')} wide>
          <RecordChips
            kind="staff"
            name="organizerStaffIds"
            ids={v.organizerStaffIds}
            onChange={(ids) => set({ organizerStaffIds: ids })}
            placeholder={t('activity.addOrganizer')}
          />
        </Field>
        <Field name="expertIds" label={label('expertIds')} wide>
          <RecordChips
            kind="experts"
            name="expertIds"
            ids={v.expertIds}
            onChange={(ids) => set({ expertIds: ids })}
            placeholder={t('activity.addExpert')}
          />
        </Field>
      </div>
      <Field name="summary" label={label('summary')}>
        <TextArea name="summary" value={v.summary} onChange={(x) => set({ summary: x })} rows={4} />
      </Field>
      <p className="hint">{t('activity.heldHint')}</p>
    </>
  );
}
