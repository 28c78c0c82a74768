// Messages between Electron's main process and the core's utility process.
import type { InvokeResult } from '../../shared/api';
import type { ChamberError } from '../../shared/errors';
import type { SyncAnswer } from '../../shared/syncApi';
import type { StateUpdate } from '../../shared/topics';

export type ToCore =
  | { kind: 'invoke'; id: number; command: unknown }
  | { kind: 'read'; id: number; topic: string }
  /** One of the clerk's sync operations by name (electron/core/sync/syncOperations.ts), from the clerk's window only. */
  | { kind: 'sync'; id: number; operation: string; input: unknown };

export type FromCore =
  | { kind: 'ready' }
  | { kind: 'fatal'; message: string }
  | { kind: 'invoked'; id: number; result: InvokeResult }
  | { kind: 'read'; id: number; result: { ok: true; data: unknown } | { ok: false; error: ChamberError } }
  | { kind: 'synced'; id: number; answer: SyncAnswer }
  | { kind: 'update'; update: StateUpdate };
