// 跟踪回访: follow-ups of demands, visits and clinics, with the enterprise's satisfaction.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '@shared/contract/contract';
import type { Followup } from '@shared/contract/schemas';
import { Badge } from '../components/Badge';
import { Grid, type GridColumn } from '../components/Grid';
import { EnumRadios, EnumSelect, Field, StaffSelect, TextArea } from '../components/form';
import { RecordDrawer } from '../components/RecordDrawer';
import { RecordPicker, type PickableKind } from '../components/RecordPicker';
import { enumLabel } from '../format';
import { navigate, routeHref, type Route } from '../router';
import { useFollowupForm } from '../stores/followupForm';
import { inform } from '../stores/notices';
import { useSession } from '../stores/session';

const COLUMNS: GridColumn<Followup>[] = [
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
    width: 110,
    render: (f) => <Badge enumName="satisfaction" value={f.satisfaction} />,
  },
  { field: 'content', header: 'followup.content', flex: 2 },
  { field: 'nextFollowupDate', header: 'followup.nextDate', kind: 'date', width: 120, hide: true },
];

type Scope = 'all' | 'todo' | 'mine';

export function FollowupsScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.info?.me?.id ?? null);
  const [scope, setScope] = useState<Scope>('all');
  const baseFilter = useMemo((): ListQuery['filter'] => {
    if (scope === 'todo') return { doneAt: null };
    if (scope === 'mine') return me ? { ownerStaffId: me } : undefined;
    return undefined;
  }, [scope, me]);
  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('nav.followups')}</h1>
      </div>
      <Grid<Followup>
        id="followups"
        kind="followups"
        columns={COLUMNS}
        baseFilter={baseFilter}
        onOpen={(f) => navigate(routeHref('followups', f.id))}
        rowClass={(f) =>
          !f.doneAt && f.dueDate && f.dueDate < (useSession.getState().info?.today ?? '')
            ? 'row-overdue'
            : undefined
        }
        emptyText={t('followup.empty')}
        toolbar={
          <>
            <a className="btn primary" href={routeHref('followups', 'new')}>
              + {t('followup.new')}
            </a>
            <div className="segmented" role="group">
              {(['all', 'todo', 'mine'] as const).map((s) => (
                <button
                  key={s}
                  type="button"
                  className={scope === s ? 'on' : undefined}
                  aria-pressed={scope === s}
                  onClick={() => setScope(s)}
                >
                  {t(`followup.scope_${s}`)}
                </button>
              ))}
            </div>
          </>
        }
      />
      {route.id && (
        <FollowupForm
          id={route.id === 'new' ? null : route.id}
          parentType={route.params.parentType ?? null}
          parentId={route.params.parentId ?? null}
          onClose={() => {
            if (route.params.parentType === 'demand' && route.params.parentId)
              navigate(routeHref('demands', route.params.parentId), { replace: true });
            else navigate(routeHref('followups'), { replace: true });
          }}
        />
      )}
    </div>
  );
}

const PARENT_KIND: Record<string, PickableKind> = { demand: 'demands', visit: 'visits', clinic: 'clinics' };

function parentLabel(type: string) {
  return (r: Record<string, unknown>) => {
    if (type === 'demand') return `${String(r.title ?? '')}`;
    if (type === 'visit')
      return `${String(r.visitNo ?? '')} ${String(r.enterpriseName ?? '')} ${String(r.date ?? '')}`.trim();
    return `${String(r.topic ?? '')} ${String(r.date ?? '')}`.trim();
  };
}

function parentDetail(type: string) {
  return (r: Record<string, unknown>) => {
    if (type === 'demand')
      return [r.enterpriseName, enumLabel('demandStatus', r.status as string)].filter(Boolean).join(' · ');
    if (type === 'visit') return enumLabel('visitMode', r.mode as string);
    return enumLabel('clinicStatus', r.status as string);
  };
}

function FollowupForm({
  id,
  parentType,
  parentId,
  onClose,
}: {
  id: string | null;
  parentType: string | null;
  parentId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFollowupForm();
  const v = f.values;
  useEffect(() => {
    void useFollowupForm
      .getState()
      .open(id, !id && parentType && parentId ? { parentType, parentId } : undefined);
  }, [id, parentType, parentId]);
  const save = async () => {
    if (await useFollowupForm.getState().save()) {
      inform(t('common.saved'));
      onClose();
    }
  };
  const remove = async () => {
    if (await useFollowupForm.getState().remove()) onClose();
  };
  return (
    <RecordDrawer
      title={id ? t('followup.edit') : t('followup.new')}
      isNew={!id}
      audit={{ kind: 'followups', id }}
      error={f.error}
      busy={f.busy}
      loading={f.loading}
      onSave={() => void save()}
      onClose={onClose}
      onDelete={() => void remove()}
      testId="followup-form"
      wide
    >
      <div className="form-grid">
        <Field name="parentType" label={t('followup.parentType')}>
          <EnumSelect
            enumName="followupParent"
            name="parentType"
            value={v.parentType}
            onChange={(x) => f.set({ parentType: x, parentId: null })}
          />
        </Field>
        <Field name="parentId" label={t('followup.parent')} required>
          <RecordPicker
            key={v.parentType}
            kind={PARENT_KIND[v.parentType] ?? 'demands'}
            name="parentId"
            value={v.parentId}
            onChange={(pid) => f.set({ parentId: pid })}
            label={parentLabel(v.parentType)}
            detail={parentDetail(v.parentType)}
          />
        </Field>
        <Field name="ownerStaffId" label={t('followup.owner')}>
          <StaffSelect
            name="ownerStaffId"
            value={v.ownerStaffId}
            onChange={(x) => f.set({ ownerStaffId: x })}
            empty=""
          />
        </Field>
        <Field name="dueDate" label={t('followup.dueDate')}>
          <input
            type="date"
            name="dueDate"
            value={v.dueDate}
            onChange={(e) => f.set({ dueDate: e.target.value })}
          />
        </Field>
        <Field name="doneAt" label={t('followup.doneAt')} hint={t('followup.doneAtHint')}>
          <input
            type="date"
            name="doneAt"
            value={v.doneAt}
            onChange={(e) => f.set({ doneAt: e.target.value })}
          />
        </Field>
        <Field name="channel" label={t('followup.channel')} group>
          <EnumRadios
            enumName="followupChannel"
            name="channel"
            value={v.channel}
            onChange={(x) => f.set({ channel: x })}
          />
        </Field>
        <Field name="content" label={t('followup.content')} wide>
          <TextArea name="content" value={v.content} onChange={(x) => f.set({ content: x })} rows={3} />
        </Field>
        <Field name="result" label={t('followup.result')} wide>
          <TextArea name="result" value={v.result} onChange={(x) => f.set({ result: x })} rows={2} />
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
            onChange={(x) => f.set({ satisfaction: x })}
          />
        </Field>
        <Field name="nextFollowupDate" label={t('followup.nextDate')}>
          <input
            type="date"
            name="nextFollowupDate"
            value={v.nextFollowupDate}
            onChange={(e) => f.set({ nextFollowupDate: e.target.value })}
          />
        </Field>
      </div>
    </RecordDrawer>
  );
}
