// The rules behind what the live screen shows: finding a member by name (surname-start matches
// first, surname order), each member's standing, and counts that agree with the rows and with
// the quorum whatever happens.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { attendanceCounts, attendanceStanding, meetingQuorum } from '../../shared/procedure/attendance';
import { memberDisplayNames, type Member } from '../../shared/state/body';
import { bySurname, findMembers, matchPrintedName } from '../../shared/state/memberSearch';
import { committee } from '../support/committee';

const member = (surname: string, extra: Partial<Omit<Member, 'addedAt'>> = {}): Member => ({
  id: `id-${surname}-${extra.title ?? 'Mr'}-${(extra.initials ?? []).join('')}`,
  title: 'Mr',
  initials: [],
  surname,
  honours: [],
  group: '',
  roles: [],
  voting: true,
  active: true,
  addedAt: '2025-05-01T09:00:00.000Z',
  ...extra,
});

const found = (members: Member[], query: string) => findMembers(members, memberDisplayNames(members), query).map((m) => m.surname);

describe('finding a member by name', () => {
  it('puts surname-start matches first', () => {
    const members = ['Carter', 'Terry', 'Simkins', 'King', 'Baker', 'Atkinson'].map((s) => member(s));
    expect(found(members, 'ter')).toEqual(['Terry', 'Carter']);
    expect(found(members, 'kin')).toEqual(['King', 'Atkinson', 'Simkins']);
    expect(found(members, 'KIN')).toEqual(['King', 'Atkinson', 'Simkins']);
  });

  it('lists every member in surname order when nothing is typed, members added later included', () => {
    const members = ['Manion', 'Angell', 'Harrison', 'Cooke'].map((s) => member(s));
    members.push(member('Aldridge')); // joined the body after the rest were imported
    expect(found(members, '')).toEqual(['Aldridge', 'Angell', 'Cooke', 'Harrison', 'Manion']);
  });

  it('tells members with the same surname apart by initials and title', () => {
    const members = [member('Harrison', { initials: ['M'] }), member('Harrison', { title: 'Mrs', initials: ['A'] }), member('Hart')];
    expect(found(members, 'harr')).toEqual(['Harrison', 'Harrison']);
    expect(findMembers(members, memberDisplayNames(members), 'm harr')[0].initials).toEqual(['M']);
    expect(findMembers(members, memberDisplayNames(members), 'mrs harr')[0].initials).toEqual(['A']);
  });

  it('for any members and any typing: only matches, surname-start first, each rank in surname order', () => {
    const surname = fc.stringMatching(/^[A-Z][a-z]{1,8}(-[A-Z][a-z]{1,6})?$/);
    fc.assert(
      fc.property(fc.uniqueArray(surname, { minLength: 1, maxLength: 20 }), fc.stringMatching(/^[a-z]{1,3}$/), (surnames, query) => {
        const members = surnames.map((s) => member(s));
        const result = findMembers(members, memberDisplayNames(members), query);
        for (const m of result) expect(`${m.title} ${m.surname}`.toLowerCase()).toContain(query);
        const surnameStart = (m: Member) => m.surname.toLowerCase().startsWith(query);
        const firstOther = result.findIndex((m) => !surnameStart(m));
        if (firstOther >= 0) expect(result.slice(firstOther).some(surnameStart)).toBe(false);
        const starts = result.filter(surnameStart);
        const typedWhole = (m: Member) => m.surname.toLowerCase() === query || m.title.toLowerCase() === query;
        expect(starts).toEqual([...starts].sort((a, b) => Number(typedWhole(b)) - Number(typedWhole(a)) || bySurname(a, b)));
        // No member whose surname starts so is left out.
        expect(starts.length).toBe(members.filter(surnameStart).length);
      }),
    );
  });
});

describe('each member standing, and counts that agree', () => {
  let c: ReturnType<typeof committee> | undefined;
  afterEach(() => c?.core.dispose());

  it('counts apologies received in advance before the meeting starts', () => {
    c = committee();
    c.core.send({ type: 'apologies.expect', meetingId: c.meetingId, memberId: c.member('Vye').id, note: 'On holiday' });
    expect(attendanceStanding(c.meeting(), c.member('Vye').id)).toBe('apologies');
    expect(attendanceCounts(c.meeting(), c.body()).total).toMatchObject({ apologies: 1, unmarked: 5 });
  });

  it('after the close, members who were there have attended, not left', () => {
    c = committee();
    const { meetingId } = c;
    for (const s of ['Cole', 'Meade', 'Dean']) c.core.send({ type: 'attendance.mark', meetingId, memberId: c.member(s).id, state: 'present' });
    c.core.send({ type: 'meeting.start', meetingId });
    c.core.send({ type: 'attendance.depart', meetingId, memberId: c.member('Dean').id });
    expect(attendanceStanding(c.meeting(), c.member('Dean').id)).toBe('left');
    c.core.send({ type: 'meeting.close', meetingId });
    expect(attendanceStanding(c.meeting(), c.member('Dean').id)).toBe('attended');
    expect(attendanceStanding(c.meeting(), c.member('Cole').id)).toBe('attended');
    expect(attendanceCounts(c.meeting(), c.body()).total).toMatchObject({ attended: 3, left: 0, present: 0 });
  });

  it('whatever the clerk records, the rows, the counts and the quorum agree', () => {
    const surnames = ['Cole', 'Meade', 'Dean', 'Hook', 'Bird', 'Vye'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('mark' as const), who: fc.constantFrom(...surnames), state: fc.constantFrom('present', 'virtual', 'apologies', 'absent') }),
      fc.record({ kind: fc.constant('depart' as const), who: fc.constantFrom(...surnames) }),
      fc.record({ kind: fc.constant('declare' as const), who: fc.constantFrom(...surnames), item: fc.constantFrom('1', '2', '3') }),
      fc.record({ kind: fc.constant('take' as const), item: fc.constantFrom('1', '2', '3') }),
      fc.record({ kind: fc.constant('end' as const) }),
      fc.record({ kind: fc.constantFrom('start' as const, 'close' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.boolean(), (steps, virtualCounts) => {
        const k = committee();
        try {
          const { meetingId } = k;
          const standingOrders = k.body().standingOrders;
          k.core.send({ type: 'body.setStandingOrders', bodyId: k.bodyId, standingOrders: { ...standingOrders, virtualAttendanceCounts: { ...standingOrders.virtualAttendanceCounts, quorum: virtualCounts } } });
          for (const s of steps) {
            let command: Command;
            if (s.kind === 'mark') command = { type: 'attendance.mark', meetingId, memberId: k.member(s.who).id, state: s.state };
            else if (s.kind === 'depart') command = { type: 'attendance.depart', meetingId, memberId: k.member(s.who).id };
            else if (s.kind === 'declare')
              command = { type: 'declaration.record', meetingId, memberId: k.member(s.who).id, itemId: k.item(s.item), kind: 'disclosable_pecuniary', description: 'Owns the land', withdraws: true };
            else if (s.kind === 'take') command = { type: 'item.start', meetingId, itemId: k.item(s.item) };
            else if (s.kind === 'end') command = { type: 'item.end', meetingId, itemId: k.meeting().currentItemId ?? k.item('1') };
            else command = { type: s.kind === 'start' ? 'meeting.start' : 'meeting.close', meetingId };
            k.core.dispatch(command); // refused or not: what is shown must agree either way
            const meeting = k.meeting();
            const body = k.body();
            const counts = attendanceCounts(meeting, body).total;
            const rows = body.members.map((m) => attendanceStanding(meeting, m.id));
            for (const standing of Object.keys(counts) as (keyof typeof counts)[]) expect(counts[standing]).toBe(rows.filter((r) => r === standing).length);
            if (meeting.status === 'closed') continue;
            const quorum = meetingQuorum(meeting, body);
            expect(quorum.counted).toBe(counts.present + (virtualCounts ? counts.virtual : 0));
          }
        } finally {
          k.core.dispose();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('matching the names a pack prints to members', () => {
  const members = [
    member('Streatfeild', { initials: ['R'] }),
    member('Dean', { title: 'Mrs', initials: ['T'] }),
    member('Dean', { title: 'Mr', initials: ['D'] }),
    member('Vye', { initials: ['M'] }),
    member('Harrison', { initials: ['M'] }),
    member('Harrison', { title: 'Ms', initials: ['A'] }),
  ];
  it.each([
    ['Richard Streatfeild', 'Streatfeild', 'R'],
    ['Trudy Dean', 'Dean', 'T'],
    ['Mr D Dean', 'Dean', 'D'],
    ['Mr Vye', 'Vye', 'M'],
    ['Cllr M. Vye', 'Vye', 'M'],
    ['Ms Harrison', 'Harrison', 'A'],
  ])('%s is %s (%s)', (printed, surname, initial) => {
    const found = matchPrintedName(members, printed);
    expect(found?.surname).toBe(surname);
    expect(found?.initials[0]).toBe(initial);
  });
  it('does not take a member of the same surname with another title or initial', () => {
    const present = [member('Harrison', { initials: ['M'] }), member('Eddy', { title: 'Dr', initials: ['M'] })];
    expect(matchPrintedName(present, 'Ms Harrison')).toBeUndefined();
    expect(matchPrintedName(present, 'Andrew Harrison')).toBeUndefined();
    expect(matchPrintedName(present, 'Dr Eddy')?.surname).toBe('Eddy');
  });
  it.each([['Dean'], ['Harrison'], ['John Smith'], [''], [undefined]])('%s is left to the clerk (none, or more than one, fits)', (printed) => {
    expect(matchPrintedName(members, printed)).toBeUndefined();
  });
});
