// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import { installBridge } from './bridge';
import { makeCore } from '../../helpers';
import { makeEnterprise } from '../../integration/fixtures';
import { App } from '../../../src-renderer/App';
import '../../../src-renderer/i18n';
import { useReports } from '../../../src-renderer/stores/reports';

// The report's fifth section: activities and outcomes per type, each count opening its records.

HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

beforeEach(() => {
  useReports.setState(useReports.getInitialState(), true);
});

describe('the Reports screen: service activities and outcomes', () => {
  it('shows the counts and the per-type tables; an outcome type opens its outcomes', async () => {
    const t = makeCore();
    const e = makeEnterprise(t, { name: '福州星火科技有限公司' });
    t.ok('activities.create', {
      type: 'training',
      date: '2026-08-03',
      title: '高企申报培训',
      enterpriseIds: [e.id],
      attendees: 60,
    });
    t.ok('activities.create', { type: 'salon', date: '2026-09-03', title: '技术沙龙', attendees: 25 });
    t.ok('outcomes.create', {
      enterpriseId: e.id,
      type: 'tech_contract',
      date: '2026-08-20',
      amount: 1_255_000,
    });
    t.ok('outcomes.create', {
      enterpriseId: e.id,
      type: 'tech_contract',
      date: '2026-09-20',
      amount: 300_000,
    });
    installBridge(t);
    const user = userEvent.setup();
    window.location.hash = '#/reports?quarter=2026Q3';
    render(<App />);
    const report = await screen.findByTestId('report');
    await waitFor(() => expect(report.getAttribute('aria-busy')).toBe('false'));
    const tile = (k: string) => report.querySelector<HTMLButtonElement>(`.kpi[data-figure="${k}"]`)!;
    expect(tile('activities').getAttribute('data-value')).toBe('2');
    expect(tile('attendees').getAttribute('data-value')).toBe('85');
    expect(tile('enterprisesReached').getAttribute('data-value')).toBe('1');
    expect(within(report).getByText('五、服务活动与成效')).toBeTruthy();

    const byType = within(screen.getByTestId('activities-by-type'));
    expect(byType.getByText('培训辅导')).toBeTruthy();
    const outcomes = screen.getByTestId('outcomes-by-type');
    const row = outcomes.querySelector('tr[data-key="tech_contract"]')!;
    expect(row.textContent).toContain('技术合同登记');
    expect(row.textContent).toContain('1,555,000.00');
    await user.click(within(row as HTMLElement).getByRole('button', { name: '2' }));
    const drawer = await screen.findByTestId('records-drawer');
    await waitFor(() => expect(drawer.querySelectorAll('tbody tr')).toHaveLength(2));
    expect(window.location.hash).toContain('figure=outcomesByType');
    expect(within(drawer).getAllByText(/技术合同登记/).length).toBeGreaterThan(0);
    expect(drawer.querySelector('tbody tr a')!.getAttribute('href')).toMatch(/^#\/outcomes\//);
  });
});
