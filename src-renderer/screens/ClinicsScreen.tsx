// 专家会诊: clinics where experts diagnose several enterprises at once.
import { useTranslation } from 'react-i18next';
import { Badge } from '../components/Badge';
import type { GridColumn } from '../components/Grid';
import { EnumSelect, Field, TextArea, TextInput } from '../components/form';
import type { FieldsProps } from '../components/RecordFormDrawer';
import { RecordListScreen } from '../components/RecordListScreen';
import { RecordPicker, enterpriseDetail, enterpriseLabel } from '../components/RecordPicker';
import { RecordChips } from '../components/RecordChips';
import { textLimit } from '../fieldValues';
import type { RecordOf } from '../records';
import { routeHref, type Route } from '../router';
import { diagnosedRow, useClinicForm, type ClinicValues, type DiagnosedRow } from '../stores/clinicForm';
import { DateInput } from '../components/DateInput';

const COLUMNS: GridColumn<RecordOf<'clinics'>>[] = [
  { field: 'date', header: 'clinic.date', kind: 'date', width: 120 },
  { field: 'topic', header: 'clinic.topic', flex: 2 },
  { field: 'field', header: 'clinic.field', width: 140 },
  { field: 'place', header: 'clinic.place', width: 160 },
  {
    field: 'status',
    header: 'clinic.status',
    kind: 'enum',
    enumName: 'clinicStatus',
    width: { 'zh-CN': 100, en: 116 },
    render: (c) => <Badge enumName="clinicStatus" value={c.status} />,
  },
  { field: 'expertCount', header: 'clinic.expertCount', kind: 'number', width: 100 },
  { field: 'enterpriseCount', header: 'clinic.enterpriseCount', kind: 'number', width: 110 },
  { field: 'cooperationIntentions', header: 'clinic.cooperationIntentions', kind: 'number', width: 110 },
  { field: 'signedProjects', header: 'clinic.signedProjects', kind: 'number', width: 100 },
];

export function ClinicsScreen({ route }: { route: Route }) {
  return (
    <RecordListScreen
      route={route}
      kind="clinics"
      words="clinic"
      columns={COLUMNS}
      form={useClinicForm}
      Fields={ClinicFields}
      wide
    />
  );
}

function ClinicFields({ values: v, set, id }: FieldsProps<ClinicValues>) {
  const { t } = useTranslation();
  const setRow = (i: number, p: Partial<DiagnosedRow>) =>
    set({ enterprises: v.enterprises.map((r, j) => (j === i ? { ...r, ...p } : r)) });
  return (
    <>
      <div className="form-grid">
        <Field name="topic" label={t('clinic.topic')} required wide>
          <TextInput
            name="topic"
            value={v.topic}
            onChange={(x) => set({ topic: x })}
            autoFocus
            limit={textLimit('clinics', 'topic')}
          />
        </Field>
        <Field name="date" label={t('clinic.date')} required>
          <DateInput name="date" value={v.date} onChange={(x) => set({ date: x })} />
        </Field>
        <Field
          name="status"
          label={t('clinic.status')}
          hint={
            v.status === 'planned' && (
              <span className="hint-warn" data-testid="clinic-status-hint">
                {t('clinic.plannedHint')}
              </span>
            )
          }
        >
          <EnumSelect
            enumName="clinicStatus"
            name="status"
            value={v.status}
            onChange={(x) => set({ status: x })}
          />
        </Field>
        <Field name="place" label={t('clinic.place')}>
          <TextInput name="place" value={v.place} onChange={(x) => set({ place: x })} />
        </Field>
        <Field name="field" label={t('clinic.field')}>
          <TextInput name="field" value={v.field} onChange={(x) => set({ field: x })} />
        </Field>
        <Field name="expertIds" label={t('clinic.experts')} wide>
          <RecordChips
            kind="experts"
            name="expertPicker"
            ids={v.expertIds}
            onChange={(ids) => set({ expertIds: ids })}
            placeholder={t('clinic.addExpert')}
            detail={(r) => [r.organization, r.title].filter(Boolean).join(' · ')}
          />
        </Field>
      </div>
      <Field name="enterprises" label={t('clinic.enterprises')} group>
        {v.enterprises.map((row, i) => (
          <div className="demand-card" key={row.key}>
            <div className="demand-card-head">
              <strong>{t('clinic.enterpriseN', { n: i + 1 })}</strong>
              <button
                type="button"
                className="link danger"
                onClick={() => set({ enterprises: v.enterprises.filter((_, j) => j !== i) })}
              >
                {t('common.remove')}
              </button>
            </div>
            <Field name={`enterprises.${i}.enterpriseId`} label={t('clinic.enterprise')} required>
              <RecordPicker
                kind="enterprises"
                name={`enterprises.${i}.enterpriseId`}
                value={row.enterpriseId}
                onChange={(eid) => setRow(i, { enterpriseId: eid })}
                label={enterpriseLabel}
                detail={enterpriseDetail}
              />
            </Field>
            <Field name={`enterprises.${i}.problems`} label={t('clinic.problems')}>
              <TextArea
                name={`enterprises.${i}.problems`}
                value={row.problems}
                onChange={(x) => setRow(i, { problems: x })}
                rows={2}
              />
            </Field>
            <Field name={`enterprises.${i}.advice`} label={t('clinic.advice')}>
              <TextArea
                name={`enterprises.${i}.advice`}
                value={row.advice}
                onChange={(x) => setRow(i, { advice: x })}
                rows={2}
              />
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="btn small"
          onClick={() => set({ enterprises: [...v.enterprises, diagnosedRow()] })}
        >
          + {t('clinic.addEnterprise')}
        </button>
      </Field>
      <div className="form-grid">
        <Field name="cooperationIntentions" label={t('clinic.cooperationIntentions')}>
          <input
            type="number"
            min={0}
            name="cooperationIntentions"
            value={v.cooperationIntentions}
            onChange={(e) => set({ cooperationIntentions: e.target.value })}
          />
        </Field>
        <Field name="signedProjects" label={t('clinic.signedProjects')}>
          <input
            type="number"
            min={0}
            name="signedProjects"
            value={v.signedProjects}
            onChange={(e) => set({ signedProjects: e.target.value })}
          />
        </Field>
      </div>
      {id && (
        <p className="hint">
          {t('clinic.demandsHint')} <a href={routeHref('demands', 'new')}>{t('demand.new')}</a>
        </p>
      )}
    </>
  );
}
