// What each side of a 'workflow' conflict says: two laptops moved one demand apart; the move
// kept in the replayed history against the move that lost its place (from → to, who, note).
import type { TFunction } from 'i18next';
import { fieldValueText } from '../../fieldValues';
import type { Conflict } from '../../stores/conflicts';

interface Move {
  from: string | null;
  to: string;
  note: string | null;
}
interface Detail {
  winner: Move;
  loser: Move;
}

const isDetail = (d: unknown): d is Detail =>
  typeof d === 'object' && d !== null && 'winner' in d && 'loser' in d;

export function workflowMoveText(t: TFunction, c: Conflict, side: 'winner' | 'loser'): string {
  if (!isDetail(c.detail)) return '';
  const move = c.detail[side];
  const status = (s: string | null) => (s ? fieldValueText('demands', 'status', s) : '');
  const text = t('workflowConflict.move', { from: status(move.from), to: status(move.to) });
  return move.note?.trim() ? `${text}（${move.note.trim()}）` : text;
}
