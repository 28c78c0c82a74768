// What a client can read and watch. A client watching a topic first receives its whole value,
// then, for a meeting or a body, only patches: the parts each command changed (see state/parts.ts),
// so what is pushed follows what changed, never the size of the record. Small topics (the lists,
// the chamber display, the settings) are pushed whole, and only when they change.
import type { ChamberError } from './errors';
import type { BodyState, BodySummary } from './state/body';
import type { ChamberDisplay } from './state/display';
import type { MeetingState, MeetingSummary } from './state/meeting';
import type { Change } from './state/parts';
import type { SettingsState } from './state/settings';

export type Topic = 'meetings' | 'bodies' | 'settings' | `meeting:${string}` | `body:${string}` | `display:${string}`;

export type TopicValue<T extends Topic> = T extends 'meetings'
  ? MeetingSummary[]
  : T extends 'bodies'
    ? BodySummary[]
    : T extends 'settings'
      ? SettingsState
      : T extends `meeting:${string}`
        ? MeetingState
        : T extends `display:${string}`
          ? ChamberDisplay
          : BodyState;

/** The changes one command made to a stream, from the stream's sequence number `fromSeq` to `seq`. */
export interface TopicPatch {
  fromSeq: number;
  seq: number;
  changes: Change[];
}

export type StateUpdate =
  /** The whole value: on watching, and for small topics on every change. */
  | { topic: Topic; data: unknown }
  /** What one command changed. A client whose copy is not at `fromSeq` asks for the whole value again. */
  | { topic: Topic; patch: TopicPatch }
  /** The topic cannot be watched (it does not exist, or is not shown to this client), with why. */
  | { topic: Topic; error: ChamberError };

export const meetingTopic = (meetingId: string): `meeting:${string}` => `meeting:${meetingId}`;
export const bodyTopic = (bodyId: string): `body:${string}` => `body:${bodyId}`;
export const displayTopic = (meetingId: string): `display:${string}` => `display:${meetingId}`;

const ID = /^[0-9a-f-]{36}$/;

/** Whether a string names a topic (so a request for anything else is refused before any lookup). */
export const isTopic = (topic: string): topic is Topic => {
  if (topic === 'meetings' || topic === 'bodies' || topic === 'settings') return true;
  const colon = topic.indexOf(':');
  return ['meeting', 'body', 'display'].includes(topic.slice(0, colon)) && ID.test(topic.slice(colon + 1));
};

/** Topics anyone on the chamber network may watch: the chamber display, nothing else. */
export const isPublicTopic = (topic: string): boolean => topic.startsWith('display:');
