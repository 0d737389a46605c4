// 需求台账: every demand; overdue rows red, due-soon amber; the selected one in a side panel.
import { useTranslation } from 'react-i18next';
import type { Demand } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../components/Grid';
import { DemandStatusBadge } from '../components/Badge';
import { formatDay } from '../format';
import { navigate, routeHref, type Route } from '../router';
import { DemandDetail } from './DemandDetail';
import { DemandForm } from './DemandForm';
import styles from './DemandsScreen.module.css';

// The handler (承办人) and the due date right after the title and the enterprise: with a demand
// open beside the list on a 1366-pixel laptop, the grid shows up to them without scrolling.
const COLUMNS: GridColumn<Demand>[] = [
  {
    field: 'status',
    header: 'demand.status',
    kind: 'enum',
    enumName: 'demandStatus',
    // Room for its three tags at most: 办理中 即将超期 答复超期.
    width: { 'zh-CN': 210, en: 280 },
    render: (d) => <DemandStatusBadge demand={d} compact />,
  },
  { field: 'title', header: 'demand.title', flex: 3, minWidth: 180 },
  { field: 'enterpriseName', header: 'demand.enterprise', flex: 2, minWidth: 160 },
  { field: 'assigneeName', header: 'demand.assignee', width: 90 },
  {
    field: 'dueDate',
    header: 'demand.dueDate',
    kind: 'date',
    width: 112,
    format: (_v, d) => formatDay(d.effectiveDueDate ?? d.dueDate),
  },
  {
    field: 'categories',
    header: 'demand.categories',
    kind: 'enumList',
    enumName: 'demandCategory',
    width: 130,
  },
  { field: 'leadUnitName', header: 'unit.lead', width: 130 },
  {
    field: 'coUnitNames',
    header: 'unit.co',
    width: 150,
    hide: true,
    sortable: false,
    filterable: false,
    format: (v) => (Array.isArray(v) ? v.join('、') : ''),
  },
  { field: 'receivedAt', header: 'demand.receivedAt', kind: 'instant', width: 140 },
  { field: 'level', header: 'demand.level', kind: 'enum', enumName: 'demandLevel', width: 90, hide: true },
  {
    field: 'source',
    header: 'demand.source',
    kind: 'enum',
    enumName: 'demandSource',
    width: 100,
    hide: true,
  },
  { field: 'town', header: 'enterprise.town', width: 100, hide: true },
  { field: 'responsibleUnit', header: 'demand.responsibleUnit', hide: true },
  { field: 'closureType', header: 'demand.closureType', kind: 'enum', enumName: 'closureType', hide: true },
  { field: 'closedAt', header: 'demand.closedAt', kind: 'instant', hide: true },
];

export function DemandsScreen({ route }: { route: Route }) {
  const { t } = useTranslation();

  const formOpen = route.id === 'new' || route.action === 'edit';
  const detailId = route.id && route.id !== 'new' ? route.id : null;

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('nav.demands')}</h1>
      </div>
      <div className={styles.split}>
        <Grid
          id="demands"
          kind="demands"
          columns={COLUMNS}
          routeParams={route.params}
          onOpen={(d) => navigate(routeHref('demands', d.id))}
          onSelect={(d) => navigate(routeHref('demands', d.id), { replace: true })}
          rowClass={(d) => (d.overdue ? 'row-overdue' : d.dueSoon ? 'row-due-soon' : undefined)}
          emptyText={t('demand.empty')}
          toolbar={
            <a className="btn primary" href={routeHref('demands', 'new')}>
              + {t('demand.new')}
            </a>
          }
        />
        {detailId && (
          <DemandDetail id={detailId} onClose={() => navigate(routeHref('demands'), { replace: true })} />
        )}
      </div>
      {formOpen && (
        <DemandForm
          id={route.action === 'edit' ? route.id : null}
          enterpriseId={route.params.enterpriseId ?? null}
          onClose={() =>
            navigate(route.action === 'edit' ? routeHref('demands', route.id) : routeHref('demands'), {
              replace: true,
            })
          }
          onSaved={(id) => navigate(routeHref('demands', id), { replace: true })}
        />
      )}
    </div>
  );
}
