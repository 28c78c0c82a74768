// The sync screen's way to the clerk's sync operations (shared/syncApi.ts): in the desktop app's
// clerk window through its bridge (window.chamberSync, to the core), in browser mode over HTTP
// (shared/syncApi.ts's SYNC_ROUTES: GET /api/sync, PUT /api/sync/config, POST /api/sync/push, …) with the
// clerk's token in the Authorization header. Either way the core answers from the same table. The
// device key goes up once, when the clerk sets it; no answer ever carries it back.
import type { ChamberError } from '../../../shared/errors';
import { SYNC_ROUTES, type PackChoice, type SyncConfigInput, type SyncOperationName, type SyncOperations, type SyncStatus } from '../../../shared/syncApi';

export type { SyncStatus };

export type SyncReply<T> = { ok: true; data: T } | { ok: false; error: ChamberError };

const clerkToken = (): string => document.querySelector<HTMLMetaElement>('meta[name="chamber-token"]')?.content ?? '';

/**
 * Whether this page can reach the sync operations: the desktop app's clerk window (not the
 * chairman's view or the chamber display), or browser mode's page on the clerk's own computer.
 */
export const syncAvailable = (): boolean => window.chamberSync !== undefined || (window.chamber === undefined && clerkToken() !== '');

const unreachable = (): SyncReply<never> => ({
  ok: false,
  error: { code: 'internal', message: 'Chamber could not be reached: check that Chamber is still running, then try again.', details: { unreachable: true } },
});

const overHttp = async (operation: SyncOperationName, input: unknown): Promise<SyncReply<unknown>> => {
  const { method, path } = SYNC_ROUTES[operation];
  const body = method === 'GET' ? undefined : (input ?? {});
  try {
    const response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${clerkToken()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return (await response.json()) as SyncReply<unknown>;
  } catch {
    return unreachable();
  }
};

const call = async <N extends SyncOperationName>(operation: N, input?: SyncOperations[N]['input']): Promise<SyncReply<SyncOperations[N]['data']>> => {
  const bridge = window.chamberSync;
  if (!bridge) return (await overHttp(operation, input)) as SyncReply<SyncOperations[N]['data']>;
  try {
    return (await bridge.call(operation, input)) as SyncReply<SyncOperations[N]['data']>;
  } catch {
    return unreachable();
  }
};

export const syncClient = {
  status: () => call('status'),
  configure: (input: SyncConfigInput) => call('configure', input),
  push: () => call('push'),
  verify: () => call('verify'),
  packs: () => call('packs'),
  takePack: (input: PackChoice) => call('takePack', input),
  markPackSeen: (input: PackChoice) => call('markPackSeen', input),
  publishPack: (input: PackChoice) => call('publishPack', input),
};
