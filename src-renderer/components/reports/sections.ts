// The order of the report: five sections of figures (一 to 五), then the narrative sections,
// then the notes. Pure: no React.
import { CLINIC_KEYS, type ScalarKey } from '@shared/reports/definitions';

export type FigureSectionKey = 'visits' | 'demands' | 'followups' | 'clinics' | 'activities';

export const FIGURE_SECTIONS: readonly { key: FigureSectionKey; figures: readonly ScalarKey[] }[] = [
  { key: 'visits', figures: ['visits', 'enterprisesVisited', 'solvedOnSite', 'leaderVisits', 'coverage'] },
  {
    key: 'demands',
    figures: [
      'newDemands',
      'carriedOver',
      'closed',
      'openAtEnd',
      'overdueAtEnd',
      'supervised',
      'extensions',
      'avgDaysToClose',
      'firstReplyRate',
      'closureRate',
      'substantiveRate',
      'onTimeRate',
    ],
  },
  { key: 'followups', figures: ['followups', 'satisfactionRate'] },
  { key: 'clinics', figures: CLINIC_KEYS },
  { key: 'activities', figures: ['activities', 'attendees', 'enterprisesReached'] },
];
