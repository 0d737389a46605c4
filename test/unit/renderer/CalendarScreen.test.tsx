// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { CalendarScreen } from '../../../src-renderer/screens/CalendarScreen';
import { useSession } from '../../../src-renderer/stores/session';
import { useWorkCalendar } from '../../../src-renderer/stores/workCalendar';
import { installBridge } from './bridge';
import { invalid } from '@shared/contract/errors';

// 工作日历 on screen: the pasted notice marks the year, a supervisor saves it and the limits.

const NEW_YEAR_2026 = '1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。';

async function setup(role: 'staff' | 'supervisor') {
  const b = installBridge({ role });
  await useSession.getState().load();
  useWorkCalendar.setState({
    year: 2026,
    holidays: [],
    workdays: [],
    dirty: false,
    read: null,
    settings: null,
  });
  return b;
}

const day = (date: string) => document.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)!;

describe('the work calendar screen', () => {
  it('reads a pasted notice into the year view and saves it', async () => {
    const b = await setup('supervisor');
    const user = userEvent.setup();
    render(<CalendarScreen />);
    expect((await screen.findByTestId('calendar-year-label')).textContent).toContain('2026');
    await user.click(screen.getByTestId('notice-text'));
    await user.paste(NEW_YEAR_2026);
    await user.click(screen.getByTestId('read-notice'));
    expect(screen.getByTestId('notice-read').textContent).toContain('放假 3 天、调休上班 1 天');
    expect(day('2026-01-02').title).toBe('休');
    expect(day('2026-01-04').title).toBe('班');
    // A click on a weekday marks it off; on the holiday again, back.
    await user.click(day('2026-05-06'));
    expect(day('2026-05-06').title).toBe('休');
    await user.click(day('2026-05-06'));
    expect(day('2026-05-06').title).toBe('');
    await user.click(screen.getByTestId('save-year'));
    await waitFor(() =>
      expect(b.ok('calendar.get', { year: 2026 })).toMatchObject({
        holidays: ['2026-01-01', '2026-01-02', '2026-01-03'],
        workdays: ['2026-01-04'],
      }),
    );
  });

  it('saves the limits and the name', async () => {
    const b = await setup('supervisor');
    const user = userEvent.setup();
    render(<CalendarScreen />);
    const card = await screen.findByTestId('sla-card');
    await user.type(within(card).getByLabelText('单位名称'), '启明区科技局');
    await user.selectOptions(within(card).getByLabelText('办结时限计算方式'), 'workday');
    await user.click(within(card).getByTestId('save-settings'));
    await waitFor(() =>
      expect(b.ok('settings.get', {})).toMatchObject({ orgName: '启明区科技局', sla: { unit: 'workday' } }),
    );
  });

  it('lets staff look but not save: the core refuses them, the screen says so', async () => {
    await setup('staff');
    const user = userEvent.setup();
    render(<CalendarScreen />);
    await user.click(await screen.findByTestId('notice-text'));
    await user.paste(NEW_YEAR_2026);
    await user.click(screen.getByTestId('read-notice'));
    expect((screen.getByTestId('save-year') as HTMLButtonElement).disabled).toBe(true);
    const card = screen.getByTestId('sla-card');
    await user.click(within(card).getByTestId('save-settings'));
    await waitFor(() => expect(card.textContent).toContain('只有督办负责人可以修改设置'));
  });
});

describe('a refused year', () => {
  it('names the bad date in Chinese', async () => {
    const b = await setup('supervisor');
    b.override('calendar.set', () => ({
      ok: false,
      error: invalid('workdays.0', { key: 'calendar.both', params: { date: '2026-01-01' } }).toJSON(),
    }));
    const user = userEvent.setup();
    render(<CalendarScreen />);
    await user.click(await screen.findByTestId('notice-text'));
    await user.paste(NEW_YEAR_2026);
    await user.click(screen.getByTestId('read-notice'));
    await user.click(screen.getByTestId('save-year'));
    expect((await screen.findByTestId('calendar-error')).textContent).toBe(
      '2026-01-01 不能既是放假日又是调休上班日',
    );
  });
});
