// A handler is a pure decision: (current state, command) → events, or a refusal.
// Writing the events, updating projections, recording derived facts (quorum) and notifying
// subscribers happen once, in the dispatcher.
import type { CommandOf, CommandType } from '../../../shared/commands';
import type { ChamberError } from '../../../shared/errors';
import type { NewEvent } from '../../../shared/events';
import type { BodyState, BodySummary } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import type { SettingsState } from '../../../shared/state/settings';

/** Read-only access to current state, for handlers to check commands against. */
export interface StateView {
  meeting(meetingId: string): MeetingState | undefined;
  body(bodyId: string): BodyState | undefined;
  bodies(): BodySummary[];
  settings(): SettingsState;
}

export interface HandlerContext {
  /** The time the command is being recorded, ISO instant. */
  now: string;
  newId(): string;
  /** The installation's time zone: typed times are read, and times in messages written, in it. */
  timeZone: string;
  /** True while a correction of a closed meeting is being decided (see correction.record). */
  correcting?: boolean;
}

export type Decision = { events: NewEvent[]; ids?: Record<string, string> } | { error: ChamberError };

export type Handler<T extends CommandType> = (view: StateView, command: CommandOf<T>, ctx: HandlerContext) => Decision;

export type Handlers<T extends CommandType> = { [K in T]: Handler<K> };
