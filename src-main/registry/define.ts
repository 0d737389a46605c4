import type { z } from 'zod';
import { contract, type Contract, type MethodOutput, type ParsedInput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { Core } from '../core';
import type { Steps } from '../infra/steps';

// One API method, defined once beside the feature it belongs to: its handler and the traits
// that tell dispatch how to run it. The input and output schemas are the contract's entry of
// the same name (they stay in src-shared: the renderer derives its types from them).

/** The records a method's `write` made: its own, and those made with it (a visit's demands). */
export interface Made {
  id: string;
  with: string[];
}

/** How a method runs, and what its handler returns for it. */
type Run<I, O> =
  | {
      /** Returns its result at once. */
      mode: 'sync';
      /**
       * 'call': dispatch runs it in one transaction, so a refused call changes nothing.
       * 'own': it opens its own (it takes a backup first: VACUUM INTO cannot run in one), or needs none.
       */
      transaction: 'call' | 'own';
      handler(core: Core, input: I): O;
      /**
       * The handler's writes without reading the result back, for a caller that does not read
       * it (the demo's bulk load, dispatch's `resultUnread`). Same writes as `handler`; returns
       * the ids of the records it made, if any.
       */
      write?(core: Core, input: I): Made | void;
    }
  | {
      /**
       * Reads or writes files: returns a promise, and opens its own short transactions (one
       * cannot span an await). Only doors that can wait run it (callAsync).
       */
      mode: 'async';
      handler(core: Core, input: I): Promise<O>;
    }
  | {
      /** A long job written as steps (see steps.ts), with its own transactions. */
      mode: 'steps';
      /**
       * 'alone': it holds a transaction across its steps, so it needs the connection alone.
       * 'shared': it holds none, so calls may run between its steps (see jobs.ts).
       */
      job: 'alone' | 'shared';
      handler(core: Core, input: I): Steps<O>;
    };

interface Traits {
  /**
   * false: reads no database, so it is answered at once even while a job holds the
   * connection. Only a synchronous method that needs no transaction can say so.
   */
  gated: boolean;
}

/** A method as the registry holds it. */
export type MethodDef<M extends MethodName> = {
  name: M;
  input: Contract[M]['input'];
  output: Contract[M]['output'];
} & Traits &
  Run<ParsedInput<M>, MethodOutput<M>>;

/** Any method, as dispatch runs it: its input is checked against `input` at run time. */
export type AnyMethodDef = { name: MethodName; input: z.ZodType; output: z.ZodType } & Traits &
  Run<unknown, unknown>;

type SyncRun<M extends MethodName> = Extract<Run<ParsedInput<M>, MethodOutput<M>>, { mode: 'sync' }>;

/**
 * What a feature writes. Unless it says otherwise a method is synchronous, runs in a
 * transaction of its call, and waits while a job holds the connection.
 */
export type MethodSpec<M extends MethodName> = { name: M } & (
  | (Omit<SyncRun<M>, 'mode' | 'transaction'> & { mode?: 'sync' } & (
        | { transaction?: 'call' | 'own'; gated?: true }
        // It runs beside a job's transaction: one of its own would join it.
        | { transaction: 'own'; gated: false }
      ))
  | Exclude<Run<ParsedInput<M>, MethodOutput<M>>, SyncRun<M>>
);

export function defineMethod<M extends MethodName>(spec: MethodSpec<M>): MethodDef<M> {
  const { input, output } = contract[spec.name];
  if (spec.mode === 'async' || spec.mode === 'steps') return { ...spec, gated: true, input, output };
  return {
    ...spec,
    mode: 'sync',
    transaction: spec.transaction ?? 'call',
    gated: spec.gated ?? true,
    input,
    output,
  };
}
