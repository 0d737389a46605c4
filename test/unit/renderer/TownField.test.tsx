// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import { CalendarScreen } from '../../../src-renderer/screens/CalendarScreen';
import { EnterpriseForm } from '../../../src-renderer/screens/EnterpriseForm';
import { UnknownTowns } from '../../../src-renderer/screens/import/UnknownTowns';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// A town typed that is not in the bureau's list (settings `towns`): the form says so while
// typing and adds it to the list in one click; the enterprise is saved either way.

describe('the enterprise form’s town', () => {
  it('flags a town not in the list and adds it in one click', async () => {
    const b = installBridge();
    b.ok('settings.set', { towns: ['城东街道', '城南镇'] });
    await useSession.getState().load();
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { container } = render(<EnterpriseForm id={null} onClose={() => {}} onSaved={onSaved} />);
    const town = container.querySelector('[name="town"]') as HTMLInputElement;

    await user.type(town, '城南镇');
    await waitFor(() => expect(container.querySelector('datalist#town-list option')).not.toBeNull());
    expect(screen.queryByTestId('town-not-listed')).toBeNull();

    await user.clear(town);
    await user.type(town, '不存在镇');
    expect((await screen.findByTestId('town-not-listed')).textContent).toContain('不在镇街列表中');
    await user.click(screen.getByRole('button', { name: '加入列表' }));
    await waitFor(() => expect(screen.queryByTestId('town-not-listed')).toBeNull());
    expect(b.ok('settings.get', {}).towns).toEqual(['城东街道', '城南镇', '不存在镇']);
  });
});

describe('the import preview’s unknown towns', () => {
  it('lists the file’s towns not in the list, each added in one click', async () => {
    const b = installBridge();
    b.ok('settings.set', { towns: ['城东街道'] });
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<UnknownTowns towns={['不存在镇', '城西镇']} />);
    const box = await screen.findByTestId('import-unknown-towns');
    expect(box.textContent).toContain('不存在镇、城西镇');
    expect(box.textContent).toContain('不在镇街列表中');
    await user.click(screen.getByRole('button', { name: '加入列表：不存在镇' }));
    await waitFor(() => expect(b.ok('settings.get', {}).towns).toEqual(['城东街道', '不存在镇']));
    await waitFor(() => expect(screen.queryByRole('button', { name: '加入列表：不存在镇' })).toBeNull());
    expect(screen.getByRole('button', { name: '加入列表：城西镇' })).toBeTruthy();
  });
});

describe('the list of towns on the calendar screen', () => {
  it('shows the towns in use and saves the list a supervisor edits, one a line', async () => {
    const b = installBridge();
    b.ok('enterprises.create', {
      uscc: '91350100M000100Y43',
      name: '福州星火科技有限公司',
      town: '城东街道',
    });
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<CalendarScreen />);
    const card = await screen.findByTestId('towns-card');
    const box = within(card).getByRole('textbox') as HTMLTextAreaElement;
    expect(box.value).toBe('城东街道');
    await user.type(box, '\n城南镇\n\n');
    await user.click(within(card).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(b.ok('settings.get', {}).towns).toEqual(['城东街道', '城南镇']));
  });
});
