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

export function navigate(href: string, options: { replace?: boolean } = {}): void {
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
