// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import i18n from '../../../src-renderer/i18n';
import { DateInput } from '../../../src-renderer/components/DateInput';
import { App } from '../../../src-renderer/App';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// A date typed in one Tab stop (issue 15, point 6): the usual ways of writing a date are read,
// shown as the ISO date, and an impossible day is named in the UI's language.

function Box({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <input name="before" aria-label="before" />
      <DateInput name="date" aria-label="日期" value={value} onChange={setValue} />
      <output data-testid="model">{value}</output>
      <input name="after" aria-label="after" />
    </>
  );
}

const box = () => screen.getByRole('textbox', { name: '日期' }) as HTMLInputElement;
const model = () => screen.getByTestId('model').textContent;
const focusedName = () => document.activeElement?.getAttribute('name');

const sources = import.meta.glob<string>('../../../src-renderer/**/*.tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('DateInput', () => {
  it('is the only date field: no form keeps a native four-stop date input', () => {
    const native = Object.entries(sources)
      .filter(([, text]) => /type="date"/.test(text))
      .map(([path]) => path.replace(/.*src-renderer\//, ''));
    expect(native).toEqual(['components/DateInput.tsx']);
  });

  it('is one Tab stop, with its calendar button out of the Tab order', async () => {
    const user = userEvent.setup();
    render(<Box />);
    await user.click(screen.getByRole('textbox', { name: 'before' }));
    await user.tab();
    expect(focusedName()).toBe('date');
    await user.keyboard('2026-3-5');
    await user.tab();
    expect(focusedName()).toBe('after');
    expect(model()).toBe('2026-03-05');
  });

  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['3.5', `${new Date().getFullYear()}-03-05`],
    ['3-5', `${new Date().getFullYear()}-03-05`],
    ['3月5日', `${new Date().getFullYear()}-03-05`],
  ])('reads %s, and shows %s once left', async (typed, iso) => {
    const user = userEvent.setup();
    render(<Box />);
    await user.click(box());
    await user.keyboard(typed);
    expect(model()).toBe(iso);
    if (typed !== iso) expect(screen.getByTestId('date-means').textContent).toContain(iso);
    await user.tab();
    expect(box().value).toBe(iso);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes this year from the ledger’s today', async () => {
    installBridge();
    await useSession.getState().load();
    const year = useSession.getState().info!.today.slice(0, 4);
    const user = userEvent.setup();
    render(<Box />);
    await user.click(box());
    await user.keyboard('12.31');
    expect(model()).toBe(`${year}-12-31`);
  });

  it('names an impossible date and text that is no date, in Chinese and in English', async () => {
    const user = userEvent.setup();
    render(<Box initial="2026-01-10" />);
    await user.clear(box());
    await user.keyboard('2026-02-30');
    expect(screen.getByRole('alert').textContent).toBe('没有这一天：2026-02-30');
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(model()).not.toBe('2026-01-10'); // never the old date saved silently
    await user.tab();
    expect(box().value).toBe('2026-02-30'); // what was typed stays to be corrected

    await user.clear(box());
    await user.keyboard('明天');
    await user.tab();
    expect(screen.getByRole('alert').textContent).toContain('无法识别的日期“明天”');

    await act(() => i18n.changeLanguage('en'));
    try {
      expect(screen.getByRole('alert').textContent).toContain('Not a date: “明天”');
      await user.clear(box());
      await user.keyboard('2026-02-30');
      expect(screen.getByRole('alert').textContent).toBe('No such date: 2026-02-30');
    } finally {
      await act(() => i18n.changeLanguage('zh-CN'));
    }
    await user.clear(box());
    await user.tab();
    expect(model()).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a date set from outside (a loaded record, a restored draft)', () => {
    const { rerender } = render(
      <DateInput name="d" aria-label="日期" value="2026-01-10" onChange={() => {}} />,
    );
    expect(box().value).toBe('2026-01-10');
    rerender(<DateInput name="d" aria-label="日期" value="2026-02-11" onChange={() => {}} />);
    expect(box().value).toBe('2026-02-11');
  });

  it('takes a typed date in the visit form in one stop, and still warns about an implausible year', async () => {
    const b = installBridge();
    b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const user = userEvent.setup();
    window.location.hash = '#/visits/new';
    render(<App />);
    await screen.findByTestId('visit-form');
    await waitFor(() => expect(focusedName()).toBe('enterpriseId'));
    await user.keyboard('星火');
    await screen.findByRole('option', { name: /福州星火科技有限公司/ });
    await user.keyboard('{Enter}');
    await user.tab();
    expect(focusedName()).toBe('date');
    await user.keyboard('{Control>}a{/Control}1998.5.4');
    expect((await screen.findByTestId('visit-date-warning')).textContent).toContain('1998-05-04');
    await user.keyboard('{Control>}a{/Control}2026.3.5');
    await user.tab();
    expect(focusedName()).toBe('mode');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(b.calls.some((c) => c.method === 'visits.create')).toBe(true));
    const create = b.calls.find((c) => c.method === 'visits.create')!.input as { date: string };
    expect(create.date).toBe('2026-03-05');
  });
});
