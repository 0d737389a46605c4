// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import { App } from '../../../src-renderer/App';
import { installBridge } from './bridge';

// Never lose a half-typed form (issue 15): every record form keeps what was typed as a draft
// (a new record's, and an edit's), says so on Esc, restores it after a reload, and discards
// it on request or once saved.

const field = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;

const FORMS = [
  { route: '#/enterprises/new', form: 'enterprise-form', name: 'name', text: '半截企业名' },
  { route: '#/demands/new', form: 'demand-form', name: 'title', text: '写到一半的需求' },
  { route: '#/clinics/new', form: 'clinic-form', name: 'topic', text: '写到一半的会诊' },
  { route: '#/followups/new', form: 'followup-form', name: 'content', text: '写到一半的回访' },
] as const;

describe('form drafts', () => {
  for (const f of FORMS) {
    it(`keeps the ${f.form}'s typing across a reload, and discards it on request`, async () => {
      installBridge();
      const user = userEvent.setup();
      window.location.hash = f.route;
      const first = render(<App />);
      await screen.findByTestId(f.form);
      await waitFor(() => expect(field(f.name)).toBeTruthy());
      await user.click(field(f.name));
      await user.keyboard(f.text);
      first.unmount(); // the window reloads

      window.location.hash = f.route;
      render(<App />);
      await screen.findByText('已恢复上次未保存的内容。');
      await waitFor(() => expect(field(f.name).value).toBe(f.text));
      await user.click(screen.getByRole('button', { name: '丢弃草稿' }));
      expect(field(f.name).value).toBe('');
      expect(screen.queryByText('已恢复上次未保存的内容。')).toBeNull();
    });
  }

  it('says an edit closed with Esc is kept as a draft, restores it on reopening, and drops it once saved', async () => {
    const b = installBridge();
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const user = userEvent.setup();
    window.location.hash = `#/enterprises/${e.id}/edit`;
    render(<App />);
    await screen.findByTestId('enterprise-form');
    await waitFor(() => expect(field('name').value).toBe('福州星火科技有限公司'));
    await user.click(field('name'));
    await user.keyboard('（改）');
    await user.keyboard('{Escape}');
    await screen.findByText('未保存的修改已存为草稿，下次打开时恢复。');
    await waitFor(() => expect(screen.queryByTestId('enterprise-form')).toBeNull());

    window.location.hash = `#/enterprises/${e.id}/edit`;
    await screen.findByText('已恢复上次未保存的内容。');
    await waitFor(() => expect(field('name').value).toBe('福州星火科技有限公司（改）'));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(b.ok('enterprises.get', { id: e.id }).name).toBe('福州星火科技有限公司（改）'),
    );
    expect(Object.keys(localStorage).filter((k) => k.startsWith('vl.draft.'))).toEqual([]);
  });

  it('keeps nothing for a form opened and closed untouched', async () => {
    installBridge();
    const user = userEvent.setup();
    window.location.hash = '#/clinics/new';
    render(<App />);
    await screen.findByTestId('clinic-form');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('clinic-form')).toBeNull());
    expect(screen.queryByText('未保存的修改已存为草稿，下次打开时恢复。')).toBeNull();
    expect(Object.keys(localStorage).filter((k) => k.startsWith('vl.draft.'))).toEqual([]);
  });
});
