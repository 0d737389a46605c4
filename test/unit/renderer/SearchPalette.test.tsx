// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import { App } from '../../../src-renderer/App';
import { installBridge, type Bridge } from './bridge';

// Ctrl+K: find anything by what one remembers of it, grouped by kind, keyboard only.

function district(b: Bridge) {
  const huake = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '华科智能装备有限公司' });
  const visit = b.ok('visits.create', { enterpriseId: huake.id, date: '2026-11-20', mode: 'onsite' });
  const demand = b.ok('demands.create', {
    enterpriseId: huake.id,
    categories: ['tech'],
    title: '需要检测设备',
  });
  return { huake, visit, demand };
}

describe('the search palette', () => {
  it('opens on Ctrl+K, finds by pinyin initials in groups, and opens the chosen record with the keyboard', async () => {
    const b = installBridge();
    const d = district(b);
    const user = userEvent.setup();
    window.location.hash = '#/today';
    render(<App />);
    await screen.findByTestId('me-name');
    await user.keyboard('{Control>}k{/Control}');
    const input = await screen.findByTestId('search-input');
    expect(document.activeElement).toBe(input);
    await user.keyboard('hkzn');
    const enterprises = await screen.findByTestId('search-group-enterprises');
    expect(within(enterprises).getByText('企业库')).toBeTruthy();
    expect(within(enterprises).getByText('华科智能装备有限公司')).toBeTruthy();
    expect(
      within(screen.getByTestId('search-group-visits')).getByText(new RegExp(d.visit.visitNo!)),
    ).toBeTruthy();
    expect(within(screen.getByTestId('search-group-demands')).getByText('需要检测设备')).toBeTruthy();
    // The first hit is chosen; two steps down is the demand (enterprise, visit, demand).
    const options = screen.getAllByRole('option');
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe(`#/demands/${d.demand.id}`));
    expect(screen.queryByTestId('search-palette')).toBeNull();
  });

  it('puts the keyboard on the record it opened: one Tab from its heading to its first action', async () => {
    const b = installBridge();
    const d = district(b);
    const user = userEvent.setup();
    window.location.hash = '#/today';
    render(<App />);
    await screen.findByTestId('me-name');
    await user.keyboard('{Control>}k{/Control}');
    await screen.findByTestId('search-input');
    await user.keyboard('hkzn');
    await screen.findByTestId('search-group-enterprises');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe(`#/enterprises/${d.huake.id}`));
    const heading = await screen.findByRole('heading', { level: 1, name: /华科智能装备有限公司/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await user.tab();
    expect(document.activeElement?.textContent).toContain('记一次走访');
  });

  it('says when nothing matches, and closes on Esc', async () => {
    const b = installBridge();
    district(b);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId('search-open'));
    await user.type(await screen.findByTestId('search-input'), '不存在的企业');
    expect((await screen.findByTestId('search-none')).textContent).toContain('没有找到“不存在的企业”');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('search-palette')).toBeNull());
  });
});
