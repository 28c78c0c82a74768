// A body's current state: its standing orders, members and officers, derived from its events.
import type { MemberDetails, OfficerDetails } from '../commands/body';
import type { RecordedEvent } from '../events';
import { displayNames, formatMemberName } from '../import/memberNames';
import type { BodyKind, StandingOrders } from '../procedure/standingOrders';

export interface Member extends MemberDetails {
  id: string;
  /** False once the membership has ended; kept for the record of past meetings. */
  active: boolean;
  addedAt: string;
}

export interface Officer extends OfficerDetails {
  id: string;
  active: boolean;
}

export interface BodyState {
  id: string;
  name: string;
  kind: BodyKind;
  standingOrders: StandingOrders;
  nextMinuteNumber: number;
  /** Members in the order they were added (the order of the PRESENT list or the spreadsheet). */
  members: Member[];
  officers: Officer[];
  createdAt: string;
  seq: number;
}

export type BodySummary = Pick<BodyState, 'id' | 'name' | 'kind'> & { memberCount: number };

export const summariseBody = (b: BodyState): BodySummary => ({
  id: b.id,
  name: b.name,
  kind: b.kind,
  memberCount: b.members.filter((m) => m.active).length,
});

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  full_council: 'Full council',
  committee: 'Committee',
  panel: 'Panel',
  joint_committee: 'Joint committee',
};

/** "Mr M J Harrison" style, for duplicate checks: case and spacing do not make a new member. */
export const memberKey = (m: Pick<MemberDetails, 'title' | 'initials' | 'surname' | 'forenames'>): string =>
  [m.title, m.initials.join(''), m.forenames ?? '', m.surname].join('|').toLowerCase().replace(/\s+/g, ' ');

/** The full name as minutes write it: "Mrs A D Allen, MBE". */
export const memberFullName = (m: MemberDetails): string =>
  formatMemberName({ title: m.title, forenames: m.forenames, initials: m.initials, surname: m.surname, honours: m.honours });

/** Short names that stay unambiguous within the body: "Mr J Meade" / "Ms J Meade". */
export const memberDisplayNames = (members: readonly Member[]): Record<string, string> => {
  const names = displayNames(
    members.map((m) => ({ title: m.title, forenames: m.forenames, initials: m.initials, surname: m.surname, honours: [] })),
  );
  return Object.fromEntries(members.map((m, i) => [m.id, names[i]]));
};

const replaceById = <T extends { id: string }>(list: readonly T[], id: string, change: (item: T) => T): T[] =>
  list.map((item) => (item.id === id ? change(item) : item));

export const reduceBody = (state: BodyState | undefined, event: RecordedEvent): BodyState | undefined => {
  if (event.type === 'body.created') {
    const { bodyId, ...rest } = event.payload;
    return { id: bodyId, ...rest, members: [], officers: [], createdAt: event.at, seq: event.seq };
  }
  if (!state) return state;
  const next = { ...state, seq: event.seq };
  switch (event.type) {
    case 'body.detailsChanged':
      return { ...next, name: event.payload.name, kind: event.payload.kind };
    case 'body.standingOrdersChanged':
      return { ...next, standingOrders: event.payload.standingOrders };
    case 'body.nextMinuteNumberSet':
      return { ...next, nextMinuteNumber: event.payload.next };
    case 'member.added':
      return { ...next, members: [...state.members, { id: event.payload.memberId, ...event.payload.member, active: true, addedAt: event.at }] };
    case 'member.updated': {
      const { member } = event.payload;
      return { ...next, members: replaceById(state.members, event.payload.memberId, (m) => ({ id: m.id, active: m.active, addedAt: m.addedAt, ...member })) };
    }
    case 'member.removed':
      return { ...next, members: replaceById(state.members, event.payload.memberId, (m) => ({ ...m, active: false })) };
    case 'officer.added':
      return { ...next, officers: [...state.officers, { id: event.payload.officerId, ...event.payload.officer, active: true }] };
    case 'officer.updated': {
      const { officer } = event.payload;
      return { ...next, officers: replaceById(state.officers, event.payload.officerId, (o) => ({ ...o, ...officer })) };
    }
    case 'officer.removed':
      return { ...next, officers: replaceById(state.officers, event.payload.officerId, (o) => ({ ...o, active: false })) };
    default:
      return next;
  }
};
