// Ctrl+K anywhere: find an enterprise, visit, demand, expert or unit by what one remembers of
// it (name, pinyin initials, credit code, contact, number), grouped by kind; the arrow keys
// move through every group and Enter opens the record.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '@shared/contract/search';
import { call, toApiError } from '../api';
import { navigate, routeHref } from '../router';
import { Dialog } from './Dialog';
import styles from './SearchPalette.module.css';

/** Typing settles this long before a search runs. */
const DEBOUNCE_MS = 150;

type Hit = SearchResult['groups'][number]['items'][number] & { kind: SearchResult['groups'][number]['kind'] };

/** Opens on Ctrl+K (⌘K), or from the header's button. */
export function SearchPalette() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className={styles.opener}
        title={t('search.openTitle')}
        onClick={() => setOpen(true)}
        data-testid="search-open"
      >
        {t('search.open')} <kbd>Ctrl+K</kbd>
      </button>
      {open && <Palette onClose={() => setOpen(false)} />}
    </>
  );
}

function Palette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setResult] = useState<{ q: string; groups: SearchResult['groups'] } | null>(null);
  // Cleared words show nothing (the last answer stays for when they come back).
  const result = q.trim() ? found : null;
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!q.trim()) return;
    let stale = false;
    const timer = setTimeout(() => {
      call('search.global', { q })
        .then((r) => {
          if (stale) return;
          setResult({ q, groups: r.groups });
          setError(null);
          setActive(0);
        })
        .catch((e: unknown) => !stale && setError(toApiError(e).message));
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [q]);

  const hits: Hit[] = useMemo(
    () => result?.groups.flatMap((g) => g.items.map((item) => ({ ...item, kind: g.kind }))) ?? [],
    [result],
  );
  const openHit = (hit: Hit) => {
    onClose();
    navigate(routeHref(hit.kind, hit.id), { focusArrival: true });
  };
  const optionId = (i: number) => `search-hit-${i}`;

  let index = 0;
  return (
    <Dialog title={t('search.title')} onClose={onClose} testId="search-palette" wide>
      <input
        type="search"
        className={styles.input}
        value={q}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-hits"
        aria-activedescendant={hits.length ? optionId(active) : undefined}
        data-testid="search-input"
        autoFocus
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (hits.length)
              setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
          } else if (e.key === 'Enter' && hits[active]) {
            e.preventDefault();
            openHit(hits[active]);
          }
        }}
      />
      <p className="muted">{t('search.hint')}</p>
      {error && (
        <p className="error" role="alert">
          {t('search.failed')}: {error}
        </p>
      )}
      {q.trim() && result?.q !== q && !error && <p className="muted">{t('search.searching')}</p>}
      {result && result.q === q && hits.length === 0 && (
        <p className="muted" data-testid="search-none">
          {t('search.none', { q: q.trim() })}
        </p>
      )}
      <div id="search-hits" role="listbox" aria-label={t('search.title')} className={styles.groups}>
        {result?.groups.map((g) => (
          <section
            key={g.kind}
            role="group"
            aria-label={t(`nav.${g.kind}`)}
            data-testid={`search-group-${g.kind}`}
          >
            <h3 className={styles.groupHead}>
              {t(`nav.${g.kind}`)}
              {g.more && <small className="muted"> {t('search.more', { shown: g.items.length })}</small>}
            </h3>
            <ul>
              {g.items.map((item) => {
                const i = index++;
                const hit = hits[i]!;
                return (
                  <li
                    key={item.id}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    className={i === active ? styles.active : undefined}
                    onMouseEnter={() => setActive(i)}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      openHit(hit);
                    }}
                  >
                    <span>{item.title}</span>
                    {item.detail && <small>{item.detail}</small>}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
