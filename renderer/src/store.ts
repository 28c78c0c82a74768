// The renderer's state: what the core last told us, and where the clerk is. Fed only by the API.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChamberApi, InvokeResult } from '../../shared/api';
import type { Command } from '../../shared/commands';
import type { MeetingState, MeetingSummary } from '../../shared/state/meeting';
import { meetingTopic } from '../../shared/topics';

export type Route = { screen: 'meetings' } | { screen: 'meeting'; meetingId: string };

export const routeFromHash = (hash: string): Route => {
  const match = /^#\/meetings\/([0-9a-f-]{36})$/.exec(hash);
  return match ? { screen: 'meeting', meetingId: match[1] } : { screen: 'meetings' };
};

export const hashOf = (route: Route): string => (route.screen === 'meeting' ? `#/meetings/${route.meetingId}` : '#/');

export interface ChamberState {
  connected: boolean;
  route: Route;
  meetings?: MeetingSummary[];
  meetingsById: Record<string, MeetingState>;
  /** A message for problems not tied to one field (lost connection, a missing meeting). */
  notice?: string;
  /** Go to a screen, recording it in the address (so reload and Back work). */
  navigate(route: Route): void;
  /** Show a screen the address already names (after a hashchange). */
  show(route: Route): void;
  invoke(command: Command): Promise<InvokeResult>;
  /** Read what the current screen shows, e.g. after reconnecting. */
  refresh(): Promise<void>;
}

export type ChamberStore = StoreApi<ChamberState>;

const sameRoute = (a: Route, b: Route): boolean => hashOf(a) === hashOf(b);

export interface StoreOptions {
  initialRoute: Route;
  /** Write the route into the address bar; the hashchange that follows calls show(). */
  writeLocation(hash: string): void;
}

export const createChamberStore = (api: ChamberApi, options: StoreOptions): ChamberStore => {
  const store = createStore<ChamberState>()((set, get) => ({
    connected: true,
    route: options.initialRoute,
    meetingsById: {},
    navigate(route) {
      options.writeLocation(hashOf(route));
      get().show(route);
    },
    show(route) {
      if (sameRoute(route, get().route) && get().notice === undefined) return;
      set({ route, notice: undefined });
      void get().refresh();
    },
    invoke: (command) => api.invoke(command),
    async refresh() {
      const { route } = get();
      try {
        if (route.screen === 'meetings') {
          set({ meetings: await api.read('meetings') });
        } else {
          const meeting = await api.read(meetingTopic(route.meetingId));
          set((s) => ({ meetingsById: { ...s.meetingsById, [meeting.id]: meeting } }));
        }
      } catch (error) {
        set({ notice: (error as Error).message });
      }
    },
  }));

  api.subscribe((update) => {
    if (update.topic === 'meetings') store.setState({ meetings: update.data as MeetingSummary[] });
    else if (update.topic.startsWith('meeting:')) {
      const meeting = update.data as MeetingState;
      store.setState((s) => ({ meetingsById: { ...s.meetingsById, [meeting.id]: meeting } }));
    }
  });
  api.onConnectionChange((connected) => {
    store.setState({ connected });
    if (connected) void store.getState().refresh();
  });
  return store;
};
