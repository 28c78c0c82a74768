// Commands for bodies (the council, its committees and panels), their members and officers.
import { z } from 'zod';
import { BodyKind, StandingOrders } from '../procedure/standingOrders';
import { Id, Line, OptionalLine, orMissing } from '../values';

export const MemberRoleName = z.enum(['Chairman', 'Vice-Chairman', 'Leader', 'Deputy Leader', 'Group Leader', 'Cabinet Member'], {
  error: 'must be one of Chairman, Vice-Chairman, Leader, Deputy Leader, Group Leader, Cabinet Member',
});
export type MemberRoleName = z.infer<typeof MemberRoleName>;

/** A member as minutes write them, with what the live screens need to know. */
export const MemberDetails = z.strictObject({
  title: OptionalLine(20).describe('Mr, Mrs, Ms, Miss, Dr, Sir, Lady, Cllr…; may be empty.'),
  forenames: OptionalLine(80).optional().describe('Given names when written in full ("Paul" in "Sir Paul Carter").'),
  initials: z
    .array(z.string().regex(/^[A-Z]$/, { error: 'must be one capital letter' }))
    .max(6, { error: 'must be at most 6 initials' })
    .describe('One capital letter per given name, e.g. ["M", "J"].'),
  surname: Line(80).describe('Surname as written, e.g. "Harrison", "O\'Brien", "Prendergast-Smith".'),
  knownAs: OptionalLine(80)
    .optional()
    .describe('The forename (or its initial) the member goes by where it is not their first, for the names in recorded votes: "M" for Mr P M Hill, known as Mike, who is "Mr M Hill" there.'),
  honours: z
    .array(z.string().regex(/^[A-Z]{2,6}$/, { error: 'must be letters such as MBE or CBE' }))
    .max(6)
    .describe('Post-nominals, e.g. ["MBE"].'),
  group: OptionalLine(80).describe('Political group, e.g. "Conservative"; empty when none.'),
  roles: z.array(MemberRoleName).max(6).describe('Chairman, Vice-Chairman, Leader, Deputy Leader, Group Leader, Cabinet Member.'),
  voting: z.boolean({ error: orMissing('must be true or false') }).describe('False for non-voting or co-opted members.'),
  sitsFor: z
    .array(Line(120))
    .max(10, { error: 'must list at most 10' })
    .optional()
    .describe('What the member sits for under the body\'s terms of reference, as its quorum conditions name it: their organisation, area or capacity (e.g. "Kent and Medway ICB", "East Kent area", "Independent Person").'),
  substituteFor: Id.optional().describe('For a committee substitute: the member they may stand in for.'),
});
export type MemberDetails = z.infer<typeof MemberDetails>;

export const OfficerDetails = z.strictObject({
  name: Line(120).describe('e.g. "Mr B Watts".'),
  jobTitle: Line(120).describe('e.g. "General Counsel".'),
});
export type OfficerDetails = z.infer<typeof OfficerDetails>;

export const createBody = z
  .strictObject({
    type: z.literal('body.create'),
    name: Line(120).describe('e.g. "Kent County Council", "Planning Applications Committee".'),
    kind: BodyKind.describe('full_council, committee, panel or joint_committee: chooses the default standing orders.'),
  })
  .describe("Create a body with the default standing orders for its kind. Returns bodyId.");

const minuteNumber = z.int({ error: orMissing('must be a whole number') }).min(1, { error: 'must be at least 1' }).max(1_000_000);

export const updateBody = z
  .strictObject({
    type: z.literal('body.update'),
    bodyId: Id,
    name: Line(120),
    kind: BodyKind,
    nextMinuteNumber: minuteNumber.optional().describe('Also set the number of the next minute, in the same transaction.'),
    seats: z
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(1000, { error: 'must be at most 1000' })
      .nullable()
      .optional()
      .describe('The whole number of seats, vacancies included (the quorum is reckoned on it); null for one seat per voting member listed.'),
  })
  .describe('Rename a body or change its kind (its standing orders are kept), and optionally its next minute number and its number of seats.');

export const setStandingOrders = z
  .strictObject({
    type: z.literal('body.setStandingOrders'),
    bodyId: Id,
    standingOrders: StandingOrders.describe('The whole profile; see shared/procedure/standingOrders.ts.'),
  })
  .describe("Replace a body's standing-orders profile (bell, voting window, speech limits, quorum…).");

export const setNextMinuteNumber = z
  .strictObject({
    type: z.literal('body.setNextMinuteNumber'),
    bodyId: Id,
    next: minuteNumber.describe('The number the next minute will take, e.g. 219.'),
  })
  .describe("Set the number of the body's next minute (minutes are numbered across meetings).");

export const addMember = z
  .strictObject({ type: z.literal('member.add'), bodyId: Id, member: MemberDetails })
  .describe('Add a member to a body. Returns memberId.');

export const updateMember = z
  .strictObject({ type: z.literal('member.update'), bodyId: Id, memberId: Id, member: MemberDetails })
  .describe("Correct a member's name, group, roles or voting status.");

export const removeMember = z
  .strictObject({ type: z.literal('member.remove'), bodyId: Id, memberId: Id })
  .describe('End a membership. The member stays in the record of past meetings.');

export const importMembers = z
  .strictObject({
    type: z.literal('member.import'),
    bodyId: Id,
    source: z.enum(['csv', 'present_paragraph']).describe('Where the list came from, for the record.'),
    members: z.array(MemberDetails).min(1, { error: 'must list at least one member' }).max(500, { error: 'must list at most 500 members' }),
  })
  .describe('Add many members at once, all or nothing: refused whole if any is a duplicate.');

export const addOfficer = z
  .strictObject({ type: z.literal('officer.add'), bodyId: Id, officer: OfficerDetails })
  .describe('Add an officer who attends this body (never counted for quorum or votes). Returns officerId.');

export const importOfficers = z
  .strictObject({
    type: z.literal('officer.import'),
    bodyId: Id,
    officers: z.array(OfficerDetails).min(1, { error: 'must list at least one officer' }).max(100, { error: 'must list at most 100 officers' }),
  })
  .describe('Add the officers named in the IN ATTENDANCE paragraph of earlier minutes, all or nothing; those already listed are refused.');

export const updateOfficer = z
  .strictObject({ type: z.literal('officer.update'), bodyId: Id, officerId: Id, officer: OfficerDetails })
  .describe("Correct an officer's name or job title.");

export const removeOfficer = z
  .strictObject({ type: z.literal('officer.remove'), bodyId: Id, officerId: Id })
  .describe('Remove an officer from the body.');

export const bodyCommands = [
  createBody,
  updateBody,
  setStandingOrders,
  setNextMinuteNumber,
  addMember,
  updateMember,
  removeMember,
  importMembers,
  addOfficer,
  importOfficers,
  updateOfficer,
  removeOfficer,
] as const;
