import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesktopCore } from '../../../src-main/doors/electron/coreSide';
import { startShell, type ShellOptions } from '../../../src-main/doors/electron/startup';
import { electronStub, type StubOptions } from './electronStub';

/** A core that answers every call with its method's name, and whose job the test controls. */
export function fakeCore(events: string[]) {
  let endJob: () => void = () => undefined;
  const state = { job: null as string | null, closed: false, orgName: null as string | null };
  const api: DesktopCore = {
    call: async (method) => ({ ok: true, result: { method } }),
    info: async () => {
      throw new Error('not in the fake');
    },
    orgName: () => state.orgName,
    runningJob: () => state.job,
    jobEnded: () => (state.job ? new Promise<void>((r) => (endJob = r)) : Promise.resolve()),
    close: () => {
      state.closed = true;
      events.push('core:close');
    },
  };
  return {
    state,
    api,
    startJob(method: string) {
      state.job = method;
    },
    endJob() {
      state.job = null;
      endJob();
    },
  };
}

/** The shell started on a recording stub, with a temp user-data folder and Documents. */
export function start(
  stubOptions: Partial<StubOptions> = {},
  shellOptions: Partial<ShellOptions> & { core?: () => Promise<DesktopCore> } = {},
) {
  const root = mkdtempSync(join(tmpdir(), 'vl-shell-'));
  mkdirSync(join(root, 'Documents'));
  const stub = electronStub({
    userData: join(root, 'userData'),
    documents: join(root, 'Documents'),
    ...stubOptions,
  });
  const fake = fakeCore(stub.events);
  const shell = startShell(stub.electron, {
    argv: ['VisitLedger.exe'],
    development: false,
    devServerUrl: undefined,
    mainDir: '/app/out/main',
    dbPath: undefined,
    versions: { app: '9.9.9', electron: '45.0.0' },
    loadCore: async () => {
      stub.events.push('core:load');
      return shellOptions.core ? shellOptions.core() : fake.api;
    },
    ...shellOptions,
  });
  return { root, stub, fake, shell };
}
