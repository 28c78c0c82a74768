// What a client can read and subscribe to. Updates carry the whole value of a topic.
import type { BodyState, BodySummary } from './state/body';
import type { ChamberDisplay } from './state/display';
import type { MeetingState, MeetingSummary } from './state/meeting';

export type Topic = 'meetings' | 'bodies' | `meeting:${string}` | `body:${string}` | `display:${string}`;

export type TopicValue<T extends Topic> = T extends 'meetings'
  ? MeetingSummary[]
  : T extends 'bodies'
    ? BodySummary[]
    : T extends `meeting:${string}`
      ? MeetingState
      : T extends `display:${string}`
        ? ChamberDisplay
        : BodyState;

export interface StateUpdate {
  topic: Topic;
  data: unknown;
}

export const meetingTopic = (meetingId: string): `meeting:${string}` => `meeting:${meetingId}`;
export const bodyTopic = (bodyId: string): `body:${string}` => `body:${bodyId}`;
export const displayTopic = (meetingId: string): `display:${string}` => `display:${meetingId}`;

/** Topics anyone on the chamber network may read: the chamber display, nothing else. */
export const isPublicTopic = (topic: string): boolean => topic.startsWith('display:');
