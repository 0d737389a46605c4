// An enterprise's industry (行业): picks from GB/T 4754-2017 (sections and divisions, shipped
// with the app) and the bureau's own entries, typed by code, name or pinyin initials. A text
// in neither list is kept, with a warning and, for supervisors, a one-click add to the bureau's
// entries, so old data and imports are never refused and a variant is caught before it becomes
// its own line in the report's split.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industryEntry } from '@shared/domain/industries';
import { NotListedWarning } from './NotListedWarning';
import { isUnlistedIndustry, useIndustries } from '../stores/industries';
import { industryOptions, loadInitials } from './industryOptions';
import styles from './RecordPicker.module.css';

export function IndustryInput({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const custom = useIndustries((s) => s.list);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [, setInitialsReady] = useState(false);
  useEffect(() => {
    void useIndustries.getState().load();
  }, []);
  const options = open ? industryOptions(value, custom ?? []) : [];
  const pick = (v: string) => {
    onChange(v);
    setOpen(false);
  };
  const entry = industryEntry(value);
  const typed = value.trim();
  return (
    <>
      <div className={styles.picker}>
        <input
          type="text"
          name={name}
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          placeholder={t('industries.placeholder')}
          maxLength={100}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => {
            setOpen(true);
            void loadInitials().then(() => setInitialsReady(true));
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              if (!open) setOpen(true);
              else setActive((a) => Math.min(a + 1, options.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && open && options[active]) {
              e.preventDefault();
              pick(options[active].value);
            } else if (e.key === 'Escape' && open) {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
        {open && options.length > 0 && (
          <ul className={`${styles.pickerList} picker-list`} id={listId} role="listbox">
            {options.map((o, i) => (
              <li
                key={o.value}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? styles.active : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(o.value);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span>{o.label}</span>
                {o.custom && <small>{t('industries.custom')}</small>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {entry && (
        <div className="muted" data-testid={`${name}-name`}>
          {entry.zh}
        </div>
      )}
      {isUnlistedIndustry(custom, value) && (
        <NotListedWarning
          name={name}
          words="industries"
          onAdd={() => void useIndustries.getState().add(typed)}
        />
      )}
    </>
  );
}
