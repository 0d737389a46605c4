// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import { EnterpriseForm } from '../../../src-renderer/screens/EnterpriseForm';
import { UnknownIndustries } from '../../../src-renderer/screens/import/UnknownTowns';
import { useSession } from '../../../src-renderer/stores/session';
import { CalendarScreen } from '../../../src-renderer/screens/CalendarScreen';
import { installBridge } from './bridge';

// The industry field picks from GB/T 4754-2017 (sections and divisions ship with the app) and
// the bureau's own entries, by code, name or pinyin initials; a text in neither is kept with a
// warning and added to the bureau's entries in one click.

async function form() {
  const b = installBridge();
  await useSession.getState().load();
  const { container } = render(<EnterpriseForm id={null} onClose={() => {}} onSaved={() => {}} />);
  const input = container.querySelector('[name="industry"]') as HTMLInputElement;
  return { b, input, user: userEvent.setup() };
}

const options = () =>
  within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('the enterprise form’s industry', () => {
  it('offers the sections, then filters divisions by code, name and pinyin initials', async () => {
    const { input, user } = await form();
    await user.click(input);
    expect(options().slice(0, 3)).toEqual(['A 农、林、牧、渔业', 'B 采矿业', 'C 制造业']);
    expect(options()).toHaveLength(20);

    await user.type(input, 'c3');
    expect(options()[0]).toBe('C30 非金属矿物制品业');
    expect(options()).toContain('C39 计算机、通信和其他电子设备制造业');

    await user.clear(input);
    await user.type(input, '软件');
    expect(options()).toEqual(['I 信息传输、软件和信息技术服务业', 'I65 软件和信息技术服务业']);

    await user.clear(input);
    await user.type(input, 'jsj');
    await waitFor(() => expect(options()).toContain('C39 计算机、通信和其他电子设备制造业'));
    await user.click(screen.getByRole('option', { name: 'C39 计算机、通信和其他电子设备制造业' }));
    expect(input.value).toBe('C39');
    expect(screen.getByTestId('industry-name').textContent).toBe('计算机、通信和其他电子设备制造业');
    expect(screen.queryByTestId('industry-not-listed')).toBeNull();
  });

  it('flags an industry outside the lists and adds it to the bureau’s entries in one click', async () => {
    const { b, input, user } = await form();
    await user.type(input, '智能制造');
    expect((await screen.findByTestId('industry-not-listed')).textContent).toContain('不在行业分类中');
    await user.click(screen.getByRole('button', { name: '加入自定义行业' }));
    await waitFor(() => expect(screen.queryByTestId('industry-not-listed')).toBeNull());
    expect(b.ok('settings.get', {}).industries).toEqual(['智能制造']);
    await user.clear(input);
    await user.type(input, 'znzz');
    await waitFor(() => expect(options()).toContain('智能制造自定义行业'));
  });
});

describe('the import preview’s unknown industries', () => {
  it('lists the file’s industries outside the lists, each added in one click', async () => {
    const b = installBridge();
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<UnknownIndustries industries={['数字经济', '智能制造']} />);
    const box = await screen.findByTestId('import-unknown-industries');
    expect(box.textContent).toContain('数字经济、智能制造');
    await user.click(screen.getByRole('button', { name: '加入自定义行业：智能制造' }));
    await waitFor(() => expect(b.ok('settings.get', {}).industries).toEqual(['智能制造']));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: '加入自定义行业：智能制造' })).toBeNull(),
    );
  });
});

describe('the custom industries on the calendar screen', () => {
  it('are edited one a line by a supervisor, beside the built-in standard', async () => {
    const b = installBridge();
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<CalendarScreen />);
    const card = await screen.findByTestId('industries-card');
    expect(card.textContent).toContain('GB/T 4754-2017');
    await user.type(within(card).getByRole('textbox'), '智能制造\n数字经济\n');
    await user.click(within(card).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(b.ok('settings.get', {}).industries).toEqual(['智能制造', '数字经济']));
  });
});
