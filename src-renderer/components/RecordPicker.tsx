// Pick a record by typing part of its name (or USCC, town…): the API's quick search does the
// matching. Arrow keys move, Enter picks, Esc closes the list (and only the list).
import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '@shared/contract/contract';
import type { RecordKind } from '@shared/contract/methods';
import { toApiError } from '../api';
import { getRecord, listRecords, type RecordOf } from '../records';
import styles from './RecordPicker.module.css';

/** The most records the list offers. */
const LIST_SIZE = 8;

interface Props<K extends RecordKind> extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
> {
  kind: K;
  value: string | null | undefined;
  onChange: (id: string | null, row: RecordOf<K> | null) => void;
  /** The text of a record in the field and in the list. */
  label: (row: RecordOf<K>) => string;
  /** A second, smaller line in the list. */
  detail?: (row: RecordOf<K>) => string;
  filter?: ListQuery['filter'];
  /** Clear the text after picking (for adding several records to a list). */
  clearOnPick?: boolean;
  /** Records not offered (those already picked). */
  exclude?: readonly string[];
}

export function RecordPicker<K extends RecordKind>({
  kind,
  value,
  onChange,
  label,
  detail,
  filter,
  clearOnPick,
  exclude,
  ...rest
}: Props<K>) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState('');
  /** The label of the chosen record, with the id it belongs to. */
  const [chosen, setChosen] = useState<{ id: string; label: string } | null>(null);
  const [items, setItems] = useState<RecordOf<K>[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [state, setState] = useState<'idle' | 'searching' | 'done' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  /** Enter pressed before the results came: pick the first one when they do. */
  const pendingEnter = useRef(false);

  const pick = (row: RecordOf<K>) => {
    pendingEnter.current = false;
    onChange(row.id, row);
    setChosen(clearOnPick ? null : { id: row.id, label: label(row) });
    setText('');
    setItems([]);
    setOpen(false);
  };
  // Effects call the latest pick and label, not the ones of their first render.
  const latest = useRef({ pick, label });
  useEffect(() => {
    latest.current = { pick, label };
  });
  const filterKey = JSON.stringify(filter ?? {});
  const excludeKey = JSON.stringify(exclude ?? []);

  // A value given from outside (an edited record, a restored draft): fetch its label once.
  const chosenId = chosen?.id ?? null;
  useEffect(() => {
    if (!value || value === chosenId) return;
    let stale = false;
    getRecord(kind, value)
      .then((row) => !stale && setChosen({ id: value, label: latest.current.label(row) }))
      .catch(() => !stale && setChosen({ id: value, label: value }));
    return () => {
      stale = true;
    };
  }, [kind, value, chosenId]);

  // Debounced search as the user types.
  useEffect(() => {
    if (!open) return;
    const n = ++seq.current;
    const timer = setTimeout(() => {
      setState('searching');
      const excluded = new Set(JSON.parse(excludeKey) as string[]);
      listRecords(kind, {
        q: text.trim() || undefined,
        limit: LIST_SIZE + excluded.size,
        filter: JSON.parse(filterKey) as ListQuery['filter'],
      })
        .then((page) => {
          if (n !== seq.current) return;
          const rows = page.rows.filter((r) => !excluded.has(r.id)).slice(0, LIST_SIZE);
          const first = rows[0];
          if (pendingEnter.current && first) {
            latest.current.pick(first);
            return;
          }
          setItems(rows);
          setActive(0);
          setState('done');
        })
        .catch((e: unknown) => {
          if (n !== seq.current) return;
          setError(toApiError(e).message);
          setState('error');
        });
    }, 150);
    return () => clearTimeout(timer);
  }, [text, open, kind, filterKey, excludeKey]);

  const shown = value && chosen?.id === value && !clearOnPick ? chosen.label : text;

  return (
    <div className={styles.picker}>
      <input
        type="text"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && items[active] ? `${listId}-${active}` : undefined}
        placeholder={t('picker.placeholder')}
        {...rest}
        value={shown}
        onChange={(e) => {
          if (value && !clearOnPick) onChange(null, null);
          pendingEnter.current = false;
          setState('searching');
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={(e) => {
          if (!value && text) setOpen(true);
          rest.onFocus?.(e);
        }}
        onBlur={(e) => {
          setOpen(false);
          rest.onBlur?.(e);
        }}
        onKeyDown={(e) => {
          rest.onKeyDown?.(e);
          if (e.defaultPrevented) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) setOpen(true);
            else setActive((a) => Math.min(a + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            const row = items[active];
            if (open && row && state === 'done') pick(row);
            else if (open && text.trim()) pendingEnter.current = true;
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && (
        <ul className={`${styles.pickerList} picker-list`} id={listId} role="listbox">
          {state === 'searching' && items.length === 0 && <li className="muted">{t('picker.searching')}</li>}
          {state === 'error' && <li className={styles.error}>{error}</li>}
          {state === 'done' && items.length === 0 && <li className="muted">{t('picker.none')}</li>}
          {items.map((row, i) => (
            <li
              key={row.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? styles.active : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(row);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{label(row)}</span>
              {detail && <small>{detail(row)}</small>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const enterpriseLabel = (row: RecordOf<'enterprises'>) => row.name ?? '';
export const enterpriseDetail = (row: RecordOf<'enterprises'>) =>
  [row.uscc, row.town].filter(Boolean).join(' · ');
