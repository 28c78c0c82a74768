// Bodies, their standing orders, members and officers.
import type { MemberDetails } from '../../../shared/commands/body';
import { notFound, refused, type ChamberError } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { defaultStandingOrders } from '../../../shared/procedure/standingOrders';
import { memberFullName, memberKey, type BodyState } from '../../../shared/state/body';
import { withBody } from './lookups';
import type { Handlers } from './types';

/**
 * Roles only one member may hold. A joint committee's members include the Leaders of each partner
 * council (the Integrated Care Partnership has two), so there only the chair's roles are single.
 */
const uniqueRoles = (body: BodyState): readonly MemberDetails['roles'][number][] => (body.kind === 'joint_committee' ? ['Chairman', 'Vice-Chairman'] : ['Chairman', 'Vice-Chairman', 'Leader']);

/**
 * Check members about to be added or changed against the body and each other: no duplicate names,
 * one Chairman, one Vice-Chairman and (but on a joint committee) one Leader, substitutes standing in for a real member.
 * `field(i)` names the field of the i-th member in the command.
 */
const checkMembers = (
  body: BodyState,
  incoming: readonly { member: MemberDetails; replacing?: string }[],
  field: (i: number) => string,
): ChamberError | undefined => {
  const others = body.members.filter((m) => m.active && !incoming.some((c) => c.replacing === m.id));
  const seen = new Map<string, number>();
  for (const [i, { member, replacing }] of incoming.entries()) {
    const name = memberFullName(member);
    const key = memberKey(member);
    if (others.some((m) => memberKey(m) === key)) {
      return refused(`${name} is already a member of ${body.name}.`, field(i));
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return refused(`${name} appears twice in the list (entries ${earlier + 1} and ${i + 1}). Nothing was imported.`, field(i));
    }
    seen.set(key, i);
    for (const role of uniqueRoles(body)) {
      if (!member.roles.includes(role)) continue;
      const holder =
        others.find((m) => m.roles.includes(role)) ??
        incoming.slice(0, i).find((c) => c.member.roles.includes(role))?.member;
      if (holder) return refused(`${memberFullName(holder)} is already ${role} of ${body.name}; only one member can be.`, `${field(i)}.roles`);
    }
    if (member.substituteFor !== undefined) {
      const target = body.members.find((m) => m.id === member.substituteFor && m.active);
      if (!target || target.id === replacing) {
        return refused('A substitute must stand in for another current member of this body.', `${field(i)}.substituteFor`);
      }
    }
  }
  return undefined;
};

/** Voting members holding a seat (substitutes fill a seat; they do not add one). */
const votingSeatHolders = (members: readonly Pick<MemberDetails, 'voting' | 'substituteFor'>[]): number =>
  members.filter((m) => m.voting && m.substituteFor === undefined).length;

/**
 * When the body's seats are set, the voting members holding seats cannot outnumber them. `after`
 * is the current membership as it would be after the command.
 */
const checkSeats = (body: BodyState, after: readonly Pick<MemberDetails, 'voting' | 'substituteFor'>[], field: string): ChamberError | undefined => {
  if (body.seats === undefined) return undefined;
  const holders = votingSeatHolders(after);
  return holders > body.seats
    ? refused(
        `${body.name} has ${body.seats} seats; this would list ${holders} voting members in them. End a membership, or change the number of seats, first.`,
        field,
      )
    : undefined;
};

const activeMembers = (body: BodyState) => body.members.filter((m) => m.active);

export const bodyHandlers = {
  'body.create': (view, { name, kind }, ctx) => {
    if (view.bodies().some((b) => b.name.toLowerCase() === name.toLowerCase())) {
      return { error: refused(`There is already a body called ${name}.`, 'name') };
    }
    const bodyId = ctx.newId();
    return {
      events: [
        {
          stream: streams.body(bodyId),
          type: 'body.created',
          payload: { bodyId, name, kind, standingOrders: defaultStandingOrders(kind), nextMinuteNumber: 1 },
        },
      ],
      ids: { bodyId },
    };
  },

  'body.update': (view, { bodyId, name, kind, nextMinuteNumber, seats }) =>
    withBody(view, bodyId, (body) => {
      if (view.bodies().some((b) => b.id !== bodyId && b.name.toLowerCase() === name.toLowerCase())) {
        return { error: refused(`There is already a body called ${name}.`, 'name') };
      }
      if (seats !== undefined && seats !== null) {
        const holders = votingSeatHolders(activeMembers(body));
        if (holders > seats) {
          return { error: refused(`${body.name} lists ${holders} voting members holding seats, so it cannot have fewer than ${holders} seats.`, 'seats') };
        }
      }
      // A joint committee may have a Leader of each partner council; another kind of body has one.
      const leaders = activeMembers(body).filter((m) => m.roles.includes('Leader'));
      if (kind !== body.kind && uniqueRoles({ ...body, kind }).includes('Leader') && leaders.length > 1) {
        return { error: refused(`${body.name} has ${leaders.length} members holding the role Leader (${leaders.map(memberFullName).join(', ')}); a ${kind.replace('_', ' ')} has one. Change their roles first.`, 'kind') };
      }
      const stream = streams.body(bodyId);
      return {
        events: [
          ...(name !== body.name || kind !== body.kind ? [{ stream, type: 'body.detailsChanged' as const, payload: { bodyId, name, kind } }] : []),
          ...(nextMinuteNumber !== undefined && nextMinuteNumber !== body.nextMinuteNumber
            ? [{ stream, type: 'body.nextMinuteNumberSet' as const, payload: { bodyId, next: nextMinuteNumber } }]
            : []),
          ...(seats !== undefined && seats !== (body.seats ?? null) ? [{ stream, type: 'body.seatsSet' as const, payload: { bodyId, seats } }] : []),
        ],
      };
    }),

  'body.setStandingOrders': (view, { bodyId, standingOrders }) =>
    withBody(view, bodyId, () => ({
      events: [{ stream: streams.body(bodyId), type: 'body.standingOrdersChanged', payload: { bodyId, standingOrders } }],
    })),

  'body.setNextMinuteNumber': (view, { bodyId, next }) =>
    withBody(view, bodyId, () => ({
      events: [{ stream: streams.body(bodyId), type: 'body.nextMinuteNumberSet', payload: { bodyId, next } }],
    })),

  'member.add': (view, { bodyId, member }, ctx) =>
    withBody(view, bodyId, (body) => {
      const error = checkMembers(body, [{ member }], () => 'member') ?? checkSeats(body, [...activeMembers(body), member], 'member');
      if (error) return { error };
      const memberId = ctx.newId();
      return {
        events: [{ stream: streams.body(bodyId), type: 'member.added', payload: { bodyId, memberId, member, source: 'form' } }],
        ids: { memberId },
      };
    }),

  'member.update': (view, { bodyId, memberId, member }) =>
    withBody(view, bodyId, (body) => {
      if (!body.members.some((m) => m.id === memberId && m.active)) {
        return { error: notFound(`That person is not a current member of ${body.name}.`, 'memberId', memberId) };
      }
      const after = activeMembers(body).map((m) => (m.id === memberId ? member : m));
      const error = checkMembers(body, [{ member, replacing: memberId }], () => 'member') ?? checkSeats(body, after, 'member.voting');
      if (error) return { error };
      return { events: [{ stream: streams.body(bodyId), type: 'member.updated', payload: { bodyId, memberId, member } }] };
    }),

  'member.remove': (view, { bodyId, memberId }) =>
    withBody(view, bodyId, (body) => {
      if (!body.members.some((m) => m.id === memberId && m.active)) {
        return { error: notFound(`That person is not a current member of ${body.name}.`, 'memberId', memberId) };
      }
      return { events: [{ stream: streams.body(bodyId), type: 'member.removed', payload: { bodyId, memberId } }] };
    }),

  'member.import': (view, { bodyId, members, source }, ctx) =>
    withBody(view, bodyId, (body) => {
      const error =
        checkMembers(body, members.map((member) => ({ member })), (i) => `members.${i}`) ?? checkSeats(body, [...activeMembers(body), ...members], 'members');
      if (error) return { error };
      return {
        events: members.map((member) => ({
          stream: streams.body(bodyId),
          type: 'member.added' as const,
          payload: { bodyId, memberId: ctx.newId(), member, source },
        })),
      };
    }),

  'officer.add': (view, { bodyId, officer }, ctx) =>
    withBody(view, bodyId, () => {
      const officerId = ctx.newId();
      return { events: [{ stream: streams.body(bodyId), type: 'officer.added', payload: { bodyId, officerId, officer } }], ids: { officerId } };
    }),

  'officer.import': (view, { bodyId, officers }, ctx) =>
    withBody(view, bodyId, (body) => {
      const key = (o: { name: string }) => o.name.toLowerCase().replace(/\s+/g, ' ');
      const listed = new Set(body.officers.filter((o) => o.active).map(key));
      const seen = new Set<string>();
      for (const [i, officer] of officers.entries()) {
        if (listed.has(key(officer))) return { error: refused(`${officer.name} is already listed as an officer of ${body.name}. Nothing was imported.`, `officers.${i}`) };
        if (seen.has(key(officer))) return { error: refused(`${officer.name} appears twice in the list. Nothing was imported.`, `officers.${i}`) };
        seen.add(key(officer));
      }
      return {
        events: officers.map((officer) => ({
          stream: streams.body(bodyId),
          type: 'officer.added' as const,
          payload: { bodyId, officerId: ctx.newId(), officer },
        })),
      };
    }),

  'officer.update': (view, { bodyId, officerId, officer }) =>
    withBody(view, bodyId, (body) =>
      body.officers.some((o) => o.id === officerId && o.active)
        ? { events: [{ stream: streams.body(bodyId), type: 'officer.updated', payload: { bodyId, officerId, officer } }] }
        : { error: notFound(`That officer is not listed as an officer of ${body.name}.`, 'officerId', officerId) },
    ),

  'officer.remove': (view, { bodyId, officerId }) =>
    withBody(view, bodyId, (body) =>
      body.officers.some((o) => o.id === officerId && o.active)
        ? { events: [{ stream: streams.body(bodyId), type: 'officer.removed', payload: { bodyId, officerId } }] }
        : { error: notFound(`That officer is not listed as an officer of ${body.name}.`, 'officerId', officerId) },
    ),
} satisfies Handlers<
  | 'body.create'
  | 'body.update'
  | 'body.setStandingOrders'
  | 'body.setNextMinuteNumber'
  | 'member.add'
  | 'member.update'
  | 'member.remove'
  | 'member.import'
  | 'officer.add'
  | 'officer.import'
  | 'officer.update'
  | 'officer.remove'
>;
