// A committee of six on a summer's day, with a three-item agenda: the small meeting the record
// tests and the live-screen rules start from, through the dispatcher on a real SQLite file.
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState, Member } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { instantAt } from '../../shared/time';
import { openTestCore, testClock, type TestCore } from './meeting';

export const TZ = 'Europe/London';

/** A committee of six on a summer's day (British Summer Time): quorum three. */
export const committee = (day = '2026-07-01') => {
  const at = (hhmm: string, date = day) => instantAt(date, hhmm, TZ);
  const clock = testClock(at('09:30'));
  const core = openTestCore({ now: clock.now });
  const { bodyId } = core.send({ type: 'body.create', name: 'Planning Committee', kind: 'committee' });
  core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('committee'), quorum: { kind: 'fixed', count: 3 } } });
  const surnames = ['Cole', 'Meade', 'Dean', 'Hook', 'Bird', 'Vye'];
  core.send({
    type: 'member.import',
    bodyId,
    source: 'csv',
    members: surnames.map((surname, i) => ({ title: 'Mr', initials: [], surname, honours: [], group: '', roles: i === 0 ? ['Chairman' as const] : [], voting: true })),
  });
  const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: 'Planning Committee', date: day, startTime: '10:00', venue: '' });
  core.send({
    type: 'agenda.import',
    meetingId,
    replace: true,
    items: [
      { number: '1', title: 'Apologies', kind: 'apologies' },
      { number: '2', title: 'Land at Manor Farm', kind: 'report' },
      { number: '3', title: 'Any other business', kind: 'other' },
    ],
  });
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const member = (surname: string): Member => body().members.find((m) => m.surname === surname)!;
  const item = (number: string) => meeting().agenda.find((i) => i.number === number)!.itemId;
  const refusal = (command: Parameters<TestCore['dispatch']>[0]) => core.refusal(command);
  const recorded = (command: Parameters<TestCore['dispatch']>[0]) => {
    const outcome = core.dispatch(command);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.result.recorded;
  };
  return { core, clock, at, bodyId, meetingId, body, meeting, member, item, refusal, recorded };
};

