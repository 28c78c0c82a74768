// What a client can read and subscribe to. Updates carry the whole value of a topic.
import type { MeetingState, MeetingSummary } from './state/meeting';

export type Topic = 'meetings' | `meeting:${string}`;

export interface TopicData {
  meetings: MeetingSummary[];
  meeting: MeetingState;
}

export type TopicValue<T extends Topic> = T extends 'meetings' ? MeetingSummary[] : MeetingState;

export interface StateUpdate {
  topic: Topic;
  data: unknown;
}

export const meetingTopic = (meetingId: string): `meeting:${string}` => `meeting:${meetingId}`;
