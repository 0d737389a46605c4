// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import i18n, { LANGUAGE_KEY } from '../../../src-renderer/i18n';
import { App } from '../../../src-renderer/App';
import { installBridge } from './bridge';

// The shell: navigation with the late-items badge, every screen linked, the demo
// notice, the language switch remembered, Alt+N to log a visit.

describe('App', () => {
  it('shows the shell, the badge of my late items and a link to every screen', async () => {
    const b = installBridge({ now: '2026-11-23T12:00:00+08:00' });
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    b.ok('demands.create', {
      enterpriseId: e.id,
      title: '逾期的需求',
      categories: ['tech'],
      source: 'hotline',
      assigneeStaffId: b.meId,
      receivedAt: '2026-11-01',
    });
    window.location.hash = '#/today';
    render(<App />);
    expect(await screen.findByTestId('badge-today')).toHaveProperty('textContent', '1');
    expect(screen.getByTestId('me-name').textContent).toContain('测试员');
    for (const [label, hash] of [
      ['统计报表', '#/reports'],
      ['台账导入', '#/import'],
      ['同步', '#/sync'],
      ['备份与恢复', '#/backups'],
    ] as const) {
      expect(screen.getByText(label).closest('a')?.getAttribute('href')).toBe(hash);
    }
    expect(await screen.findByText('逾期的需求')).toBeTruthy();
    expect(screen.queryByTestId('demo-notice')).toBeNull();
  });

  it('says when the demo district was loaded', async () => {
    const b = installBridge();
    b.core.store.setMeta('demoLoadedAt', '2026-11-23T01:00:00.000Z');
    render(<App />);
    expect((await screen.findByTestId('demo-notice')).textContent).toContain('已载入演示数据');
  });

  it('switches language from the header and remembers it', async () => {
    installBridge();
    const user = userEvent.setup();
    render(<App />);
    await screen.findByTestId('me-name');
    await user.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(screen.getByText('Supervisor board')).toBeTruthy());
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByTestId('lang-zh'));
    await waitFor(() => expect(screen.getByText('督办看板')).toBeTruthy());
    expect(i18n.language).toBe('zh-CN');
  });

  it('opens the visit form on Alt+N', async () => {
    installBridge();
    const user = userEvent.setup();
    window.location.hash = '#/today';
    render(<App />);
    await screen.findByTestId('me-name');
    await user.keyboard('{Alt>}n{/Alt}');
    await waitFor(() => expect(window.location.hash).toBe('#/visits/new'));
    expect(await screen.findByTestId('visit-form')).toBeTruthy();
  });
});
