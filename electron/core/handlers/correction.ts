// Changing the record of a closed meeting: only as a correction, with who (the device), when and
// why on the record. The change itself is decided by the command it would have been during the
// meeting, so the same checks apply.
import type { CorrectableChange } from '../../../shared/commands/live';
import { refused } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import type { MeetingState } from '../../../shared/state/meeting';
import { liveHandlers } from './live';
import { withMeeting } from './lookups';
import type { Decision, Handler, Handlers } from './types';

/** What a correction changed, in the clerk's words, for the list of corrections and the minutes. */
const describe = (change: CorrectableChange, meeting: MeetingState): { what: string; memberId?: string } => {
  const item = (itemId: string) => meeting.agenda.find((i) => i.itemId === itemId);
  switch (change.type) {
    case 'item.note':
      return { what: `notes on item ${item(change.itemId)?.number ?? '?'}` };
    case 'declaration.record':
      return { what: `declaration of interest in item ${item(change.itemId)?.number ?? '?'} added`, memberId: change.memberId };
    case 'declaration.remove': {
      const d = meeting.declarations.find((x) => x.id === change.declarationId);
      return { what: 'declaration of interest removed', ...(d ? { memberId: d.memberId } : {}) };
    }
    case 'attendance.officer':
      return { what: 'officers in attendance' };
    case 'attendance.addOther':
    case 'attendance.removeOther':
      return { what: 'others present' };
  }
};

export const correctionHandlers = {
  'correction.record': (view, { meetingId, reason, change }, ctx) =>
    withMeeting(
      view,
      meetingId,
      (meeting): Decision => {
        if (meeting.status !== 'closed') {
          return { error: refused('The meeting is not closed: make the change directly; corrections are for closed meetings.', 'meetingId') };
        }
        if (change.meetingId !== meetingId) return { error: refused('The change must be to this meeting.', 'change.meetingId') };
        const handler = liveHandlers[change.type] as Handler<CorrectableChange['type']>;
        const decision = handler(view, change as never, { ...ctx, correcting: true });
        if ('error' in decision) {
          const field = decision.error.details.field;
          return { error: { ...decision.error, details: { ...decision.error.details, ...(field ? { field: `change.${field}` } : {}) } } };
        }
        if (decision.events.length === 0) return { events: [], ids: decision.ids };
        const correctionId = ctx.newId();
        const { what, memberId } = describe(change, meeting);
        return {
          events: [
            {
              stream: streams.meeting(meetingId),
              type: 'correction.recorded',
              payload: { meetingId, correctionId, change: change.type, what, ...(memberId ? { memberId } : {}), reason },
            },
            ...decision.events,
          ],
          ids: { ...decision.ids, correctionId },
        };
      },
      { allowClosed: true },
    ),
} satisfies Handlers<'correction.record'>;
