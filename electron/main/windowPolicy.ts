// What each window may do. The clerk's window may do everything the clerk can; the chairman's view,
// a window of its own on the clerk's computer, acts on the clerk's record too, but sync with the
// records server (the device key, the records office's copy) stays with the clerk's own window.
// The chamber display window, opened by the main process for one meeting, may read and watch that
// meeting's display topic and nothing else (no commands, no other topic, no sync), so a page in it
// never holds more than the public display shows. A window the main process did not open may do
// nothing. Pure.
import { chamberError, type ChamberError } from '../../shared/errors';
import { displayTopic, type Topic } from '../../shared/topics';

export type WindowRole = { kind: 'clerk' } | { kind: 'chairman'; meetingId: string } | { kind: 'display'; meetingId: string };

const refusedToDisplay = (what: string): ChamberError =>
  chamberError('unauthorised', `The chamber display window shows only its meeting's display; it cannot ${what}.`);

const unknownWindow = (): ChamberError => chamberError('unauthorised', 'Refused: this window was not opened by Chamber.');

/** Whether the window acts on the clerk's record: the clerk's own window and the chairman's view. */
const actsForClerk = (role: WindowRole): boolean => role.kind === 'clerk' || role.kind === 'chairman';

/** Why a window may not send commands, or undefined when it may. */
export const invokeRefusal = (role: WindowRole | undefined): ChamberError | undefined => {
  if (!role) return unknownWindow();
  return actsForClerk(role) ? undefined : refusedToDisplay('send commands');
};

/** Why a window may not read or watch a topic, or undefined when it may. */
export const topicRefusal = (role: WindowRole | undefined, topic: Topic): ChamberError | undefined => {
  if (!role) return unknownWindow();
  if (actsForClerk(role) || (role.kind === 'display' && topic === displayTopic(role.meetingId))) return undefined;
  return { ...refusedToDisplay(`show ${topic}`), details: { field: 'topic' } };
};

/** Why a window may not reach sync with the records server, or undefined when it may: only the clerk's own window. */
export const syncRefusal = (role: WindowRole | undefined): ChamberError | undefined => {
  if (!role) return unknownWindow();
  if (role.kind === 'clerk') return undefined;
  if (role.kind === 'display') return refusedToDisplay('reach sync with the records server');
  return chamberError('unauthorised', "Sync with the records server is done from the clerk's own Chamber window, not the chairman's view.");
};

/** Whether a window may open the chamber display (and the chairman's view, and print): the clerk's and the chairman's. */
export const mayOpenDisplay = (role: WindowRole | undefined): boolean => role !== undefined && actsForClerk(role);
