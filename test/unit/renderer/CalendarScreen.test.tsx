// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { CalendarScreen } from '../../../src-renderer/screens/CalendarScreen';
import { DemandDetail } from '../../../src-renderer/screens/DemandDetail';
import { useDemandDetail } from '../../../src-renderer/stores/demandDetail';
import { useSession } from '../../../src-renderer/stores/session';
import { useWorkCalendar } from '../../../src-renderer/stores/workCalendar';
import { installBridge } from './bridge';

// 工作日历 on screen: the pasted notice marks the year, a supervisor saves it and the limits; the
// demand detail shows the first reply's date, flags it late, and records a 阶段性答复.

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
    await waitFor(() => expect(card.textContent).toContain('只有督办负责人可以执行此操作'));
  });
});

describe('the first reply on the demand detail', () => {
  it('shows its date, flags it late, and records a 阶段性答复', async () => {
    const b = await setup('staff');
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const d = b.ok('demands.create', { enterpriseId: e.id, title: '融资对接', categories: ['finance'] });
    b.clock.set('2026-11-27T10:00:00+08:00');
    useDemandDetail.setState({ id: null, demand: null, move: null });
    const user = userEvent.setup();
    render(<DemandDetail id={d.id} onClose={() => {}} />);
    const facts = await screen.findByTestId('first-reply');
    expect(facts.textContent).toContain('2026-11-26');
    expect(facts.textContent).toContain('尚未答复');
    expect(facts.textContent).toContain('答复超期');
    await user.click(screen.getByTestId('first-reply-open'));
    const dialog = await screen.findByTestId('first-reply-dialog');
    await user.type(within(dialog).getByLabelText(/答复内容/), '已联系合作银行，下周反馈');
    await user.click(within(dialog).getByTestId('first-reply-confirm'));
    await waitFor(() => expect(screen.queryByTestId('first-reply-dialog')).toBeNull());
    expect(screen.getByTestId('first-reply').textContent).toContain('已答复');
    expect(screen.getByTestId('demand-history').textContent).toContain('阶段性答复');
    expect(b.ok('demands.get', { id: d.id }).firstRepliedAt).toBe('2026-11-27T02:00:00.000Z');
  });
});

describe('a refused year', () => {
  it('names the bad date in Chinese', async () => {
    const b = await setup('supervisor');
    b.override('calendar.set', () => ({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'workdays.0: 2026-01-01 is listed both as a holiday and as a workday',
        details: {
          field: 'workdays.0',
          issues: [
            { path: 'workdays.0', message: '2026-01-01 is listed both as a holiday and as a workday' },
          ],
        },
      },
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
