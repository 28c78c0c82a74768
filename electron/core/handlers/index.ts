import type { CommandType } from '../../../shared/commands';
import { agendaHandlers } from './agenda';
import { bodyHandlers } from './body';
import { correctionHandlers } from './correction';
import { debateHandlers } from './debate';
import { divisionHandlers } from './division';
import { liveHandlers } from './live';
import { meetingHandlers } from './meeting';
import { memberDeviceHandlers } from './memberDevices';
import { minutesHandlers } from './minutes';
import { settingsHandlers } from './settings';
import type { Handlers } from './types';

/** Every command's handler. The type makes a missing handler a compile error. */
export const handlers: Handlers<CommandType> = {
  ...bodyHandlers,
  ...meetingHandlers,
  ...agendaHandlers,
  ...liveHandlers,
  ...debateHandlers,
  ...divisionHandlers,
  ...memberDeviceHandlers,
  ...minutesHandlers,
  ...correctionHandlers,
  ...settingsHandlers,
};

export type { Decision, Handler, HandlerContext, StateView } from './types';
