// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { DemandDetail } from '../../../src-renderer/screens/DemandDetail';
import { BoardScreen } from '../../../src-renderer/screens/BoardScreen';
import { useDemandDetail } from '../../../src-renderer/stores/demandDetail';
import { useBoard } from '../../../src-renderer/stores/board';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// 延期 and 督办 on screen: the detail shows a pending request and its supervision, staff ask
// for an extension there, and a supervisor approves it there or on the board.

async function setup(role: 'staff' | 'supervisor') {
  const b = installBridge({ role });
  const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const d = b.ok('demands.create', { enterpriseId: e.id, title: '融资对接', categories: ['finance'] });
  b.ok('demands.transition', { id: d.id, to: 'assigned', assigneeStaffId: b.meId });
  await useSession.getState().load();
  useDemandDetail.setState({ id: null, demand: null, move: null });
  return { b, id: d.id };
}

describe('extension requests on screen', () => {
  it('staff ask for an extension from the detail; a refusal is shown next to the date', async () => {
    const { b, id } = await setup('staff');
    const user = userEvent.setup();
    render(<DemandDetail id={id} onClose={() => {}} />);
    await user.click(await screen.findByTestId('extension-request'));
    const dialog = await screen.findByTestId('extension-dialog');
    await user.type(within(dialog).getByLabelText(/延期理由/), '等待银行审批');
    const date = within(dialog).getByLabelText(/延至/);
    await user.type(date, '2026-11-30'); // the due date itself: not after it
    await user.click(within(dialog).getByTestId('extension-confirm'));
    await waitFor(() => expect(dialog.querySelector('.field-error[data-field="dueDate"]')).toBeTruthy());
    await user.clear(date);
    await user.type(date, '2026-12-20');
    await user.click(within(dialog).getByTestId('extension-confirm'));
    await waitFor(() => expect(screen.queryByTestId('extension-dialog')).toBeNull());
    const pending = await screen.findByTestId('demand-extension');
    expect(pending.textContent).toContain('延期申请待审批');
    expect(pending.textContent).toContain('等待银行审批');
    // Staff cannot decide.
    expect(screen.queryByTestId('extension-approve')).toBeNull();
    expect(b.ok('demands.get', { id }).extension?.dueDate).toBe('2026-12-20');
  });

  it('a supervisor sees the pending request and its supervision, and approves it', async () => {
    const { b, id } = await setup('supervisor');
    b.ok('demands.requestExtension', { id, dueDate: '2026-12-20', reason: '等待银行审批' });
    b.ok('demands.supervise', { ids: [id], level: 'district', note: '区领导批示' });
    const user = userEvent.setup();
    render(<DemandDetail id={id} onClose={() => {}} />);
    expect((await screen.findByTestId('demand-supervision')).textContent).toContain('挂牌督办');
    expect((await screen.findByTestId('demand-extension')).textContent).toContain('等待银行审批');
    await user.click(screen.getByTestId('extension-approve'));
    await waitFor(() => expect(screen.queryByTestId('demand-extension')).toBeNull());
    expect(b.ok('demands.get', { id }).dueDate).toBe('2026-12-20');
    const history = screen.getByTestId('demand-history').textContent;
    for (const shown of ['延期申请', '督办', '延期审批', '同意延期至 2026-12-20'])
      expect(history).toContain(shown);
  });

  it('the board counts supervised demands, filters them, and lists requests to decide', async () => {
    const { b, id } = await setup('supervisor');
    const other = b.ok('demands.create', {
      enterpriseId: b.ok('demands.get', { id }).enterpriseId!,
      title: '人才引进',
      categories: ['talent'],
    });
    b.ok('demands.supervise', { ids: [id], level: 'bureau', note: '局督办' });
    b.ok('demands.requestExtension', { id: other.id, dueDate: '2026-12-20', reason: '材料未齐' });
    useBoard.setState({ supervisedOnly: false, board: null });
    const user = userEvent.setup();
    render(<BoardScreen />);
    const filter = await screen.findByTestId('board-supervised');
    await waitFor(() => expect(filter.textContent).toBe('督办 1'));
    const requests = await screen.findByTestId('board-extensions');
    expect(requests.textContent).toContain('人才引进');
    await user.click(filter);
    await waitFor(() => expect(document.querySelectorAll('[data-demand]').length).toBe(1));
    expect(document.querySelector(`tr[data-demand="${id}"]`)).toBeTruthy();
    await user.click(filter);
    await waitFor(() => expect(screen.queryByTestId('board-extensions')).toBeTruthy());
    await user.click(within(screen.getByTestId('board-extensions')).getByText('同意延期'));
    await waitFor(() => expect(screen.queryByTestId('board-extensions')).toBeNull());
    expect(b.ok('demands.get', { id: other.id }).dueDate).toBe('2026-12-20');
  });
});
