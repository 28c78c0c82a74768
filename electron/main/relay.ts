// The main process's relay between the windows and the core, without Electron: main.ts checks that
// a message comes from our own renderer, then hands it here with the window's id. Here each window
// is held to its role (the chamber display window: its display topic only; sync with the records
// server: the clerk's own window only), every message is bounded before it reaches the core, each
// window receives only the topics it watches (whole first, then changes), and every window is told
// when the core is lost and restored, after which its topics arrive whole again.
import type { InvokeResult } from '../../shared/api';
import { chamberError } from '../../shared/errors';
import type { SyncAnswer } from '../../shared/syncApi';
import type { StateUpdate, Topic } from '../../shared/topics';
import type { CoreSupervisor } from './coreSupervisor';
import { checkTopic, checkWatchList, commandRefusal, syncRequestRefusal } from './ipcLimits';
import { invokeRefusal, mayOpenDisplay, syncRefusal, topicRefusal, type WindowRole } from './windowPolicy';
import { createWindowTopics, type ReadResult } from './windowTopics';

export type RelayCore = Pick<CoreSupervisor, 'invoke' | 'read' | 'readInOrder' | 'sync' | 'onUpdate' | 'onConnectionChange' | 'connected'>;

export interface RelayOptions {
  core: RelayCore;
  /** Send a window a message: a topic's update, or whether the core is connected. */
  send(windowId: number, channel: 'chamber:update', payload: StateUpdate): void;
  send(windowId: number, channel: 'chamber:connection', payload: boolean): void;
  /** Where to write refusals worth knowing about (default stderr). */
  log?: (line: string) => void;
}

export interface Relay {
  /** A window main opened, and what it is for. */
  opened(windowId: number, role: WindowRole): void;
  /** A page was loaded afresh in the window (a reload): it watches nothing yet, so what it watches next arrives whole. */
  pageLoaded(windowId: number): void;
  /** The window has gone: forget it. */
  closed(windowId: number): void;
  invoke(windowId: number, command: unknown): Promise<InvokeResult>;
  read(windowId: number, topic: unknown): Promise<ReadResult>;
  /** One of the clerk's sync operations by name, from the clerk's own window only. */
  sync(windowId: number, operation: unknown, input: unknown): Promise<SyncAnswer>;
  /** The whole set of topics a window shows. */
  watch(windowId: number, topics: unknown): void;
  /** Whether a window may open the chamber display. */
  mayOpenDisplay(windowId: number): boolean;
  /** The windows known (for tests). */
  windows(): number[];
}

export const createRelay = (options: RelayOptions): Relay => {
  const { core } = options;
  const send = options.send as (windowId: number, channel: string, payload: unknown) => void;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const roles = new Map<number, WindowRole>();
  /** Windows opened while the core was lost, not yet told: they hear it with their first watch (by then they listen). */
  const unaware = new Set<number>();
  /** The names each window was last refused, so a refusal is said once, not with every watch list. */
  const refusedBefore = new Map<number, Set<string>>();
  const topics = createWindowTopics({
    read: (topic, reply) => core.readInOrder(topic, reply),
    send: (windowId, update) => send(windowId, 'chamber:update', update),
  });

  core.onUpdate((update) => topics.publish(update));
  core.onConnectionChange((connected) => {
    unaware.clear();
    for (const windowId of roles.keys()) send(windowId, 'chamber:connection', connected);
    // The new core's state is the truth: every window takes its topics again, whole.
    if (connected) topics.retakeAll();
  });

  return {
    opened(windowId, role) {
      roles.set(windowId, role);
      if (!core.connected) unaware.add(windowId);
    },
    pageLoaded(windowId) {
      topics.forget(windowId);
      refusedBefore.delete(windowId);
      if (roles.has(windowId) && !core.connected) unaware.add(windowId);
    },
    closed(windowId) {
      roles.delete(windowId);
      unaware.delete(windowId);
      refusedBefore.delete(windowId);
      topics.forget(windowId);
    },
    async invoke(windowId, command) {
      const refusal = invokeRefusal(roles.get(windowId)) ?? commandRefusal(command);
      if (refusal) return { ok: false, error: refusal };
      return core.invoke(command);
    },
    async read(windowId, topic) {
      const checked = checkTopic(topic);
      if (!checked.ok) return checked;
      const refusal = topicRefusal(roles.get(windowId), checked.topic);
      if (refusal) return { ok: false, error: refusal };
      return core.read(checked.topic);
    },
    async sync(windowId, operation, input) {
      // The window first, then the bounds: a window that may not sync learns nothing about the request.
      const refusal = syncRefusal(roles.get(windowId)) ?? syncRequestRefusal(operation, input);
      if (refusal) return { ok: false, error: refusal };
      return core.sync(operation as string, input);
    },
    watch(windowId, wanted) {
      const role = roles.get(windowId);
      if (!role) return log(`Chamber: refused a watch from window ${windowId}, which Chamber did not open.`);
      const checked = checkWatchList(wanted);
      if (!checked.ok) return log(`Chamber: refused a watch list from window ${windowId}: ${checked.reason}.`);
      if (unaware.delete(windowId) && !core.connected) send(windowId, 'chamber:connection', false);
      const before = refusedBefore.get(windowId);
      const refused = new Set<string>();
      const allowed: Topic[] = [];
      for (const topic of checked.topics) {
        const refusal = topicRefusal(role, topic);
        if (!refusal) {
          allowed.push(topic);
          continue;
        }
        refused.add(topic);
        if (!before?.has(topic)) send(windowId, 'chamber:update', { topic, error: refusal });
      }
      for (const name of checked.unknown) {
        refused.add(name);
        if (before?.has(name)) continue;
        send(windowId, 'chamber:update', {
          topic: name as Topic,
          error: chamberError('not_found', `There is no topic called "${name}".`, { field: 'topic' }),
        });
      }
      refusedBefore.set(windowId, refused);
      topics.watch(windowId, allowed);
    },
    mayOpenDisplay: (windowId) => mayOpenDisplay(roles.get(windowId)),
    windows: () => [...roles.keys()],
  };
};
