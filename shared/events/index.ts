// The event catalogue: facts recorded in the append-only log.
import { type z } from 'zod';
import { agendaEventSchemas } from './agenda';
import { bodyEventSchemas } from './body';
import { debateEventSchemas } from './debate';
import { divisionEventSchemas } from './division';
import { liveEventSchemas } from './live';
import { meetingEventSchemas } from './meeting';
import { memberDeviceEventSchemas } from './memberDevices';
import { minutesEventSchemas } from './minutes';
import { settingsEventSchemas } from './settings';

export const eventSchemas = { ...bodyEventSchemas, ...meetingEventSchemas, ...agendaEventSchemas, ...liveEventSchemas, ...debateEventSchemas, ...divisionEventSchemas, ...memberDeviceEventSchemas, ...minutesEventSchemas, ...settingsEventSchemas } as const;

export type EventType = keyof typeof eventSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;

/** An event as a handler proposes it: which stream, what happened. */
export type NewEvent = { [T in EventType]: { stream: string; type: T; payload: EventPayload<T> } }[EventType];

/** An event as stored in the log. */
export type RecordedEvent = NewEvent & {
  id: string;
  seq: number;
  /** Wall time at which the core recorded it (ISO instant). */
  at: string;
  deviceId: string;
  prevHash: string;
  hash: string;
};

export const streams = {
  meeting: (meetingId: string) => `meeting:${meetingId}`,
  body: (bodyId: string) => `body:${bodyId}`,
  settings: () => 'settings:installation',
} as const;

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventSchemas, type);
