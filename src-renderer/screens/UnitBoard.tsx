// The board per unit (承办单位): open, overdue and due-soon demands per lead unit, beside the
// per-assignee counts; a unit's name narrows the board to the demands it leads or co-handles.
import { useTranslation } from 'react-i18next';
import { useBoard } from '../stores/board';

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
      <table className="table" data-testid="board-by-unit">
        <thead>
          <tr>
            <th>{t('unit.lead')}</th>
            <th className="num">{t('board.open')}</th>
            <th className="num">{t('board.overdue')}</th>
            <th className="num">{t('board.dueSoon')}</th>
          </tr>
        </thead>
        <tbody>
          {(board?.byUnit ?? []).map((r) => (
            <tr key={r.unitId ?? 'none'}>
              <td>
                {r.unitId ? (
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
                )}
              </td>
              <td className="num">{r.open}</td>
              <td className={`num${r.overdue ? ' text-overdue' : ''}`}>{r.overdue}</td>
              <td className={`num${r.dueSoon ? ' text-due-soon' : ''}`}>{r.dueSoon}</td>
            </tr>
          ))}
          {board && board.byUnit.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('board.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}
