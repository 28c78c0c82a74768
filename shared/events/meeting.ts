// Facts about a meeting's details and preparation, in the past tense.
import { z } from 'zod';
import { CalendarDate, ClockTime, Id } from '../values';

const details = {
  /** Absent only in meetings recorded before bodies existed. */
  bodyId: Id.optional(),
  /** The body's name when the meeting was set up. */
  body: z.string(),
  title: z.string(),
  date: CalendarDate,
  startTime: ClockTime,
  venue: z.string(),
};

export const meetingEventSchemas = {
  'meeting.created': z.strictObject({ meetingId: Id, ...details, copiedFrom: Id.optional() }),
  'meeting.detailsChanged': z.strictObject({ meetingId: Id, ...details }),
  'meeting.statusChanged': z.strictObject({ meetingId: Id, status: z.enum(['draft', 'ready']) }),
  'apologies.expected': z.strictObject({ meetingId: Id, memberId: Id, note: z.string() }),
  'apologies.expectationWithdrawn': z.strictObject({ meetingId: Id, memberId: Id }),
} as const;
