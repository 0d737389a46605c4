import { defineMethod } from '../../registry/define';
import { currentJob } from '../../infra/jobs';
import { exportSteps, importSteps, readSyncInput, syncStatus } from './service';
import { syncFolderSteps } from './folder';
import { createTeam, joinTeam } from './team';
import { listConflicts, resolveConflict } from './conflicts';
import { listDuplicates, mergeEnterprises } from './duplicates';
import { listOrphans, resolveOrphan } from './orphans';
import { listQuarantine, resolveQuarantine } from './quarantine';

// Exports, imports and folder syncs are long jobs written as steps: their progress is read
// by sync.progress meanwhile. An import takes a backup first and holds one transaction
// across its steps; an export reads the append-only change log and holds none.
export const syncMethods = [
  defineMethod({
    name: 'sync.team.create',
    handler: (c, i) => {
      const { team, teamCode } = createTeam(c.store, i.name, i.passphrase);
      return { teamId: team.id, name: team.name, teamCode };
    },
  }),
  defineMethod({
    name: 'sync.team.join',
    handler: (c, i) => {
      const team = joinTeam(c.store, i.code, i.passphrase);
      return { teamId: team.id, name: team.name, teamCode: i.code.trim() };
    },
  }),
  defineMethod({ name: 'sync.export', mode: 'steps', job: 'shared', handler: exportSteps }),
  defineMethod({
    name: 'sync.import',
    mode: 'steps',
    job: 'alone',
    handler: (c, i) =>
      importSteps(c, { ...readSyncInput(i), confirmMassDelete: i.confirmMassDelete ?? false }),
  }),
  defineMethod({ name: 'sync.folder', mode: 'steps', job: 'alone', handler: syncFolderSteps }),
  defineMethod({ name: 'sync.status', handler: (c) => syncStatus(c) }),
  defineMethod({
    name: 'sync.progress',
    // Reads the running job's latest step, not the database.
    gated: false,
    transaction: 'own',
    handler: (c) => {
      const job = currentJob(c);
      return {
        job: job
          ? { method: job.method, startedAt: job.startedAt, ...job.progress, file: job.progress.file ?? null }
          : null,
      };
    },
  }),
  defineMethod({ name: 'conflicts.list', handler: listConflicts }),
  defineMethod({ name: 'conflicts.resolve', handler: resolveConflict }),
  defineMethod({ name: 'orphans.list', handler: (c) => listOrphans(c) }),
  defineMethod({ name: 'orphans.resolve', handler: resolveOrphan }),
  defineMethod({ name: 'quarantine.list', handler: (c) => listQuarantine(c) }),
  defineMethod({ name: 'quarantine.resolve', handler: resolveQuarantine }),
  defineMethod({ name: 'duplicates.list', handler: (c) => listDuplicates(c) }),
  defineMethod({ name: 'duplicates.merge', handler: mergeEnterprises }),
] as const;
