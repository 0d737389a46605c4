// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { VisitForm } from '../../../src-renderer/screens/VisitForm';
import { useSession } from '../../../src-renderer/stores/session';
import { DRAFT_KEY, loadDraft } from '../../../src-renderer/stores/visitForm';
import { installBridge } from './bridge';

// The visit form, built for speed: picked by typing, saved from the keyboard, with its demands,
// and a draft that survives a closed window.

async function setup() {
  const b = installBridge();
  const e = b.ok('enterprises.create', {
    uscc: '91350100M000100Y43',
    name: '福州星火科技有限公司',
    town: '鼓楼街道',
  });
  b.ok('enterprises.create', { uscc: '91110000600037341L', name: '北京燕山电子有限公司' });
  await useSession.getState().load();
  return { b, enterpriseId: e.id };
}

const focused = () => document.activeElement?.getAttribute('name');

describe('VisitForm', () => {
  it('logs a visit with a demand from the keyboard alone', async () => {
    const { b, enterpriseId } = await setup();
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<VisitForm id={null} onClose={onClose} />);

    await waitFor(() => expect(focused()).toBe('enterpriseId'));
    await user.keyboard('星火');
    await screen.findByRole('option', { name: /福州星火科技有限公司/ });
    await user.keyboard('{Enter}');
    expect((document.querySelector('[name="enterpriseId"]') as HTMLInputElement).value).toBe(
      '福州星火科技有限公司',
    );
    // Today and me by default.
    expect((document.querySelector('[name="date"]') as HTMLInputElement).value).toBe(b.ok('app.info').today);
    expect((document.querySelector('[name="leadStaffId"]') as HTMLSelectElement).value).toBe(b.meId);

    await user.tab(); // date
    await user.tab(); // mode
    expect(focused()).toBe('mode');
    await user.keyboard('{ArrowRight}');
    expect((document.querySelector('[name="mode"][value="phone"]') as HTMLInputElement).checked).toBe(true);

    await user.click(document.querySelector('[name="summary"]')!);
    await user.keyboard('企业计划申报技术中心');
    await user.keyboard('{Alt>}d{/Alt}');
    await waitFor(() => expect(focused()).toBe('demands.0.title'));
    await user.keyboard('技术中心申报辅导');
    await user.tab();
    expect(document.activeElement?.getAttribute('value')).toBe('tech');
    await user.keyboard(' ');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const create = b.calls.find((c) => c.method === 'visits.create')!.input as Record<string, unknown>;
    expect(create).toMatchObject({
      enterpriseId,
      mode: 'phone',
      summary: '企业计划申报技术中心',
      demands: [{ title: '技术中心申报辅导', categories: ['tech'] }],
    });
    const demands = b.ok('demands.list', { filter: { enterpriseId } });
    expect(demands.rows.map((d) => [d.title, d.source, d.status])).toEqual([
      ['技术中心申报辅导', 'visit', 'pending'],
    ]);
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('shows a refused demand field next to that field, and keeps the entry', async () => {
    const { b } = await setup();
    const user = userEvent.setup();
    const onClose = vi.fn();
    const { container } = render(<VisitForm id={null} onClose={onClose} />);
    await waitFor(() => expect(focused()).toBe('enterpriseId'));
    await user.keyboard('燕山');
    await screen.findByRole('option', { name: /北京燕山电子有限公司/ });
    await user.keyboard('{Enter}');
    await user.click(screen.getByTestId('add-demand'));
    await waitFor(() => expect(focused()).toBe('demands.0.title'));
    await user.keyboard('缺少类别的需求');
    await user.click(screen.getByTestId('visit-save'));
    await waitFor(() =>
      expect(container.querySelector('.field-error[data-field="demands.0.categories"]')?.textContent).toBe(
        '需选择 1 至 4 个类别',
      ),
    );
    expect(onClose).not.toHaveBeenCalled();
    expect(b.ok('visits.list').total).toBe(0);
    expect((document.querySelector('[name="demands.0.title"]') as HTMLInputElement).value).toBe(
      '缺少类别的需求',
    );
  });

  it('keeps a half-typed visit as a draft and restores it next time', async () => {
    await setup();
    const user = userEvent.setup();
    const first = render(<VisitForm id={null} onClose={() => {}} />);
    await waitFor(() => expect(focused()).toBe('enterpriseId'));
    await user.keyboard('星火');
    await screen.findByRole('option', { name: /福州星火/ });
    await user.keyboard('{Enter}');
    await user.click(document.querySelector('[name="summary"]')!);
    await user.keyboard('写到一半');
    first.unmount(); // the window closes

    expect(loadDraft()).toMatchObject({ summary: '写到一半' });
    render(<VisitForm id={null} onClose={() => {}} />);
    await screen.findByText('已恢复上次未保存的走访草稿。');
    expect((document.querySelector('[name="summary"]') as HTMLTextAreaElement).value).toBe('写到一半');
    await waitFor(() =>
      expect((document.querySelector('[name="enterpriseId"]') as HTMLInputElement).value).toBe(
        '福州星火科技有限公司',
      ),
    );

    await user.click(screen.getByText('丢弃草稿'));
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    expect((document.querySelector('[name="summary"]') as HTMLTextAreaElement).value).toBe('');
  });

  it('closes on Esc', async () => {
    await setup();
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<VisitForm id={null} onClose={onClose} />);
    await waitFor(() => expect(focused()).toBe('enterpriseId'));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});
