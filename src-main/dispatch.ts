import { msg } from '@shared/messages';
import { isMethodName } from '@shared/contract/methods';
import { ApiError, type ApiErrorBody } from '@shared/contract/errors';
import { issuesOf, toErrorBody } from './errorBody';
import type { Core } from './core';
import { methodDef } from './registry/registry';
import type { AnyMethodDef } from './registry/define';
import { runSteps } from './infra/steps';
import { currentJob, gateOf, runJob } from './infra/jobs';

// The one way into the API, for every door and the demo generator: the method's definition
// is looked up in the registry, its input checked against the contract, the handler run as
// its traits say (see registry/define.ts), and any failure mapped to { code, message, details }.
// call() and callAsync() differ only in how they run a call: at once, or when the connection
// is free for it.

export type CallResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export interface CallOptions {
  /**
   * The caller holds a transaction open and runs the call in it, instead of one of its own:
   * the demo generator writes the whole district in one. Only for methods that run in their
   * call's transaction.
   */
  inTransaction?: boolean;
  /**
   * The input is the contract's as it stands, not parsed again: only for the demo generator's
   * bulk load, whose every input its call-by-call twin parses (seeds/demo.ts).
   */
  trusted?: boolean;
  /**
   * The caller does not read the result: a method with a `write` (registry/define.ts) runs it
   * instead of its handler, and the result is what that returns (the ids it made, or nothing).
   * Only for the demo generator's bulk load.
   */
  resultUnread?: boolean;
}

/** Output checking costs time on large lists; tests and development switch it on. */
const CHECK_OUTPUT = Boolean(process.env.VITEST || process.env.VL_CHECK_OUTPUT);

interface Parsed {
  def: AnyMethodDef;
  input: unknown;
}

/** The method's definition and its input as the contract parses it (`trusted`: as given); refused otherwise. */
function parse(method: unknown, input: unknown, trusted = false): Parsed {
  if (!isMethodName(method)) {
    throw new ApiError('UNKNOWN_METHOD', msg('call.unknownMethod', { method: String(method) }), {
      method: String(method),
    });
  }
  const def = methodDef(method);
  if (trusted) return { def, input };
  const parsed = def.input.safeParse(input);
  if (!parsed.success) throw parsed.error;
  return { def, input: parsed.data };
}

/** In tests and development, a result that breaks the contract is a bug reported as INTERNAL. */
function checked(def: AnyMethodDef, result: unknown): CallResult {
  if (CHECK_OUTPUT) {
    const out = def.output.safeParse(result);
    if (!out.success) {
      throw new ApiError(
        'INTERNAL',
        msg('internal', {
          detail: `output of ${def.name} breaks the contract: ${issuesOf(out.error)
            .map((i) => `${i.path}: ${i.message}`)
            .join('; ')}`,
        }),
      );
    }
  }
  return { ok: true, result };
}

const failed = (e: unknown): CallResult => ({ ok: false, error: toErrorBody(e) });

/** The method's `write`, when the caller does not read the result (CallOptions.resultUnread). */
const writeInstead = (def: AnyMethodDef, options?: CallOptions) =>
  options?.resultUnread && def.mode === 'sync' ? def.write : undefined;

/** Runs a call to its end without giving up the thread: a job runs all its steps at once. */
function runNow(core: Core, { def, input }: Parsed, options: CallOptions = {}): unknown {
  if (def.mode === 'async') {
    throw new ApiError('UNKNOWN_METHOD', msg('call.asyncOnly', { method: def.name }), { method: def.name });
  }
  if (def.gated && gateOf(core).busy) {
    // A job's transaction is open on this connection: anything run now would join it.
    throw new ApiError('BUSY', msg('call.busy', { job: currentJob(core)?.method ?? 'long job' }));
  }
  if (options.inTransaction && (def.mode !== 'sync' || def.transaction !== 'call')) {
    throw new ApiError(
      'INTERNAL',
      msg('internal', { detail: `'${def.name}' opens its own transactions: it cannot run in the caller's` }),
    );
  }
  if (def.mode === 'steps') return runSteps(def.handler(core, input));
  const handler = writeInstead(def, options) ?? def.handler;
  if (def.transaction === 'own' || options.inTransaction) return handler(core, input);
  return core.store.db.transaction(() => handler(core, input))();
}

/**
 * Runs a call when the connection is free for it (see gate.ts): calls share it, a job waits
 * its turn and then runs step by step, its progress readable by sync.progress.
 */
function runWhenFree(core: Core, parsed: Parsed): Promise<unknown> {
  const { def, input } = parsed;
  if (!def.gated) return Promise.resolve(runNow(core, parsed));
  const gate = gateOf(core);
  switch (def.mode) {
    case 'sync':
      return gate.shared(() => runNow(core, parsed));
    case 'async':
      return gate.shared(() => def.handler(core, input));
    case 'steps':
      return runJob(core, def.name, () => def.handler(core, input), def.job);
  }
}

/**
 * The entry point for doors that cannot wait (the CLI's plain calls, tests): every method but
 * the asynchronous ones. A refused call changes nothing (unless it ran in the caller's
 * transaction, which the caller then rolls back).
 */
export function call(core: Core, method: unknown, input: unknown, options?: CallOptions): CallResult {
  try {
    const parsed = parse(method, input, options?.trusted);
    const result = runNow(core, parsed, options);
    // What a `write` returns is not the method's output: no contract to check it against.
    if (writeInstead(parsed.def, options)) return { ok: true, result };
    return checked(parsed.def, result);
  } catch (e) {
    return failed(e);
  }
}

/**
 * The entry point for doors that can wait: every method, the asynchronous ones included.
 * Calls share the connection, a stepped job has it alone (see gate.ts).
 */
export async function callAsync(core: Core, method: unknown, input: unknown): Promise<CallResult> {
  try {
    const parsed = parse(method, input);
    return checked(parsed.def, await runWhenFree(core, parsed));
  } catch (e) {
    return failed(e);
  }
}
