// Hash routing (#/screen/id?key=value): simple, and works from file:// in Electron.
import { useSyncExternalStore } from 'react';

export const SCREENS = [
  'today',
  'enterprises',
  'visits',
  'demands',
  'board',
  'clinics',
  'experts',
  'followups',
  'staff',
  'reports',
  'import',
  'sync',
  'conflicts',
  'backups',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

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
  const screen = (SCREENS as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as Screen) : 'today';
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
