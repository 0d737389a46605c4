// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { DemandDetail } from '../../../src-renderer/screens/DemandDetail';
import { buildTransition, offeredMoves, useDemandDetail } from '../../../src-renderer/stores/demandDetail';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';
import { satisfiedFollowup } from '../../integration/fixtures';

// The demand panel offers only the moves the workflow allows, asks for what each needs,
// and shows the API's refusal next to the field it names.

async function setup(role: 'staff' | 'supervisor' = 'supervisor') {
  const b = installBridge({ role });
  const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const d = b.ok('demands.create', {
    enterpriseId: e.id,
    title: '融资对接',
    categories: ['finance'],
    source: 'hotline',
  });
  await useSession.getState().load();
  useDemandDetail.setState({ id: null, demand: null, move: null });
  return { b, id: d.id };
}

const moves = () => [...document.querySelectorAll('[data-move]')].map((b) => b.getAttribute('data-move'));

describe('offered moves and transition input', () => {
  it('offer the workflow moves, reopening only to supervisors', () => {
    expect(offeredMoves('pending', 'staff')).toEqual(['assigned', 'rejected']);
    expect(offeredMoves('closed', 'staff')).toEqual([]);
    // A demand whose status is still to come by sync: nothing to offer, no crash.
    expect(offeredMoves(null, 'supervisor')).toEqual([]);
    expect(offeredMoves('closed', 'supervisor')).toEqual(['in_progress']);
    expect(offeredMoves('rejected', 'supervisor')).toEqual([]);
  });

  it('send closure fields only when closing, and the time as Shanghai time', () => {
    const v = {
      note: ' ',
      closureType: 'partial',
      resolution: '已协调',
      assigneeStaffId: '',
      leadUnitId: '',
      coUnitIds: [],
      at: '2026-11-20T15:30',
    };
    expect(buildTransition('d1', 'answered', 'closed', v)).toEqual({
      id: 'd1',
      to: 'closed',
      closureType: 'partial',
      resolution: '已协调',
      at: '2026-11-20T15:30:00+08:00',
    });
    expect(buildTransition('d1', 'in_progress', 'answered', { ...v, at: '' })).toEqual({
      id: 'd1',
      to: 'answered',
    });
  });
});

describe('DemandDetail', () => {
  it('walks a demand from pending to closed through the dialogs', async () => {
    const { id } = await setup();
    const user = userEvent.setup();
    render(<DemandDetail id={id} onClose={() => {}} />);
    await screen.findByRole('heading', { name: '融资对接' });
    expect(moves()).toEqual(['assigned', 'rejected']);

    const move = async (to: string, fill?: (dialog: HTMLElement) => Promise<void>) => {
      await user.click(document.querySelector(`[data-move="${to}"]`)!);
      const dialog = await screen.findByTestId('move-dialog');
      await fill?.(dialog);
      await user.click(within(dialog).getByTestId('move-confirm'));
      await waitFor(() => expect(screen.queryByTestId('move-dialog')).toBeNull());
    };

    await move('assigned', async (dialog) => {
      // A supervisor is not preselected as the handler (issue 15): he picks one.
      const assignee = within(dialog).getByLabelText(/承办人/) as HTMLSelectElement;
      expect(assignee.value).toBe('');
      await user.selectOptions(assignee, useSession.getState().info!.me!.id);
    });
    await waitFor(() => expect(moves()).toEqual(['in_progress', 'pending']));
    await move('in_progress');
    await waitFor(() => expect(moves()).toEqual(['on_hold', 'answered']));
    await move('answered');
    await waitFor(() => expect(moves()).toEqual(['closed', 'in_progress']));

    // Closing without closure type and resolution: refused, shown next to the field.
    await user.click(document.querySelector('[data-move="closed"]')!);
    const dialog = await screen.findByTestId('move-dialog');
    await user.click(within(dialog).getByTestId('move-confirm'));
    await waitFor(() =>
      expect(dialog.querySelector('.field-error[data-field="closureType"]')?.textContent).toBe(
        '办结需选择办结类型',
      ),
    );
    await user.click(within(dialog).getByLabelText('实质解决'));
    await user.click(within(dialog).getByTestId('move-confirm'));
    await waitFor(() =>
      expect(dialog.querySelector('.field-error[data-field="resolution"]')?.textContent).toBe(
        '办结需填写办理结果',
      ),
    );
    await user.type(within(dialog).getByLabelText(/办理结果/), '已对接银行授信');
    await user.click(within(dialog).getByTestId('move-confirm'));
    await waitFor(() => expect(screen.queryByTestId('move-dialog')).toBeNull());

    await waitFor(() => expect(moves()).toEqual(['in_progress']));
    expect(screen.getByTestId('demand-history').querySelectorAll('li')).toHaveLength(5);
    expect(screen.getByText('已对接银行授信')).toBeTruthy();
  });

  it('asks for a note when the workflow needs one', async () => {
    const { id } = await setup();
    const user = userEvent.setup();
    render(<DemandDetail id={id} onClose={() => {}} />);
    await screen.findByRole('heading', { name: '融资对接' });
    await user.click(document.querySelector('[data-move="rejected"]')!);
    const dialog = await screen.findByTestId('move-dialog');
    expect(within(dialog).getByPlaceholderText('必须填写说明')).toBeTruthy();
    await user.click(within(dialog).getByTestId('move-confirm'));
    await waitFor(() =>
      expect(dialog.querySelector('.field-error[data-field="note"]')?.textContent).toBe(
        '从“待受理”改为“不予受理”需要填写说明',
      ),
    );
  });

  it('does not offer reopening to staff', async () => {
    const { b, id } = await setup('staff');
    b.ok('demands.transition', { id, to: 'assigned', assigneeStaffId: b.meId });
    b.ok('demands.transition', { id, to: 'in_progress' });
    b.ok('demands.transition', { id, to: 'answered' });
    satisfiedFollowup(b, id);
    b.ok('demands.transition', { id, to: 'closed', closureType: 'explained', resolution: '已解释' });
    render(<DemandDetail id={id} onClose={() => {}} />);
    await screen.findByText('该需求已终结，无可用操作。');
    expect(moves()).toEqual([]);
  });

  it('hands a demand to a lead and a co unit, and shows their names and a unit reply', async () => {
    const { b, id } = await setup();
    const lead = b.ok('units.create', { name: '区工信局', kind: 'department' });
    const co = b.ok('units.create', { name: '东街道', kind: 'town' });
    b.ok('units.create', { name: '已停用平台', kind: 'platform', active: false });
    const user = userEvent.setup();
    render(<DemandDetail id={id} onClose={() => {}} />);
    await screen.findByRole('heading', { name: '融资对接' });
    await user.click(document.querySelector('[data-move="assigned"]')!);
    const dialog = await screen.findByTestId('move-dialog');
    const leadSelect = within(dialog).getByLabelText(/主办单位/) as HTMLSelectElement;
    await waitFor(() => expect(leadSelect.querySelectorAll('option')).toHaveLength(3)); // (none) + 2 active
    await user.selectOptions(leadSelect, lead.id);
    // The lead unit is not offered as a co unit.
    expect(within(dialog).queryByRole('checkbox', { name: '区工信局' })).toBeNull();
    await user.click(within(dialog).getByRole('checkbox', { name: '东街道' }));
    await user.selectOptions(within(dialog).getByLabelText(/承办人/), b.meId);
    await user.click(within(dialog).getByTestId('move-confirm'));
    await waitFor(() => expect(screen.queryByTestId('move-dialog')).toBeNull());
    expect(b.ok('demands.get', { id })).toMatchObject({ leadUnitId: lead.id, coUnitIds: [co.id] });
    await waitFor(() => expect(screen.getByTestId('demand-lead-unit').textContent).toBe('区工信局'));
    expect(screen.getByTestId('demand-co-units').textContent).toBe('东街道');

    b.clock.ms += 60_000;
    b.ok('demands.unitReply', { id, unitId: co.id, note: '已协调街道场地' });
    await useDemandDetail.getState().load(id);
    const history = screen.getByTestId('demand-history');
    await waitFor(() => expect(within(history).getByText(/单位答复 · 东街道/)).toBeTruthy());
    expect(within(history).getByText('已协调街道场地')).toBeTruthy();
  });
});
