// Who presides, by the body's presiding list (standing orders' presidingOrder): the first on the
// list who is present and has not withdrawn from the item after declaring an interest; failing
// all of them, a member is to be elected to preside for the meeting. Pure: no Node, no DOM.
import { memberDisplayNames, type BodyState, type Member } from '../state/body';
import type { MeetingState } from '../state/meeting';
import { isHere } from '../state/meetingLive';
import { isWithdrawnFrom } from './attendance';

export type PresidingChoice =
  | { memberId: string; step: number; label: string; words: string }
  | { elected: true; words: string };

const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const carries = (member: Member, label: string) => member.roles.some((r) => sameLabel(r, label)) || (member.sitsFor ?? []).some((s) => sameLabel(s, label));

/** Who should preside for `itemId` (or the meeting, without one), by the list; undefined when the body has none. */
export const presidingByList = (meeting: MeetingState, body: BodyState, itemId = meeting.currentItemId): PresidingChoice | undefined => {
  const order = body.standingOrders.presidingOrder;
  if (!order?.length) return undefined;
  const names = memberDisplayNames(body.members);
  const passedOver: string[] = [];
  for (const [step, label] of order.entries()) {
    const holders = body.members.filter((m) => m.active && carries(m, label));
    const here = holders.find((m) => isHere(meeting.attendance[m.id]) && !isWithdrawnFrom(meeting, m.id, itemId));
    if (here) {
      const why = passedOver.length ? `: ${passedOver.join('; ')}` : '';
      return { memberId: here.id, step, label, words: `${names[here.id]} presides (${label})${why}.` };
    }
    if (holders.length === 0) passedOver.push(`no member is ${label}`);
    else {
      const withdrawn = holders.filter((m) => isHere(meeting.attendance[m.id]));
      passedOver.push(
        withdrawn.length
          ? `${withdrawn.map((m) => names[m.id]).join(' and ')} (${label}) has withdrawn from the item`
          : `${holders.map((m) => names[m.id]).join(' and ')} (${label}) ${holders.length === 1 ? 'is' : 'are'} not present`,
      );
    }
  }
  return { elected: true, words: `A member is to be elected to preside for this meeting: ${passedOver.join('; ')}.` };
};
