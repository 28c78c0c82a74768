// Whether a meeting is prepared enough to be marked ready or started: a body with members, an
// agenda, and item numbers that say which item is which. One check, used by the core and screens.
import type { BodyState } from '../state/body';
import type { MeetingState } from '../state/meeting';

export interface ReadinessProblem {
  message: string;
  field: string;
}

export const readinessProblem = (meeting: Pick<MeetingState, 'agenda'>, body: BodyState | undefined): ReadinessProblem | undefined => {
  if (!body) return { message: 'Choose the body that is meeting first.', field: 'bodyId' };
  if (!body.members.some((m) => m.active)) return { message: `${body.name} has no members yet: add or import them first.`, field: 'bodyId' };
  if (meeting.agenda.length === 0) return { message: 'The agenda is empty: import or add its items first.', field: 'meetingId' };
  const seen = new Map<string, string>();
  for (const item of meeting.agenda) {
    const number = item.number.trim().toLowerCase();
    const earlier = seen.get(number);
    if (earlier !== undefined) {
      return {
        message: `Item number ${item.number} is used twice ("${earlier}" and "${item.title}"): number each item once, so the minutes say which is which.`,
        field: 'meetingId',
      };
    }
    seen.set(number, item.title);
  }
  return undefined;
};
