// Status pills: a demand's status with its deadline state, and other enum values.
import { useTranslation } from 'react-i18next';
import type { EnumName } from '../enums';
import { enumLabel } from '../format';

export function Badge({
  enumName,
  value,
  tone,
}: {
  enumName: EnumName;
  value: string | null | undefined;
  tone?: string;
}) {
  useTranslation();
  if (!value) return null;
  return (
    <span className={`badge badge-${enumName}-${value}${tone ? ` tone-${tone}` : ''}`}>
      {enumLabel(enumName, value)}
    </span>
  );
}

interface DeadlineFlags {
  /** Null while the demand's status is still to come by sync. */
  status: string | null;
  overdue?: boolean | null;
  dueSoon?: boolean | null;
}

export function DemandStatusBadge({ demand }: { demand: DeadlineFlags }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <Badge enumName="demandStatus" value={demand.status} />
      {demand.overdue && <span className="badge tone-overdue">{t('demand.overdue')}</span>}
      {!demand.overdue && demand.dueSoon && (
        <span className="badge tone-due-soon">{t('demand.dueSoon')}</span>
      )}
    </span>
  );
}
