// Facts about a meeting's details, in the past tense.
import { z } from 'zod';
import { CalendarDate, ClockTime, Id } from '../values';

const details = {
  body: z.string(),
  title: z.string(),
  date: CalendarDate,
  startTime: ClockTime,
  venue: z.string(),
};

export const meetingEventSchemas = {
  'meeting.created': z.strictObject({ meetingId: Id, ...details }),
  'meeting.detailsChanged': z.strictObject({ meetingId: Id, ...details }),
} as const;
