// The column filters in force, as chips above the grid: a remembered filter is never a
// silent one. Each chip removes its filter; the last button removes them all.
// The row is one Tab stop (a toolbar with a roving tabindex): the arrow keys, Home and End
// walk the chips' remove buttons and "clear all"; Delete, Backspace or Enter removes the
// chip in focus, and the focus stays in the row (or goes to `onEmptied` once it is empty).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './FilterChips.module.css';

export interface FilterChip {
  field: string;
  /** The column's header. */
  name: string;
  /** What the filter keeps (包含“白沙”); none for a view's condition that says it all (超期). */
  words: string;
}

interface Props {
  chips: FilterChip[];
  onRemove: (field: string) => void;
  onClear: () => void;
  /** Where the focus goes once the keyboard removed the last chip. */
  onEmptied?: () => void;
}

const KEYS_TO_MOVE: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, n) => (at + 1) % n,
  ArrowDown: (at, n) => (at + 1) % n,
  ArrowLeft: (at, n) => (at - 1 + n) % n,
  ArrowUp: (at, n) => (at - 1 + n) % n,
  Home: () => 0,
  End: (_at, n) => n - 1,
};

export function FilterChips({ chips, onRemove, onClear, onEmptied }: Props) {
  const { t } = useTranslation();
  const hintId = useId();
  const row = useRef<HTMLDivElement>(null);
  const focusAt = (i: number) => row.current?.querySelectorAll<HTMLButtonElement>('button')[i]?.focus();
  // The button that takes the Tab stop; and, after a removal from the keyboard, the one that
  // takes the focus once the grid shows the chips that are left (it may do so later).
  const [current, setCurrent] = useState(0);
  const refocus = useRef<number | null>(null);

  const withClear = chips.length > 1;
  const count = chips.length + (withClear ? 1 : 0);
  const at = Math.min(current, Math.max(count - 1, 0));

  const chipsKey = chips.map((c) => c.field).join('\n');
  useEffect(() => {
    const wanted = refocus.current;
    if (wanted === null) return;
    refocus.current = null;
    if (!chips.length) return onEmptied?.();
    // The chip that took the removed one's place, or the one before the removed last one.
    const next = Math.min(wanted, chips.length - 1);
    setCurrent(next);
    focusAt(next);
    // Only a change of the chips moves the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chipsKey]);

  if (!chips.length) return null;

  const removeAt = (i: number) => {
    refocus.current = i;
    onRemove(chips[i]!.field);
  };
  const clearAll = () => {
    refocus.current = 0;
    onClear();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = KEYS_TO_MOVE[e.key];
    if (move) {
      e.preventDefault();
      const next = move(at, count);
      setCurrent(next);
      focusAt(next);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && at < chips.length) {
      e.preventDefault();
      removeAt(at);
    }
  };

  const label = (c: FilterChip) => (c.words ? t('grid.chip', { name: c.name, words: c.words }) : c.name);
  // The buttons in order: each chip's remove button, then "clear all".
  const stop = (i: number) => ({
    tabIndex: i === at ? 0 : -1,
    onFocus: () => setCurrent(i),
  });

  return (
    <div
      className={styles.chips}
      ref={row}
      role="toolbar"
      aria-label={t('grid.filters')}
      aria-describedby={hintId}
      data-testid="filter-chips"
      onKeyDown={onKeyDown}
    >
      <span id={hintId} className="visually-hidden">
        {t('grid.filtersHint')}
      </span>
      {chips.map((c, i) => (
        <span key={c.field} className={styles.chip} data-testid={`filter-chip-${c.field}`}>
          {label(c)}
          <button
            type="button"
            className={styles.remove}
            aria-label={t('grid.removeFilter', { name: label(c) })}
            title={t('grid.removeFilter', { name: label(c) })}
            onClick={() => removeAt(i)}
            {...stop(i)}
          >
            ×
          </button>
        </span>
      ))}
      {withClear && (
        <button type="button" className="link" onClick={clearAll} {...stop(chips.length)}>
          {t('grid.clearFilters')}
        </button>
      )}
    </div>
  );
}
