// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import './setup';
import '../../../src-renderer/i18n';
import { App } from '../../../src-renderer/App';
import { useSession } from '../../../src-renderer/stores/session';
import { callAsync } from '../../../src-main/dispatch';
import { startupFailureMessage } from '../../../src-main/doors/electron/startupFailure';
import { installBridge } from './bridge';

// The window the desktop shell shows before its core is open: 正在准备… while the first call
// waits, then the app; or, when the database cannot be opened, what happened and what to do.

describe('the first screen of the desktop app', () => {
  it('says 正在准备… until the core answers, then shows the app', async () => {
    useSession.setState({ info: null, loadError: null });
    const b = installBridge();
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    b.override('app.info', async (input) => {
      await opened;
      return JSON.parse(JSON.stringify(await callAsync(b.core, 'app.info', input)));
    });
    window.location.hash = '#/today';
    render(<App />);
    expect(screen.getByTestId('preparing').textContent).toBe('正在准备…');
    open();
    expect(await screen.findByTestId('me-name')).toBeTruthy();
    expect(screen.queryByTestId('preparing')).toBeNull();
  });

  it('shows a database that cannot be opened, with what to do', async () => {
    useSession.setState({ info: null, loadError: null });
    const b = installBridge();
    const message = startupFailureMessage(
      'SQLITE_CORRUPT: database disk image is malformed',
      'C:\\Users\\王\\AppData\\Roaming\\Visit Ledger',
    );
    b.override('app.info', async () => ({
      ok: false,
      error: { code: 'INTERNAL', message, details: { startup: true } },
    }));
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('数据库未能打开：SQLITE_CORRUPT');
    expect(alert.textContent).toContain('帮助 → 导出诊断信息');
    expect(alert.textContent).toContain('C:\\Users\\王\\AppData\\Roaming\\Visit Ledger');
  });
});
