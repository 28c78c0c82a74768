import { createContext, useContext, useEffect } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_SPEECH_WARNING_SECONDS } from '../../shared/state/settings';
import { DEFAULT_TIME_ZONE } from '../../shared/time';
import type { Topic, TopicValue } from '../../shared/topics';
import type { ChamberState, ChamberStore } from './store';

export const StoreContext = createContext<ChamberStore | null>(null);

export const useChamber = <T,>(selector: (state: ChamberState) => T): T => {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useChamber outside StoreContext');
  return useStore(store, selector);
};

/**
 * The latest value of a topic, watched on first use and kept current by pushed changes.
 * `missing` says why it could not be read (e.g. a meeting that does not exist).
 */
export const useTopic = <T extends Topic>(topic: T | undefined): { data?: TopicValue<T>; missing?: string } => {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useTopic outside StoreContext');
  const data = useStore(store, (s) => (topic ? (s.topics[topic] as TopicValue<T> | undefined) : undefined));
  const missing = useStore(store, (s) => (topic ? s.missing[topic] : undefined));
  useEffect(() => {
    if (topic) store.getState().watch(topic);
  }, [topic, store]);
  return { data, missing };
};

/** The installation's time zone: every time on screen is shown, and typed, in it. */
export const useTimeZone = (): string => useTopic('settings').data?.timeZone ?? DEFAULT_TIME_ZONE;

/**
 * How many seconds before a speaker's time is up their clock shows the warning (the installation's
 * setting, 30 unless changed; 0 for no warning): pass it to SpeechClock's `warningSeconds`.
 */
export const useSpeechWarningSeconds = (): number => useTopic('settings').data?.speechWarningSeconds ?? DEFAULT_SPEECH_WARNING_SECONDS;
