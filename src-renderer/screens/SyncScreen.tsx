// 同步: this laptop and its team, export and import of sync files, the sync folder, the import
// history, the devices seen and duplicate enterprises to merge.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../router';
import { DATA_KINDS } from '../stores/dataKinds';
import { useDataVersion } from '../stores/session';
import { useSync } from '../stores/sync';
import { TeamCard } from './sync/TeamCard';
import { ExportCard } from './sync/ExportCard';
import { ImportCard } from './sync/ImportCard';
import { DuplicatesCard } from './sync/DuplicatesCard';
import { StaffDuplicatesCard } from './sync/StaffDuplicatesCard';
import { OrphansCard } from './sync/OrphansCard';
import { QuarantineCard } from './sync/QuarantineCard';
import { HistoryCard } from './sync/HistoryCard';
import { DevicesCard } from './sync/DevicesCard';
import { MassDeleteDialog } from './sync/MassDeleteDialog';
import styles from './sync/sync.module.css';

export function SyncScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  const { status, loadError, load } = useSync();
  // The change log and the duplicates grow with any write.
  const dataVersion = useDataVersion(DATA_KINDS);
  useEffect(() => {
    void load();
  }, [load, dataVersion]);
  return (
    <section className="screen screen-scroll" data-testid="sync-screen">
      <div className="screen-head">
        <div>
          <h1>{t('sync.title')}</h1>
          <p className="muted">{t('sync.intro')}</p>
        </div>
        <div className="head-actions">
          <button type="button" className="btn" onClick={() => void load()}>
            {t('sync.refresh')}
          </button>
        </div>
      </div>
      {loadError && (
        <div className="notice notice-error" role="alert">
          {loadError.message}
        </div>
      )}
      {!status && !loadError && <p className="muted pad">{t('common.loading')}</p>}
      {status && (
        <div className={styles.syncGrid}>
          <div className={styles.syncCol}>
            <TeamCard />
            <ExportCard />
            <ImportCard />
          </div>
          <div className={styles.syncCol}>
            <QuarantineCard />
            <DuplicatesCard />
            <StaffDuplicatesCard />
            <OrphansCard />
            <HistoryCard />
            <DevicesCard />
          </div>
        </div>
      )}
      <MassDeleteDialog />
    </section>
  );
}
