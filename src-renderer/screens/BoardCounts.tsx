// A table of open / overdue / due-soon demand counts per group (per assignee, per lead unit)
// beside the board.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface CountsRow {
  key: string;
  label: ReactNode;
  open: number;
  overdue: number;
  dueSoon: number;
}

export function BoardCounts(props: { testId: string; heading: string; rows: CountsRow[]; loaded: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.heading}</th>
          <th className="num">{t('board.open')}</th>
          <th className="num">{t('board.overdue')}</th>
          <th className="num">{t('board.dueSoon')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td className="num">{r.open}</td>
            <td className={`num${r.overdue ? ' text-overdue' : ''}`}>{r.overdue}</td>
            <td className={`num${r.dueSoon ? ' text-due-soon' : ''}`}>{r.dueSoon}</td>
          </tr>
        ))}
        {props.loaded && props.rows.length === 0 && (
          <tr>
            <td colSpan={4} className="muted">
              {t('board.empty')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
