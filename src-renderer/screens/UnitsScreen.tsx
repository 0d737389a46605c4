// 承办单位: the departments, towns and sections demands are handed to (交办).
import { useTranslation } from 'react-i18next';
import type { GridColumn } from '../components/Grid';
import { Check, EnumSelect, Field, TextInput } from '../components/form';
import type { FieldsProps } from '../components/RecordFormDrawer';
import { RecordListScreen } from '../components/RecordListScreen';
import type { RecordOf } from '../records';
import type { Route } from '../router';
import { fieldLabel } from '../fieldValues';
import { useUnitForm, type UnitValues } from '../stores/simpleForms';

const COLUMNS: GridColumn<RecordOf<'units'>>[] = [
  // Headers and enum words come from the units model.
  { field: 'name', flex: 2 },
  { field: 'kind', kind: 'enum', width: 140 },
  // A name and a title: 薛锋诗（经发办主任）.
  { field: 'contact', width: 180 },
  { field: 'phone', width: 160 },
  { field: 'active', kind: 'bool', width: 100 },
  { field: 'createdAt', header: 'common.createdAt', kind: 'instant', hide: true },
];

export function UnitsScreen({ route }: { route: Route }) {
  return (
    <RecordListScreen
      route={route}
      kind="units"
      words="unit"
      columns={COLUMNS}
      form={useUnitForm}
      Fields={UnitFields}
    />
  );
}

function UnitFields({ values: v, set }: FieldsProps<UnitValues>) {
  const { t } = useTranslation();
  return (
    <>
      <Field name="name" label={fieldLabel('units', 'name')} required>
        <TextInput name="name" value={v.name} onChange={(x) => set({ name: x })} autoFocus />
      </Field>
      <Field name="kind" label={fieldLabel('units', 'kind')}>
        <EnumSelect enumName="unitKind" name="kind" value={v.kind} onChange={(x) => set({ kind: x })} />
      </Field>
      <Field name="contact" label={fieldLabel('units', 'contact')}>
        <TextInput name="contact" value={v.contact} onChange={(x) => set({ contact: x })} />
      </Field>
      <Field name="phone" label={fieldLabel('units', 'phone')}>
        <TextInput name="phone" value={v.phone} onChange={(x) => set({ phone: x })} inputMode="tel" />
      </Field>
      <Field name="active" label={fieldLabel('units', 'active')} group>
        <Check
          name="active"
          label={t('unit.activeLabel')}
          checked={v.active}
          onChange={(x) => set({ active: x })}
        />
      </Field>
    </>
  );
}
