import { eventLog } from './0001-event-log';
import { meetingsList } from './0002-meetings';
import { bodiesList } from './0003-bodies';
import { statesInParts } from './0004-parts';
import { memberDevices } from './0005-member-devices';
import { syncWithRecordsServer } from './0006-sync';
import { syncServerCertificate } from './0007-sync-certificate';
import { meetingPacksSeen } from './0008-meeting-packs-seen';
import { syncAcknowledged } from './0009-sync-acknowledged';
import type { Migration } from './types';

/** Every migration, in order. The schema version is PRAGMA user_version. */
export const migrations: readonly Migration[] = [eventLog, meetingsList, bodiesList, statesInParts, memberDevices, syncWithRecordsServer, syncServerCertificate, meetingPacksSeen, syncAcknowledged];

export type { Migration };
