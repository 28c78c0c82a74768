// Bodies set up through the real core from their terms of reference, kept as data in
// tests/fixtures/terms/ (issue 14): the body, its members, and the standing orders its terms
// describe on top of the defaults for its kind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MemberDetails } from '../../shared/commands/body';
import { meetingQuorum } from '../../shared/procedure/attendance';
import { defaultStandingOrders, QuorumRule, StandingOrders, type BodyKind } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import type { TestCore } from './meeting';

export interface Terms {
  body: { name: string; kind: BodyKind };
  source: string;
  quorum: unknown;
  presidingOrder?: string[];
  castingVote?: boolean;
  simpleMajorityOf?: 'voting' | 'present';
  usualDecision?: unknown;
  organisationVotes?: unknown;
  virtualAttendanceCounts?: unknown;
  deputies?: unknown;
  members: MemberDetails[];
}

export const terms = (name: string): Terms =>
  JSON.parse(readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/terms', `${name}.json`), 'utf8')) as Terms;

/** The standing orders the terms describe, on top of the defaults for the body's kind. */
export const standingOrdersOf = (t: Terms): StandingOrders =>
  StandingOrders.parse({
    ...defaultStandingOrders(t.body.kind),
    quorum: QuorumRule.parse(t.quorum),
    ...(t.presidingOrder ? { presidingOrder: t.presidingOrder } : {}),
    ...(t.castingVote === undefined ? {} : { castingVote: t.castingVote }),
    ...(t.simpleMajorityOf ? { simpleMajorityOf: t.simpleMajorityOf } : {}),
    ...(t.usualDecision === undefined ? {} : { usualDecision: t.usualDecision }),
    ...(t.organisationVotes === undefined ? {} : { organisationVotes: t.organisationVotes }),
    ...(t.virtualAttendanceCounts === undefined ? {} : { virtualAttendanceCounts: t.virtualAttendanceCounts }),
    ...(t.deputies === undefined ? {} : { deputies: t.deputies }),
  });

/** The body set up through the core from its terms, a meeting, and a way to mark who is there. */
export const bodyFromTerms = (core: TestCore, t: Terms) => {
  const { bodyId } = core.send({ type: 'body.create', name: t.body.name, kind: t.body.kind });
  core.send({ type: 'member.import', bodyId, source: 'csv', members: t.members });
  core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: standingOrdersOf(t) });
  const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: t.body.name, date: '2026-12-10', startTime: '10:00', venue: 'Sessions House' });
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const id = (surname: string) => body().members.find((m) => m.surname === surname)!.id;
  const present = (...surnames: string[]) => {
    for (const surname of surnames) core.send({ type: 'attendance.mark', meetingId, memberId: id(surname), state: 'present' });
  };
  return { bodyId, meetingId, body, meeting, id, present, quorum: () => meetingQuorum(meeting(), body()) };
};
