// On a demand's page: the outcomes that answered it (服务成效: a contract, funds, a
// recommendation…), and a link to record one for the demand's enterprise.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api';
import { Badge } from '../components/Badge';
import { enumLabel, formatYuan } from '../format';
import { listRecords, type RecordOf } from '../records';
import { routeHref } from '../router';
import { notify } from '../stores/notices';
import { useDataVersion } from '../stores/session';

export function DemandOutcomes({ demand }: { demand: { id: string; enterpriseId?: string | null } }) {
  const { t } = useTranslation();
  const version = useDataVersion(['outcomes']);
  const [rows, setRows] = useState<RecordOf<'outcomes'>[]>([]);
  useEffect(() => {
    let stale = false;
    listRecords('outcomes', {
      filter: { demandId: demand.id },
      sort: [{ field: 'date', dir: 'asc' }],
      limit: 100,
    })
      .then((page) => {
        if (!stale) setRows(page.rows);
      })
      .catch((e: unknown) => notify(toApiError(e)));
    return () => {
      stale = true;
    };
  }, [demand.id, version]);
  return (
    <section data-testid="demand-outcomes">
      <h3>{t('outcome.onDemand')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('outcome.none')}</p>
      ) : (
        <ul className="plain-list">
          {rows.map((o) => (
            <li key={o.id}>
              <a href={routeHref('outcomes', o.id)}>
                {o.date} {enumLabel('outcomeType', o.type)}
              </a>{' '}
              <Badge enumName="outcomeStatus" value={o.status} />
              {o.amount !== null && o.amount !== undefined && <span> {formatYuan(o.amount)}</span>}{' '}
              <span className="muted">{o.description}</span>
            </li>
          ))}
        </ul>
      )}
      {demand.enterpriseId && (
        <a
          className="btn small"
          href={routeHref('outcomes', 'new', null, {
            enterpriseId: demand.enterpriseId,
            demandId: demand.id,
          })}
        >
          + {t('outcome.addForDemand')}
        </a>
      )}
    </section>
  );
}
