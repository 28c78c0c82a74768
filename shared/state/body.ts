// A body's current state: its standing orders, members and officers, derived from its events.
import type { MemberDetails, OfficerDetails } from '../commands/body';
import type { RecordedEvent } from '../events';
import { displayNames, formatMemberName } from '../import/memberNames';
import type { MinutesStyle } from '../minutes/style';
import type { BodyKind, StandingOrders } from '../procedure/standingOrders';
import { head, put, type Change, type Shape } from './parts';

export interface Member extends MemberDetails {
  id: string;
  /** False once the membership has ended; kept for the record of past meetings. */
  active: boolean;
  addedAt: string;
  /** When the membership ended (recorded since seats were introduced; absent for older removals). */
  removedAt?: string;
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
  /** The body's house style for its minutes; absent: the default (shared/minutes/style.ts). */
  minutesStyle?: MinutesStyle;
  /**
   * The whole number of seats on the body, vacancies included, when the clerk has set it: the
   * quorum is reckoned on it. Absent: one seat per voting member listed.
   */
  seats?: number;
  /** Members in the order they were added (the order of the PRESENT list or the spreadsheet). */
  members: Member[];
  officers: Officer[];
  createdAt: string;
  seq: number;
}

/** How a body is stored: its details in the head, each member and officer a part of its own. */
export const bodyShape: Shape = { singles: {}, records: [], lists: ['members', 'officers'] };

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

const namesByList = new WeakMap<readonly Member[], Readonly<Record<string, string>>>();

/**
 * Short names that stay unambiguous within the body: "Mr J Meade" / "Ms J Meade". Worked out once
 * per list of members (a body's list is replaced, never changed, when its members change).
 */
export const memberDisplayNames = (members: readonly Member[]): Readonly<Record<string, string>> => {
  const known = namesByList.get(members);
  if (known) return known;
  const names = displayNames(
    members.map((m) => ({ title: m.title, forenames: m.forenames, initials: m.initials, surname: m.surname, honours: [] })),
  );
  const byId = Object.freeze(Object.fromEntries(members.map((m, i) => [m.id, names[i]])));
  namesByList.set(members, byId);
  return byId;
};

/** What one event changes in a body. */
export const bodyChanges = (state: BodyState | undefined, event: RecordedEvent): Change[] => {
  if (event.type === 'body.created') {
    const { bodyId, ...rest } = event.payload;
    return [head({ id: bodyId, ...rest, createdAt: event.at })];
  }
  if (!state) return [];
  const member = (id: string) => state.members.find((m) => m.id === id);
  const officer = (id: string) => state.officers.find((o) => o.id === id);
  switch (event.type) {
    case 'body.detailsChanged':
      return [head({ name: event.payload.name, kind: event.payload.kind })];
    case 'body.standingOrdersChanged':
      return [head({ standingOrders: event.payload.standingOrders })];
    case 'body.minutesStyleChanged':
      return [head({ minutesStyle: event.payload.style })];
    case 'body.nextMinuteNumberSet':
      return [head({ nextMinuteNumber: event.payload.next })];
    case 'body.seatsSet':
      return [head({ seats: event.payload.seats })];
    case 'member.added':
      return [put('members', event.payload.memberId, { id: event.payload.memberId, ...event.payload.member, active: true, addedAt: event.at })];
    case 'member.updated': {
      const m = member(event.payload.memberId);
      return m ? [put('members', m.id, { id: m.id, active: m.active, addedAt: m.addedAt, ...(m.removedAt ? { removedAt: m.removedAt } : {}), ...event.payload.member })] : [];
    }
    case 'member.removed': {
      const m = member(event.payload.memberId);
      return m ? [put('members', m.id, { ...m, active: false, removedAt: event.at })] : [];
    }
    case 'officer.added':
      return [put('officers', event.payload.officerId, { id: event.payload.officerId, ...event.payload.officer, active: true })];
    case 'officer.updated': {
      const o = officer(event.payload.officerId);
      return o ? [put('officers', o.id, { ...o, ...event.payload.officer })] : [];
    }
    case 'officer.removed': {
      const o = officer(event.payload.officerId);
      return o ? [put('officers', o.id, { ...o, active: false })] : [];
    }
    default:
      return [];
  }
};
