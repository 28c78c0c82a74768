// The agenda: loaded from the pack, then corrected item by item.
import { notFound, refused } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import type { MeetingState } from '../../../shared/state/meeting';
import { isBeforeMeeting, withMeeting } from './lookups';
import type { Decision, Handlers, StateView } from './types';

const withItem = (view: StateView, meetingId: string, itemId: string, decide: (meeting: MeetingState, index: number) => Decision) =>
  withMeeting(view, meetingId, (meeting) => {
    const index = meeting.agenda.findIndex((i) => i.itemId === itemId);
    return index < 0 ? { error: notFound('That item is not on the agenda.', 'itemId', itemId) } : decide(meeting, index);
  });

export const agendaHandlers = {
  'agenda.import': (view, { meetingId, items, replace }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (replace && !isBeforeMeeting(meeting)) {
        return { error: refused('The meeting has started: add items instead of replacing the agenda.', 'replace') };
      }
      const recorded = items.map((item) => ({ ...item, itemId: ctx.newId() }));
      return { events: [{ stream: streams.meeting(meetingId), type: 'agenda.imported', payload: { meetingId, items: recorded, replace } }] };
    }),

  'agenda.addItem': (view, { meetingId, item, afterItemId }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (afterItemId !== undefined && !meeting.agenda.some((i) => i.itemId === afterItemId)) {
        return { error: notFound('The item to add after is not on the agenda.', 'afterItemId', afterItemId) };
      }
      const itemId = ctx.newId();
      return {
        events: [{ stream: streams.meeting(meetingId), type: 'agenda.itemAdded', payload: { meetingId, item: { ...item, itemId }, afterItemId } }],
        ids: { itemId },
      };
    }),

  'agenda.updateItem': (view, { meetingId, itemId, item }) =>
    withItem(view, meetingId, itemId, () => ({
      events: [{ stream: streams.meeting(meetingId), type: 'agenda.itemChanged', payload: { meetingId, itemId, item } }],
    })),

  'agenda.moveItem': (view, { meetingId, itemId, toIndex }) =>
    withItem(view, meetingId, itemId, (meeting, index) => {
      if (toIndex >= meeting.agenda.length) {
        return { error: refused(`The agenda has ${meeting.agenda.length} items; position ${toIndex + 1} does not exist.`, 'toIndex') };
      }
      if (toIndex === index) return { events: [] };
      return { events: [{ stream: streams.meeting(meetingId), type: 'agenda.itemMoved', payload: { meetingId, itemId, toIndex } }] };
    }),

  'agenda.splitItem': (view, { meetingId, itemId, firstTitle, second }, ctx) =>
    withItem(view, meetingId, itemId, () => {
      const newItem = { ...second, itemId: ctx.newId() };
      return {
        events: [{ stream: streams.meeting(meetingId), type: 'agenda.itemSplit', payload: { meetingId, itemId, firstTitle, newItem } }],
        ids: { itemId: newItem.itemId },
      };
    }),

  'agenda.removeItem': (view, { meetingId, itemId }) =>
    withItem(view, meetingId, itemId, (meeting) =>
      isBeforeMeeting(meeting)
        ? { events: [{ stream: streams.meeting(meetingId), type: 'agenda.itemRemoved', payload: { meetingId, itemId } }] }
        : { error: refused('The meeting has started: withdraw or defer the item instead of removing it.', 'itemId') },
    ),
} satisfies Handlers<'agenda.import' | 'agenda.addItem' | 'agenda.updateItem' | 'agenda.moveItem' | 'agenda.splitItem' | 'agenda.removeItem'>;
