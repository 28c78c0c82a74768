// Two laptops recording the same meeting, as the tests of the records server's conflicts use them:
// the clerk's laptop prepares a committee meeting with the real Chamber core, and the backup laptop
// starts from the same prepared record (a copy of the clerk's data file, with its own device id),
// then each records the meeting as its own clerk saw it.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AttendanceState } from '../../shared/commands/live';
import type { VoteChoice } from '../../shared/commands/division';
import { DATABASE_FILE } from '../../electron/core/dataFolder';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import type { WireEvent } from '../../shared/sync/protocol';
import type { CoreOptions } from '../../electron/core/core';
import { openTestCore, tempFolder, testClock, type TestCore } from './meeting';

export const PEOPLE = [
  { title: 'Mr', initials: ['M'], surname: 'Angell', group: 'Conservative' },
  { title: 'Mrs', initials: ['A'], surname: 'Allen', group: 'Conservative' },
  { title: 'Mr', initials: ['R'], surname: "O'Brien", group: 'Liberal Democrat' },
  { title: 'Mr', initials: ['B'], surname: 'Clark', group: 'Liberal Democrat' },
  { title: 'Mr', initials: ['J'], surname: 'Elenor', group: 'Labour' },
  { title: 'Mrs', initials: ['M'], surname: 'Elenor', group: 'Labour' },
  { title: 'Mr', initials: ['M'], surname: 'Vye', group: 'Liberal Democrat' },
  { title: 'Mr', initials: ['H'], surname: 'Birkby', group: 'UKIP' },
];

export interface Laptop {
  core: TestCore;
  clock: ReturnType<typeof testClock>;
  dispose(): void;
}

export interface Prepared {
  clerk: Laptop;
  bodyId: string;
  meetingId: string;
  /** The agenda's items: apologies, then the budget. */
  itemIds: string[];
  /** The members, in the order of PEOPLE. */
  ids: string[];
}

export const meetingOf = (core: TestCore, meetingId: string): MeetingState => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;

/** The clerk's laptop with the committee, its members and the meeting with its agenda: what both laptops start from. */
export const preparedMeeting = (start = '2015-10-22T09:00:00.000Z'): Prepared => {
  const clock = testClock(start);
  const core = openTestCore({ now: clock.now });
  const { bodyId } = core.send({ type: 'body.create', name: 'Governance Committee', kind: 'committee' });
  core.send({ type: 'member.import', bodyId, source: 'csv', members: PEOPLE.map((p) => ({ ...p, honours: [], roles: [], voting: true })) });
  const so = defaultStandingOrders('committee');
  core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...so, quorum: { kind: 'fixed', count: 1 } } });
  const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '10:00', venue: 'Committee Room 2' });
  core.send({
    type: 'agenda.import',
    meetingId,
    replace: true,
    items: [
      { number: '1', title: 'Apologies', kind: 'apologies' },
      { number: '2', title: 'Budget', kind: 'report' },
    ],
  });
  const body = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  return {
    clerk: { core, clock, dispose: () => core.dispose() },
    bodyId,
    meetingId,
    itemIds: meetingOf(core, meetingId).agenda.map((i) => i.itemId),
    ids: body.members.map((m) => m.id),
  };
};

/** A second laptop starting from `from`'s record as it stands: a copy of its data file with a device id of its own, and a clock at the same time. */
export const backupOf = (from: Laptop, options: Pick<CoreOptions, 'divisionTimers'> = {}): Laptop => {
  const folder = tempFolder('chamber-backup-');
  const file = join(folder.path, DATABASE_FILE);
  from.core.db.prepare('VACUUM INTO ?').run(file);
  const db = new Database(file);
  db.prepare("UPDATE meta SET value = ? WHERE key = 'device_id'").run(randomUUID());
  db.close();
  const clock = testClock(from.clock.now().toISOString());
  const core = openTestCore({ ...options, folder: folder.path, now: clock.now });
  return {
    core,
    clock,
    dispose: () => {
      core.dispose();
      folder.remove();
    },
  };
};

export interface MeetingAsSeen {
  /** Each member's mark, by index in PEOPLE; unmarked members are left out. */
  marks: Partial<Record<number, AttendanceState>>;
  /** Each vote in the budget's division, by index in PEOPLE, in the order cast. */
  votes: Partial<Record<number, VoteChoice>>;
  close?: boolean;
}

/**
 * Records the meeting as one clerk saw it: attendance, the start, the budget moved by the first
 * member and seconded by the second, a division on it, and the close. The same plan on two laptops
 * whose clocks agree records the same facts, under different ids for the motion and the division.
 */
export const recordMeeting = (laptop: Laptop, w: Prepared, plan: MeetingAsSeen): { motionId: string; divisionId: string } => {
  const { core, clock } = laptop;
  const { meetingId } = w;
  for (const [i, state] of Object.entries(plan.marks)) core.send({ type: 'attendance.mark', meetingId, memberId: w.ids[Number(i)], state: state! });
  clock.advance(60_000);
  core.send({ type: 'meeting.start', meetingId });
  core.send({ type: 'item.start', meetingId, itemId: w.itemIds[1] });
  clock.advance(60_000);
  const { motionId } = core.send({ type: 'motion.move', meetingId, itemId: w.itemIds[1], kind: 'substantive', wording: 'That the budget be agreed.', moverId: w.ids[0], seconderId: w.ids[1] });
  const { divisionId } = core.send({ type: 'division.call', meetingId, motionId, skipBell: true });
  for (const [i, choice] of Object.entries(plan.votes)) {
    clock.advance(500);
    core.send({ type: 'vote.cast', meetingId, divisionId, memberId: w.ids[Number(i)], choice: choice! });
  }
  clock.advance(60_000);
  core.send({ type: 'division.close', meetingId, divisionId });
  core.send({ type: 'item.end', meetingId, itemId: w.itemIds[1] });
  if (plan.close ?? true) {
    clock.advance(60_000);
    core.send({ type: 'meeting.close', meetingId });
  }
  return { motionId, divisionId };
};

/** Every stream of a laptop's log, as it would push them. */
export const laptopEvents = (core: TestCore): WireEvent[] => core.log.streams().flatMap((s) => core.log.read(s) as unknown as WireEvent[]);
