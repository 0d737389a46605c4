// Hash routing (#/screen/id?key=value): simple, and works from file:// in Electron. The screens
// are those of the route table (routes.tsx).
import { useSyncExternalStore } from 'react';
import { SCREENS, type Screen } from './routes';

export type { Screen } from './routes';

export function isScreen(name: string): name is Screen {
  return (SCREENS as readonly string[]).includes(name);
}

export interface Route {
  screen: Screen;
  /** A record id, or 'new'. */
  id: string | null;
  /** A sub-page such as 'edit'. */
  action: string | null;
  params: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const first = parts[0] ?? '';
  const screen = isScreen(first) ? first : 'today';
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return { screen, id: parts[1] ?? null, action: parts[2] ?? null, params };
}

export function routeHref(
  screen: Screen,
  id?: string | null,
  action?: string | null,
  params?: Record<string, string | null | undefined>,
): string {
  let href = `#/${screen}`;
  if (id) href += `/${encodeURIComponent(id)}`;
  if (id && action) href += `/${encodeURIComponent(action)}`;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) query.set(k, v);
  const qs = query.toString();
  return qs ? `${href}?${qs}` : href;
}

/** Until when the screen navigated to may take the keyboard focus (see takeArrivalFocus). */
let arrivalFocusUntil = 0;
/** A screen still loading its record gets this long to claim the focus; later it is too late. */
const ARRIVAL_FOCUS_MS = 3_000;

export function navigate(href: string, options: { replace?: boolean; focusArrival?: boolean } = {}): void {
  arrivalFocusUntil = options.focusArrival ? Date.now() + ARRIVAL_FOCUS_MS : 0;
  if (options.replace) {
    history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href.replace(/^#/, '');
  }
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseHash(hash);
}

/**
 * Whether the screen just navigated to should take the focus (once): it was opened from the
 * keyboard (the search palette), so the next Tab should reach its own actions, not walk the
 * sidebar again from the top bar.
 */
export function takeArrivalFocus(): boolean {
  const wanted = Date.now() < arrivalFocusUntil;
  arrivalFocusUntil = 0;
  return wanted;
}
