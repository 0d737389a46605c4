// A date field that is one Tab stop: the date is typed (2026-03-05, 2026-3-5, 20260305, 3.5…),
// shown as the ISO date once read, and an impossible or unreadable one is named. A calendar
// button, out of the Tab order, opens the browser's own date picker for the mouse.
import { useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '@shared/domain/dates';
import { parseTypedDate } from '@shared/domain/typedDate';
import { useSession } from '../stores/session';
import styles from './DateInput.module.css';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string | null | undefined;
  /**
   * The date as YYYY-MM-DD; '' when cleared. Text that is no date is passed on as typed, so a
   * save refuses it (naming the field) rather than keep the date it replaced.
   */
  onChange: (value: string) => void;
};

export function DateInput({ value, onChange, onBlur, ...rest }: Props) {
  const { t } = useTranslation();
  // The ledger's today (a month and day fall in its year); the clock's before the session loads.
  const [clockToday] = useState(() => shanghaiDate(Date.now()));
  const today = useSession((s) => s.info?.today) ?? clockToday;
  const [text, setText] = useState(value ?? '');
  /** Left since last typed: only then is unreadable text an error (3. may become 3.5). */
  const [left, setLeft] = useState(false);
  const native = useRef<HTMLInputElement>(null);
  const parsed = parseTypedDate(text, today);
  const typed = text.trim();

  // A date set from outside (a loaded record, a restored or discarded draft) replaces the text.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if ((value ?? '') !== (parsed.ok ? parsed.date : typed)) setText(value ?? '');
  }

  const type = (next: string) => {
    setText(next);
    setLeft(false);
    const r = parseTypedDate(next, today);
    onChange(r.ok ? r.date : r.reason === 'empty' ? '' : next.trim());
  };

  const error = parsed.ok
    ? null
    : parsed.reason === 'impossible'
      ? t('dateInput.impossible', { text: typed })
      : parsed.reason === 'format' && left
        ? t('dateInput.format', { text: typed })
        : null;
  const errorId = rest.id ? `${rest.id}-date-error` : undefined;
  const describedBy = [rest['aria-describedby'], error ? errorId : undefined].filter(Boolean).join(' ');

  return (
    <>
      <div className={styles.dateInput}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="2026-03-05"
          {...rest}
          value={text}
          aria-invalid={error ? true : rest['aria-invalid']}
          aria-describedby={describedBy || undefined}
          onChange={(e) => type(e.target.value)}
          onBlur={(e) => {
            setLeft(true);
            if (parsed.ok) setText(parsed.date);
            onBlur?.(e);
          }}
        />
        <button
          type="button"
          tabIndex={-1}
          className={styles.calendar}
          aria-label={t('dateInput.calendar')}
          title={t('dateInput.calendar')}
          disabled={rest.disabled}
          onClick={() => native.current?.showPicker?.()}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
          </svg>
        </button>
        <input
          ref={native}
          type="date"
          tabIndex={-1}
          aria-hidden="true"
          className={styles.native}
          value={parsed.ok ? parsed.date : ''}
          onChange={(e) => {
            type(e.target.value);
            setLeft(true);
          }}
        />
      </div>
      {parsed.ok && typed !== parsed.date && (
        <div className="hint" data-testid="date-means">
          {t('dateInput.means', { date: parsed.date })}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId} role="alert">
          {error}
        </div>
      )}
    </>
  );
}
