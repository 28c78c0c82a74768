// A panel that writes its members by first name and surname, with no title, and calls its chairman
// the Chair (issue 14): the Corporate Parenting Panel (tests/fixtures/terms/corporate-parenting-panel.json)
// set up through the real core, with the Cabinet Member for the service and two officers at its
// meeting. The draft minutes' front matter lists PRESENT as the panel writes names ("Ann Allen
// (Chair)"), the Cabinet Member under ALSO PRESENT and the officers under IN ATTENDANCE.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MemberDetails } from '../../shared/commands/body';
import { draftMinutes } from '../../shared/minutes/draft';
import { DEFAULT_MINUTES_STYLE, roleWordsOf } from '../../shared/minutes/style';
import { describeQuorumRule } from '../../shared/procedure/quorum';
import { defaultStandingOrders, QuorumRule, type BodyKind } from '../../shared/procedure/standingOrders';
import { memberFullName, type BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { openTestCore, type TestCore } from '../support/meeting';

interface PanelTerms {
  body: { name: string; kind: BodyKind };
  quorum: unknown;
  presidingOrder: string[];
  castingVote: boolean;
  simpleMajorityOf: 'voting' | 'present';
  minutesStyle: { chairman: string; viceChairman: string };
  members: MemberDetails[];
  alsoPresent: { name: string; capacity: string }[];
  inAttendance: { name: string; jobTitle: string }[];
}
const terms = JSON.parse(readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/terms/corporate-parenting-panel.json'), 'utf8')) as PanelTerms;

/** The panel from its terms, through the core: members, standing orders, its words for the Chair, officers; a meeting with everyone there. */
const panelMeeting = (core: TestCore) => {
  const { bodyId } = core.send({ type: 'body.create', name: terms.body.name, kind: terms.body.kind });
  core.send({ type: 'member.import', bodyId, source: 'csv', members: terms.members });
  core.send({
    type: 'body.setStandingOrders',
    bodyId,
    standingOrders: { ...defaultStandingOrders(terms.body.kind), quorum: QuorumRule.parse(terms.quorum), presidingOrder: terms.presidingOrder, castingVote: terms.castingVote, simpleMajorityOf: terms.simpleMajorityOf },
  });
  core.send({ type: 'body.setMinutesStyle', bodyId, style: { ...DEFAULT_MINUTES_STYLE, ...terms.minutesStyle } });
  for (const officer of terms.inAttendance) core.send({ type: 'officer.add', bodyId, officer });
  const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: terms.body.name, date: '2026-12-10', startTime: '10:00', venue: 'Darent Room, Sessions House, County Hall, Maidstone' });
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  for (const member of body().members) core.send({ type: 'attendance.mark', meetingId, memberId: member.id, state: 'present' });
  for (const other of terms.alsoPresent) core.send({ type: 'attendance.addOther', meetingId, ...other });
  for (const officer of body().officers) core.send({ type: 'attendance.officer', meetingId, officerId: officer.id, present: true });
  core.send({
    type: 'agenda.import',
    meetingId,
    replace: true,
    items: [
      { number: '1', title: 'Apologies and substitutes', kind: 'apologies' },
      { number: '2', title: 'Declarations of interest', kind: 'declarations' },
      { number: '3', title: 'Virtual School Kent annual report', kind: 'report' },
    ],
  });
  core.send({ type: 'meeting.start', meetingId });
  return { body, meeting };
};

describe('the Corporate Parenting Panel by its terms: names without titles, a Chair and a Vice-Chair', () => {
  it('keeps the members as the panel writes them, and its own words for the Chair and Vice-Chair', () => {
    const core = openTestCore();
    try {
      const panel = panelMeeting(core);
      const body = panel.body();
      expect(body.members.map(memberFullName)).toEqual(expect.arrayContaining(['Ann Allen', 'Karen Webb', 'Lucy Fairbairn-Hughes', 'Kayleigh Moss']));
      expect(body.members.every((m) => m.title === '')).toBe(true);
      expect(roleWordsOf(body)).toEqual({ chair: 'Chair', viceChair: 'Vice-Chair' });
      expect(describeQuorumRule(body.standingOrders.quorum)).toBe('3 members');
    } finally {
      core.dispose();
    }
  });

  it('drafts PRESENT by first name and surname with (Chair) and (Vice-Chair), the Cabinet Member ALSO PRESENT and the officers IN ATTENDANCE', () => {
    const core = openTestCore();
    try {
      const panel = panelMeeting(core);
      const doc = draftMinutes(panel.meeting(), panel.body(), { timeZone: 'Europe/London' });
      const front = doc.front.filter((b) => b.kind === 'attendance').map((b) => ({ label: b.label, text: b.text }));
      expect(front).toEqual([
        { label: 'PRESENT:', text: 'Ann Allen (Chair)' },
        { label: undefined, text: 'Karen Webb (Vice-Chair)' },
        // The rest by surname; the co-opted members, who do not vote, are present all the same.
        { label: undefined, text: 'Helen Brooks, Mark Dennison, Lucy Fairbairn-Hughes, Peter Lyle, Kayleigh Moss, Rachel Okafor, Joanne Pike and Margaret Tull' },
        { label: 'ALSO PRESENT:', text: 'Sue Chandler (Cabinet Member for Integrated Children’s Services)' },
        { label: 'IN ATTENDANCE:', text: 'Claire Osborne (Assistant Director, Corporate Parenting) and Daniel Pryce (Democratic Services Officer)' },
      ]);
      // No title crept in anywhere: no "Mr", "Mrs" or "Cllr", and no doubled spaces where a title would have been.
      for (const block of front) expect(block.text).not.toMatch(/\b(?:Mr|Mrs|Ms|Miss|Cllr)\b|^ | {2}/);
    } finally {
      core.dispose();
    }
  });
});
