// The office's changes to a meeting pack, in words (shared/sync/packChanges.ts): examples of each
// kind of change, and under any sequence of preparing commands, a copy compared with itself says
// nothing, and a copy compared with a later one says something whenever the pack's agenda,
// details, apologies or members differ, each change a sentence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { packChanges, type PackStates } from '../../shared/sync/packChanges';
import { preparedMeeting } from '../support/twoLaptops';

const statesOf = (p: ReturnType<typeof preparedMeeting>): PackStates => ({
  body: (p.clerk.core.read(`body:${p.bodyId}`) as { ok: true; data: BodyState }).data,
  meeting: (p.clerk.core.read(`meeting:${p.meetingId}`) as { ok: true; data: MeetingState }).data,
});

describe('the office\'s changes to a pack, in words', () => {
  it('says each kind of change once, body first', () => {
    const p = preparedMeeting();
    try {
      const before = statesOf(p);
      expect(packChanges(before, before)).toEqual([]);
      expect(packChanges({}, before)).toEqual(['The body "Governance Committee": 8 members, 0 officers.', 'The meeting "Governance Committee" on 22 October 2015 at 10:00: 2 agenda items.']);
      const { core } = p.clerk;
      core.send({ type: 'meeting.updateDetails', meetingId: p.meetingId, bodyId: p.bodyId, title: 'Governance Committee (reconvened)', date: '2015-10-29', startTime: '10:30', venue: 'Council Chamber' });
      core.send({ type: 'agenda.addItem', meetingId: p.meetingId, item: { number: '3', title: 'Urgent business', kind: 'report' } });
      core.send({ type: 'agenda.updateItem', meetingId: p.meetingId, itemId: p.itemIds[1], item: { number: '2', title: 'Budget', kind: 'report', pages: { from: 5, to: 12 } } });
      core.send({ type: 'agenda.removeItem', meetingId: p.meetingId, itemId: p.itemIds[0] });
      core.send({ type: 'apologies.expect', meetingId: p.meetingId, memberId: p.ids[6], note: '' });
      core.send({ type: 'member.update', bodyId: p.bodyId, memberId: p.ids[0], member: { title: 'Dr', initials: ['M'], surname: 'Angell', honours: [], group: 'Conservative', roles: [], voting: true } });
      core.send({ type: 'member.remove', bodyId: p.bodyId, memberId: p.ids[7] });
      core.send({ type: 'officer.add', bodyId: p.bodyId, officer: { name: 'Mr B Watts', jobTitle: 'General Counsel' } });
      expect(packChanges(before, statesOf(p))).toEqual([
        'Mr Angell now Dr Angell.',
        'Mr Birkby no longer a member.',
        'The officers listed changed.',
        'The title is now "Governance Committee (reconvened)"; the date is now 29 October 2015; it now starts at 10:30; the venue is now "Council Chamber".',
        'Agenda item 2 "Budget": now pages 5–12.',
        'Agenda item 3 "Urgent business" added.',
        'Agenda item 1 "Apologies" removed.',
        'Apologies expected from Mr Vye.',
      ]);
    } finally {
      p.clerk.dispose();
    }
  });

  it('under any preparing, says nothing of a copy against itself, and something, in sentences, of any change to what the clerk works from', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), title: fc.string({ minLength: 1, maxLength: 20 }) }),
      fc.record({ kind: fc.constant('retitle' as const), which: fc.nat(), title: fc.string({ minLength: 1, maxLength: 20 }) }),
      fc.record({ kind: fc.constant('remove' as const), which: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), which: fc.nat() }),
      fc.record({ kind: fc.constant('time' as const), hour: fc.integer({ min: 8, max: 20 }) }),
      fc.record({ kind: fc.constant('apology' as const), who: fc.nat() }),
      fc.record({ kind: fc.constant('member' as const), surname: fc.constantFrom('Marsh', 'Hale', 'Jones') }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.nat(), (steps, cut) => {
        const p = preparedMeeting();
        try {
          const seen: PackStates[] = [statesOf(p)];
          for (const s of steps) {
            const m = seen.at(-1)!.meeting!;
            const item = (n: number) => m.agenda[n % Math.max(m.agenda.length, 1)];
            let command: Command | undefined;
            if (s.kind === 'add') command = { type: 'agenda.addItem', meetingId: p.meetingId, item: { number: String(m.agenda.length + 1), title: s.title.trim() || 'x', kind: 'report' } };
            else if (s.kind === 'retitle' && m.agenda.length) command = { type: 'agenda.updateItem', meetingId: p.meetingId, itemId: item(s.which).itemId, item: { number: item(s.which).number, title: s.title.trim() || 'x', kind: item(s.which).kind } };
            else if (s.kind === 'remove' && m.agenda.length) command = { type: 'agenda.removeItem', meetingId: p.meetingId, itemId: item(s.which).itemId };
            else if (s.kind === 'move' && m.agenda.length > 1) command = { type: 'agenda.moveItem', meetingId: p.meetingId, itemId: item(s.which).itemId, toIndex: 0 };
            else if (s.kind === 'time') command = { type: 'meeting.updateDetails', meetingId: p.meetingId, bodyId: p.bodyId, title: m.title, date: m.date, startTime: `${String(s.hour).padStart(2, '0')}:00`, venue: m.venue };
            else if (s.kind === 'apology') command = { type: 'apologies.expect', meetingId: p.meetingId, memberId: p.ids[s.who % p.ids.length], note: '' };
            else if (s.kind === 'member') command = { type: 'member.add', bodyId: p.bodyId, member: { title: 'Ms', initials: [], surname: s.surname, honours: [], group: '', roles: [], voting: true } };
            if (command) p.clerk.core.dispatch(command);
            seen.push(statesOf(p));
          }
          const before = seen[cut % seen.length];
          const after = seen.at(-1)!;
          expect(packChanges(after, after)).toEqual([]);
          const lines = packChanges(before, after);
          for (const line of lines) expect(line).toMatch(/^[A-Z].*\.$/);
          const differs =
            JSON.stringify([before.meeting!.agenda, before.meeting!.startTime, before.meeting!.expectedApologies.map((a) => a.memberId).sort(), before.body!.members.length]) !==
            JSON.stringify([after.meeting!.agenda, after.meeting!.startTime, after.meeting!.expectedApologies.map((a) => a.memberId).sort(), after.body!.members.length]);
          expect(lines.length > 0).toBe(differs);
        } finally {
          p.clerk.dispose();
        }
      }),
      { numRuns: 40 },
    );
  });
});
