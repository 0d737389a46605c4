// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { App } from '../../../src-renderer/App';
import { DemandDetail } from '../../../src-renderer/screens/DemandDetail';
import { VisitForm } from '../../../src-renderer/screens/VisitForm';
import { useDemandDetail } from '../../../src-renderer/stores/demandDetail';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';
import { driveTo, satisfiedFollowup } from '../../integration/fixtures';

// The form and workflow fixes of issue 15, point 5, as people meet them on screen.

async function withDemand(role: 'staff' | 'supervisor' = 'supervisor') {
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
  return { b, d };
}

const openMove = async (user: ReturnType<typeof userEvent.setup>, to: string) => {
  await user.click(document.querySelector(`[data-move="${to}"]`)!);
  return screen.findByTestId('move-dialog');
};

describe('point 5: forms', () => {
  it("clears a field's error as soon as it is corrected, and flags both closure fields at once", async () => {
    const { b, d } = await withDemand();
    driveTo(b, d, 'answered');
    const user = userEvent.setup();
    render(<DemandDetail id={d.id} onClose={() => {}} />);
    await screen.findByRole('heading', { name: '融资对接' });
    const dialog = await openMove(user, 'closed');
    await user.click(within(dialog).getByTestId('move-confirm'));
    await waitFor(() => expect(dialog.querySelector('.field-error[data-field="closureType"]')).toBeTruthy());
    expect(dialog.querySelector('.field-error[data-field="resolution"]')).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/办理结果/), '已对接');
    expect(dialog.querySelector('.field-error[data-field="resolution"]')).toBeNull();
    expect(dialog.querySelector('.field-error[data-field="closureType"]')).toBeTruthy();
  });

  it('warns about a visit date before 2000 or after next year, and not about a plausible one', async () => {
    installBridge();
    await useSession.getState().load();
    render(<VisitForm id={null} onClose={() => {}} />);
    const date = (await waitFor(() => document.querySelector('[name="date"]'))) as HTMLInputElement;
    fireEvent.change(date, { target: { value: '1998-05-04' } });
    expect((await screen.findByTestId('visit-date-warning')).textContent).toContain('1998-05-04');
    fireEvent.change(date, { target: { value: '2028-01-02' } });
    expect(screen.getByTestId('visit-date-warning')).toBeTruthy();
    fireEvent.change(date, { target: { value: '2026-11-20' } });
    expect(screen.queryByTestId('visit-date-warning')).toBeNull();
  });

  it("hints that a planned clinic's outcomes stay out of the report", async () => {
    installBridge();
    window.location.hash = '#/clinics/new';
    render(<App />);
    await screen.findByTestId('clinic-form');
    expect((await screen.findByTestId('clinic-status-hint')).textContent).toContain('不计入');
  });
});

describe('point 5: moves', () => {
  it('asks for a reason before putting a demand on hold', async () => {
    const { b, d } = await withDemand();
    driveTo(b, d, 'in_progress');
    const user = userEvent.setup();
    render(<DemandDetail id={d.id} onClose={() => {}} />);
    await screen.findByRole('heading', { name: '融资对接' });
    const dialog = await openMove(user, 'on_hold');
    await user.click(within(dialog).getByTestId('move-confirm'));
    await waitFor(() => expect(dialog.querySelector('.field-error[data-field="note"]')).toBeTruthy());
    expect(b.ok('demands.get', { id: d.id }).status).toBe('in_progress');
    await user.type(within(dialog).getByLabelText(/说明/), '等待第三方检测报告');
    await user.click(within(dialog).getByTestId('move-confirm'));
    await waitFor(() => expect(b.ok('demands.get', { id: d.id }).status).toBe('on_hold'));
  });

  it('does not preselect the supervisor himself as the handler', async () => {
    const { d } = await withDemand('supervisor');
    const user = userEvent.setup();
    render(<DemandDetail id={d.id} onClose={() => {}} />);
    await screen.findByRole('heading', { name: '融资对接' });
    const dialog = await openMove(user, 'assigned');
    expect((within(dialog).getByLabelText(/承办人/) as HTMLSelectElement).value).toBe('');
  });

  it('tells a staff member on a closed demand that a supervisor can reopen it', async () => {
    const { b, d } = await withDemand('staff');
    satisfiedFollowup(b, d.id);
    driveTo(b, d, 'closed');
    render(<DemandDetail id={d.id} onClose={() => {}} />);
    await screen.findByRole('heading', { name: '融资对接' });
    expect(screen.getByTestId('demand-no-moves').textContent).toContain('督办负责人可重新打开');
  });

  it("does not show a reopened demand's old result", async () => {
    const { b, d } = await withDemand('supervisor');
    driveTo(b, d, 'closed');
    b.ok('demands.transition', { id: d.id, to: 'in_progress', note: '企业反映未解决' });
    render(<DemandDetail id={d.id} onClose={() => {}} />);
    await screen.findByRole('heading', { name: '融资对接' });
    expect(screen.queryByText('已协调解决')).toBeNull();
  });

  it('lists on the home screen a demand assigned to me today that is due in 7 days', async () => {
    const { b, d } = await withDemand('staff');
    b.ok('demands.transition', { id: d.id, to: 'assigned', assigneeStaffId: b.meId });
    window.location.hash = '#/today';
    render(<App />);
    const list = await screen.findByTestId('tasks-assigned-today');
    expect(within(list).getByText('融资对接')).toBeTruthy();
  });
});
