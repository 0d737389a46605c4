// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { useRoute } from '../../../src-renderer/router';
import { UnitsScreen } from '../../../src-renderer/screens/UnitsScreen';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// 承办单位: the grid of units, and the form that adds one (a taken name is refused on its field).

const WAIT = { timeout: 8000 };

function Units() {
  return <UnitsScreen route={useRoute()} />;
}

describe('UnitsScreen', () => {
  it('lists the units with their kind, adds one, and refuses a name already taken', async () => {
    const b = installBridge();
    b.ok('units.create', { name: '区工信局', kind: 'department', contact: '王科长' });
    await useSession.getState().load();
    const user = userEvent.setup();
    window.location.hash = '#/units';
    render(<Units />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    await waitFor(() => expect(screen.getByText('区直部门')).toBeTruthy(), WAIT);

    await user.click(screen.getByTestId('new-units'));
    let form = await screen.findByTestId('unit-form');
    expect(within(form).getByText('新增承办单位')).toBeTruthy();
    await user.type(within(form).getByRole('textbox', { name: /单位名称/ }), '东街道');
    await user.selectOptions(within(form).getByRole('combobox', { name: /单位类型/ }), 'town');
    await user.click(within(form).getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/units'), WAIT);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 2 条'), WAIT);
    expect(b.ok('units.list', { q: '东街道' }).rows).toMatchObject([
      { name: '东街道', kind: 'town', active: true },
    ]);

    await user.click(screen.getByTestId('new-units'));
    form = await screen.findByTestId('unit-form');
    await user.type(within(form).getByRole('textbox', { name: /单位名称/ }), '区工信局');
    await user.click(within(form).getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(within(form).getByText(/已有名为/)).toBeTruthy(), WAIT);
    expect(b.ok('units.list').total).toBe(2);
  });
});
