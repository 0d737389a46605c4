// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import './setup';
import '../../../src-renderer/i18n';
import { ImportReportView } from '../../../src-renderer/screens/sync/ImportReportView';
import { DevicesCard } from '../../../src-renderer/screens/sync/DevicesCard';
import { useSession } from '../../../src-renderer/stores/session';
import { useSync, type ImportReport } from '../../../src-renderer/stores/sync';
import { installBridge } from './bridge';

// What the user reads about device identities: codes two laptops share, visit numbers issued
// twice, and a database that took a new identity (restored or copied).

afterEach(() => {
  cleanup();
  useSync.setState({ status: null });
  useSession.setState({ info: null });
});

const report: ImportReport = {
  id: 'r1',
  at: '2026-11-23T04:00:00.000Z',
  fileName: 'K7FQ-20261123.vlsync',
  origin: { id: 'd1', name: '甲电脑' },
  exportedAt: '2026-11-23T03:00:00.000Z',
  received: 3,
  newChanges: 3,
  alreadyKnown: 0,
  createdRecords: 1,
  updatedRecords: 0,
  conflicts: 0,
  deletions: {},
  anomalies: [
    {
      kind: 'device_code',
      device: 'd1',
      message: "device '甲电脑' and this laptop ('乙电脑') both number visits with code K7FQ",
    },
    { kind: 'visit_no_reused', message: '1 visit number(s) were issued twice: 2026-K7FQ-0001' },
  ],
  duplicateEnterprises: 0,
  backup: null,
};

describe('device identities on the Sync screen', () => {
  it('tells a shared device code and visit numbers issued twice in Chinese', () => {
    render(<ImportReportView report={report} />);
    const text = screen.getByTestId('report-anomalies').textContent!;
    expect(text).toContain('两台电脑使用了同一个走访编号前缀');
    expect(text).toContain('甲电脑');
    expect(text).toContain('有走访编号被两台电脑重复发出');
    expect(text).toContain('2026-K7FQ-0001');
  });

  it('says this database took a new identity, and marks the former one', async () => {
    const b = installBridge();
    await useSession.getState().load();
    const info = useSession.getState().info!;
    useSession.setState({
      info: {
        ...info,
        newIdentity: {
          at: '2026-11-23T04:00:00.000Z',
          reason: 'copied',
          previousDeviceId: 'old',
          deviceId: info.device.id,
        },
      },
    });
    const status = b.ok('sync.status');
    useSync.setState({
      status: {
        ...status,
        devices: [
          ...status.devices,
          { id: 'old', name: 'test-laptop', code: 'ZZZZ', isMe: false, lastHlc: null, lastChangeAt: null },
        ],
      },
    });
    render(<DevicesCard />);
    expect(screen.getByTestId('new-identity').textContent).toContain('从另一台电脑复制来的');
    expect(screen.getByTestId('sync-devices').textContent).toContain('本机原来的身份');
  });
});
