// The clerk's sync operations, by name: the one table that browser mode's routes
// (host/webHost.ts, at shared/syncApi.ts's SYNC_ROUTES) and the desktop app's core (utility.ts,
// the 'sync' message) both run, so an operation added here reaches both. Each checks its input
// before it touches the sync client and answers in words; the device key goes in with
// `configure` and is never in an answer. Plain Node, never imports electron.
import { z } from 'zod';
import { chamberError, notFound } from '../../../shared/errors';
import { SYNC_OPERATION_NAMES, type SyncAnswer, type SyncOperationName, type SyncOperations } from '../../../shared/syncApi';
import type { SyncClient } from './syncClient';

export interface SyncOperation<T> {
  run(sync: SyncClient, input: unknown): SyncAnswer<T> | Promise<SyncAnswer<T>>;
  /** It starts work and answers at once (browser mode: 202 Accepted); the screen follows it through `status`. */
  startsWork?: boolean;
}

/** An operation that takes nothing: no input, or an empty object (browser mode's POST body). */
const Nothing = z.union([z.undefined(), z.null(), z.strictObject({})]);

const refusal = (message: string): SyncAnswer<never> => ({ ok: false, error: chamberError('invalid_command', message) });

/** Run `then` once `input` is nothing; otherwise say what the operation takes. */
const takingNothing =
  <T>(what: string, then: (sync: SyncClient) => SyncAnswer<T> | Promise<SyncAnswer<T>>) =>
  (sync: SyncClient, input: unknown): SyncAnswer<T> | Promise<SyncAnswer<T>> =>
    Nothing.safeParse(input).success ? then(sync) : refusal(`${what} takes nothing: send it without any settings.`);

export const syncOperations: { readonly [N in SyncOperationName]: SyncOperation<SyncOperations[N]['data']> } = {
  status: {
    run: takingNothing('Reading how sync stands', (sync) => ({ ok: true, data: sync.status() })),
  },
  configure: {
    // The sync client checks the settings itself (one schema, syncClient.ts's ConfigInput).
    run: (sync, input) => sync.configure(input),
  },
  push: {
    startsWork: true,
    run: takingNothing('Sync now', (sync) => {
      const { done: _done, ...answer } = sync.startPush();
      return answer;
    }),
  },
  // Meeting packs: each asks the records server and answers when it has (the sync client checks the choice).
  packs: { run: takingNothing('Looking for meeting packs', (sync) => sync.packs()) },
  takePack: { run: (sync, input) => sync.takePack(input) },
  markPackSeen: { run: (sync, input) => sync.markPackSeen(input) },
  publishPack: { run: (sync, input) => sync.publishPack(input) },
  verify: {
    startsWork: true,
    run: takingNothing("Checking the server's copy", (sync) => {
      void sync.verify();
      return { ok: true, data: { started: true } };
    }),
  },
};

const listed = (names: readonly string[]): string => `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** Whether `name` names one of the clerk's sync operations. */
export const isSyncOperationName = (name: unknown): name is SyncOperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(syncOperations, name);

/**
 * Run an operation by name on `sync`. An unknown name, or input the operation does not take, is
 * refused in words; nothing it throws escapes (the answer says so, never echoing the input).
 */
export const runSyncOperation = async (sync: SyncClient, operation: unknown, input: unknown): Promise<SyncAnswer> => {
  if (!isSyncOperationName(operation)) {
    const named = typeof operation === 'string' ? `"${operation.slice(0, 40)}"` : `named by a ${operation === null ? 'null' : typeof operation}`;
    return {
      ok: false,
      error: notFound(`Chamber has no sync operation ${named}: it knows ${listed(SYNC_OPERATION_NAMES)}.`, 'operation'),
    };
  }
  try {
    return await syncOperations[operation].run(sync, input);
  } catch (error) {
    return {
      ok: false,
      error: chamberError('internal', `Sync could not do that: ${error instanceof Error ? error.message : 'an unexpected error'}. Nothing has been lost; try again.`),
    };
  }
};
