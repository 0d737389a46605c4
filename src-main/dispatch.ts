import { z } from 'zod';
import { contract, type MethodOutput, type ParsedInput } from '@shared/contract/contract';
import { isMethodName, type MethodName } from '@shared/contract/methods';
import { ApiError, type ApiErrorBody, type FieldIssue } from '@shared/contract/errors';
import type { Core } from './core';
import * as staff from './features/staff/service';
import * as enterprises from './features/enterprises/service';
import * as experts from './features/experts/service';
import * as visits from './features/visits/service';
import * as demands from './features/demands/service';
import * as clinics from './features/clinics/service';
import * as followups from './features/followups/service';
import { appInfo, myTasks, setMe } from './features/app/service';
import { enterpriseTimeline } from './features/enterprises/timeline';
import { exportSteps, importSteps, readSyncInput, syncStatus } from './features/sync/service';
import { syncFolderSteps } from './features/sync/folder';
import { runSteps, type Steps } from './infra/steps';
import { currentJob, gateOf, runJob } from './infra/jobs';
import { createTeam, joinTeam } from './features/sync/team';
import { listConflicts, resolveConflict } from './features/sync/conflicts';
import { listDuplicates, mergeEnterprises } from './features/sync/duplicates';
import { backupStore, backupToFile, listBackupsOf, restoreBackup } from './features/backups/service';
import { recordAudit } from './features/audit/service';
import { quarterlySummary } from './features/reports/quarterly';
import { figureRecords } from './features/reports/records';
import { getNarrative, saveNarrative } from './features/reports/narrative';
import { exportReport } from './features/reports/export';
import { ASYNC_REPORT_METHODS } from '@shared/contract/reports';
import { importLedger, previewLedger, rejectsReport } from './features/ledger/service';
import { exportList } from './features/ledger/exporter';
import { deleteMapping, listMappings, saveMapping } from './features/ledger/mappings';
import { ASYNC_LEDGER_METHODS } from '@shared/contract/ledger';

/**
 * Handlers of ASYNC methods return a promise (they read or write files), those of STEPPED
 * methods their steps (long jobs, see steps.ts); the rest return the result.
 */
type Handler<M extends MethodName> = (
  core: Core,
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>> | Steps<MethodOutput<M>>;

const handlers: { [M in MethodName]: Handler<M> } = {
  'staff.create': staff.createStaff,
  'staff.get': (c, i) => staff.getStaff(c, i.id),
  'staff.update': staff.updateStaff,
  'staff.delete': (c, i) => staff.deleteStaff(c, i.id),
  'staff.list': staff.listStaff,
  'enterprises.create': enterprises.createEnterprise,
  'enterprises.get': (c, i) => enterprises.getEnterprise(c, i.id),
  'enterprises.update': enterprises.updateEnterprise,
  'enterprises.delete': (c, i) => enterprises.deleteEnterprise(c, i.id),
  'enterprises.list': enterprises.listEnterprises,
  'enterprises.timeline': (c, i) => enterpriseTimeline(c, i.id),
  'enterprises.checkDuplicates': enterprises.checkDuplicates,
  'experts.create': experts.createExpert,
  'experts.get': (c, i) => experts.getExpert(c, i.id),
  'experts.update': experts.updateExpert,
  'experts.delete': (c, i) => experts.deleteExpert(c, i.id),
  'experts.list': experts.listExperts,
  'visits.create': visits.createVisit,
  'visits.get': (c, i) => visits.getVisit(c, i.id),
  'visits.update': visits.updateVisit,
  'visits.delete': (c, i) => visits.deleteVisit(c, i.id),
  'visits.list': visits.listVisits,
  'demands.create': demands.createDemand,
  'demands.get': (c, i) => demands.getDemand(c, i.id),
  'demands.update': demands.updateDemand,
  'demands.delete': (c, i) => demands.deleteDemand(c, i.id),
  'demands.list': demands.listDemands,
  'demands.transition': (c, i) => demands.transitionDemand(c, i),
  'demands.openBoard': demands.openBoard,
  'demands.reassign': demands.reassign,
  'clinics.create': clinics.createClinic,
  'clinics.get': (c, i) => clinics.getClinic(c, i.id),
  'clinics.update': clinics.updateClinic,
  'clinics.delete': (c, i) => clinics.deleteClinic(c, i.id),
  'clinics.list': clinics.listClinics,
  'followups.create': followups.createFollowup,
  'followups.get': (c, i) => followups.getFollowup(c, i.id),
  'followups.update': followups.updateFollowup,
  'followups.delete': (c, i) => followups.deleteFollowup(c, i.id),
  'followups.list': followups.listFollowups,
  'app.info': (c) => appInfo(c),
  'me.set': (c, i) => setMe(c, i.staffId),
  'me.tasks': (c) => myTasks(c),
  'sync.team.create': (c, i) => {
    const { team, teamCode } = createTeam(c.store, i.name, i.passphrase);
    return { teamId: team.id, name: team.name, teamCode };
  },
  'sync.team.join': (c, i) => {
    const team = joinTeam(c.store, i.code, i.passphrase);
    return { teamId: team.id, name: team.name, teamCode: i.code.trim() };
  },
  'sync.export': exportSteps,
  'sync.import': (c, i) =>
    importSteps(c, { ...readSyncInput(i), confirmMassDelete: i.confirmMassDelete ?? false }),
  'sync.folder': syncFolderSteps,
  'sync.status': (c) => syncStatus(c),
  'sync.progress': (c) => {
    const job = currentJob(c);
    return {
      job: job
        ? { method: job.method, startedAt: job.startedAt, ...job.progress, file: job.progress.file ?? null }
        : null,
    };
  },
  'conflicts.list': listConflicts,
  'conflicts.resolve': resolveConflict,
  'duplicates.list': (c) => listDuplicates(c),
  'duplicates.merge': mergeEnterprises,
  'backups.list': (c) => ({ rows: listBackupsOf(c) }),
  'backups.create': (c, i) => {
    if (i.out) return backupToFile(c, i.out);
    const b = backupStore(c, 'manual');
    if (!b) throw new ApiError('CONFLICT', 'an in-memory database has no backups');
    return { path: b.path, bytes: b.bytes };
  },
  'backups.restore': (c, i) => restoreBackup(c, i.file),
  'audit.record': recordAudit,
  'reports.quarterly': quarterlySummary,
  'reports.records': figureRecords,
  'reports.narrative.get': getNarrative,
  'reports.narrative.save': saveNarrative,
  'reports.export': exportReport,
  'ledger.preview': previewLedger,
  'ledger.import': importLedger,
  'ledger.rejectsReport': rejectsReport,
  'ledger.export': exportList,
  'ledger.mappings.list': listMappings,
  'ledger.mappings.save': saveMapping,
  'ledger.mappings.delete': deleteMapping,
};

/** Methods that take a backup first: they open their own transactions (VACUUM INTO cannot run in one). */
const OWN_TRANSACTION: ReadonlySet<MethodName> = new Set([
  'sync.import',
  'sync.folder',
  'backups.create',
  'backups.restore',
  'ledger.import',
]);

/**
 * Methods whose handlers are asynchronous (they read or write .xlsx / .docx files): doors call
 * them through callAsync. They open their own transactions (one cannot span an await).
 */
const ASYNC: ReadonlySet<MethodName> = new Set([...ASYNC_LEDGER_METHODS, ...ASYNC_REPORT_METHODS]);

/**
 * Long jobs written as steps, with their own transactions: call() runs them at once,
 * callAsync() step by step (one job at a time, see jobs.ts), their progress readable by
 * sync.progress.
 */
const STEPPED: ReadonlySet<MethodName> = new Set(['sync.export', 'sync.import', 'sync.folder']);

/** Reads no database: answered even while a job holds it. */
const UNGATED: ReadonlySet<MethodName> = new Set(['sync.progress']);
/** Stepped methods that hold no transaction across their steps: calls may run in between. */
const SHARING_JOBS: ReadonlySet<MethodName> = new Set(['sync.export']);

export type CallResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
}

export function toErrorBody(e: unknown): ApiErrorBody {
  if (e instanceof ApiError) return e.toJSON();
  if (e instanceof z.ZodError) {
    const issues = issuesOf(e);
    const first = issues[0]!;
    return {
      code: 'VALIDATION',
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      details: { field: first.path, issues },
    };
  }
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), details: {} };
}

/** Output checking costs time on large lists; tests and development switch it on. */
const CHECK_OUTPUT = Boolean(process.env.VITEST || process.env.VL_CHECK_OUTPUT);

/**
 * The one entry point every door uses: validates the input against the contract,
 * runs the handler in a transaction (so a refused call changes nothing), and maps
 * any failure to { code, message, details }.
 */
export function call(core: Core, method: unknown, input: unknown): CallResult {
  try {
    if (!isMethodName(method)) {
      throw new ApiError('UNKNOWN_METHOD', `unknown method '${String(method)}'`, { method: String(method) });
    }
    const def = contract[method];
    const parsed = def.input.safeParse(input);
    if (!parsed.success) throw parsed.error;
    if (ASYNC.has(method)) {
      throw new ApiError(
        'UNKNOWN_METHOD',
        `'${method}' is asynchronous: this door must call it through callAsync()`,
        { method },
      );
    }
    if (!UNGATED.has(method) && gateOf(core).busy) {
      // A job's transaction is open on this connection: anything run now would join it.
      throw new ApiError(
        'BUSY',
        `a ${currentJob(core)?.method ?? 'long job'} is running: try again when it ends`,
      );
    }
    const handler = handlers[method] as (core: Core, input: unknown) => unknown;
    const result = STEPPED.has(method)
      ? runSteps(handler(core, parsed.data) as Steps<unknown>)
      : OWN_TRANSACTION.has(method) || UNGATED.has(method)
        ? handler(core, parsed.data)
        : core.store.db.transaction(() => handler(core, parsed.data))();
    checkOutput(method, result);
    return { ok: true, result };
  } catch (e) {
    return { ok: false, error: toErrorBody(e) };
  }
}

/** In tests and development, a result that breaks the contract is a bug reported as INTERNAL. */
function checkOutput(method: MethodName, result: unknown): void {
  if (!CHECK_OUTPUT) return;
  const out = contract[method].output.safeParse(result);
  if (!out.success) {
    throw new ApiError(
      'INTERNAL',
      `output of ${method} breaks the contract: ${issuesOf(out.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  }
}

/**
 * The entry point for doors that can wait: every method, the asynchronous ones included.
 * Calls share the connection, a stepped job has it alone (see gate.ts).
 */
export async function callAsync(core: Core, method: unknown, input: unknown): Promise<CallResult> {
  if (!isMethodName(method) || UNGATED.has(method)) return call(core, method, input);
  const gate = gateOf(core);
  if (!ASYNC.has(method) && !STEPPED.has(method)) return gate.shared(() => call(core, method, input));
  try {
    const def = contract[method];
    const parsed = def.input.safeParse(input);
    if (!parsed.success) throw parsed.error;
    const handler = handlers[method] as (core: Core, input: unknown) => unknown;
    const result = STEPPED.has(method)
      ? await runJob(
          core,
          method,
          () => handler(core, parsed.data) as Steps<unknown>,
          SHARING_JOBS.has(method) ? 'shared' : 'alone',
        )
      : await gate.shared(() => handler(core, parsed.data) as Promise<unknown>);
    checkOutput(method, result);
    return { ok: true, result };
  } catch (e) {
    return { ok: false, error: toErrorBody(e) };
  }
}
