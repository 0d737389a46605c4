// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { RecordChips } from '../../../src-renderer/components/RecordChips';
import { VisitForm } from '../../../src-renderer/screens/VisitForm';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// People picked from the keyboard (issue 15, point 6): type to filter, Enter or Down to pick,
// Backspace takes the last one off; the picked are chips, told apart as in every staff picker.

async function district() {
  const b = installBridge();
  const head = b.ok('staff.create', { name: '王伟', position: 'section_head', phone: '13800008821' });
  const clerk = b.ok('staff.create', { name: '王伟', position: 'staff', phone: '13900001234' });
  const li = b.ok('staff.create', { name: '李强', phone: '0591-8765 4321' });
  const gone = b.ok('staff.create', { name: '李离职' });
  b.ok('staff.update', { id: gone.id, active: false });
  b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  await useSession.getState().load();
  return { b, head, clerk, li };
}

const chips = (name: string) =>
  [...screen.getByTestId(`${name}-chips`).querySelectorAll('.chip')].map((c) => c.firstChild?.textContent);

describe('the people picker', () => {
  it('picks colleagues of a visit by typing, tells the two 王伟 apart, and Backspace unpicks', async () => {
    const { b, head, clerk, li } = await district();
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<VisitForm id={null} onClose={onClose} />);
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('enterpriseId'));
    await user.keyboard('星火');
    await screen.findByRole('option', { name: /福州星火科技有限公司/ });
    await user.keyboard('{Enter}');

    const input = document.querySelector('[name="staffIds"]') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT'); // no native multi-select needing Ctrl
    await user.click(input);
    await user.keyboard('王');
    const list = await screen.findByRole('listbox');
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['王伟（科室负责人）', '王伟（工作人员）']),
    );
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(chips('staffIds')).toEqual(['王伟（工作人员）']));
    expect(input.value).toBe('');

    await user.keyboard('李');
    await within(await screen.findByRole('listbox')).findByRole('option', { name: '李强' });
    // Staff who left are not offered.
    expect(within(screen.getByRole('listbox')).queryByRole('option', { name: '李离职' })).toBeNull();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(chips('staffIds')).toEqual(['王伟（工作人员）', '李强']));

    await user.keyboard('王');
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox'))
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['王伟（科室负责人）']),
    ); // one picked is not offered again
    await user.keyboard('{Escape}{Backspace}');
    expect(input.value).toBe('');
    await user.keyboard('{Backspace}');
    expect(chips('staffIds')).toEqual(['王伟（工作人员）']);

    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const create = b.calls.find((c) => c.method === 'visits.create')!.input as { staffIds: string[] };
    expect(create.staffIds).toEqual([clerk.id]);
    expect(create.staffIds).not.toContain(head.id);
    expect(create.staffIds).not.toContain(li.id);
  });

  it('does not offer the visit’s lead as a colleague', async () => {
    const { b } = await district();
    const user = userEvent.setup();
    render(<VisitForm id={null} onClose={() => {}} />);
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('enterpriseId'));
    const me = useSession.getState().info!.me!;
    await user.click(document.querySelector('[name="staffIds"]')!);
    await user.keyboard(me.name!.slice(0, 1));
    const list = await screen.findByRole('listbox');
    await waitFor(() => expect(screen.queryByText('搜索中…')).toBeNull());
    expect(within(list).queryByRole('option', { name: me.name! })).toBeNull();
    expect(b.meId).toBe(me.id);
  });

  it('names a picked person the same way in the chips of any form', async () => {
    const { head } = await district();
    function Organizers() {
      const [ids, setIds] = useState([head.id]);
      return <RecordChips kind="staff" name="organizers" ids={ids} onChange={setIds} placeholder="添加" />;
    }
    render(<Organizers />);
    await waitFor(() => expect(chips('organizers')).toEqual(['王伟（科室负责人）']));
  });
});
