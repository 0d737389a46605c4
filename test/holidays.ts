/**
 * The 2025 National Day and Mid-Autumn holidays of DOMAIN.md's working-day example
 * (国办发明电〔2024〕12号): eight days off, two weekend days worked.
 */
export const NATIONAL_DAY_2025 = {
  year: 2025,
  holidays: [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  workdays: ['2025-09-28', '2025-10-11'],
};
