// Commands that create a meeting, edit its details and prepare it.
import { z } from 'zod';
import { CalendarDate, ClockTime, Id, Line, OptionalLine } from '../values';

const meetingDetails = {
  bodyId: Id.describe('The body that is meeting (see body.create).'),
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
  .describe("Change a meeting's body, title, date, time or venue. Refused once the meeting is closed; the body can change only while it is a draft.");

export const copyMeeting = z
  .strictObject({
    type: z.literal('meeting.copy'),
    fromMeetingId: Id.describe('The previous meeting of the same body.'),
    date: CalendarDate,
    startTime: ClockTime,
  })
  .describe(
    'Create the next meeting of a body from a previous one: same body, title and venue, new date and time. Its agenda is the previous one less the business disposed of there: standing items (apologies, declarations, minutes, announcements, questions, Leader’s report, urgent business) always, the minutes item naming the meeting copied; items deferred or not reached; not items taken or withdrawn. Page ranges are left off and items renumbered. Returns meetingId.',
  );

export const setMeetingReady = z
  .strictObject({
    type: z.literal('meeting.setReady'),
    meetingId: Id,
    ready: z.boolean().describe('True: prepared and ready to run; false: back to draft.'),
  })
  .describe('Mark a draft meeting ready to run, or a ready one back to draft. Refused once the meeting has started.');

export const expectApologies = z
  .strictObject({
    type: z.literal('apologies.expect'),
    meetingId: Id,
    memberId: Id,
    note: OptionalLine(200).describe('e.g. "on council business".'),
  })
  .describe('Record apologies received before the meeting.');

export const withdrawExpectedApologies = z
  .strictObject({ type: z.literal('apologies.withdrawExpected'), meetingId: Id, memberId: Id })
  .describe('Remove apologies recorded in advance (the member will attend after all).');

export const meetingCommands = [createMeeting, updateMeetingDetails, copyMeeting, setMeetingReady, expectApologies, withdrawExpectedApologies] as const;
