// 人员: the bureau's staff.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../components/Grid';
import { Check, EnumRadios, EnumSelect, Field, TextInput } from '../components/form';
import { RecordDrawer } from '../components/RecordDrawer';
import { navigate, routeHref, type Route } from '../router';
import { inform } from '../stores/notices';
import { useStaffForm } from '../stores/simpleForms';

const COLUMNS: GridColumn<Staff>[] = [
  { field: 'name', header: 'staff.name', flex: 1 },
  { field: 'role', header: 'staff.role', kind: 'enum', enumName: 'role', width: 120 },
  { field: 'position', header: 'staff.position', kind: 'enum', enumName: 'position', width: 120 },
  { field: 'phone', header: 'staff.phone', width: 160 },
  { field: 'active', header: 'staff.active', kind: 'bool', width: 100 },
  { field: 'createdAt', header: 'common.createdAt', kind: 'instant', hide: true },
];

export function StaffScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('nav.staff')}</h1>
      </div>
      <Grid<Staff>
        id="staff"
        kind="staff"
        columns={COLUMNS}
        onOpen={(s) => navigate(routeHref('staff', s.id))}
        emptyText={t('staff.empty')}
        toolbar={
          <a className="btn primary" href={routeHref('staff', 'new')} data-testid="new-staff">
            + {t('staff.new')}
          </a>
        }
      />
      {route.id && (
        <StaffForm
          id={route.id === 'new' ? null : route.id}
          onClose={() => navigate(routeHref('staff'), { replace: true })}
        />
      )}
    </div>
  );
}

function StaffForm({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useStaffForm();
  useEffect(() => {
    void useStaffForm.getState().open(id);
  }, [id]);
  const save = async () => {
    if (await useStaffForm.getState().save()) {
      inform(t('common.saved'));
      onClose();
    }
  };
  const remove = async () => {
    if (await useStaffForm.getState().remove()) onClose();
  };
  return (
    <RecordDrawer
      title={id ? t('staff.edit') : t('staff.new')}
      isNew={!id}
      audit={{ kind: 'staff', id }}
      error={f.error}
      busy={f.busy}
      loading={f.loading}
      onSave={() => void save()}
      onClose={onClose}
      onDelete={() => void remove()}
      testId="staff-form"
    >
      <Field name="name" label={t('staff.name')} required>
        <TextInput name="name" value={f.values.name} onChange={(v) => f.set({ name: v })} autoFocus />
      </Field>
      <Field name="role" label={t('staff.role')} group>
        <EnumRadios enumName="role" name="role" value={f.values.role} onChange={(v) => f.set({ role: v })} />
      </Field>
      <Field name="position" label={t('staff.position')}>
        <EnumSelect
          enumName="position"
          name="position"
          value={f.values.position}
          onChange={(v) => f.set({ position: v })}
        />
      </Field>
      <Field name="phone" label={t('staff.phone')}>
        <TextInput
          name="phone"
          value={f.values.phone}
          onChange={(v) => f.set({ phone: v })}
          inputMode="tel"
        />
      </Field>
      <Field name="active" label={t('staff.active')} group>
        <Check
          name="active"
          label={t('staff.activeLabel')}
          checked={f.values.active}
          onChange={(v) => f.set({ active: v })}
        />
      </Field>
    </RecordDrawer>
  );
}
