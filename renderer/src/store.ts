// The renderer's state: the topics the core last sent, and where the clerk is. Fed only by the API.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChamberApi, InvokeResult } from '../../shared/api';
import type { Command } from '../../shared/commands';
import type { Topic, TopicValue } from '../../shared/topics';
import { routeFromHash, topicsOf, type Route, hashOf } from './routes';

export interface ChamberState {
  connected: boolean;
  route: Route;
  /** The latest value of each topic read or pushed so far. */
  topics: Partial<Record<Topic, unknown>>;
  /** Topics that could not be read (e.g. a meeting that does not exist), with why. */
  missing: Partial<Record<Topic, string>>;
  /** Go to a screen, recording it in the address (so reload and Back work). */
  navigate(route: Route): void;
  /** Show a screen the address already names (after a hashchange). */
  show(route: Route): void;
  invoke(command: Command): Promise<InvokeResult>;
  /** Read the topics the current screen shows, e.g. on arrival or after reconnecting. */
  refresh(): Promise<void>;
  /** Read one topic now. */
  load(topic: Topic): Promise<void>;
}

export type ChamberStore = StoreApi<ChamberState>;

export interface StoreOptions {
  initialRoute: Route;
  /** Write the route into the address bar; the hashchange that follows calls show(). */
  writeLocation(hash: string): void;
}

export const createChamberStore = (api: ChamberApi, options: StoreOptions): ChamberStore => {
  const store = createStore<ChamberState>()((set, get) => ({
    connected: true,
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
    invoke: (command) => api.invoke(command),
    async refresh() {
      await Promise.all(topicsOf(get().route).map((topic) => get().load(topic)));
    },
    async load(topic) {
      try {
        const data = await api.read(topic);
        set((s) => ({ topics: { ...s.topics, [topic]: data }, missing: { ...s.missing, [topic]: undefined } }));
      } catch (error) {
        set((s) => ({ missing: { ...s.missing, [topic]: (error as Error).message } }));
      }
    },
  }));

  api.subscribe((update) => store.setState((s) => ({ topics: { ...s.topics, [update.topic]: update.data } })));
  api.onConnectionChange((connected) => {
    store.setState({ connected });
    if (connected) void store.getState().refresh();
  });
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
