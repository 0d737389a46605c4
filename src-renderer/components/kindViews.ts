// Which built-in views each kind's grid offers, and what each means for it: 我的 by the staff
// member the record is in the hands of, 本季 by the record's main date, 超期 and 督办 by the
// core's own flags (the board's definitions, judged in SQL), never by rules restated here.
import type { RecordKind } from '@shared/contract/methods';
import { flagged, mineBy, quarterBy, type BuiltinViews } from './gridViews';

export const KIND_VIEWS: Partial<Record<RecordKind, BuiltinViews>> = {
  demands: {
    mine: mineBy('assigneeStaffId'),
    quarter: quarterBy('receivedAt', 'instant'),
    overdue: flagged({ overdue: true }),
    // As the board counts them: open demands under supervision.
    supervised: flagged({ supervised: true, open: true }),
  },
  visits: { mine: mineBy('leadStaffId'), quarter: quarterBy('date') },
  followups: { mine: mineBy('ownerStaffId'), overdue: flagged({ overdue: true }) },
  enterprises: { mine: mineBy('liaisonStaffId') },
  clinics: { quarter: quarterBy('date') },
  activities: { mine: mineBy('organizerStaffIds', true), quarter: quarterBy('date') },
  outcomes: { quarter: quarterBy('date') },
};
