// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { SyncScreen } from '../../../src-renderer/screens/SyncScreen';
import { useSync } from '../../../src-renderer/stores/sync';
import { useSession } from '../../../src-renderer/stores/session';
import { parseHash } from '../../../src-renderer/router';
import { installBridge } from './bridge';
import { importInto, openLaptop, sameTeam, type Laptop } from './otherLaptop';

// The Sync screen's 待确认的未来时间修改: a colleague's laptop three days fast retitles an
// expert; the import holds that change, the section lists it with the laptop's name, and
// 接受 / 丢弃 settle it against the real core.

const laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops.splice(0)) l.close();
  useSync.setState({ status: null, duplicates: [], loadError: null, busy: null, error: null });
  useSession.setState({ openConflicts: 0, clockBehind: null });
  vi.restoreAllMocks();
});

async function setup() {
  const b = installBridge();
  let ahead = 0;
  const other = openLaptop('李明的笔记本', '李明', () => b.clock.now() + ahead);
  laptops.push(other);
  sameTeam(b, other);
  const e = b.ok('experts.create', { name: '陈教授', title: '教授' });
  other.ok('sync.import', { contentBase64: b.ok('sync.export', {}).contentBase64! });
  importInto(b, other.ok('sync.export', {}));
  ahead = 3 * 86_400_000; // then the other laptop's clock jumps three days ahead
  other.ok('experts.update', { id: e.id, title: '研究员（钟快）' });
  importInto(b, other.ok('sync.export', {}));
  await useSession.getState().load();
  render(<SyncScreen route={parseHash('#/sync')} />);
  const section = await screen.findByTestId('sync-quarantine');
  await within(section).findByTestId('quarantined-change');
  return { b, e, section, user: userEvent.setup() };
}

describe('QuarantineCard', () => {
  it('lists a change stamped days ahead with the laptop that made it, and accepts it', async () => {
    const { b, e, section, user } = await setup();
    expect(within(section).getByRole('heading').textContent).toBe('待确认的未来时间修改');
    const row = within(section).getByTestId('quarantined-change');
    expect(row.textContent).toContain('李明的笔记本');
    expect(row.textContent).toContain('陈教授');
    expect(row.textContent).toContain('研究员（钟快）');
    expect(b.ok('experts.get', { id: e.id }).title).toBe('教授');
    await user.click(within(row).getByRole('button', { name: '接受' }));
    await waitFor(() => expect(within(section).queryByTestId('quarantined-change')).toBeNull());
    expect(b.ok('experts.get', { id: e.id }).title).toBe('研究员（钟快）');
    expect(b.ok('sync.status', {}).quarantined).toBe(0);
  });

  it('discards it after asking', async () => {
    const { b, e, section, user } = await setup();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(within(section).getByRole('button', { name: '丢弃' }));
    await waitFor(() => expect(within(section).queryByTestId('quarantined-change')).toBeNull());
    expect(within(section).getByText('没有待确认的修改。')).toBeTruthy();
    expect(b.ok('experts.get', { id: e.id }).title).toBe('教授');
  });
});
