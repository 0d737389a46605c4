// Marks a record shown under an enterprise that was deleted (on another laptop, typically):
// the record is an orphan, handled in the Sync screen's 孤立记录 section, where this leads.
import { useTranslation } from 'react-i18next';
import { routeHref } from '../router';
import { Tag } from './Badge';

export function EnterpriseDeletedMark() {
  const { t } = useTranslation();
  return (
    <a href={routeHref('sync')} title={t('orphans.handle')} data-testid="enterprise-deleted">
      <Tag tone="overdue">{t('orphans.enterpriseDeleted')}</Tag>
    </a>
  );
}
