// Commands the clerk gives while the meeting runs: attendance, declarations, the chair, the
// agenda clock, private session, notes; and corrections once the meeting is closed.
import { z } from 'zod';
import { CalendarDate, ClockTime, Id, Instant, Line, OptionalLine, orMissing } from '../values';

/**
 * A time the clerk gives: an ISO instant, or a 24-hour local time "HH:MM" in the installation's
 * time zone, placed on the day the meeting is sitting (the day it started or last resumed).
 */
export const GivenTime = z.union([Instant, ClockTime], {
  error: orMissing('must be a 24-hour time such as 10:42, or an ISO 8601 instant such as 2026-11-24T10:42:00.000Z'),
});
export type GivenTime = z.infer<typeof GivenTime>;

/** When it happened; the core uses the moment the command arrives when it is left out. */
const time = GivenTime.optional().describe(
  'When it happened: "HH:MM" local time on the day the meeting is sitting, or an ISO instant; default now. The clerk may enter an earlier time, never a later one.',
);

export const AttendanceState = z.enum(['present', 'virtual', 'apologies', 'absent'], {
  error: orMissing('must be present, virtual, apologies or absent'),
});
export type AttendanceState = z.infer<typeof AttendanceState>;

export const markAttendance = z
  .strictObject({
    type: z.literal('attendance.mark'),
    meetingId: Id,
    memberId: Id,
    state: AttendanceState,
    time,
    inPlaceOf: Id.optional().describe('For a substitute or an alternate: the member they stand in for.'),
    noticeReceived: CalendarDate.optional().describe(
      "For an alternate, where the body's terms require notice: the date (YYYY-MM-DD) notice of their attendance was received.",
    ),
  })
  .describe(
    "Mark a member present (in the room), present virtually, sending apologies, or absent. Marking a member present after the start records a late arrival. Someone in a member's place is refused where the body has no deputies, or takes alternates only with notice and too little was given.",
  );

export const recordDeparture = z
  .strictObject({ type: z.literal('attendance.depart'), meetingId: Id, memberId: Id, time })
  .describe('Record that a member present has left. If that makes the meeting inquorate, the loss of quorum is recorded too.');

export const markOfficer = z
  .strictObject({ type: z.literal('attendance.officer'), meetingId: Id, officerId: Id, present: z.boolean() })
  .describe('Mark an officer of the body as in attendance, or not.');

export const addOtherAttendee = z
  .strictObject({
    type: z.literal('attendance.addOther'),
    meetingId: Id,
    name: Line(120).describe('e.g. "Mr P Oakford".'),
    capacity: OptionalLine(120).describe('e.g. "Cabinet Member for Finance".'),
  })
  .describe('Record someone else present, e.g. a Cabinet Member at a committee. Returns attendeeId.');

export const removeOtherAttendee = z
  .strictObject({ type: z.literal('attendance.removeOther'), meetingId: Id, attendeeId: Id })
  .describe('Remove someone recorded as also present by mistake.');

export const StayGiven = z.strictObject({
  from: GivenTime.describe('Arrival.'),
  to: GivenTime.optional().describe('Departure; omitted while the member is still here.'),
});
export type StayGiven = z.infer<typeof StayGiven>;

export const correctAttendance = z
  .strictObject({
    type: z.literal('attendance.correct'),
    meetingId: Id,
    memberId: Id,
    state: AttendanceState,
    stays: z
      .array(StayGiven)
      .max(50, { error: 'must list at most 50 stays' })
      .optional()
      .describe('Every stay of the member, in order, as it should read; omitted to keep the stays recorded.'),
    reason: Line(300).describe('Why the record is corrected, e.g. "Mr Baldock arrived at 10:40, not 11:40".'),
  })
  .describe(
    "Correct a member's attendance: their mark and, if given, every stay (arrival and departure). Used during the meeting to put right a time recorded wrongly, and after it closes for any change. Recorded with its reason.",
  );

export const ruleVirtualAttendance = z
  .strictObject({
    type: z.literal('attendance.ruleVirtual'),
    meetingId: Id,
    counts: z.boolean({ error: orMissing('must be true (virtual attendance counts) or false (it does not)') }).describe(
      'The Chair\'s ruling: true if members attending virtually count towards the quorum and may vote at this meeting, false if not.',
    ),
    time,
    reason: OptionalLine(300).optional().describe('Why, if the Chair gave a reason, e.g. "Members joining by video from the ICB offices".'),
  })
  .describe(
    "Record the Chair's ruling on whether virtual attendance counts at this meeting, where the body's standing orders leave it to the Chair's discretion. Until the Chair rules, members attending virtually do not count; a later ruling replaces an earlier one (both are kept). If the ruling makes the meeting quorate or inquorate, that is recorded too.",
  );

export const DeclarationKind = z.enum(['disclosable_pecuniary', 'other_significant', 'other'], {
  error: orMissing('must be disclosable pecuniary, other significant or other'),
});
export type DeclarationKind = z.infer<typeof DeclarationKind>;

export const recordDeclaration = z
  .strictObject({
    type: z.literal('declaration.record'),
    meetingId: Id,
    memberId: Id,
    itemId: Id,
    kind: DeclarationKind,
    description: Line(500).describe('e.g. "Owns land adjoining the site".'),
    withdraws: z.boolean().optional().describe('Whether the member withdraws for the item; always true for a disclosable pecuniary interest.'),
  })
  .describe('Record a declaration of interest by a member in an item. With a pecuniary interest the member is withdrawn: no part in the debate or the vote. Returns declarationId.');

export const removeDeclaration = z
  .strictObject({ type: z.literal('declaration.remove'), meetingId: Id, declarationId: Id, reason: Line(300) })
  .describe('Remove a declaration recorded in error, with the reason.');

export const ChairCapacity = z.enum(['chairman', 'vice_chairman', 'chosen_member', 'outgoing_chairman', 'presiding_list']);
export type ChairCapacity = z.infer<typeof ChairCapacity>;

export const takeChair = z
  .strictObject({
    type: z.literal('chair.take'),
    meetingId: Id,
    memberId: Id,
    capacity: ChairCapacity.describe('chairman, vice_chairman (in the Chairman\'s absence), chosen_member (both absent), outgoing_chairman (election of a new chairman), presiding_list (next on the body\'s presiding list).'),
    time,
  })
  .describe('Record who presides from now on.');

export const startMeeting = z.strictObject({ type: z.literal('meeting.start'), meetingId: Id, time }).describe('Open the meeting.');
export const adjournMeeting = z
  .strictObject({ type: z.literal('meeting.adjourn'), meetingId: Id, time, reason: OptionalLine(300) })
  .describe('Adjourn the meeting (e.g. for lunch, or when inquorate).');
export const resumeMeeting = z.strictObject({ type: z.literal('meeting.resume'), meetingId: Id, time }).describe('Resume after an adjournment.');
export const closeMeeting = z
  .strictObject({ type: z.literal('meeting.close'), meetingId: Id, time })
  .describe('Close the meeting. Refused while an item is still being taken or the meeting is adjourned.');

export const startItem = z
  .strictObject({ type: z.literal('item.start'), meetingId: Id, itemId: Id, time })
  .describe('Take up an agenda item, in order or out of order. Refused while another item is being taken.');
export const endItem = z.strictObject({ type: z.literal('item.end'), meetingId: Id, itemId: Id, time }).describe('Finish the item being taken.');
export const deferItem = z
  .strictObject({ type: z.literal('item.defer'), meetingId: Id, itemId: Id, reason: OptionalLine(300) })
  .describe('Defer an item to a later meeting.');
export const withdrawItem = z
  .strictObject({ type: z.literal('item.withdraw'), meetingId: Id, itemId: Id, reason: OptionalLine(300) })
  .describe('Record that an item was withdrawn.');
export const reinstateItem = z
  .strictObject({
    type: z.literal('item.reinstate'),
    meetingId: Id,
    itemId: Id,
    reason: OptionalLine(300).describe('e.g. "Deferred in error".'),
  })
  .describe('Undo a deferral or withdrawal: the item is back on the agenda as it was before (recorded, with the reason).');

export const saveItemNote = z
  .strictObject({ type: z.literal('item.note'), meetingId: Id, itemId: Id, text: z.string().max(20_000, { error: 'must be at most 20,000 characters' }) })
  .describe("Save the clerk's notes on an item (sent as they type, a moment after they pause). After the meeting closes, notes change only by correction.record.");

export const excludePublic = z
  .strictObject({
    type: z.literal('session.private'),
    meetingId: Id,
    time,
    reason: Line(300).describe('e.g. "Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972".'),
  })
  .describe('Exclude the press and public: the meeting goes into private session.');
export const readmitPublic = z.strictObject({ type: z.literal('session.public'), meetingId: Id, time }).describe('Readmit the press and public.');

/** What may be changed after the meeting has closed, each only as a correction with a reason. */
export const CorrectableChange = z.discriminatedUnion('type', [
  saveItemNote,
  recordDeclaration,
  removeDeclaration,
  markOfficer,
  addOtherAttendee,
  removeOtherAttendee,
]);
export type CorrectableChange = z.infer<typeof CorrectableChange>;

export const recordCorrection = z
  .strictObject({
    type: z.literal('correction.record'),
    meetingId: Id,
    reason: Line(300).describe('Why the record is corrected, e.g. "Declaration by Mr Angell missed at the time".'),
    change: CorrectableChange.describe(
      'The change, as the command it would have been during the meeting: item.note, declaration.record, declaration.remove, attendance.officer, attendance.addOther or attendance.removeOther (its meetingId must be this meeting).',
    ),
  })
  .describe('Change the record of a closed meeting. Every change after the close is a correction: recorded with who, when and why.');

export const liveCommands = [
  markAttendance,
  recordDeparture,
  markOfficer,
  addOtherAttendee,
  removeOtherAttendee,
  correctAttendance,
  ruleVirtualAttendance,
  recordDeclaration,
  removeDeclaration,
  takeChair,
  startMeeting,
  adjournMeeting,
  resumeMeeting,
  closeMeeting,
  startItem,
  endItem,
  deferItem,
  withdrawItem,
  reinstateItem,
  saveItemNote,
  excludePublic,
  readmitPublic,
  recordCorrection,
] as const;
