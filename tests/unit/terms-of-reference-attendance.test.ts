// Attendance by a body's own terms of reference (issue 14, part 4), through the real core: the
// Kent and Medway Integrated Care Partnership counts video attendance at the Chair's discretion
// and has no deputies; the Health and Wellbeing Board takes alternates with five working days'
// notice. Then the working-days count, against a day-by-day count over random dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftMinutes } from '../../shared/minutes/draft';
import { DEFAULT_MINUTES_STYLE } from '../../shared/minutes/style';
import { describeAttendanceRules, virtualAttendanceRule, votingEligibility } from '../../shared/procedure/attendance';
import { deputiesOf, deputyProblem, workingDaysBefore } from '../../shared/procedure/deputies';
import type { BodyState } from '../../shared/state/body';
import { clockTime } from '../../shared/time';
import { openTestCore } from '../support/meeting';
import { bodyFromTerms, terms } from '../support/termsOfReference';

describe("virtual attendance at the Chair's discretion: the Integrated Care Partnership", () => {
  it('virtual members do not count until the Chair rules; "counts" makes the meeting quorate, a later "does not count" inquorate, each change recorded', () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      // The partnership calls the one presiding its Chair: the words follow.
      core.send({ type: 'body.setMinutesStyle', bodyId: icp.bodyId, style: { ...DEFAULT_MINUTES_STYLE, chairman: 'Chair', viceChairman: 'Vice-Chair' } });
      expect(icp.body().standingOrders.virtualAttendanceCounts).toEqual({ quorum: false, voting: false, atChairsDiscretion: true });
      core.send({ type: 'agenda.import', meetingId: icp.meetingId, replace: true, items: [{ number: '1', title: 'Joint forward plan', kind: 'report' }] });
      // Nine in the room, the ICB Chair on video: quorate only if she counts (she is the only one from the ICB).
      icp.present('Gough', 'Watts', 'Bell', 'Jarrett', 'Wildey', 'Hall', 'Smith', 'Ward', 'Allen');
      core.send({ type: 'attendance.mark', meetingId: icp.meetingId, memberId: icp.id('Gutteridge'), state: 'virtual' });
      core.send({ type: 'meeting.start', meetingId: icp.meetingId });
      const itemId = icp.meeting().agenda[0].itemId;

      // Before any ruling: not counted, and said so in words.
      expect(virtualAttendanceRule(icp.meeting(), icp.body()).words).toBe(
        "Virtual attendance does not count: it is at the Chair's discretion and the Chair has not ruled at this meeting.",
      );
      expect(icp.quorum()).toMatchObject({ quorate: false, counted: 9, shortfalls: [{ condition: 0, words: 'no member from Kent and Medway ICB present' }] });
      expect(icp.meeting().quorumChanges).toMatchObject([{ quorate: false, present: 9, required: 9 }]);
      expect(votingEligibility(icp.meeting(), icp.body(), icp.id('Gutteridge'), itemId)).toEqual({
        eligible: false,
        reason: 'attending virtually, which counts only if the Chair rules so, and the Chair has not ruled at this meeting',
      });

      // The Chair rules that it counts: quorate, the regained quorum recorded, and she may vote.
      const ruled = core.dispatch({ type: 'attendance.ruleVirtual', meetingId: icp.meetingId, counts: true, reason: 'The ICB Chair is joining by video from Maidstone' });
      expect(ruled.ok && ruled.result.recorded).toEqual(['meeting.virtualAttendanceRuled', 'quorum.regained']);
      expect(icp.quorum()).toMatchObject({ quorate: true, counted: 10 });
      expect(votingEligibility(icp.meeting(), icp.body(), icp.id('Gutteridge'), itemId)).toEqual({ eligible: true });
      expect(virtualAttendanceRule(icp.meeting(), icp.body())).toMatchObject({ quorum: true, voting: true, words: "Virtual attendance counts, by the Chair's ruling." });

      // A later ruling that it does not count replaces it: inquorate again, recorded as other attendance changes are.
      core.send({ type: 'attendance.ruleVirtual', meetingId: icp.meetingId, counts: false });
      expect(icp.quorum()).toMatchObject({ quorate: false, counted: 9 });
      expect(icp.meeting().quorumChanges.map((q) => [q.quorate, q.present, q.required])).toEqual([
        [false, 9, 9],
        [true, 10, 9],
        [false, 9, 9],
      ]);
      expect(votingEligibility(icp.meeting(), icp.body(), icp.id('Gutteridge'), itemId)).toEqual({
        eligible: false,
        reason: 'attending virtually, which the Chair has ruled does not count at this meeting',
      });
      // Both rulings are kept, in order.
      expect(icp.meeting().virtualAttendanceRulings).toMatchObject([
        { counts: true, reason: 'The ICB Chair is joining by video from Maidstone' },
        { counts: false, reason: '' },
      ]);
      // And minuted, each as made, in the body's words.
      const times = icp.meeting().virtualAttendanceRulings.map((r) => clockTime(r.time, 'Europe/London'));
      const front = draftMinutes(icp.meeting(), icp.body(), { timeZone: 'Europe/London' }).front.filter((b) => b.key.startsWith('front:virtualRuling:')).map((b) => b.text);
      expect(front).toEqual([
        `The Chair ruled at ${times[0]} that members attending remotely would count towards the quorum and could vote. The ICB Chair is joining by video from Maidstone.`,
        `The Chair ruled at ${times[1]} that members attending remotely would not count towards the quorum or vote.`,
      ]);
    } finally {
      core.dispose();
    }
  });

  it("a member on video may vote in a division once the Chair rules that virtual attendance counts, and not before", () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      core.send({ type: 'agenda.import', meetingId: icp.meetingId, replace: true, items: [{ number: '1', title: 'Joint forward plan', kind: 'report' }] });
      const room = ['Gough', 'Watts', 'Bell', 'Jarrett', 'Wildey', 'Gutteridge', 'Hall', 'Smith', 'Ward'];
      icp.present(...room);
      core.send({ type: 'attendance.mark', meetingId: icp.meetingId, memberId: icp.id('Kumar'), state: 'virtual' });
      core.send({ type: 'meeting.start', meetingId: icp.meetingId });
      const itemId = icp.meeting().agenda[0].itemId;
      core.send({ type: 'item.start', meetingId: icp.meetingId, itemId });
      const division = () => {
        const { motionId } = core.send({ type: 'motion.move', meetingId: icp.meetingId, itemId, kind: 'substantive', wording: 'That the plan be agreed.', moverId: icp.id('Watts'), seconderId: icp.id('Bell') });
        return core.send({ type: 'division.call', meetingId: icp.meetingId, motionId, skipBell: true }).divisionId;
      };
      const first = division();
      expect(core.refusal({ type: 'vote.cast', meetingId: icp.meetingId, divisionId: first, memberId: icp.id('Kumar'), choice: 'for' }).message).toMatch(/attending virtually/);
      // Everyone in the room votes, so the division may close: Dr Kumar was not among those who might.
      for (const surname of room) core.send({ type: 'vote.cast', meetingId: icp.meetingId, divisionId: first, memberId: icp.id(surname), choice: 'for' });
      core.send({ type: 'division.close', meetingId: icp.meetingId, divisionId: first });
      core.send({ type: 'attendance.ruleVirtual', meetingId: icp.meetingId, counts: true });
      const second = division();
      core.send({ type: 'vote.cast', meetingId: icp.meetingId, divisionId: second, memberId: icp.id('Kumar'), choice: 'for' });
      expect(icp.meeting().votes[second]?.[icp.id('Kumar')]).toBeDefined();
    } finally {
      core.dispose();
    }
  });

  it('a ruling is refused before the meeting starts, and for a body whose standing orders decide it themselves', () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      expect(core.refusal({ type: 'attendance.ruleVirtual', meetingId: icp.meetingId, counts: true })).toMatchObject({
        message: 'The meeting has not started: the Chairman rules on virtual attendance at the meeting.',
        details: { field: 'meetingId' },
      });
      const hwb = bodyFromTerms(core, terms('hwb'));
      core.send({ type: 'agenda.import', meetingId: hwb.meetingId, replace: true, items: [{ number: '1', title: 'Joint Health and Wellbeing Strategy', kind: 'report' }] });
      core.send({ type: 'meeting.start', meetingId: hwb.meetingId });
      expect(core.refusal({ type: 'attendance.ruleVirtual', meetingId: hwb.meetingId, counts: true })).toMatchObject({
        message: "By the standing orders of Kent Health and Wellbeing Board, virtual attendance does not count: it is not at the Chairman's discretion, so there is no ruling to record.",
        details: { field: 'counts' },
      });
    } finally {
      core.dispose();
    }
  });
});

describe("deputies by the body's terms of reference", () => {
  it('the Integrated Care Partnership has no deputies: someone in a member\'s place is refused, in words, and the record is unchanged', () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      core.send({
        type: 'member.add',
        bodyId: icp.bodyId,
        member: { title: 'Cllr', initials: ['A'], surname: 'Kennedy', honours: [], group: '', roles: [], voting: true, sitsFor: ['Medway Council'], substituteFor: icp.id('Wildey') },
      });
      const before = icp.meeting();
      expect(core.refusal({ type: 'attendance.mark', meetingId: icp.meetingId, memberId: icp.id('Kennedy'), state: 'present', inPlaceOf: icp.id('Wildey') })).toMatchObject({
        message: 'The Kent and Medway Integrated Care Partnership has no deputies: its terms of reference do not allow a member to be replaced.',
        details: { field: 'inPlaceOf' },
      });
      expect(icp.meeting().attendance).toEqual(before.attendance);
      expect(icp.meeting().seq).toBe(before.seq);
    } finally {
      core.dispose();
    }
  });

  describe("the Health and Wellbeing Board takes alternates with five working days' notice (meeting on Thursday 10 December 2026)", () => {
    const withAlternate = (run: (hwb: ReturnType<typeof bodyFromTerms>, core: ReturnType<typeof openTestCore>, alternate: string, seat: string) => void) => {
      const core = openTestCore();
      try {
        const hwb = bodyFromTerms(core, terms('hwb'));
        expect(hwb.body().standingOrders.deputies).toEqual({ kind: 'alternates', noticeWorkingDays: 5 });
        core.send({
          type: 'member.add',
          bodyId: hwb.bodyId,
          member: { title: 'Mr', initials: ['M'], surname: 'Whiting', honours: [], group: '', roles: [], voting: true, sitsFor: ['Kent County Council'], substituteFor: hwb.id('Carter') },
        });
        run(hwb, core, hwb.id('Whiting'), hwb.id('Carter'));
      } finally {
        core.dispose();
      }
    };

    it('notice six working days before (Wednesday 2 December) is accepted', () =>
      withAlternate((hwb, core, alternate, seat) => {
        core.send({ type: 'attendance.mark', meetingId: hwb.meetingId, memberId: alternate, state: 'present', inPlaceOf: seat, noticeReceived: '2026-12-02' });
        expect(hwb.meeting().attendance[alternate]).toMatchObject({ state: 'present', inPlaceOf: seat });
      }));

    it('notice exactly five working days before (Thursday 3 December) is enough', () =>
      withAlternate((hwb, core, alternate, seat) => {
        core.send({ type: 'attendance.mark', meetingId: hwb.meetingId, memberId: alternate, state: 'present', inPlaceOf: seat, noticeReceived: '2026-12-03' });
        expect(hwb.meeting().attendance[alternate]?.inPlaceOf).toBe(seat);
      }));

    it('notice three working days before (Monday 7 December) is refused, naming the five working days the terms require', () =>
      withAlternate((hwb, core, alternate, seat) => {
        expect(core.refusal({ type: 'attendance.mark', meetingId: hwb.meetingId, memberId: alternate, state: 'present', inPlaceOf: seat, noticeReceived: '2026-12-07' })).toMatchObject({
          message:
            'The Kent Health and Wellbeing Board accepts an alternate only with notice at least five working days before the meeting; notice received on Monday, 7 December 2026 is three working days before it.',
          details: { field: 'noticeReceived' },
        });
        expect(hwb.meeting().attendance[alternate]).toBeUndefined();
      }));

    it('no notice at all is refused, asking for the date', () =>
      withAlternate((hwb, core, alternate, seat) => {
        expect(core.refusal({ type: 'attendance.mark', meetingId: hwb.meetingId, memberId: alternate, state: 'present', inPlaceOf: seat })).toMatchObject({
          message: 'The Kent Health and Wellbeing Board accepts an alternate only with notice at least five working days before the meeting: give the date notice was received.',
          details: { field: 'noticeReceived' },
        });
      }));

    it('an alternate accepted once may leave and come back without the notice being asked again', () =>
      withAlternate((hwb, core, alternate, seat) => {
        core.send({ type: 'attendance.mark', meetingId: hwb.meetingId, memberId: alternate, state: 'present', inPlaceOf: seat, noticeReceived: '2026-12-01' });
        core.send({ type: 'agenda.import', meetingId: hwb.meetingId, replace: true, items: [{ number: '1', title: 'Joint Health and Wellbeing Strategy', kind: 'report' }] });
        core.send({ type: 'meeting.start', meetingId: hwb.meetingId });
        core.send({ type: 'attendance.depart', meetingId: hwb.meetingId, memberId: alternate });
        core.send({ type: 'attendance.mark', meetingId: hwb.meetingId, memberId: alternate, state: 'present', inPlaceOf: seat });
        expect(hwb.meeting().attendance[alternate]?.stays).toHaveLength(2);
      }));
  });

  it('a body whose standing orders were stored before deputies existed takes substitutes, as before', () => {
    const core = openTestCore();
    try {
      const { bodyId } = core.send({ type: 'body.create', name: 'Planning Applications Committee', kind: 'committee' });
      const body = core.read(`body:${bodyId}`) as { ok: true; data: { standingOrders: { deputies: unknown } } };
      expect(body.data.standingOrders.deputies).toEqual({ kind: 'substitutes' });
    } finally {
      core.dispose();
    }
  });
});

describe('standing orders stored before these rules existed', () => {
  it('take substitutes, and count virtual attendance by their own booleans, with no ruling asked', () => {
    const core = openTestCore();
    try {
      const hwb = bodyFromTerms(core, terms('hwb'));
      // As a body's state reads when its standing orders were recorded before the fields existed:
      // stored events are replayed as written, without the schema's defaults.
      const { deputies: _d, ...rest } = hwb.body().standingOrders;
      const older = { ...hwb.body(), standingOrders: { ...rest, virtualAttendanceCounts: { quorum: true, voting: false } } } as unknown as BodyState;
      expect(deputiesOf(older.standingOrders)).toEqual({ kind: 'substitutes' });
      expect(deputyProblem(deputiesOf(older.standingOrders), older.name, '2026-12-10', undefined)).toBeUndefined();
      expect(virtualAttendanceRule(hwb.meeting(), older)).toEqual({
        quorum: true,
        voting: false,
        atChairsDiscretion: false,
        words: 'Virtual attendance counts towards the quorum but not for voting, by the standing orders.',
      });
    } finally {
      core.dispose();
    }
  });
});

describe("the body's attendance rules in words", () => {
  it('say how virtual attendance counts and who may stand in', () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      const hwb = bodyFromTerms(core, terms('hwb'));
      expect(describeAttendanceRules(icp.body())).toBe("virtual attendance counts at the Chairman's discretion, ruled at each meeting; no deputies: a member cannot be replaced");
      expect(describeAttendanceRules(hwb.body())).toBe("virtual attendance does not count; alternates may attend in a member's place with notice at least 5 working days before the meeting");
      const { bodyId } = core.send({ type: 'body.create', name: 'Planning Applications Committee', kind: 'committee' });
      const planning = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
      expect(describeAttendanceRules(planning)).toBe("virtual attendance does not count; named substitutes may attend in a member's place");
    } finally {
      core.dispose();
    }
  });
});

describe('working days before the meeting', () => {
  it('counts Monday to Friday from the notice date up to the day before the meeting', () => {
    expect(workingDaysBefore('2026-12-02', '2026-12-10')).toBe(6);
    expect(workingDaysBefore('2026-12-07', '2026-12-10')).toBe(3);
    // Friday's notice for Monday: one working day; Saturday's or Sunday's: none.
    expect(workingDaysBefore('2026-12-04', '2026-12-07')).toBe(1);
    expect(workingDaysBefore('2026-12-05', '2026-12-07')).toBe(0);
    expect(workingDaysBefore('2026-12-10', '2026-12-10')).toBe(0);
    expect(workingDaysBefore('2026-12-11', '2026-12-10')).toBe(0);
    // Across the turn of the year (bank holidays are not taken out).
    expect(workingDaysBefore('2026-12-24', '2027-01-04')).toBe(7);
  });

  it('agrees with a day-by-day count, and adding a whole week adds five', () => {
    const day = fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2040, 0, 1) / 86_400_000 });
    const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, fc.integer({ min: -10, max: 400 }), (from, length) => {
        const to = from + length;
        let expected = 0;
        for (let d = from; d < to; d += 1) {
          const weekday = new Date(d * 86_400_000).getUTCDay();
          if (weekday !== 0 && weekday !== 6) expected += 1;
        }
        expect(workingDaysBefore(iso(from), iso(to))).toBe(expected);
        if (length >= 0) expect(workingDaysBefore(iso(from), iso(to + 7))).toBe(expected + 5);
      }),
    );
  });
});
