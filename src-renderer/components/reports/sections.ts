// The order of the report: five sections of figures (一 to 五), then the narrative sections,
// then the notes. Pure: no React.
import { SCALAR_SECTIONS, type FigureSectionKey, type ScalarKey } from '@shared/reports/definitions';

export type { FigureSectionKey };

/**
 * Each section's tiles in the order the screen shows them: counts first, rates and averages
 * after. Which figures a section holds is SCALAR_SECTIONS' (typed here: a figure of another
 * section does not compile; a test holds that none is left out).
 */
const ON_SCREEN: { [K in FigureSectionKey]: readonly (typeof SCALAR_SECTIONS)[K][number][] } = {
  visits: ['visits', 'enterprisesVisited', 'solvedOnSite', 'leaderVisits', 'coverage'],
  demands: [
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
  followups: SCALAR_SECTIONS.followups,
  clinics: SCALAR_SECTIONS.clinics,
  activities: SCALAR_SECTIONS.activities,
};

export const FIGURE_SECTIONS = (Object.keys(SCALAR_SECTIONS) as FigureSectionKey[]).map((key) => ({
  key,
  figures: ON_SCREEN[key] as readonly ScalarKey[],
}));
