// Which built-in views each kind's grid offers, and what each means for it: 我的 by the staff
// member the record is in the hands of, 本季 by the record's main date, 超期, 督办, 即将超期 and
// 答复超期 by the core's own flags (the board's definitions, judged in SQL), never by rules
// restated here. The grids' former scope buttons are among them (未办结, 待回访).
import type { RecordKind } from '@shared/contract/methods';
import { flagged, mineBy, quarterBy, type BuiltinViews } from './gridViews';

export const KIND_VIEWS: Partial<Record<RecordKind, BuiltinViews>> = {
  demands: {
    // In my hands: assigned to me and not yet ended (the former 我承办的).
    mine: mineBy('assigneeStaffId', { also: { open: true } }),
    quarter: quarterBy('receivedAt', 'instant'),
    overdue: flagged({ overdue: true }),
    // As the board counts them: open demands under supervision.
    supervised: flagged({ supervised: true, open: true }),
    open: flagged({ open: true }),
    dueSoon: flagged({ dueSoon: true }),
    firstReplyLate: flagged({ firstReplyLate: true }),
  },
  visits: { mine: mineBy('leadStaffId'), quarter: quarterBy('date') },
  followups: {
    mine: mineBy('ownerStaffId'),
    overdue: flagged({ overdue: true }),
    todo: flagged({ doneAt: null }),
  },
  enterprises: { mine: mineBy('liaisonStaffId') },
  clinics: { quarter: quarterBy('date') },
  activities: { mine: mineBy('organizerStaffIds', { list: true }), quarter: quarterBy('date') },
  outcomes: { quarter: quarterBy('date') },
};
