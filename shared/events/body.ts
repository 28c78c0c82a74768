// Facts about bodies, their members and officers.
import { z } from 'zod';
import { MemberDetails, OfficerDetails } from '../commands/body';
import { BodyKind, StandingOrders } from '../procedure/standingOrders';
import { Id } from '../values';

export const bodyEventSchemas = {
  'body.created': z.strictObject({ bodyId: Id, name: z.string(), kind: BodyKind, standingOrders: StandingOrders, nextMinuteNumber: z.int() }),
  'body.detailsChanged': z.strictObject({ bodyId: Id, name: z.string(), kind: BodyKind }),
  'body.standingOrdersChanged': z.strictObject({ bodyId: Id, standingOrders: StandingOrders }),
  'body.nextMinuteNumberSet': z.strictObject({ bodyId: Id, next: z.int() }),
  'body.seatsSet': z.strictObject({ bodyId: Id, seats: z.int().nullable() }),
  'member.added': z.strictObject({ bodyId: Id, memberId: Id, member: MemberDetails, source: z.enum(['form', 'csv', 'present_paragraph']) }),
  'member.updated': z.strictObject({ bodyId: Id, memberId: Id, member: MemberDetails }),
  'member.removed': z.strictObject({ bodyId: Id, memberId: Id }),
  'officer.added': z.strictObject({ bodyId: Id, officerId: Id, officer: OfficerDetails }),
  'officer.updated': z.strictObject({ bodyId: Id, officerId: Id, officer: OfficerDetails }),
  'officer.removed': z.strictObject({ bodyId: Id, officerId: Id }),
} as const;
