// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { BoardScreen } from '../../../src-renderer/screens/BoardScreen';
import { DemandDetail } from '../../../src-renderer/screens/DemandDetail';
import { useBoard } from '../../../src-renderer/stores/board';
import { useDemandDetail } from '../../../src-renderer/stores/demandDetail';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// 阶段性答复 on screen: the demand detail shows the first reply's date, flags it late and
// records a reply; the board counts late first replies.

async function setup(role: 'staff' | 'supervisor') {
  const b = installBridge({ role });
  const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const d = b.ok('demands.create', { enterpriseId: e.id, title: '融资对接', categories: ['finance'] });
  // Due 2026-11-26 (three working days after Monday 2026-11-23); now the day after.
  b.clock.set('2026-11-27T10:00:00+08:00');
  await useSession.getState().load();
  return { b, d };
}

describe('the first reply on the demand detail', () => {
  it('shows its date, flags it late, and records a 阶段性答复', async () => {
    const { b, d } = await setup('staff');
    useDemandDetail.setState({ id: null, demand: null, move: null });
    const user = userEvent.setup();
    render(<DemandDetail id={d.id} onClose={() => {}} />);
    const facts = await screen.findByTestId('first-reply');
    expect(facts.textContent).toContain('2026-11-26');
    expect(facts.textContent).toContain('尚未答复');
    expect(facts.textContent).toContain('答复超期');
    await user.click(screen.getByTestId('first-reply-open'));
    const dialog = await screen.findByTestId('first-reply-dialog');
    await user.type(within(dialog).getByLabelText(/答复内容/), '已联系合作银行，下周反馈');
    await user.click(within(dialog).getByTestId('first-reply-confirm'));
    await waitFor(() => expect(screen.queryByTestId('first-reply-dialog')).toBeNull());
    expect(screen.getByTestId('first-reply').textContent).toContain('已答复');
    expect(screen.getByTestId('demand-history').textContent).toContain('阶段性答复');
    expect(b.ok('demands.get', { id: d.id }).firstRepliedAt).toBe('2026-11-27T02:00:00.000Z');
  });

  it('is counted on the board and tagged on its row', async () => {
    await setup('supervisor');
    useBoard.setState({ supervisedOnly: false, board: null });
    render(<BoardScreen />);
    await waitFor(() =>
      expect(screen.getByTestId('board-late-first-replies').textContent).toBe('答复超期 1'),
    );
    expect(document.body.textContent).toContain('融资对接');
  });
});
