// Facts of the minutes: the clerk's edits (each with what Chamber had written when the clerk
// edited, so a later change in the record shows), the previous minutes approved, the minutes'
// numbers confirmed, the body's house style, and the members' names as they were at the meeting.
import { z } from 'zod';
import { MemberDetails, OfficerDetails } from '../commands/body';
import { BlockKey } from '../commands/minutes';
import { MinutesStyle } from '../minutes/style';
import { CalendarDate, Id, Instant } from '../values';

const m = { meetingId: Id, key: BlockKey };

export const minutesEventSchemas = {
  'minutes.paragraphEdited': z.strictObject({ ...m, text: z.string(), generated: z.string() }),
  'minutes.paragraphAdded': z.strictObject({ ...m, after: BlockKey, text: z.string() }),
  'minutes.paragraphStruck': z.strictObject({ ...m, generated: z.string() }),
  'minutes.editKept': z.strictObject({ ...m, generated: z.string() }),
  'minutes.generatedRestored': z.strictObject({ ...m }),
  'minutes.previousApproved': z.strictObject({ meetingId: Id, itemId: Id, heldOn: CalendarDate, corrections: z.string().optional() }),
  'minutes.confirmed': z.strictObject({ meetingId: Id, first: z.int(), last: z.int(), time: Instant }),
  /** At the close: the members' and officers' names as they were, so the minutes keep them after a rename. */
  'meeting.namesKept': z.strictObject({
    meetingId: Id,
    members: z.array(z.strictObject({ memberId: Id, member: MemberDetails })),
    officers: z.array(z.strictObject({ officerId: Id, officer: OfficerDetails })),
  }),
  'body.minutesStyleChanged': z.strictObject({ bodyId: Id, style: MinutesStyle }),
} as const;
