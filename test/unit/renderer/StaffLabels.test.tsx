// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import { StaffSelect } from '../../../src-renderer/components/form';
import { RecordChips } from '../../../src-renderer/components/RecordChips';
import { staffLabels } from '../../../src-renderer/staffLabels';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// Two staff members with the same name (two laptops joined) are told apart wherever a staff
// member is picked: by position when that differs, else by the last digits of the phone.

const person = (id: string, name: string, more: { position?: string; phone?: string } = {}) => ({
  id,
  name,
  position: more.position ?? null,
  phone: more.phone ?? null,
});

describe('staff labels', () => {
  it('add the position, else the phone tail, to a name someone else also has', () => {
    const labels = staffLabels([
      person('a', '王伟', { position: 'section_head', phone: '13800008821' }),
      person('b', '王伟', { position: 'staff', phone: '13900001234' }),
      person('c', '李娜', { position: 'staff' }),
      person('d', '张强', { position: 'staff', phone: '13800008821' }),
      person('e', '张强', { position: 'staff', phone: '13700005566' }),
      person('f', '赵敏'),
      person('g', '赵敏'),
    ]);
    expect(labels.get('a')).toBe('王伟（科室负责人）');
    expect(labels.get('b')).toBe('王伟（工作人员）');
    expect(labels.get('c')).toBe('李娜');
    expect(labels.get('d')).toBe('张强 ·8821');
    expect(labels.get('e')).toBe('张强 ·5566');
    expect(labels.get('f')).toBe('赵敏 (1)');
    expect(labels.get('g')).toBe('赵敏 (2)');
  });

  it('tell the two 王伟 apart in a staff picker', async () => {
    const b = installBridge();
    b.ok('staff.create', { name: '王伟', position: 'section_head', phone: '13800008821' });
    b.ok('staff.create', { name: '王伟', phone: '13900001234' });
    await useSession.getState().load();
    const { container } = render(<StaffSelect name="liaisonStaffId" value="" onChange={() => {}} />);
    const options = [...container.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toContain('王伟（科室负责人）');
    expect(options).toContain('王伟（工作人员）');
  });

  it('tell the two 王伟 apart among an activity’s organisers, in the chips and the picker', async () => {
    const b = installBridge();
    const head = b.ok('staff.create', { name: '王伟', position: 'section_head', phone: '13800008821' });
    b.ok('staff.create', { name: '王伟', phone: '13900001234' });
    await useSession.getState().load();
    const user = userEvent.setup();
    const { container } = render(
      <RecordChips
        kind="staff"
        name="organizerStaffIds"
        ids={[head.id]}
        onChange={() => {}}
        placeholder="添加"
      />,
    );
    await waitFor(() =>
      expect(container.querySelector('[data-testid="organizerStaffIds-chips"]')?.textContent).toContain(
        '王伟（科室负责人）',
      ),
    );
    // The picker offers the other 王伟 only (one already picked is not offered again), told apart.
    await user.type(screen.getByRole('combobox'), '王伟');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(screen.getByRole('option').textContent).toContain('王伟（工作人员）');
  });
});
