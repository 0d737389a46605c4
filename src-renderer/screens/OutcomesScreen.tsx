// 服务成效: what the service brought an enterprise (推荐申报高企, 技术合同, 政策资金…), in yuan
// where it is money, and the demand it answers.
import { useTranslation } from 'react-i18next';
import { Badge } from '../components/Badge';
import type { GridColumn } from '../components/Grid';
import { EnumSelect, Field, TextArea } from '../components/form';
import type { FieldsProps } from '../components/RecordFormDrawer';
import { RecordListScreen } from '../components/RecordListScreen';
import { RecordPicker, enterpriseDetail, enterpriseLabel } from '../components/RecordPicker';
import { fieldLabel } from '../fieldValues';
import { formatMoney } from '../format';
import type { RecordOf } from '../records';
import { routeHref, type Route } from '../router';
import { useOutcomeForm, type OutcomeValues } from '../stores/activityForms';
import { DateInput } from '../components/DateInput';

const COLUMNS: GridColumn<RecordOf<'outcomes'>>[] = [
  // Headers and enum words come from the outcomes model.
  { field: 'date', kind: 'date', width: 120 },
  { field: 'enterpriseName', flex: 2 },
  { field: 'type', kind: 'enum', width: 150 },
  {
    field: 'amount',
    kind: 'number',
    width: 140,
    format: (v) => (typeof v === 'number' ? formatMoney(v) : ''),
  },
  { field: 'count', kind: 'number', width: 80 },
  {
    field: 'status',
    kind: 'enum',
    width: 100,
    render: (o) => <Badge enumName="outcomeStatus" value={o.status} />,
  },
  { field: 'demandTitle', flex: 1 },
  { field: 'description', flex: 1, hide: true },
  { field: 'createdAt', header: 'common.createdAt', kind: 'instant', hide: true },
];

export function OutcomesScreen({ route }: { route: Route }) {
  return (
    <RecordListScreen
      route={route}
      kind="outcomes"
      words="outcome"
      columns={COLUMNS}
      form={useOutcomeForm}
      Fields={OutcomeFields}
      // An outcome recorded from a demand's page: of that demand and its enterprise, and back there after.
      initOf={({ id, params: { enterpriseId, demandId } }) =>
        id === 'new' && enterpriseId ? { enterpriseId, demandId: demandId ?? null } : undefined
      }
      closeHref={({ params }) =>
        params.demandId ? routeHref('demands', params.demandId) : routeHref('outcomes')
      }
    />
  );
}

const label = (field: string) => fieldLabel('outcomes', field);

export function OutcomeFields({ values: v, set }: FieldsProps<OutcomeValues>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <Field name="enterpriseId" label={label('enterpriseId')} required wide>
          <RecordPicker
            kind="enterprises"
            name="enterpriseId"
            value={v.enterpriseId}
            // Another enterprise: the demand chosen was the previous one's.
            onChange={(id) => set({ enterpriseId: id, demandId: id === v.enterpriseId ? v.demandId : null })}
            label={enterpriseLabel}
            detail={enterpriseDetail}
            autoFocus
          />
        </Field>
        <Field name="type" label={label('type')} required>
          <EnumSelect enumName="outcomeType" name="type" value={v.type} onChange={(x) => set({ type: x })} />
        </Field>
        <Field name="date" label={label('date')} required>
          <DateInput name="date" value={v.date} onChange={(x) => set({ date: x })} />
        </Field>
        <Field name="amount" label={label('amount')}>
          <input
            type="number"
            min={0}
            step="0.01"
            name="amount"
            value={v.amount}
            onChange={(e) => set({ amount: e.target.value })}
          />
        </Field>
        <Field name="count" label={label('count')}>
          <input
            type="number"
            min={1}
            name="count"
            value={v.count}
            onChange={(e) => set({ count: e.target.value })}
          />
        </Field>
        <Field name="status" label={label('status')}>
          <EnumSelect
            enumName="outcomeStatus"
            name="status"
            value={v.status}
            onChange={(x) => set({ status: x })}
          />
        </Field>
        <Field name="demandId" label={label('demandId')} wide>
          <RecordPicker
            kind="demands"
            name="demandId"
            value={v.demandId}
            onChange={(id) => set({ demandId: id })}
            filter={v.enterpriseId ? { enterpriseId: v.enterpriseId } : undefined}
            disabled={!v.enterpriseId}
            label={(d) => d.title ?? ''}
            placeholder={t('outcome.demandHint')}
          />
        </Field>
      </div>
      <Field name="description" label={label('description')}>
        <TextArea
          name="description"
          value={v.description}
          onChange={(x) => set({ description: x })}
          rows={3}
        />
      </Field>
    </>
  );
}
