// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { useRoute } from '../../../src-renderer/router';
import { ActivitiesScreen } from '../../../src-renderer/screens/ActivitiesScreen';
import { OutcomesScreen } from '../../../src-renderer/screens/OutcomesScreen';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// 服务活动 and 服务成效: the grids, and the forms that add one (a refusal shown on its field,
// in Chinese).

const WAIT = { timeout: 8000 };

function Activities() {
  return <ActivitiesScreen route={useRoute()} />;
}
function Outcomes() {
  return <OutcomesScreen route={useRoute()} />;
}

describe('ActivitiesScreen', () => {
  it('adds an activity with its enterprises; a held one without them or attendees is refused on 参加人次', async () => {
    const b = installBridge();
    b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    await useSession.getState().load();
    const user = userEvent.setup();
    window.location.hash = '#/activities';
    render(<Activities />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 0 条'), WAIT);

    await user.click(screen.getByTestId('new-activities'));
    const form = await screen.findByTestId('activity-form');
    expect(within(form).getByText('新增服务活动')).toBeTruthy();
    await user.type(within(form).getByRole('textbox', { name: /活动名称/ }), '高企申报培训');
    await user.selectOptions(within(form).getByRole('combobox', { name: /活动类型/ }), 'training');
    await user.click(within(form).getByRole('button', { name: /保存/ }));
    await waitFor(
      () => expect(within(form).getByText(/已举办的活动须填写参加企业或参加人次/)).toBeTruthy(),
      WAIT,
    );
    expect(b.ok('activities.list').total).toBe(0);

    await user.type(within(form).getByRole('combobox', { name: /添加参加企业/ }), '星火');
    await user.click(await within(form).findByRole('option', { name: /福州星火科技有限公司/ }, WAIT));
    await waitFor(
      () => expect(within(form).getByTestId('enterpriseIds-chips').textContent).toContain('福州星火'),
      WAIT,
    );
    await user.type(within(form).getByRole('spinbutton', { name: /参加人次/ }), '35');
    await user.click(within(form).getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/activities'), WAIT);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    expect(b.ok('activities.list').rows).toMatchObject([
      { title: '高企申报培训', type: 'training', attendees: 35, status: 'held', enterpriseCount: 1 },
    ]);
    await waitFor(() => expect(screen.getByText('培训辅导')).toBeTruthy(), WAIT);
  });
});

describe('OutcomesScreen', () => {
  it('records an outcome for a demand from its address; an amount with three decimals is refused on 金额', async () => {
    const b = installBridge();
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const d = b.ok('demands.create', { enterpriseId: e.id, title: '融资对接', categories: ['finance'] });
    await useSession.getState().load();
    const user = userEvent.setup();
    window.location.hash = `#/outcomes/new?enterpriseId=${e.id}&demandId=${d.id}`;
    render(<Outcomes />);
    const form = await screen.findByTestId('outcome-form', undefined, WAIT);
    expect(within(form).getByText('新增服务成效')).toBeTruthy();
    await user.selectOptions(within(form).getByRole('combobox', { name: /成效类型/ }), 'financing');
    await user.type(within(form).getByRole('spinbutton', { name: /金额/ }), '1200000.125');
    await user.click(within(form).getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(within(form).getByText(/金额最多保留两位小数/)).toBeTruthy(), WAIT);
    expect(b.ok('outcomes.list').total).toBe(0);

    await user.clear(within(form).getByRole('spinbutton', { name: /金额/ }));
    await user.type(within(form).getByRole('spinbutton', { name: /金额/ }), '1200000.5');
    await user.click(within(form).getByRole('button', { name: /保存/ }));
    // Back to the demand it answers.
    await waitFor(() => expect(window.location.hash).toBe(`#/demands/${d.id}`), WAIT);
    expect(b.ok('outcomes.list').rows).toMatchObject([
      { enterpriseId: e.id, demandId: d.id, type: 'financing', amount: 1200000.5, count: 1, status: 'done' },
    ]);
    // The list shows the amount as money is read: grouped, two decimals.
    window.location.hash = '#/outcomes';
    await waitFor(() => expect(screen.getByText('1,200,000.50')).toBeTruthy(), WAIT);
  });
});
