// Status pills: a demand's status with its deadline state, and other enum values.
import { useTranslation } from 'react-i18next';
import type { EnumName } from '../enums';
import type { ReactNode } from 'react';
import { enumLabel } from '../format';
import styles from './Badge.module.css';

/** An enum value as a pill in that value's colour. `badge-<enum>-<value>` stays a stable class
    name for tests and e2e scripts to find the pill by. */
export function Badge({ enumName, value }: { enumName: EnumName; value: string | null | undefined }) {
  useTranslation();
  if (!value) return null;
  return (
    <span className={`${styles.badge} ${styles[`${enumName}-${value}`] ?? ''} badge-${enumName}-${value}`}>
      {enumLabel(enumName, value)}
    </span>
  );
}

/** A plain pill (a count, a device), or one in a deadline's colour. */
export function Tag({ tone, children }: { tone?: 'overdue' | 'dueSoon'; children: ReactNode }) {
  return <span className={tone ? `${styles.badge} ${styles[tone]}` : styles.badge}>{children}</span>;
}

interface DeadlineFlags {
  /** Null while the demand's status is still to come by sync. */
  status: string | null;
  overdue?: boolean | null;
  dueSoon?: boolean | null;
  /** The first reply (阶段性答复) came late, or has not come past its date. */
  firstReplyLate?: boolean | null;
}

/** A demand's status and deadline tags; `compact` (a list's cell) with narrower pills. */
export function DemandStatusBadge({ demand, compact }: { demand: DeadlineFlags; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={compact ? `${styles.badges} ${styles.compact}` : styles.badges}>
      <Badge enumName="demandStatus" value={demand.status} />
      {demand.overdue && <Tag tone="overdue">{t('demand.overdue')}</Tag>}
      {!demand.overdue && demand.dueSoon && <Tag tone="dueSoon">{t('demand.dueSoon')}</Tag>}
      {demand.firstReplyLate && <Tag tone="overdue">{t('demand.firstReplyLate')}</Tag>}
    </span>
  );
}
