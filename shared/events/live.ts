// Facts recorded while a meeting runs. `time` is when it happened (the clerk may give an earlier
// time); the envelope's `at` is when Chamber recorded it.
import { z } from 'zod';
import { AttendanceState, ChairCapacity, DeclarationKind } from '../commands/live';
import { Id, Instant } from '../values';

const m = { meetingId: Id };

export const liveEventSchemas = {
  'attendance.marked': z.strictObject({ ...m, memberId: Id, state: AttendanceState, time: Instant, inPlaceOf: Id.optional() }),
  'attendance.departed': z.strictObject({ ...m, memberId: Id, time: Instant }),
  'attendance.officerMarked': z.strictObject({ ...m, officerId: Id, present: z.boolean() }),
  'attendance.otherAdded': z.strictObject({ ...m, attendeeId: Id, name: z.string(), capacity: z.string() }),
  'attendance.otherRemoved': z.strictObject({ ...m, attendeeId: Id }),
  'attendance.corrected': z.strictObject({
    ...m,
    memberId: Id,
    state: AttendanceState,
    /** Every stay as corrected. Absent in corrections recorded before stays could be given. */
    stays: z.array(z.strictObject({ from: Instant, to: Instant.optional() })).optional(),
    /** Only in corrections recorded before stays could be given: the first arrival and last departure. */
    arrivedAt: Instant.optional(),
    departedAt: Instant.optional(),
    reason: z.string(),
  }),
  'correction.recorded': z.strictObject({
    ...m,
    correctionId: z.string(),
    /** The command type of the change, e.g. "item.note". */
    change: z.string(),
    what: z.string(),
    memberId: Id.optional(),
    reason: z.string(),
  }),
  /** The Chair's ruling on whether virtual attendance counts at this meeting (standing orders leaving it to the Chair). */
  'meeting.virtualAttendanceRuled': z.strictObject({ ...m, counts: z.boolean(), time: Instant, reason: z.string() }),
  'quorum.lost': z.strictObject({ ...m, time: Instant, present: z.int(), required: z.int() }),
  'quorum.regained': z.strictObject({ ...m, time: Instant, present: z.int(), required: z.int() }),
  'declaration.recorded': z.strictObject({
    ...m,
    declarationId: Id,
    memberId: Id,
    itemId: Id,
    kind: DeclarationKind,
    description: z.string(),
    withdraws: z.boolean(),
  }),
  'declaration.removed': z.strictObject({ ...m, declarationId: Id, reason: z.string() }),
  'chair.taken': z.strictObject({ ...m, memberId: Id, capacity: ChairCapacity, time: Instant }),
  'meeting.started': z.strictObject({ ...m, time: Instant }),
  'meeting.adjourned': z.strictObject({ ...m, time: Instant, reason: z.string() }),
  'meeting.resumed': z.strictObject({ ...m, time: Instant }),
  'meeting.closed': z.strictObject({ ...m, time: Instant }),
  'item.started': z.strictObject({ ...m, itemId: Id, time: Instant }),
  'item.ended': z.strictObject({ ...m, itemId: Id, time: Instant }),
  'item.deferred': z.strictObject({ ...m, itemId: Id, reason: z.string() }),
  'item.withdrawn': z.strictObject({ ...m, itemId: Id, reason: z.string() }),
  'item.reinstated': z.strictObject({ ...m, itemId: Id, reason: z.string() }),
  'item.noteSaved': z.strictObject({ ...m, itemId: Id, text: z.string() }),
  'session.wentPrivate': z.strictObject({ ...m, time: Instant, reason: z.string() }),
  'session.wentPublic': z.strictObject({ ...m, time: Instant }),
} as const;
