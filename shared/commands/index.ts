// The command catalogue: every operation the UI can perform, as one typed union.
// The renderer, the Electron bridge, the HTTP host, the docs and the tests all use this.
import { z } from 'zod';
import { agendaCommands } from './agenda';
import { bodyCommands } from './body';
import { debateCommands } from './debate';
import { divisionCommands } from './division';
import { liveCommands } from './live';
import { meetingCommands } from './meeting';
import { memberDeviceCommands } from './memberDevices';
import { minutesCommands } from './minutes';
import { settingsCommands } from './settings';

export const commandSchemas = [...bodyCommands, ...meetingCommands, ...agendaCommands, ...liveCommands, ...debateCommands, ...divisionCommands, ...memberDeviceCommands, ...minutesCommands, ...settingsCommands] as const;

export const Command = z.discriminatedUnion('type', commandSchemas);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Schema by command type, for the dispatcher's validation and the API docs. */
export const commandSchemaByType: ReadonlyMap<string, (typeof commandSchemas)[number]> = new Map(
  commandSchemas.map((schema) => [schema.shape.type.value, schema]),
);

/** What a successful command returns to its caller. */
export interface CommandResult {
  /** Ids made by the command, e.g. the new meeting's id. */
  ids: Record<string, string>;
  /** How many events the command appended (0 when it changed nothing). */
  events: number;
  /** The types of the events appended, in order: what was recorded, e.g. ["attendance.corrected"]. */
  recorded: string[];
}

export * from './agenda';
export * from './body';
export * from './debate';
export * from './division';
export * from './live';
export * from './meeting';
export * from './memberDevices';
export * from './minutes';
export * from './settings';
