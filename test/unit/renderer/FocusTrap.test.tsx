// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { App } from '../../../src-renderer/App';
import { Dialog } from '../../../src-renderer/components/Dialog';
import { installBridge } from './bridge';

// A drawer or dialog keeps the keyboard (issue 15, point 6): focus goes in when it opens, Tab and
// Shift+Tab cycle inside it and never reach the page behind, and focus returns to the opener.

function Page({ onClose = () => {} }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        opener
      </button>
      <input name="behind" aria-label="behind" />
      {open && (
        <Dialog
          title="trap"
          variant="drawer"
          onClose={() => {
            onClose();
            setOpen(false);
          }}
        >
          <input name="first" aria-label="first" />
          <input name="second" aria-label="second" disabled />
          <div className="choices">
            <input type="radio" name="mode" value="a" aria-label="a" defaultChecked />
            <input type="radio" name="mode" value="b" aria-label="b" />
          </div>
          <button type="button" tabIndex={-1}>
            not a stop
          </button>
          <button type="button">last</button>
        </Dialog>
      )}
      <button type="button">after</button>
    </>
  );
}

const inside = () => Boolean(document.activeElement?.closest('[role="dialog"]'));
const focusedText = () =>
  document.activeElement?.getAttribute('name') ??
  document.activeElement?.getAttribute('aria-label') ??
  document.activeElement?.textContent;

describe('the focus trap of drawers and dialogs', () => {
  it('cycles Tab and Shift+Tab inside, and gives focus back to the opener on Esc', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Page onClose={onClose} />);
    const opener = screen.getByRole('button', { name: 'opener' });
    await user.click(opener);
    await waitFor(() => expect(focusedText()).toBe('first'));

    const stops: (string | null | undefined)[] = [];
    for (let i = 0; i < 9; i++) {
      await user.tab();
      expect(inside()).toBe(true);
      stops.push(focusedText());
    }
    // The header's close button, the field, the radio group (one stop), the last button: round.
    expect(stops).toEqual(['mode', 'last', '关闭', 'first', 'mode', 'last', '关闭', 'first', 'mode']);

    await user.click(screen.getByRole('textbox', { name: 'first' }));
    await user.tab({ shift: true });
    expect(focusedText()).toBe('关闭');
    await user.tab({ shift: true });
    expect(focusedText()).toBe('last');

    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(opener);
  });

  it('brings focus back when something moves it to the page behind', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'opener' }));
    await waitFor(() => expect(focusedText()).toBe('first'));
    await user.tab();
    await user.tab();
    expect(focusedText()).toBe('last');
    (document.querySelector('[name="behind"]') as HTMLInputElement).focus();
    expect(focusedText()).toBe('last'); // back where it was
  });

  it('keeps Tab inside the visit form drawer, from its first field round to it again', async () => {
    installBridge();
    const user = userEvent.setup();
    window.location.hash = '#/visits/new';
    render(<App />);
    const drawer = await screen.findByTestId('visit-form');
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('enterpriseId'));
    for (let i = 0; i < 20; i++) {
      await user.tab();
      expect(drawer.contains(document.activeElement)).toBe(true);
    }
    for (let i = 0; i < 20; i++) {
      await user.tab({ shift: true });
      expect(drawer.contains(document.activeElement)).toBe(true);
    }
  });
});
