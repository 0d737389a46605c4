// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { OrphansCard } from '../../../src-renderer/screens/sync/OrphansCard';
import { ConflictsScreen } from '../../../src-renderer/screens/ConflictsScreen';
import { parseHash } from '../../../src-renderer/router';
import { useOrphans } from '../../../src-renderer/stores/orphans';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge, type Bridge } from './bridge';
import { openLaptop, sameTeam, type Laptop } from './otherLaptop';

// The Sync screen's 孤立记录 section against a real core: a demand registered on another laptop
// for an enterprise this laptop deleted meanwhile; and an edit lost to a delete on the conflicts screen.

const laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops.splice(0)) l.close();
  useOrphans.setState({ rows: [], loadError: null, busyKey: null, errors: {} });
});

function orphanedDemand(b: Bridge, other: Laptop) {
  sameTeam(b, other);
  const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const full = b.ok('sync.export', { full: true });
  other.ok('sync.import', { contentBase64: full.contentBase64! });
  b.clock.ms += 10_000;
  b.ok('enterprises.delete', { id: e.id });
  const d = other.ok('demands.create', { enterpriseId: e.id, categories: ['tech'], title: '需要检测设备' });
  const file = other.ok('sync.export', {});
  b.ok('sync.import', { contentBase64: file.contentBase64! });
  return { e, d };
}

describe('OrphansCard', () => {
  it('lists an orphaned demand and restores its enterprise', async () => {
    const b = installBridge();
    const other = openLaptop('李明的笔记本', '李明', () => b.clock.ms + 20_000);
    laptops.push(other);
    const { e, d } = orphanedDemand(b, other);
    await useSession.getState().load();
    render(<OrphansCard />);
    const row = await screen.findByTestId('orphan');
    expect(row.dataset.record).toBe(d.id);
    expect(row.textContent).toContain('需要检测设备');
    expect(row.textContent).toContain('福州星火科技有限公司');
    expect(row.textContent).toContain('已删除');

    window.confirm = () => true;
    await userEvent.setup().click(within(row).getByTestId('orphan-restore-parent'));
    await waitFor(() => expect(screen.queryByTestId('orphan')).toBeNull());
    expect(screen.getByTestId('sync-orphans').textContent).toContain('没有孤立记录');
    expect(b.ok('enterprises.get', { id: e.id }).deletedAt).toBeNull();
  });
});

describe('a conflict lost to a delete', () => {
  it('shows who deleted the record against the fields edited meanwhile, and restores it', async () => {
    const b = installBridge();
    const other = openLaptop('李明的笔记本', '李明', () => b.clock.ms + 20_000);
    laptops.push(other);
    sameTeam(b, other);
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    other.ok('sync.import', { contentBase64: b.ok('sync.export', { full: true }).contentBase64! });
    b.clock.ms += 10_000;
    b.ok('enterprises.delete', { id: e.id });
    other.ok('enterprises.update', { id: e.id, address: '乌山路 8 号' });
    b.ok('sync.import', { contentBase64: other.ok('sync.export', {}).contentBase64! });
    await useSession.getState().load();
    render(<ConflictsScreen route={parseHash('#/conflicts')} />);
    const card = await screen.findByTestId('conflict');
    expect(within(card).getByTestId('conflict-winner-value').textContent).toMatch(/^已删除（测试员，/);
    expect(within(card).getByTestId('conflict-loser-value').textContent).toBe('地址：乌山路 8 号');
    await userEvent.setup().click(within(card).getByTestId('keep-loser'));
    await waitFor(() => expect(b.ok('enterprises.get', { id: e.id }).address).toBe('乌山路 8 号'));
  });
});
