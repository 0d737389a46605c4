// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { useRoute } from '../../../src-renderer/router';
import { FollowupsScreen } from '../../../src-renderer/screens/FollowupsScreen';
import { StaffScreen } from '../../../src-renderer/screens/StaffScreen';
import { useNotices } from '../../../src-renderer/stores/notices';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// The list screen a record kind declares: its grid, the form drawer the address opens, saving
// back to the list, the kind's views, and a form started from another record's page.

const WAIT = { timeout: 8000 };

function Staff() {
  return <StaffScreen route={useRoute()} />;
}
function Followups() {
  return <FollowupsScreen route={useRoute()} />;
}

describe('RecordListScreen', () => {
  it('opens the form from the address, saves, and goes back to the list', async () => {
    installBridge();
    await useSession.getState().load();
    const user = userEvent.setup();
    window.location.hash = '#/staff';
    render(<Staff />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);

    await user.click(screen.getByTestId('new-staff'));
    const form = await screen.findByTestId('staff-form');
    expect(within(form).getByText('新增人员')).toBeTruthy();
    await user.type(within(form).getByRole('textbox', { name: /姓名/ }), '陈敏');
    await user.click(within(form).getByRole('button', { name: /保存/ }));

    await waitFor(() => expect(window.location.hash).toBe('#/staff'), WAIT);
    expect(screen.queryByTestId('staff-form')).toBeNull();
    expect(useNotices.getState().notices.map((n) => n.text)).toContain('已保存');
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 2 条'), WAIT);
  });

  it('filters by view, and a follow-up started from a demand is of it and returns to it', async () => {
    const b = installBridge();
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const d = b.ok('demands.create', {
      enterpriseId: e.id,
      title: '融资对接',
      categories: ['finance'],
      source: 'hotline',
    });
    await useSession.getState().load();
    const user = userEvent.setup();
    window.location.hash = '#/followups';
    render(<Followups />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 0 条'), WAIT);

    await user.selectOptions(screen.getByRole('combobox', { name: '视图' }), '待回访');
    await waitFor(() => {
      const last = b.calls.filter((c) => c.method === 'followups.list').at(-1);
      expect(last?.input).toMatchObject({ filter: { doneAt: null } });
    }, WAIT);

    window.location.hash = `#/followups/new?parentType=demand&parentId=${d.id}`;
    const form = await screen.findByTestId('followup-form');
    await waitFor(
      () => expect(form.querySelector<HTMLInputElement>('input[name="parentId"]')?.value).toBe('融资对接'),
      WAIT,
    );
    await user.click(within(form).getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(window.location.hash).toBe(`#/demands/${d.id}`), WAIT);
    expect(b.ok('followups.list').rows.map((f) => f.parentId)).toEqual([d.id]);
  });
});
