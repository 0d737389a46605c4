// 人员: the bureau's staff.
import { useTranslation } from 'react-i18next';
import type { GridColumn } from '../components/Grid';
import { Check, EnumRadios, EnumSelect, Field, TextInput } from '../components/form';
import type { FieldsProps } from '../components/RecordFormDrawer';
import { RecordListScreen } from '../components/RecordListScreen';
import type { RecordOf } from '../records';
import type { Route } from '../router';
import { fieldLabel } from '../fieldValues';
import { useStaffForm, type StaffValues } from '../stores/simpleForms';

const COLUMNS: GridColumn<RecordOf<'staff'>>[] = [
  // Headers and enum words come from the staff model.
  { field: 'name', flex: 1 },
  { field: 'role', kind: 'enum', width: 120 },
  { field: 'position', kind: 'enum', width: 120 },
  { field: 'phone', width: 160 },
  { field: 'active', kind: 'bool', width: 100 },
  { field: 'createdAt', header: 'common.createdAt', kind: 'instant', hide: true },
];

export function StaffScreen({ route }: { route: Route }) {
  return (
    <RecordListScreen
      route={route}
      kind="staff"
      words="staff"
      columns={COLUMNS}
      form={useStaffForm}
      Fields={StaffFields}
    />
  );
}

function StaffFields({ values: v, set }: FieldsProps<StaffValues>) {
  const { t } = useTranslation();
  return (
    <>
      <Field name="name" label={t('staff.name')} required>
        <TextInput name="name" value={v.name} onChange={(x) => set({ name: x })} autoFocus />
      </Field>
      <Field name="role" label={t('staff.role')} group>
        <EnumRadios enumName="role" name="role" value={v.role} onChange={(x) => set({ role: x })} />
      </Field>
      <Field name="position" label={fieldLabel('staff', 'position')}>
        <EnumSelect
          enumName="position"
          name="position"
          value={v.position}
          onChange={(x) => set({ position: x })}
        />
      </Field>
      <Field name="phone" label={t('staff.phone')}>
        <TextInput name="phone" value={v.phone} onChange={(x) => set({ phone: x })} inputMode="tel" />
      </Field>
      <Field name="active" label={t('staff.active')} group>
        <Check
          name="active"
          label={t('staff.activeLabel')}
          checked={v.active}
          onChange={(x) => set({ active: x })}
        />
      </Field>
    </>
  );
}
