import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';

// A file uploaded as contentBase64 keeps the name it was given, in the report and the history
// (the contract takes `fileName`; it used to be dropped, so the Sync screen's history showed none).

describe('sync.import with contentBase64 and fileName', () => {
  it('records the given file name; without one the name stays empty', () => {
    const a = makeCore();
    const b = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '局', passphrase: 'passphrase-1' });
    b.ok('sync.team.join', { code: teamCode, passphrase: 'passphrase-1' });
    a.ok('experts.create', { name: '王教授' });
    const first = a.ok('sync.export');
    const report = b.ok('sync.import', { contentBase64: first.contentBase64!, fileName: first.fileName });
    expect(report.fileName).toBe(first.fileName);
    a.ok('experts.create', { name: '李教授' });
    const second = b.ok('sync.import', { contentBase64: a.ok('sync.export').contentBase64! });
    expect(second.fileName).toBeNull();
    const history = b.ok('sync.status').imports;
    expect(history.find((r) => r.id === report.id)?.fileName).toBe(first.fileName);
    expect(history.find((r) => r.id === second.id)?.fileName).toBeNull();
  });
});
