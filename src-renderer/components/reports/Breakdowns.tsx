// Below a section's figures: its charts and breakdown tables (visits by mode, town, tier,
// industry and staff, enterprises per tier; demands by category, status and lead unit;
// follow-ups by satisfaction). Each
// count opens the records behind it.
import { useTranslation } from 'react-i18next';
import { DEMAND_STATUSES, SATISFACTIONS } from '@shared/domain/enums';
import { enumLabel } from '../../format';
import type { Report } from '../../stores/reports';
import { ActivityBreakdowns } from './ActivityBreakdowns';
import { CountTable } from './CountTable';
import type { SplitName } from './figures';
import { ReportChart } from './ReportChart';
import type { FigureSectionKey } from './sections';
import { SplitTable } from './SplitTable';
import { TierTable } from './TierTable';
import { UnitTable } from './UnitTable';
import styles from './reports.module.css';

interface Props {
  section: FigureSectionKey;
  report: Report;
  onOpen: (split: SplitName, key: string) => void;
}

export function Breakdowns({ section, report, onOpen }: Props) {
  const { t } = useTranslation();
  switch (section) {
    case 'visits':
      return (
        <div className={styles.reportGrid}>
          <ReportChart report={report} chart="visitsByMonth" />
          <SplitTable split="byMode" report={report} onOpen={onOpen} />
          <SplitTable split="byTown" report={report} onOpen={onOpen} />
          <SplitTable split="byTier" report={report} onOpen={onOpen} />
          <SplitTable split="byIndustry" report={report} onOpen={onOpen} />
          <SplitTable split="byStaff" report={report} onOpen={onOpen} />
          <TierTable report={report} onOpen={onOpen} />
        </div>
      );
    case 'demands':
      return (
        <div className={styles.reportGrid}>
          <ReportChart
            report={report}
            chart="demandsByCategory"
            onCategory={(k) => onOpen('byCategory', k)}
          />
          <SplitTable split="byCategory" report={report} onOpen={onOpen} />
          <ReportChart report={report} chart="closureFunnel" />
          <CountTable
            title={t('reports.splits.statusAtEnd')}
            head={t('reports.splits.demandCount')}
            rows={DEMAND_STATUSES.filter((s) => report.details.workloadAtEnd[s]).map((s) => ({
              key: s,
              label: enumLabel('demandStatus', s),
              count: report.details.workloadAtEnd[s]!,
            }))}
            testId="status-at-end"
          />
          <UnitTable report={report} onOpen={onOpen} />
        </div>
      );
    case 'followups':
      return (
        <div className={styles.reportGrid}>
          <ReportChart report={report} chart="satisfaction" />
          <CountTable
            title={t('reports.splits.satisfaction')}
            head={t('reports.splits.followupCount')}
            rows={[...SATISFACTIONS, 'none' as const]
              .filter((s) => report.details.satisfaction[s])
              .map((s) => ({
                key: s,
                label: s === 'none' ? t('reports.splits.noSatisfaction') : enumLabel('satisfaction', s),
                count: report.details.satisfaction[s]!,
              }))}
            testId="satisfaction-counts"
          />
        </div>
      );
    case 'activities':
      return <ActivityBreakdowns report={report} />;
    default:
      return null;
  }
}
