// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import i18n from '../../../src-renderer/i18n';
import { FilterChips, type FilterChip } from '../../../src-renderer/components/FilterChips';

// The filter chips above a grid are one Tab stop (issue 15): the arrow keys walk the chips and
// the "clear all" button, Delete, Backspace or Enter removes the chip in focus and the focus
// stays in the row; the row and its buttons are named in the UI's language.

const CHIPS: FilterChip[] = [
  { field: 'view-overdue', name: '超期', words: '' },
  { field: 'town', name: '镇街', words: '包含“白沙”' },
  { field: 'mode', name: '走访方式', words: '实地走访' },
];

const removed: string[] = [];

/** The chips between two buttons, removing a chip as the grid would; "search" takes the focus back. */
function Row() {
  const [chips, setChips] = useState(CHIPS);
  return (
    <>
      <input type="search" aria-label="搜索" />
      <FilterChips
        chips={chips}
        onRemove={(field) => {
          removed.push(field);
          setChips((cs) => cs.filter((c) => c.field !== field));
        }}
        onClear={() => setChips([])}
        onEmptied={() => screen.getByRole('searchbox').focus()}
      />
      <button type="button">之后</button>
    </>
  );
}

const row = () => screen.getByRole('toolbar', { name: '当前筛选' });
const focused = () => document.activeElement as HTMLElement;
const remove = (words: string) => within(row()).getByRole('button', { name: `移除筛选：${words}` });

function setup() {
  removed.length = 0;
  const user = userEvent.setup();
  render(<Row />);
  return user;
}

describe('filter chips by keyboard', () => {
  it('are one Tab stop, walked with the arrow keys up to "clear all"', async () => {
    const user = setup();
    screen.getByRole('searchbox').focus();
    await user.tab();
    expect(focused()).toBe(remove('超期'));
    await user.tab();
    expect(focused().textContent).toBe('之后');
    await user.tab({ shift: true });
    expect(focused()).toBe(remove('超期'));

    await user.keyboard('{ArrowRight}');
    expect(focused()).toBe(remove('镇街：包含“白沙”'));
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(focused()).toBe(within(row()).getByRole('button', { name: '清除全部筛选' }));
    // Round again from the end; and back.
    await user.keyboard('{ArrowRight}');
    expect(focused()).toBe(remove('超期'));
    await user.keyboard('{ArrowLeft}');
    expect(focused().textContent).toBe('清除全部筛选');
    await user.keyboard('{Home}');
    expect(focused()).toBe(remove('超期'));
    await user.keyboard('{End}');
    expect(focused().textContent).toBe('清除全部筛选');

    // The row is entered again where it was left.
    await user.keyboard('{ArrowLeft}');
    await user.tab();
    await user.tab({ shift: true });
    expect(focused()).toBe(remove('走访方式：实地走访'));
    expect(
      within(row())
        .getAllByRole('button')
        .filter((b) => b.tabIndex === 0),
    ).toHaveLength(1);
  });

  it('removes the chip in focus with Delete, Backspace or Enter, and keeps the focus in the row', async () => {
    const user = setup();
    screen.getByRole('searchbox').focus();
    await user.tab();
    await user.keyboard('{ArrowRight}{Delete}');
    expect(removed).toEqual(['town']);
    // The next chip takes its place, and the focus.
    expect(focused()).toBe(remove('走访方式：实地走访'));
    await user.keyboard('{Backspace}');
    expect(removed).toEqual(['town', 'mode']);
    // The last one gone, the one before it; one chip left has no "clear all".
    expect(focused()).toBe(remove('超期'));
    expect(within(row()).queryByRole('button', { name: '清除全部筛选' })).toBeNull();
    await user.keyboard('{Enter}');
    expect(removed).toEqual(['town', 'mode', 'view-overdue']);
    expect(screen.queryByRole('toolbar')).toBeNull();
    expect(focused()).toBe(screen.getByRole('searchbox'));
  });

  it('clears all from the keyboard', async () => {
    const user = setup();
    screen.getByRole('searchbox').focus();
    await user.tab();
    await user.keyboard('{End}{Enter}');
    expect(screen.queryByRole('toolbar')).toBeNull();
    expect(focused()).toBe(screen.getByRole('searchbox'));
  });

  it('is named in English too', async () => {
    await i18n.changeLanguage('en');
    try {
      setup();
      const bar = screen.getByRole('toolbar', { name: 'Filters' });
      expect(within(bar).getByRole('button', { name: 'Remove filter: 镇街: 包含“白沙”' })).toBeTruthy();
      expect(bar.getAttribute('aria-describedby')).toBeTruthy();
      const hint = document.getElementById(bar.getAttribute('aria-describedby')!);
      expect(hint?.textContent).toMatch(/arrow keys/i);
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});
