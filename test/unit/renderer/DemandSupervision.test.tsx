// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { BoardScreen } from '../../../src-renderer/screens/BoardScreen';
import { DemandDetail } from '../../../src-renderer/screens/DemandDetail';
import { TodayScreen } from '../../../src-renderer/screens/TodayScreen';
import { EnterpriseDetail } from '../../../src-renderer/screens/EnterpriseDetail';
import { useBoard } from '../../../src-renderer/stores/board';
import { useDemandDetail } from '../../../src-renderer/stores/demandDetail';
import { useSession } from '../../../src-renderer/stores/session';
import { useToday } from '../../../src-renderer/stores/today';
import { installBridge, type Bridge } from './bridge';

// Staff act on supervision where they see demands: 催办 and 督办 from the board's selection,
// a unit's reply (承办单位反馈) on the demand, what waits for them on the first screen, and
// the events in words on the enterprise timeline and the change history.

const DAY = 86_400_000;

async function world(role: 'staff' | 'supervisor' = 'supervisor') {
  const b = installBridge({ role });
  const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const lead = b.ok('units.create', { name: '区工信局', kind: 'department' });
  const co = b.ok('units.create', { name: '东街道', kind: 'town' });
  const d = b.ok('demands.create', { enterpriseId: e.id, title: '融资对接', categories: ['finance'] });
  b.ok('demands.transition', {
    id: d.id,
    to: 'assigned',
    assigneeStaffId: b.meId,
    leadUnitId: lead.id,
    coUnitIds: [co.id],
  });
  const fresh = b.ok('demands.create', { enterpriseId: e.id, title: '人才引进', categories: ['talent'] });
  await useSession.getState().load();
  return { b, enterprise: e, lead, co, id: d.id, freshId: fresh.id };
}

function lateBy(b: Bridge, days: number) {
  b.clock.ms += days * DAY;
}

describe('the board acts on its selection', () => {
  it('催办: the overdue demands ticked get a reminder each, shown ready to paste and copied', async () => {
    const { b, id, freshId, enterprise } = await world('staff');
    lateBy(b, 10);
    b.ok('demands.create', { enterpriseId: enterprise.id, title: '新收需求', categories: ['ip'] });
    useBoard.setState({ board: null, selected: new Set(), supervisedOnly: false, unit: null });
    const user = userEvent.setup();
    render(<BoardScreen />);
    await user.click(await screen.findByTestId('board-select-overdue'));
    expect(screen.getByTestId('bulk-bar').textContent).toContain('已选 2 件');
    await user.click(screen.getByTestId('board-urge'));
    const dialog = await screen.findByTestId('urge-dialog');
    await user.type(within(dialog).getByLabelText(/催办说明/), '请本周内答复');
    await user.click(within(dialog).getByTestId('urge-confirm'));
    const text = (await within(dialog).findByTestId('urge-texts')) as HTMLTextAreaElement;
    expect(text.value).toContain('【催办】福州星火科技有限公司「融资对接」');
    expect(text.value).toContain('主办：区工信局');
    expect(text.value).toContain('请本周内答复');
    expect(text.value).toContain('「人才引进」');
    expect(text.value).not.toContain('新收需求');
    await user.click(within(dialog).getByTestId('urge-copy'));
    expect(await navigator.clipboard.readText()).toBe(text.value);
    for (const urged of [id, freshId])
      expect(b.ok('demands.get', { id: urged }).history!.at(-1)).toMatchObject({ type: 'urged' });
  });

  it('督办: a supervisor puts the ticked demands under 挂牌督办 with a note; staff are not offered it', async () => {
    const { b, id } = await world('supervisor');
    useBoard.setState({ board: null, selected: new Set(), supervisedOnly: false, unit: null });
    const user = userEvent.setup();
    render(<BoardScreen />);
    await user.click(await screen.findByRole('checkbox', { name: '融资对接' }));
    await user.click(screen.getByTestId('board-supervise'));
    const dialog = await screen.findByTestId('supervise-dialog');
    await user.click(within(dialog).getByLabelText('挂牌督办'));
    await user.type(within(dialog).getByLabelText(/督办说明/), '区领导批示');
    await user.click(within(dialog).getByTestId('supervise-confirm'));
    await waitFor(() => expect(screen.queryByTestId('supervise-dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('board-supervised').textContent).toBe('督办 1'));
    expect(b.ok('demands.get', { id }).supervision).toMatchObject({ level: 'district', note: '区领导批示' });

    b.ok('staff.update', { id: b.meId, role: 'staff' });
    await useSession.getState().load();
    await user.click(screen.getByRole('checkbox', { name: '融资对接' }));
    expect(await screen.findByTestId('board-urge')).toBeTruthy();
    expect(screen.queryByTestId('board-supervise')).toBeNull();
  });
});

describe("a unit's reply on the demand", () => {
  it('is recorded for the lead or a co unit and shows in the history', async () => {
    const { b, id } = await world('staff');
    useDemandDetail.setState({ id: null, demand: null, move: null });
    const user = userEvent.setup();
    render(<DemandDetail id={id} onClose={() => {}} />);
    await user.click(await screen.findByTestId('unit-reply'));
    const dialog = await screen.findByTestId('unit-reply-dialog');
    const unit = within(dialog).getByRole('combobox') as HTMLSelectElement;
    expect([...unit.options].map((o) => o.textContent)).toEqual(['区工信局', '东街道']);
    await user.selectOptions(unit, '东街道');
    await user.type(within(dialog).getByLabelText(/反馈内容/), '场地已协调');
    await user.click(within(dialog).getByTestId('unit-reply-confirm'));
    await waitFor(() => expect(screen.queryByTestId('unit-reply-dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('demand-history').textContent).toContain('东街道'));
    expect(screen.getByTestId('demand-history').textContent).toContain('场地已协调');
    expect(b.ok('demands.get', { id }).history!.at(-1)).toMatchObject({ type: 'unit_reply' });
  });

  it('is not offered on a demand not handed to any unit', async () => {
    const { freshId } = await world('staff');
    useDemandDetail.setState({ id: null, demand: null, move: null });
    render(<DemandDetail id={freshId} onClose={() => {}} />);
    await screen.findByTestId('demand-history');
    expect(screen.queryByTestId('unit-reply')).toBeNull();
  });
});

describe('my tasks', () => {
  it('list a unit reply waiting for me and, for a supervisor, extension requests to decide', async () => {
    const { b, id, lead, freshId } = await world('supervisor');
    const clerk = b.ok('staff.create', { name: '单位联络员' });
    b.ok('me.set', { staffId: clerk.id });
    b.clock.ms += 3_600_000;
    b.ok('demands.unitReply', { id, unitId: lead.id, note: '已对接银行' });
    b.ok('demands.transition', { id: freshId, to: 'assigned', assigneeStaffId: clerk.id });
    b.ok('demands.requestExtension', { id: freshId, dueDate: '2026-12-30', reason: '人选未定' });
    b.ok('me.set', { staffId: b.meId });
    await useSession.getState().load();
    useToday.setState({ tasks: null });
    render(<TodayScreen />);
    const replies = await screen.findByTestId('tasks-unit-replies');
    expect(replies.textContent).toContain('融资对接');
    expect(replies.textContent).toContain('区工信局');
    const requests = screen.getByTestId('tasks-extension-requests');
    expect(requests.textContent).toContain('人才引进');
    expect(requests.textContent).toContain('2026-12-30');
  });
});

describe('events in words', () => {
  it('the enterprise timeline and the change history name unit replies, 督办 and 催办', async () => {
    const { b, id, lead, enterprise } = await world('supervisor');
    b.ok('demands.unitReply', { id, unitId: lead.id, note: '已对接银行' });
    b.ok('demands.supervise', { ids: [id], level: 'bureau', note: '局督办' });
    b.ok('demands.urge', { ids: [id] });
    const user = userEvent.setup();
    const view = render(<EnterpriseDetail id={enterprise.id} />);
    const timeline = await screen.findByTestId('timeline');
    for (const word of ['单位答复 · 区工信局', '督办', '催办']) expect(timeline.textContent).toContain(word);
    view.unmount();

    useDemandDetail.setState({ id: null, demand: null, move: null });
    render(<DemandDetail id={id} onClose={() => {}} />);
    const audit = await screen.findByTestId('audit-panel');
    await user.click(within(audit).getByText('修改记录'));
    await waitFor(() => expect(audit.querySelector('[data-field="history"]')).toBeTruthy());
    const text = audit.textContent ?? '';
    expect(text).toContain('单位答复 · 区工信局：已对接银行');
    expect(text).toContain('督办：局督办');
    expect(text).toContain('主办单位');
    expect(text).not.toMatch(/bureau|unit_reply|urged/);
  });

  it('the history, the change history and the timeline name the lead and co units, never their ids', async () => {
    const { b, id, lead, co, enterprise } = await world('supervisor');
    const user = userEvent.setup();
    const view = render(<EnterpriseDetail id={enterprise.id} />);
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(timeline.textContent).toContain('主办单位：区工信局 · 协办单位：东街道'));
    view.unmount();

    useDemandDetail.setState({ id: null, demand: null, move: null });
    render(<DemandDetail id={id} onClose={() => {}} />);
    const history = await screen.findByTestId('demand-history');
    await waitFor(() => expect(history.textContent).toContain('主办单位：区工信局 · 协办单位：东街道'));
    const audit = screen.getByTestId('audit-panel');
    await user.click(within(audit).getByText('修改记录'));
    await waitFor(() => expect(audit.querySelector('[data-field="leadUnitId"]')).toBeTruthy());
    expect(audit.querySelector('[data-field="leadUnitId"]')!.textContent).toContain('区工信局');
    expect(audit.querySelector('[data-field="coUnitIds"]')!.textContent).toContain('东街道');
    const text = audit.textContent ?? '';
    for (const unitId of [lead.id, co.id]) expect(text).not.toContain(unitId.slice(-6));
    expect(b.ok('demands.get', { id }).leadUnitId).toBe(lead.id);
  });
});
