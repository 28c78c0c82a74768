import { eventLog } from './0001-event-log';
import { meetingsList } from './0002-meetings';
import { bodiesList } from './0003-bodies';
import { statesInParts } from './0004-parts';
import { memberDevices } from './0005-member-devices';
import type { Migration } from './types';

/** Every migration, in order. The schema version is PRAGMA user_version. */
export const migrations: readonly Migration[] = [eventLog, meetingsList, bodiesList, statesInParts, memberDevices];

export type { Migration };
