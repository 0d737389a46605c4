// 走访记录: every visit, and the visit form over it.
import { useTranslation } from 'react-i18next';
import type { Visit } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../components/Grid';
import { Badge } from '../components/Badge';
import { navigate, routeHref, type Route } from '../router';
import { VisitForm } from './VisitForm';

const COLUMNS: GridColumn<Visit>[] = [
  { field: 'visitNo', header: 'visit.visitNo', width: 140 },
  { field: 'date', header: 'visit.date', kind: 'date', width: 115 },
  { field: 'enterpriseName', header: 'visit.enterprise', flex: 2, minWidth: 200 },
  { field: 'town', header: 'enterprise.town', width: 105 },
  { field: 'mode', header: 'visit.mode', kind: 'enum', enumName: 'visitMode', width: 105 },
  { field: 'leadStaffName', header: 'visit.lead', width: 95 },
  { field: 'demandCount', header: 'visit.demandCount', kind: 'number', width: 90 },
  { field: 'solvedOnSite', header: 'visit.solvedOnSite', kind: 'bool', width: 105 },
  {
    field: 'status',
    header: 'visit.status',
    kind: 'enum',
    enumName: 'visitStatus',
    width: { 'zh-CN': 100, en: 116 },
    render: (v) => <Badge enumName="visitStatus" value={v.status} />,
  },
  { field: 'summary', header: 'visit.summary', flex: 3, minWidth: 200 },
  { field: 'peopleMet', header: 'visit.peopleMet', hide: true },
  { field: 'enterpriseConfirmed', header: 'visit.enterpriseConfirmed', kind: 'bool', hide: true },
  { field: 'createdAt', header: 'common.createdAt', kind: 'instant', hide: true },
];

export function VisitsScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const formOpen = route.id !== null;

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('nav.visits')}</h1>
      </div>
      <Grid
        id="visits"
        kind="visits"
        columns={COLUMNS}
        routeParams={route.params}
        onOpen={(v) => navigate(routeHref('visits', v.id))}
        emptyText={t('visit.empty')}
        toolbar={
          <a className="btn primary" href={routeHref('visits', 'new')} data-testid="new-visit">
            + {t('visit.new')} <kbd>Alt+N</kbd>
          </a>
        }
      />
      {formOpen && (
        <VisitForm
          id={route.id === 'new' ? null : route.id}
          enterpriseId={route.params.enterpriseId ?? null}
          onClose={() => navigate(routeHref('visits'), { replace: true })}
        />
      )}
    </div>
  );
}
