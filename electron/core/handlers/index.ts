import type { CommandType } from '../../../shared/commands';
import { agendaHandlers } from './agenda';
import { bodyHandlers } from './body';
import { liveHandlers } from './live';
import { meetingHandlers } from './meeting';
import type { Handlers } from './types';

/** Every command's handler. The type makes a missing handler a compile error. */
export const handlers: Handlers<CommandType> = {
  ...bodyHandlers,
  ...meetingHandlers,
  ...agendaHandlers,
  ...liveHandlers,
};

export type { Decision, Handler, HandlerContext, StateView } from './types';
