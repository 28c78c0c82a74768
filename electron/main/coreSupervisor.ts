// Keeps the core running. The core is a child process speaking the FromCore/ToCore protocol (in the
// desktop app an Electron utility process; in tests a Node child process): this starts it, relays
// requests to it, and when it dies unexpectedly starts it again, with a growing pause, up to a
// limit (5 restarts in a minute), after which it reports a fatal error.
//
// Nothing acknowledged can be lost: the core acknowledges a command only after its commit is on
// disk. A command in flight when the core died gets a clear error saying it may not have been
// recorded; reads in flight, and reads asked for while the core is down, are sent again to the new
// core (reading changes nothing). Commands sent while the core is down are refused at once, unsent;
// so are the clerk's sync operations, and one in flight is answered that it may not have been done.
// Listeners are told when the connection is lost and restored, so the windows can say so and take
// their topics again. A core that says it cannot open the data ('fatal', e.g. another Chamber holds
// it) is not restarted: the message is reported as fatal.
//
// Pure: no electron import. The way to start a child is given to it.
import type { InvokeResult } from '../../shared/api';
import { chamberError, type ChamberError } from '../../shared/errors';
import type { SyncAnswer } from '../../shared/syncApi';
import type { StateUpdate, Topic } from '../../shared/topics';
import type { FromCore, ToCore } from '../core/coreProtocol';
import type { ReadResult } from './windowTopics';

export interface CoreChildEvents {
  /** A message from the core, in the order the core posted them. */
  message(message: FromCore): void;
  /** The process has ended, however it ended; `how` says how (e.g. "exit code 1", "signal SIGKILL"). */
  exit(how: string): void;
}

export interface CoreChild {
  send(message: ToCore): void;
  /** Stop the process (it will still report its exit). */
  kill(): void;
}

/** Start a core process that reports to `events`. May throw if it cannot be started at all. */
export type StartCore = (events: CoreChildEvents) => CoreChild;

export interface CoreSupervisorOptions {
  start: StartCore;
  /** Restarts allowed within `restartWindowMs`; one more unexpected stop is fatal. Default 5. */
  maxRestarts?: number;
  /** Default one minute. */
  restartWindowMs?: number;
  /** The pause before a restart, given how many restarts there have been within the window. */
  backoffMs?: (recentRestarts: number) => number;
  /** Where to write what happened (default stderr). */
  log?: (line: string) => void;
}

export interface CoreSupervisor {
  /** Start the core; resolves once it is ready, rejects with its message if it cannot open the data. Not restarted on failure. */
  start(): Promise<void>;
  invoke(command: unknown): Promise<InvokeResult>;
  read(topic: Topic): Promise<ReadResult>;
  /**
   * Read a topic, calling `reply` while the reply message is handled: before any message the core
   * posted after it, so an update that follows the reply is never seen before it (see windowTopics.ts).
   */
  readInOrder(topic: Topic, reply: (result: ReadResult) => void): void;
  /** One of the clerk's sync operations, by name (electron/core/sync/syncOperations.ts); answered in words, never left hanging. */
  sync(operation: string, input: unknown): Promise<SyncAnswer>;
  onUpdate(listener: (update: StateUpdate) => void): () => void;
  /** Lost (false) when the core stops unexpectedly, restored (true) once a restarted core is ready. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /** The core cannot be kept running (it failed too often, or cannot open the data): the app must stop. */
  onFatal(listener: (message: string) => void): () => void;
  readonly connected: boolean;
  /** Stop the core for good (on quitting): its exit is expected. */
  stop(): void;
}

export const DEFAULT_MAX_RESTARTS = 5;
export const DEFAULT_RESTART_WINDOW_MS = 60_000;
export const defaultBackoffMs = (recentRestarts: number): number => Math.min(250 * 2 ** recentRestarts, 4000);

/** The answer to a command that was sent to a core that then stopped before answering. */
export const STOPPED_BEFORE_CONFIRMING =
  "Chamber's core stopped before confirming this, so it may not have been recorded. Chamber is restarting it; the screen will show what was recorded.";
export const RESTARTING = "Chamber's core is restarting after it stopped unexpectedly; this was not recorded. Try again in a moment.";
export const STOPPED = "Chamber's core has stopped; this was not recorded.";
/** The answer to a sync operation asked while the core is starting again. */
export const SYNC_RESTARTING =
  "Chamber's core is restarting after it stopped unexpectedly, so sync cannot be reached for a moment; nothing was changed. Try again shortly.";
/** The answer to a sync operation sent to a core that then stopped before answering. */
export const SYNC_STOPPED_BEFORE_ANSWERING =
  "Chamber's core stopped before answering, so this may not have been done. Chamber is restarting it; look at the sync screen again in a moment.";
export const SYNC_STOPPED = "Chamber's core has stopped, so sync cannot be reached.";
/** The short notice for the clerk when the core stopped and is being restarted. */
export const CONNECTION_LOST_NOTICE = "Chamber's core stopped unexpectedly and is restarting. Everything already confirmed is saved.";

export const gaveUpMessage = (stops: number, windowMs: number, how: string): string =>
  `Chamber's core stopped unexpectedly ${stops} times within ${Math.round(windowMs / 1000)} seconds (last: ${how}), so Chamber will not restart it again. ` +
  'Everything Chamber confirmed is saved. Open Chamber again; if this keeps happening, tell your IT support.';

type State = 'idle' | 'starting' | 'running' | 'restarting' | 'failed' | 'stopped';

interface Request {
  message: ToCore;
  settle(result: unknown): void;
  fail(error: ChamberError): void;
}

export const createCoreSupervisor = (options: CoreSupervisorOptions): CoreSupervisor => {
  const maxRestarts = options.maxRestarts ?? DEFAULT_MAX_RESTARTS;
  const windowMs = options.restartWindowMs ?? DEFAULT_RESTART_WINDOW_MS;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));

  let state: State = 'idle';
  let child: CoreChild | undefined;
  /** Which child is current: messages and exits of any earlier one are ignored. */
  let generation = 0;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  const restarts: number[] = [];
  let nextId = 1;
  /** Sent to the current core, not yet answered. */
  const inFlight = new Map<number, Request>();
  /** Reads waiting for a core to be ready. */
  const waiting: Request[] = [];
  let firstStart: { resolve(): void; reject(error: Error): void } | undefined;

  const updateListeners = new Set<(update: StateUpdate) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const fatalListeners = new Set<(message: string) => void>();
  const emit = <T>(listeners: Set<(value: T) => void>, value: T) => {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (error) {
        log(`Chamber: a listener failed: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  };
  const listen = <T>(listeners: Set<T>, listener: T) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };

  const failAll = (message: string) => {
    const requests = [...inFlight.values(), ...waiting];
    inFlight.clear();
    waiting.length = 0;
    for (const request of requests) request.fail(chamberError('internal', request.message.kind === 'sync' ? SYNC_STOPPED : message));
  };

  const send = (request: Request) => {
    inFlight.set(request.message.id, request);
    try {
      child!.send(request.message);
    } catch (error) {
      // The channel is already closing: the exit that follows settles it like any request in flight.
      log(`Chamber: could not send to the core: ${(error as Error)?.message ?? String(error)}`);
    }
  };

  const fatal = (message: string) => {
    state = 'failed';
    generation += 1;
    child?.kill();
    child = undefined;
    failAll(STOPPED);
    if (firstStart) {
      firstStart.reject(new Error(message));
      firstStart = undefined;
    } else {
      emit(fatalListeners, message);
    }
  };

  const onMessage = (message: FromCore) => {
    switch (message.kind) {
      case 'ready': {
        const restarted = state === 'restarting';
        state = 'running';
        for (const request of waiting.splice(0)) send(request);
        if (firstStart) {
          firstStart.resolve();
          firstStart = undefined;
        }
        if (restarted) {
          log('Chamber: the core is running again.');
          emit(connectionListeners, true);
        }
        return;
      }
      case 'fatal':
        log(`Chamber: the core cannot run: ${message.message}`);
        return fatal(message.message);
      case 'update':
        return emit(updateListeners, message.update);
      case 'invoked':
      case 'read':
      case 'synced': {
        const request = inFlight.get(message.id);
        if (!request) return;
        inFlight.delete(message.id);
        return request.settle(message.kind === 'synced' ? message.answer : message.result);
      }
    }
  };

  const onExit = (how: string) => {
    child = undefined;
    generation += 1; // anything the dead core still says is ignored
    if (state === 'starting' && firstStart) return fatal(`The Chamber core stopped before it was ready (${how}).`);
    const wasConnected = state === 'running';
    state = 'restarting';
    log(`Chamber: the core stopped unexpectedly (${how}).`);
    // Commands and sync operations in flight may or may not have been done: say so. Reads are simply asked again.
    const requests = [...inFlight.values()];
    inFlight.clear();
    for (const request of requests) {
      if (request.message.kind === 'invoke') request.fail(chamberError('internal', STOPPED_BEFORE_CONFIRMING));
      else if (request.message.kind === 'sync') request.fail(chamberError('internal', SYNC_STOPPED_BEFORE_ANSWERING));
      else waiting.push(request);
    }
    waiting.sort((a, b) => a.message.id - b.message.id);
    if (wasConnected) emit(connectionListeners, false);
    if (state !== 'restarting') return; // a listener stopped us

    const now = Date.now();
    while (restarts.length > 0 && restarts[0] <= now - windowMs) restarts.shift();
    if (restarts.length >= maxRestarts) {
      const message = gaveUpMessage(restarts.length + 1, windowMs, how);
      log(`Chamber: ${message}`);
      return fatal(message);
    }
    const delay = backoffMs(restarts.length);
    restarts.push(now);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (state === 'restarting') spawn();
    }, delay);
  };

  const spawn = () => {
    generation += 1;
    const mine = generation;
    try {
      child = options.start({
        message: (message) => {
          if (mine === generation) onMessage(message);
        },
        exit: (how) => {
          if (mine === generation && (state === 'starting' || state === 'running' || state === 'restarting')) onExit(how);
        },
      });
    } catch (error) {
      // Could not even start it: the same as a process that died at once (but never synchronously re-entrant).
      const how = `it could not be started: ${(error as Error)?.message ?? String(error)}`;
      setTimeout(() => {
        if (mine === generation && (state === 'starting' || state === 'restarting')) onExit(how);
      }, 0);
    }
  };

  const readInOrder = (topic: Topic, reply: (result: ReadResult) => void) => {
    const read: Request = {
      message: { kind: 'read', id: nextId++, topic },
      settle: (result) => reply(result as ReadResult),
      fail: (error) => reply({ ok: false, error }),
    };
    if (state === 'running') send(read);
    else if (state === 'starting' || state === 'restarting') waiting.push(read);
    else reply({ ok: false, error: chamberError('internal', STOPPED) });
  };

  return {
    start() {
      if (state !== 'idle') return Promise.reject(new Error('The Chamber core has already been started.'));
      state = 'starting';
      return new Promise<void>((resolve, reject) => {
        firstStart = { resolve, reject };
        spawn();
      });
    },
    invoke(command) {
      return new Promise<InvokeResult>((resolve) => {
        if (state !== 'running') {
          resolve({ ok: false, error: chamberError('internal', state === 'restarting' || state === 'starting' ? RESTARTING : STOPPED) });
          return;
        }
        send({
          message: { kind: 'invoke', id: nextId++, command },
          settle: (result) => resolve(result as InvokeResult),
          fail: (error) => resolve({ ok: false, error }),
        });
      });
    },
    sync(operation, input) {
      return new Promise<SyncAnswer>((resolve) => {
        if (state !== 'running') {
          resolve({ ok: false, error: chamberError('internal', state === 'restarting' || state === 'starting' ? SYNC_RESTARTING : SYNC_STOPPED) });
          return;
        }
        send({
          message: { kind: 'sync', id: nextId++, operation, input },
          settle: (answer) => resolve(answer as SyncAnswer),
          fail: (error) => resolve({ ok: false, error }),
        });
      });
    },
    read: (topic) => new Promise<ReadResult>((resolve) => readInOrder(topic, resolve)),
    readInOrder,
    onUpdate: (listener) => listen(updateListeners, listener),
    onConnectionChange: (listener) => listen(connectionListeners, listener),
    onFatal: (listener) => listen(fatalListeners, listener),
    get connected() {
      return state === 'running';
    },
    stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      generation += 1;
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = undefined;
      child?.kill();
      child = undefined;
      failAll(STOPPED);
      firstStart?.reject(new Error('Chamber was stopped before its core was ready.'));
      firstStart = undefined;
    },
  };
};
