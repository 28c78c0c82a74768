// The renderer's state: the topics the core last sent, and where the clerk is. Fed only by the API:
// each watched topic arrives whole, then as the changes each command made (applied here with the
// same function the core uses), so a command on a long meeting sends and costs little.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChamberApi, InvokeResult } from '../../shared/api';
import type { Command } from '../../shared/commands';
import { bodyShape } from '../../shared/state/body';
import { meetingShape } from '../../shared/state/meeting';
import { applyChanges, type Shape } from '../../shared/state/parts';
import type { StateUpdate, Topic, TopicValue } from '../../shared/topics';
import { routeFromHash, topicsOf, type Route, hashOf } from './routes';

export interface ChamberState {
  connected: boolean;
  /** A command just failed because Chamber could not be reached; cleared by the next that succeeds, or the connection's return. */
  unreachable: boolean;
  route: Route;
  /** The latest value of each topic received so far. */
  topics: Partial<Record<Topic, unknown>>;
  /** Topics that could not be read (e.g. a meeting that does not exist), with why. */
  missing: Partial<Record<Topic, string>>;
  /** Go to a screen, recording it in the address (so reload and Back work). */
  navigate(route: Route): void;
  /** Show a screen the address already names (after a hashchange). */
  show(route: Route): void;
  invoke(command: Command): Promise<InvokeResult>;
  /** Watch the topics the current screen shows. */
  refresh(): Promise<void>;
  /** Watch a topic: it arrives whole, then changes follow. */
  watch(topic: Topic): void;
  /** Read one topic now, whatever has been pushed (e.g. before acting on its latest value). */
  load(topic: Topic): Promise<void>;
}

export type ChamberStore = StoreApi<ChamberState>;

export interface StoreOptions {
  initialRoute: Route;
  /** Write the route into the address bar; the hashchange that follows calls show(). */
  writeLocation(hash: string): void;
  /** Which topics this page may watch (a page from the chamber network: the public ones only). */
  mayWatch?(topic: Topic): boolean;
}

/** How a topic whose changes are pushed is put together; undefined for topics pushed whole. */
const shapeOf = (topic: Topic): Shape | undefined =>
  topic.startsWith('meeting:') ? meetingShape : topic.startsWith('body:') ? bodyShape : undefined;

const seqOf = (value: unknown): number | undefined => (value as { seq?: number } | undefined)?.seq;

export const createChamberStore = (api: ChamberApi, options: StoreOptions): ChamberStore => {
  const watched = new Set<Topic>();
  const watch = (topics: Iterable<Topic>) => {
    let added = false;
    for (const topic of topics) {
      if (options.mayWatch && !options.mayWatch(topic)) continue;
      if (!watched.has(topic)) {
        watched.add(topic);
        added = true;
      }
    }
    if (added) api.watch([...watched]);
  };

  /** Keep the newer of two values of a topic, by stream sequence when it has one. */
  const keep = (topic: Topic, data: unknown) =>
    store.setState((s) => {
      const known = seqOf(s.topics[topic]);
      const incoming = seqOf(data);
      if (known !== undefined && incoming !== undefined && incoming < known) return s;
      return { topics: { ...s.topics, [topic]: data }, missing: { ...s.missing, [topic]: undefined } };
    });

  /** The last command sent, so the next waits for its answer. */
  let inOrder: Promise<unknown> = Promise.resolve();

  const store = createStore<ChamberState>()((set, get) => ({
    connected: true,
    unreachable: false,
    route: options.initialRoute,
    topics: {},
    missing: {},
    navigate(route) {
      options.writeLocation(hashOf(route));
      get().show(route);
    },
    show(route) {
      if (hashOf(route) === hashOf(get().route)) return;
      set({ route });
      void get().refresh();
    },
    async invoke(command) {
      // Commands go to the core one after another, in the order given: the chairman's X then N
      // (end the speech, call the next) must arrive as X then N, whatever the network does.
      const sent = inOrder.then(() => api.invoke(command));
      inOrder = sent.then(
        () => undefined,
        () => undefined,
      );
      const outcome = await sent;
      const unreachable = !outcome.ok && outcome.error.details.unreachable === true;
      if (unreachable !== get().unreachable) set({ unreachable });
      return outcome;
    },
    async refresh() {
      watch(topicsOf(get().route));
    },
    watch(topic) {
      watch([topic]);
    },
    async load(topic) {
      watch([topic]);
      try {
        keep(topic, await api.read(topic));
      } catch (error) {
        set((s) => ({ missing: { ...s.missing, [topic]: (error as Error).message } }));
      }
    },
  }));

  const receive = (update: StateUpdate) => {
    const { topic } = update;
    if ('error' in update) {
      store.setState((s) => ({ missing: { ...s.missing, [topic]: update.error.message } }));
      return;
    }
    if ('data' in update) {
      keep(topic, update.data);
      return;
    }
    const current = store.getState().topics[topic];
    const shape = shapeOf(topic);
    const seq = seqOf(current);
    if (current === undefined || !shape || seq === undefined || update.patch.seq <= seq) return; // nothing to patch, or already newer
    if (update.patch.fromSeq !== seq) {
      // A change was missed (e.g. it crossed a read): take the whole value again.
      void store.getState().load(topic);
      return;
    }
    store.setState((s) => ({ topics: { ...s.topics, [topic]: applyChanges(current as object, update.patch.changes, shape) } }));
  };

  api.subscribe(receive);
  api.onConnectionChange((connected) => store.setState(connected ? { connected, unreachable: false } : { connected }));
  return store;
};

export const topicValue = <T extends Topic>(state: ChamberState, topic: T): TopicValue<T> | undefined =>
  state.topics[topic] as TopicValue<T> | undefined;

export { hashOf, routeFromHash, type Route };

/** If a meeting is in progress or adjourned, show its live screen. */
export const resumeRunningMeeting = async (api: ChamberApi, store: ChamberStore): Promise<void> => {
  try {
    const meetings = await api.read('meetings');
    const running = meetings.find((m) => m.status === 'in_progress' || m.status === 'adjourned');
    if (running && store.getState().route.screen === 'meetings') store.getState().navigate({ screen: 'live', meetingId: running.id });
  } catch {
    // The meetings list shows whatever went wrong.
  }
};
