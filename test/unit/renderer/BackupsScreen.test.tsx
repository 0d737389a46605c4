// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { BackupsScreen } from '../../../src-renderer/screens/BackupsScreen';
import { formatBytes, useBackups } from '../../../src-renderer/stores/backups';
import { useSession } from '../../../src-renderer/stores/session';
import { parseHash } from '../../../src-renderer/router';
import { installBridge } from './bridge';

// Backups: the list with why and size, "back up now", and a restore that is confirmed first,
// backs up the current database, and reloads the app's data.

afterEach(() => {
  useBackups.setState({
    rows: [],
    loaded: false,
    loadError: null,
    busy: false,
    error: null,
    confirming: null,
  });
});

describe('BackupsScreen', () => {
  it('backs up now, restores after a confirmation, and the app shows the restored data', async () => {
    const b = installBridge();
    b.ok('experts.create', { name: '王教授' });
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<BackupsScreen route={parseHash('#/backups')} />);
    await screen.findByText('还没有备份。');

    await user.click(screen.getByTestId('backup-now'));
    const table = await screen.findByTestId('backups-table');
    const row = table.querySelector('tbody tr')!;
    expect(row.textContent).toContain('手动');
    expect(row.textContent).toMatch(/\d+ KB/);

    // A change after the backup, which the restore takes away.
    b.ok('experts.create', { name: '李教授' });
    const before = useSession.getState().versions;
    await user.click(within(row as HTMLElement).getByTestId('restore'));
    const dialog = await screen.findByTestId('restore-dialog');
    expect(dialog.textContent).toContain('恢复之前会先把当前数据库备份一份');
    await user.click(within(dialog).getByTestId('restore-confirm'));
    await waitFor(() => expect(screen.queryByTestId('restore-dialog')).toBeNull());

    expect(b.ok('experts.list').rows.map((e) => e.name)).toEqual(['王教授']);
    await waitFor(() =>
      expect(screen.getByTestId('backups-table').querySelectorAll('tbody tr')).toHaveLength(2),
    );
    const reasons = [...screen.getByTestId('backups-table').querySelectorAll('tbody tr')].map((r) =>
      r.getAttribute('data-reason'),
    );
    expect(reasons).toEqual(['before-restore', 'manual']);
    expect(screen.getByTestId('backups-table').textContent).toContain('恢复前');
    // Every list reloads: the session's data versions moved on.
    const after = useSession.getState().versions;
    for (const kind of Object.keys(before) as (keyof typeof before)[])
      expect(after[kind]).toBeGreaterThan(before[kind]);
  });

  it('shows a refused restore in the dialog, not as a success', async () => {
    const b = installBridge();
    const user = userEvent.setup();
    b.ok('backups.create');
    render(<BackupsScreen route={parseHash('#/backups')} />);
    const table = await screen.findByTestId('backups-table');
    b.override('backups.restore', () => ({
      ok: false,
      error: { code: 'VALIDATION', message: 'file: is not a sound database', details: { field: 'file' } },
    }));
    await user.click(within(table).getByTestId('restore'));
    const dialog = await screen.findByTestId('restore-dialog');
    await user.click(within(dialog).getByTestId('restore-confirm'));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('file: is not a sound database');
  });

  it('shows a damaged backup as damaged, with no restore offered, and an old one as unverified', async () => {
    const b = installBridge();
    b.ok('backups.create');
    const [taken] = b.ok('backups.list').rows;
    b.override('backups.list', () => ({
      ok: true,
      result: {
        rows: [
          { ...taken!, checksum: 'mismatch', damaged: true },
          { ...taken!, file: 'old.db', checksum: 'unverified', damaged: false },
        ],
      },
    }));
    render(<BackupsScreen route={parseHash('#/backups')} />);
    const table = await screen.findByTestId('backups-table');
    const [damaged, old] = [...table.querySelectorAll('tbody tr')] as HTMLElement[];
    expect(damaged!.textContent).toContain('已损坏');
    expect((within(damaged!).getByTestId('restore') as HTMLButtonElement).disabled).toBe(true);
    expect(old!.textContent).toContain('未校验');
    expect((within(old!).getByTestId('restore') as HTMLButtonElement).disabled).toBe(false);
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});
