// Live duplicate enterprises (same credit code, typically registered on two laptops offline):
// choose the record to keep and merge the others into it.
import { useTranslation } from 'react-i18next';
import { enumLabel, formatInstant } from '../../format';
import { routeHref } from '../../router';
import { inform } from '../../stores/notices';
import { useSync, type DuplicateGroup } from '../../stores/sync';
import { MergeGroup, type MergeColumn } from './MergeGroup';

type Enterprise = DuplicateGroup['enterprises'][number];

const COLUMNS: MergeColumn<Enterprise>[] = [
  { header: 'enterprise.name', cell: (e) => <a href={routeHref('enterprises', e.id)}>{e.name}</a> },
  { header: 'enterprise.town', cell: (e) => e.town },
  { header: 'enterprise.liaison', cell: (e) => e.liaisonName },
  { header: 'enterprise.status', cell: (e) => enumLabel('enterpriseStatus', e.status) },
  { header: 'enterprise.openDemands', cell: (e) => e.openDemands ?? 0, className: 'num' },
  { header: 'backups.audit.fields.common.createdAt', cell: (e) => formatInstant(e.createdAt) },
];

function Group({ group }: { group: DuplicateGroup }) {
  const { t } = useTranslation();
  const { busy, merge } = useSync();
  return (
    <MergeGroup
      rows={group.enterprises}
      legend={t('sync.usccGroup', { uscc: group.uscc })}
      legendClassName="mono"
      testId="duplicate"
      data={{ 'data-uscc': group.uscc }}
      radioName={`keep-${group.uscc}`}
      columns={COLUMNS}
      keepLabel={(e) => `${e.name}`}
      nameOf={(e) => e.name}
      disabled={busy !== null}
      onMerge={(keepId, others) =>
        void merge(keepId, others).then((r) => {
          if (r) inform(t('sync.merged', r.moved));
        })
      }
    />
  );
}

export function DuplicatesCard() {
  const { t } = useTranslation();
  const { duplicates, error } = useSync();
  return (
    <section className="card" id="sync-duplicates" data-testid="sync-duplicates">
      <h2>{t('sync.duplicatesTitle')}</h2>
      {duplicates.length === 0 ? (
        <p className="muted">{t('sync.duplicatesNone')}</p>
      ) : (
        <>
          <p className="muted">{t('sync.duplicatesIntro')}</p>
          {error?.action === 'merge' && (
            <div className="notice notice-error" role="alert">
              {error.error.message}
            </div>
          )}
          {duplicates.map((g) => (
            <Group key={g.uscc} group={g} />
          ))}
        </>
      )}
    </section>
  );
}
