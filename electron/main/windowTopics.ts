// Which topics each window watches, and what to pass it. The core publishes every update of every
// topic; a window gets only those of the topics it watches, each first whole, then its changes.
//
// The whole value is a read sent to the core. The core handles one message at a time and posts a
// command's updates as soon as it commits, so on its channel every update produced before the read
// was handled arrives before the read's reply, and is already in it. So a topic is "pending" from
// the moment it is watched until its snapshot arrives: updates meanwhile are dropped (the snapshot
// holds them), and from the snapshot on every update is passed. A snapshot that comes back after
// the window stopped watching the topic, or after a newer snapshot was asked for, is dropped.
//
// Pure: no electron import. The reads and the sending are given to it.
import { chamberError, type ChamberError } from '../../shared/errors';
import type { StateUpdate, Topic } from '../../shared/topics';

export type ReadResult = { ok: true; data: unknown } | { ok: false; error: ChamberError };

export interface WindowTopicsOptions {
  /**
   * Read a topic's whole value from the core, on the channel its updates come on. `reply` must be
   * called as the reply is handled, before any later message from the core: not in a promise's
   * callback, which may run after messages that arrived with the reply (Node's IPC hands over
   * several messages before running promise callbacks), so updates already past the snapshot
   * would be dropped.
   */
  read(topic: Topic, reply: (result: ReadResult) => void): void;
  /** Pass an update to a window. */
  send(windowId: number, update: StateUpdate): void;
}

export interface WindowTopics {
  /**
   * The whole set of topics a window shows now (already checked as allowed to it). Topics newly
   * in it are read and sent whole; those no longer in it stop; the rest carry on.
   */
  watch(windowId: number, topics: readonly Topic[]): void;
  /** An update the core published: passed to every window watching the topic whose snapshot has arrived. */
  publish(update: StateUpdate): void;
  /** The core was restarted: take every window's topics again, whole. */
  retakeAll(): void;
  /** The window has closed: forget it, and drop any snapshot still coming for it. */
  forget(windowId: number): void;
  /** The topics a window watches (for tests and diagnostics). */
  watching(windowId: number): Topic[];
  /** Whether a window's topic has its snapshot and now receives updates. */
  isLive(windowId: number, topic: Topic): boolean;
}

/** A topic's state for one window: 'live', or the number of the snapshot it waits for. */
type TopicState = 'live' | number;

export const createWindowTopics = ({ read, send }: WindowTopicsOptions): WindowTopics => {
  const windows = new Map<number, Map<Topic, TopicState>>();
  let nextSnapshot = 1;

  const snapshot = (windowId: number, topics: Map<Topic, TopicState>, topic: Topic) => {
    const ticket = nextSnapshot++;
    topics.set(topic, ticket);
    const arrived = (result: ReadResult) => {
      // Still the snapshot this window's topic waits for? (Not closed, not unwatched, not asked again.)
      if (windows.get(windowId) !== topics || topics.get(topic) !== ticket) return;
      topics.set(topic, 'live');
      send(windowId, result.ok ? { topic, data: result.data } : { topic, error: result.error });
    };
    try {
      read(topic, arrived);
    } catch (error) {
      arrived({ ok: false, error: chamberError('internal', `Chamber could not read ${topic}: ${(error as Error)?.message ?? String(error)}`) });
    }
  };

  return {
    watch(windowId, wanted) {
      let topics = windows.get(windowId);
      if (!topics) {
        topics = new Map();
        windows.set(windowId, topics);
      }
      const next = new Set(wanted);
      for (const topic of [...topics.keys()]) if (!next.has(topic)) topics.delete(topic);
      for (const topic of next) if (!topics.has(topic)) snapshot(windowId, topics, topic);
    },
    publish(update) {
      for (const [windowId, topics] of windows) if (topics.get(update.topic) === 'live') send(windowId, update);
    },
    retakeAll() {
      for (const [windowId, topics] of windows) for (const topic of [...topics.keys()]) snapshot(windowId, topics, topic);
    },
    forget(windowId) {
      windows.delete(windowId);
    },
    watching: (windowId) => [...(windows.get(windowId)?.keys() ?? [])],
    isLive: (windowId, topic) => windows.get(windowId)?.get(topic) === 'live',
  };
};
