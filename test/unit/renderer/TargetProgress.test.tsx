// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import './setup';
import '../../../src-renderer/i18n';
import { TargetProgress } from '../../../src-renderer/components/reports/TargetProgress';

// The 晾晒表 on screen: target, year-to-date actual, % complete and a bar, each row ahead or
// behind the share of the year gone by (2026-07-02 is the 183rd day of 365: 50.1%).

const row = (key: string) => document.querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`)!;

describe('the targets progress section', () => {
  it('shows each target in key order with its actual, % complete, pace and bar', () => {
    render(
      <TargetProgress
        asOf="2026-07-02"
        targets={{
          closed: { target: 300, actual: 120, pct: 0.4 },
          visits: { target: 1200, actual: 900, pct: 0.75 },
          'outcome:tech_contract:amount': { target: 500_000_000, actual: null, pct: null },
        }}
      />,
    );
    const keys = [...document.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-key'));
    expect(keys).toEqual(['visits', 'closed', 'outcome:tech_contract:amount']);
    expect(row('visits').textContent).toContain('走访家次');
    expect(row('visits').textContent).toContain('1,200');
    expect(row('visits').textContent).toContain('75.0%');
    expect(row('visits').dataset.pace).toBe('ahead');
    expect(row('closed').dataset.pace).toBe('behind');
    expect(row('outcome:tech_contract:amount').textContent).toContain('暂未统计');
    expect(row('outcome:tech_contract:amount').dataset.pace).toBeUndefined();
    const meter = row('visits').querySelector<HTMLElement>('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuenow')).toBe('75');
    expect(meter.querySelector<HTMLElement>('div')!.style.width).toBe('75%');
    expect(screen.getByTestId('target-progress').textContent).toContain('时间进度 50.1%');
  });

  it('caps the bar at a full track past the target, and says when no target is set', () => {
    const { unmount } = render(
      <TargetProgress asOf="2026-12-31" targets={{ visits: { target: 100, actual: 130, pct: 1.3 } }} />,
    );
    expect(row('visits').textContent).toContain('130.0%');
    expect(row('visits').querySelector<HTMLElement>('[role="meter"] div')!.style.width).toBe('100%');
    unmount();
    render(<TargetProgress asOf="2026-12-31" targets={{}} />);
    expect(screen.getByTestId('target-progress').textContent).toContain('2026 年尚未设定目标任务');
  });
});
