// Shared setup for renderer component tests (jsdom): a clean DOM, storage and session per test.
import { afterEach, beforeAll } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { noVersions, useSession } from '../../../src-renderer/stores/session';
import { useNotices } from '../../../src-renderer/stores/notices';

// The whole suite runs in parallel with heavy integration tests: give async UI a few seconds.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no CSS.escape; user-event uses it to walk radio groups with the arrow keys.
const g = globalThis as { CSS?: { escape?: (s: string) => string } };
g.CSS ??= {};
g.CSS.escape ??= (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

// AG Grid measures its viewport every time its rows or heights change. jsdom lays nothing out and
// says 'auto', which the grid reads as NaN; NaN is never equal to the last measure, so each
// measure changed the grid and scheduled the next, every animation frame for as long as a grid
// was on screen (about 500 computed-style reads a second each). A viewport with a size, as on
// any screen, ends that; the grid renders the same rows.
if (!document.getElementById('test-grid-viewport')) {
  const style = document.createElement('style');
  style.id = 'test-grid-viewport';
  style.textContent = '.ag-grid-viewport { width: 1200px; height: 600px; }';
  document.head.append(style);
}

// Test files share one module graph per worker (test/vitest.config.ts): each file starts with
// every store as it was made and at the first screen, as a file of its own would.
const storeModules = import.meta.glob<Record<string, unknown>>('../../../src-renderer/stores/*.ts', {
  eager: true,
});
interface AnyStore {
  getInitialState(): object;
  setState(state: object, replace: true): void;
}
const isStore = (v: unknown): v is AnyStore =>
  typeof v === 'function' && 'getInitialState' in v && 'setState' in v;
beforeAll(() => {
  for (const mod of Object.values(storeModules))
    for (const value of Object.values(mod)) if (isStore(value)) value.setState(value.getInitialState(), true);
  window.history.replaceState(null, '', window.location.pathname);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  delete window.visitLedger;
  useSession.setState({
    info: null,
    staff: [],
    versions: noVersions(),
    myLate: 0,
    bureauOverdue: 0,
    loadError: null,
  });
  useNotices.setState({ notices: [] });
});
