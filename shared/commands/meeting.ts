// Commands that create and edit a meeting's details.
import { z } from 'zod';
import { CalendarDate, ClockTime, Id, Line, OptionalLine } from '../values';

const meetingDetails = {
  body: Line(120).describe('The body that is meeting, e.g. "Kent County Council" or "Planning Committee".'),
  title: Line(200).describe('The meeting title, e.g. "County Council".'),
  date: CalendarDate.describe('The date of the meeting, YYYY-MM-DD.'),
  startTime: ClockTime.describe('Start time, 24-hour HH:MM.'),
  venue: OptionalLine(200).describe('Where it is held, e.g. "Council Chamber, Sessions House, County Hall, Maidstone".'),
};

export const createMeeting = z
  .strictObject({
    type: z.literal('meeting.create'),
    ...meetingDetails,
  })
  .describe('Create a meeting (status draft). Returns the new meeting id.');

export const updateMeetingDetails = z
  .strictObject({
    type: z.literal('meeting.updateDetails'),
    meetingId: Id.describe('The meeting to change.'),
    ...meetingDetails,
  })
  .describe('Change a meeting\'s body, title, date, time or venue. Refused once the meeting is closed.');

export const meetingCommands = [createMeeting, updateMeetingDetails] as const;
