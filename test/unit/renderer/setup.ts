// Shared setup for renderer component tests (jsdom): a clean DOM, storage and session per test.
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { noVersions, useSession } from '../../../src-renderer/stores/session';
import { useNotices } from '../../../src-renderer/stores/notices';

// The whole suite runs in parallel with heavy integration tests: give async UI a few seconds.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no CSS.escape; user-event uses it to walk radio groups with the arrow keys.
const g = globalThis as { CSS?: { escape?: (s: string) => string } };
g.CSS ??= {};
g.CSS.escape ??= (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

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
