// The fields of one demand, shared by the visit form (demands raised in the visit) and the
// demand form. `prefix` places API errors: "demands.0" in a visit, "" on its own.
import { useTranslation } from 'react-i18next';
import { textLimit } from '../fieldValues';
import { Check, EnumChecks, EnumSelect, Field, StaffSelect, TextArea, TextInput } from './form';

export interface DemandFieldValues {
  title: string;
  categories: string[];
  description: string;
  complex: boolean;
  level: string;
  assigneeStaffId: string;
  responsibleUnit: string;
}

interface Props {
  prefix: string;
  values: DemandFieldValues;
  onChange: (patch: Partial<DemandFieldValues>) => void;
}

export function DemandFieldset({ prefix, values, onChange }: Props) {
  const { t } = useTranslation();
  const n = (field: string) => (prefix ? `${prefix}.${field}` : field);
  return (
    <div className="form-grid">
      <Field name={n('title')} label={t('demand.title')} required wide>
        <TextInput
          name={n('title')}
          value={values.title}
          onChange={(v) => onChange({ title: v })}
          limit={textLimit('demands', 'title')}
        />
      </Field>
      <Field
        name={n('categories')}
        label={t('demand.categories')}
        required
        group
        wide
        hint={t('demand.categoriesHint')}
      >
        <EnumChecks
          enumName="demandCategory"
          name={n('categories')}
          value={values.categories}
          onChange={(v) => onChange({ categories: v })}
        />
      </Field>
      <Field name={n('description')} label={t('demand.description')} wide>
        <TextArea
          name={n('description')}
          value={values.description}
          onChange={(v) => onChange({ description: v })}
          limit={textLimit('demands', 'description')}
          rows={2}
        />
      </Field>
      <Field name={n('assigneeStaffId')} label={t('demand.assignee')}>
        <StaffSelect
          name={n('assigneeStaffId')}
          value={values.assigneeStaffId}
          onChange={(v) => onChange({ assigneeStaffId: v })}
          empty={t('demand.noAssignee')}
        />
      </Field>
      <Field name={n('level')} label={t('demand.level')}>
        <EnumSelect
          enumName="demandLevel"
          name={n('level')}
          value={values.level}
          onChange={(v) => onChange({ level: v })}
        />
      </Field>
      <Field name={n('responsibleUnit')} label={t('demand.responsibleUnit')}>
        <TextInput
          name={n('responsibleUnit')}
          value={values.responsibleUnit}
          onChange={(v) => onChange({ responsibleUnit: v })}
          limit={textLimit('demands', 'responsibleUnit')}
        />
      </Field>
      <Field name={n('complex')} label={t('demand.deadline')} group>
        <Check
          name={n('complex')}
          label={t('demand.complexLabel')}
          checked={values.complex}
          onChange={(v) => onChange({ complex: v })}
        />
      </Field>
    </div>
  );
}
