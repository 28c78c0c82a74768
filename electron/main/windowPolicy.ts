// What each window may do. The clerk's window may do everything the clerk can; the chamber display
// window, opened by the main process for one meeting, may read and watch that meeting's display
// topic and nothing else (no commands, no other topic), so a page in it never holds more than the
// public display shows. A window the main process did not open may do nothing. Pure.
import { chamberError, type ChamberError } from '../../shared/errors';
import { displayTopic, type Topic } from '../../shared/topics';

export type WindowRole = { kind: 'clerk' } | { kind: 'display'; meetingId: string };

const refusedToDisplay = (what: string): ChamberError =>
  chamberError('unauthorised', `The chamber display window shows only its meeting's display; it cannot ${what}.`);

const unknownWindow = (): ChamberError => chamberError('unauthorised', 'Refused: this window was not opened by Chamber.');

/** Why a window may not send commands, or undefined when it may. */
export const invokeRefusal = (role: WindowRole | undefined): ChamberError | undefined => {
  if (!role) return unknownWindow();
  return role.kind === 'clerk' ? undefined : refusedToDisplay('send commands');
};

/** Why a window may not read or watch a topic, or undefined when it may. */
export const topicRefusal = (role: WindowRole | undefined, topic: Topic): ChamberError | undefined => {
  if (!role) return unknownWindow();
  if (role.kind === 'clerk' || topic === displayTopic(role.meetingId)) return undefined;
  return { ...refusedToDisplay(`show ${topic}`), details: { field: 'topic' } };
};

/** Whether a window may open the chamber display: only the clerk's. */
export const mayOpenDisplay = (role: WindowRole | undefined): boolean => role?.kind === 'clerk';
