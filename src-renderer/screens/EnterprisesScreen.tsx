// 企业库: the enterprises of the district, each with its page and timeline.
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../components/Grid';
import { enumLabel, industryLabel, listSeparator } from '../format';
import { navigate, routeHref, type Route } from '../router';
import { EnterpriseDetail } from './EnterpriseDetail';
import { EnterpriseForm } from './EnterpriseForm';

// Sized for a 1366-pixel laptop: the name (up to ~18 characters) whole beside the other columns,
// the credit code just wide enough for its 18 characters. 经营状态 is 正常 for nearly every firm:
// it waits in the column chooser (the enterprise's page shows any other status).
const COLUMNS: GridColumn<Enterprise>[] = [
  { field: 'uscc', header: 'enterprise.uscc', width: 172 },
  { field: 'name', header: 'enterprise.name', flex: 2, minWidth: 250 },
  { field: 'town', header: 'enterprise.town', width: 88 },
  {
    field: 'industry',
    header: 'enterprise.industry',
    width: 140,
    format: (v) => industryLabel(v as string | null),
  },
  {
    field: 'tiers',
    header: 'enterprise.tiers',
    kind: 'json',
    flex: 1,
    minWidth: 110,
    format: (v) =>
      ((v as { tier: string }[] | null) ?? []).map((x) => enumLabel('tier', x.tier)).join(listSeparator()),
  },
  { field: 'liaisonName', header: 'enterprise.liaison', width: 88 },
  { field: 'lastVisitDate', header: 'enterprise.lastVisit', kind: 'date', width: 110 },
  { field: 'openDemands', header: 'enterprise.openDemands', kind: 'number', width: 114 },
  {
    field: 'status',
    header: 'enterprise.status',
    kind: 'enum',
    enumName: 'enterpriseStatus',
    width: 105,
    hide: true,
  },
  { field: 'address', header: 'enterprise.address', hide: true },
];

export function EnterprisesScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const detailId = route.id && route.id !== 'new' ? route.id : null;
  const formOpen = route.id === 'new' || route.action === 'edit';
  const closeForm = () =>
    navigate(detailId ? routeHref('enterprises', detailId) : routeHref('enterprises'), { replace: true });
  return (
    <>
      {detailId ? (
        <EnterpriseDetail id={detailId} />
      ) : (
        <div className="screen">
          <div className="screen-head">
            <h1>{t('nav.enterprises')}</h1>
          </div>
          <Grid
            id="enterprises"
            kind="enterprises"
            columns={COLUMNS}
            onOpen={(e) => navigate(routeHref('enterprises', e.id))}
            emptyText={t('enterprise.empty')}
            toolbar={
              <a className="btn primary" href={routeHref('enterprises', 'new')} data-testid="new-enterprise">
                + {t('enterprise.new')}
              </a>
            }
          />
        </div>
      )}
      {formOpen && (
        <EnterpriseForm
          id={route.action === 'edit' ? route.id : null}
          onClose={closeForm}
          onSaved={(id) => navigate(routeHref('enterprises', id), { replace: true })}
        />
      )}
    </>
  );
}
