// The board per unit (承办单位): open, overdue and due-soon demands per lead unit, beside the
// per-assignee counts; a unit's name narrows the board to the demands it leads or co-handles.
import { useTranslation } from 'react-i18next';
import { useBoard } from '../stores/board';
import { BoardCounts } from './BoardCounts';

export function UnitBoard() {
  const { t } = useTranslation();
  const board = useBoard((s) => s.board);
  const unit = useBoard((s) => s.unit);
  const setUnit = useBoard((s) => s.setUnit);
  return (
    <>
      <h3>{t('unit.byUnit')}</h3>
      {unit && (
        <p className="muted" data-testid="board-unit-filter">
          {t('unit.filtered', { name: unit.name })}{' '}
          <button type="button" className="link" onClick={() => setUnit(null)}>
            {t('unit.showAll')}
          </button>
        </p>
      )}
      <BoardCounts
        testId="board-by-unit"
        heading={t('unit.lead')}
        loaded={board !== null}
        rows={(board?.byUnit ?? []).map((r) => ({
          ...r,
          key: r.unitId ?? 'none',
          label: r.unitId ? (
            <button
              type="button"
              className="link"
              title={t('unit.showUnit', { name: r.name ?? '' })}
              onClick={() => setUnit({ id: r.unitId!, name: r.name ?? '' })}
            >
              {r.name}
            </button>
          ) : (
            t('unit.noUnit')
          ),
        }))}
      />
    </>
  );
}
