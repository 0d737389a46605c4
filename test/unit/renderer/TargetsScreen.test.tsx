// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { TargetsScreen } from '../../../src-renderer/screens/TargetsScreen';
import { useSession } from '../../../src-renderer/stores/session';
import { useTargets } from '../../../src-renderer/stores/targets';
import { installBridge } from './bridge';

// 目标任务 on screen: a year's targets with their Chinese labels, edited by supervisors only.

async function setup(role: 'staff' | 'supervisor') {
  const b = installBridge({ role });
  await useSession.getState().load();
  useTargets.setState({ year: 2026, saved: {}, drafts: {}, error: null, failedKey: null });
  return b;
}

const row = (key: string) => document.querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`)!;

describe('the targets screen', () => {
  it('sets, changes and clears a year’s targets; another year keeps its own', async () => {
    const b = await setup('supervisor');
    b.ok('targets.set', { year: 2026, key: 'closed', value: 300 });
    const user = userEvent.setup();
    render(<TargetsScreen />);
    expect((await screen.findByTestId('targets-year')).textContent).toBe('2026 年度目标任务');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('办结数').value).toBe('300'));
    expect(row('visits').textContent).toContain('家次');
    expect(row('outcome:tech_contract:amount').textContent).toContain('技术合同登记金额');

    await user.type(screen.getByLabelText('走访家次'), '1,200');
    await user.type(screen.getByLabelText('技术合同登记金额'), '536500000.5');
    await user.clear(screen.getByLabelText('办结数'));
    await user.click(screen.getByTestId('save-targets'));
    await waitFor(() =>
      expect(b.ok('targets.list', { year: 2026 }).rows.map((r) => [r.key, r.value])).toEqual([
        ['visits', 1200],
        ['outcome:tech_contract:amount', 536500000.5],
      ]),
    );

    await user.click(screen.getByLabelText('下一年'));
    await waitFor(() => expect(screen.getByTestId('targets-year').textContent).toContain('2027'));
    expect(screen.getByLabelText<HTMLInputElement>('走访家次').value).toBe('');
  });

  it('shows targets with thousands grouped, and a value retyped without them is no change', async () => {
    const b = await setup('supervisor');
    b.ok('targets.set', { year: 2026, key: 'outcome:tech_contract:amount', value: 69000000.25 });
    const user = userEvent.setup();
    render(<TargetsScreen />);
    const amount = screen.getByLabelText<HTMLInputElement>('技术合同登记金额');
    await waitFor(() => expect(amount.value).toBe('69,000,000.25'));
    await user.clear(amount);
    await user.type(amount, '69000000.25');
    expect(screen.getByTestId<HTMLButtonElement>('save-targets').disabled).toBe(true);
    await user.clear(amount);
    await user.type(amount, '70，000，000');
    await user.click(screen.getByTestId('save-targets'));
    await waitFor(() =>
      expect(b.ok('targets.list', { year: 2026 }).rows.map((r) => [r.key, r.value])).toEqual([
        ['outcome:tech_contract:amount', 70000000],
      ]),
    );
    await waitFor(() => expect(amount.value).toBe('70,000,000'));
  });

  it('names a refused value on its row, in Chinese, and saves nothing of it', async () => {
    const b = await setup('supervisor');
    const user = userEvent.setup();
    render(<TargetsScreen />);
    await user.type(await screen.findByLabelText('新增需求'), '-5');
    await user.click(screen.getByTestId('save-targets'));
    const error = await within(row('newDemands')).findByTestId('target-error');
    expect(error.textContent).toMatch(/^目标不能为负数/);
    expect(b.ok('targets.list', { year: 2026 }).rows).toEqual([]);
  });

  it('shows staff the targets, without inputs', async () => {
    const b = await setup('staff');
    // Set as a supervisor would have, on another laptop.
    b.core.store.db.prepare(`UPDATE staff SET "role" = 'supervisor'`).run();
    b.ok('targets.set', { year: 2026, key: 'visits', value: 1200 });
    b.core.store.db.prepare(`UPDATE staff SET "role" = 'staff'`).run();
    render(<TargetsScreen />);
    await waitFor(() => expect(row('visits').textContent).toContain('1,200'));
    expect(screen.getByTestId('targets-read-only')).toBeTruthy();
    expect(document.querySelector('input')).toBeNull();
    expect(screen.queryByTestId('save-targets')).toBeNull();
  });
});
