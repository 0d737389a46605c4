// The same person recorded on two laptops (same name and phone, typically after a laptop
// joined the team): choose the record to keep and merge the others into it, as duplicate
// enterprises are. Every visit, demand, follow-up and activity naming them moves to it.
import { useTranslation } from 'react-i18next';
import { enumLabel, formatInstant } from '../../format';
import { inform } from '../../stores/notices';
import { useSync, type StaffDuplicateGroup } from '../../stores/sync';
import { MergeGroup, type MergeColumn } from './MergeGroup';

type Staff = StaffDuplicateGroup['staff'][number];

const COLUMNS: MergeColumn<Staff>[] = [
  { header: 'staff.name', cell: (s) => s.name },
  { header: 'staff.role', cell: (s) => enumLabel('role', s.role) },
  { header: 'staff.position', cell: (s) => enumLabel('position', s.position) },
  { header: 'staff.active', cell: (s, t) => (s.active === false ? t('common.no') : t('common.yes')) },
  { header: 'backups.audit.fields.common.createdAt', cell: (s) => formatInstant(s.createdAt) },
];

function Group({ group }: { group: StaffDuplicateGroup }) {
  const { t } = useTranslation();
  const { busy, mergeStaff } = useSync();
  return (
    <MergeGroup
      rows={group.staff}
      legend={t('sync.staffGroup', { name: group.name, phone: group.phone })}
      testId="staff-duplicate"
      radioName={`keep-staff-${group.name}-${group.phone}`}
      columns={COLUMNS}
      // Two records of one person share the name: the radio tells them apart by their date.
      keepLabel={(s) => `${s.name} ${formatInstant(s.createdAt)}`}
      nameOf={(s) => s.name}
      disabled={busy !== null}
      onMerge={(keepId, others) =>
        void mergeStaff(keepId, others).then((r) => {
          if (r) inform(t('sync.staffMerged', { count: Object.values(r.moved).reduce((a, b) => a + b, 0) }));
        })
      }
    />
  );
}

/** Shown while the same person is recorded more than once. */
export function StaffDuplicatesCard() {
  const { t } = useTranslation();
  const { staffDuplicates, error } = useSync();
  if (staffDuplicates.length === 0) return null;
  return (
    <section className="card" id="sync-staff-duplicates" data-testid="sync-staff-duplicates">
      <h2>{t('sync.staffDuplicatesTitle')}</h2>
      <p className="muted">{t('sync.staffDuplicatesIntro')}</p>
      {error?.action === 'mergeStaff' && (
        <div className="notice notice-error" role="alert">
          {error.error.message}
        </div>
      )}
      {staffDuplicates.map((g) => (
        <Group key={`${g.name}-${g.phone}`} group={g} />
      ))}
    </section>
  );
}
