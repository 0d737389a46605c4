// 跟踪回访: follow-ups of demands, visits and clinics, with the enterprise's satisfaction.
import { useTranslation } from 'react-i18next';
import { followupLate } from '@shared/domain/workflow';
import { Badge } from '../components/Badge';
import type { GridColumn } from '../components/Grid';
import { EnumRadios, EnumSelect, Field, StaffSelect, TextArea } from '../components/form';
import type { FieldsProps } from '../components/RecordFormDrawer';
import { RecordListScreen } from '../components/RecordListScreen';
import { RecordPicker } from '../components/RecordPicker';
import { enumLabel } from '../format';
import { textLimit } from '../fieldValues';
import type { RecordOf } from '../records';
import { routeHref, type Route } from '../router';
import { useFollowupForm, type FollowupValues } from '../stores/followupForm';
import { useSession } from '../stores/session';
import { DateInput } from '../components/DateInput';

const COLUMNS: GridColumn<RecordOf<'followups'>>[] = [
  { field: 'dueDate', header: 'followup.dueDate', kind: 'date', width: 135 },
  { field: 'doneAt', header: 'followup.doneAt', kind: 'instant', width: 140 },
  {
    field: 'parentType',
    header: 'followup.parentType',
    kind: 'enum',
    enumName: 'followupParent',
    width: 100,
  },
  { field: 'parentTitle', header: 'followup.parent', flex: 2, filterable: false, sortable: false },
  { field: 'enterpriseName', header: 'followup.enterprise', flex: 2, filterable: false, sortable: false },
  { field: 'ownerName', header: 'followup.owner', width: 100 },
  { field: 'channel', header: 'followup.channel', kind: 'enum', enumName: 'followupChannel', width: 110 },
  {
    field: 'satisfaction',
    header: 'followup.satisfaction',
    kind: 'enum',
    enumName: 'satisfaction',
    width: { 'zh-CN': 110, en: 144 },
    render: (f) => <Badge enumName="satisfaction" value={f.satisfaction} />,
  },
  { field: 'content', header: 'followup.content', flex: 2 },
  { field: 'nextFollowupDate', header: 'followup.nextDate', kind: 'date', width: 120, hide: true },
];

export function FollowupsScreen({ route }: { route: Route }) {
  return (
    <RecordListScreen
      route={route}
      kind="followups"
      words="followup"
      columns={COLUMNS}
      form={useFollowupForm}
      Fields={FollowupFields}
      wide
      rowClass={(f) => (followupLate(f, useSession.getState().info?.today ?? '') ? 'row-overdue' : undefined)}
      // A follow-up started from a demand's page: of that demand, and back there after.
      initOf={({ id, params: { parentType, parentId } }) =>
        id === 'new' && parentType && parentId ? { parentType, parentId } : undefined
      }
      closeHref={({ params }) =>
        params.parentType === 'demand' && params.parentId
          ? routeHref('demands', params.parentId)
          : routeHref('followups')
      }
    />
  );
}

/** The demand, visit or clinic a follow-up is of, picked among records of its type. */
function ParentPicker({
  type,
  value,
  onChange,
}: {
  type: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const common = { name: 'parentId', value, onChange };
  if (type === 'visit')
    return (
      <RecordPicker
        key="visits"
        kind="visits"
        {...common}
        label={(r) => `${r.visitNo ?? ''} ${r.enterpriseName ?? ''} ${r.date ?? ''}`.trim()}
        detail={(r) => enumLabel('visitMode', r.mode)}
      />
    );
  if (type === 'clinic')
    return (
      <RecordPicker
        key="clinics"
        kind="clinics"
        {...common}
        label={(r) => `${r.topic ?? ''} ${r.date ?? ''}`.trim()}
        detail={(r) => enumLabel('clinicStatus', r.status)}
      />
    );
  return (
    <RecordPicker
      key="demands"
      kind="demands"
      {...common}
      label={(r) => r.title ?? ''}
      detail={(r) => [r.enterpriseName, enumLabel('demandStatus', r.status)].filter(Boolean).join(' · ')}
    />
  );
}

function FollowupFields({ values: v, set }: FieldsProps<FollowupValues>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <Field name="parentType" label={t('followup.parentType')}>
          <EnumSelect
            enumName="followupParent"
            name="parentType"
            value={v.parentType}
            onChange={(x) => set({ parentType: x, parentId: null })}
          />
        </Field>
        <Field name="parentId" label={t('followup.parent')} required>
          <ParentPicker type={v.parentType} value={v.parentId} onChange={(pid) => set({ parentId: pid })} />
        </Field>
        <Field name="ownerStaffId" label={t('followup.owner')}>
          <StaffSelect
            name="ownerStaffId"
            value={v.ownerStaffId}
            onChange={(x) => set({ ownerStaffId: x })}
            empty=""
          />
        </Field>
        <Field name="dueDate" label={t('followup.dueDate')}>
          <DateInput name="dueDate" value={v.dueDate} onChange={(x) => set({ dueDate: x })} />
        </Field>
        <Field name="doneAt" label={t('followup.doneAt')} hint={t('followup.doneAtHint')}>
          <DateInput name="doneAt" value={v.doneAt} onChange={(x) => set({ doneAt: x })} />
        </Field>
        <Field name="channel" label={t('followup.channel')} group>
          <EnumRadios
            enumName="followupChannel"
            name="channel"
            value={v.channel}
            onChange={(x) => set({ channel: x })}
          />
        </Field>
        <Field name="content" label={t('followup.content')} wide>
          <TextArea
            name="content"
            value={v.content}
            onChange={(x) => set({ content: x })}
            rows={3}
            limit={textLimit('followups', 'content')}
          />
        </Field>
        <Field name="result" label={t('followup.result')} wide>
          <TextArea
            name="result"
            value={v.result}
            onChange={(x) => set({ result: x })}
            rows={2}
            limit={textLimit('followups', 'result')}
          />
        </Field>
        <Field
          name="satisfaction"
          label={t('followup.satisfaction')}
          group
          wide
          hint={v.parentType === 'demand' ? t('followup.dissatisfiedHint') : undefined}
        >
          <EnumRadios
            enumName="satisfaction"
            name="satisfaction"
            value={v.satisfaction}
            onChange={(x) => set({ satisfaction: x })}
          />
        </Field>
        <Field name="nextFollowupDate" label={t('followup.nextDate')}>
          <DateInput
            name="nextFollowupDate"
            value={v.nextFollowupDate}
            onChange={(x) => set({ nextFollowupDate: x })}
          />
        </Field>
      </div>
    </>
  );
}
