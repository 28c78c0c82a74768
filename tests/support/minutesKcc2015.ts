// The full council of 22 October 2015 scripted through the core's API, as the clerk would have
// recorded it: attendance from the PRESENT paragraph, the apologies, minutes 35 to 43 with their
// motions and both recorded votes of minute 43 (entered on the clerk's grid). The minutes' text is
// kept in tests/fixtures/packs/kcc-2015-10-22-minutes.txt.
import type { Command } from '../../shared/commands';
import { minutesStyleOf } from '../../shared/minutes/style';
import type { BodyState, Member } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { instantAt } from '../../shared/time';
import { KCC_2015_APOLOGIES, pack } from './kcc2015';
import { kccBody, kccMeeting, openTestCore, testClock, type TestCore } from './meeting';
import { councilForVoteLists, minute43, votesInMinutes } from './minute43';

export const kcc2015Minutes = (): string => pack('kcc-2015-10-22-minutes.txt');

export const at = (hhmm: string) => instantAt('2015-10-22', hhmm, 'Europe/London');

/** The items of 22 October 2015 as its minutes head them, in the order taken. */
export const OCTOBER_ITEMS = [
  { number: '1', kind: 'apologies', title: 'Apologies for Absence' },
  { number: '2', kind: 'declarations', title: 'Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the agenda' },
  { number: '3', kind: 'minutes', title: 'Minutes of the meeting held on 17 September 2015 and, if in order, to be approved as a correct record' },
  { number: '4', kind: 'urgent_business', title: 'Revised Proportionality Calculations and Committee Membership - Urgent Business' },
  { number: '5', kind: 'announcements', title: "Chairman's Announcements" },
  { number: '6', kind: 'questions', title: 'Questions' },
  { number: '7', kind: 'leaders_report', title: 'Report by Leader of the Council (Oral)' },
  { number: '8', kind: 'report', title: "Kent's response to the Syrian refugee crisis" },
  { number: '9', kind: 'time_limited_motion', title: 'Motion for Time Limited Debate' },
  { number: '10', kind: 'exempt', title: 'Property disposal at Sessions House (exempt: paragraph 3)' },
] as const;

export const MINUTE_38_MOTION = `The County Council is invited to:

(a) agree the revised proportionality calculations and decide (in accordance with the overall proportionality rules) whether Mr Elenor should be invited to fill two additional committee places at the expense of UKIP or whether these places shall remain vacant; and

(b) agree that the decision on which two seats the UKIP Group has to give up to either a vacancy or Mr Elenor be delegated to the Head of Democratic Services in consultation with the Leader of the UKIP Group and (if appropriate) Mr Elenor.`;

export const MINUTE_42_MOTION = `The County Council is asked to comment on the report and endorse:

(a) The proposal to support those districts that wish to take part in the Syrian Vulnerable Persons Relocation Scheme with the caveats outlined in section 7 of the report and
(b) The continuing efforts to persuade Government to develop a sustainable national dispersal scheme for unaccompanied asylum seeking children.`;

export const EXEMPT_NOTE = 'The Committee agreed the sale of the east wing to Secret Buyer Ltd for £1,250,000.';

export interface Kcc2015Meeting {
  core: TestCore;
  bodyId: string;
  meetingId: string;
  body(): BodyState;
  meeting(): MeetingState;
  member(name: readonly [string, string]): Member;
  itemId(title: string): string;
  motions: { m38: string; m42: string; m43: string; closure: string };
  divisions: { closure: string; motion: string };
}

/**
 * Records the meeting. The 2015 body wrote "None" when no interest was declared and headed its
 * minutes without the agenda item's number: the body's own style says so, as a clerk would set it.
 */
export const recordKcc2015Meeting = (options: { close?: boolean } = {}): Kcc2015Meeting => {
  const clock = testClock(at('09:56'));
  const core = openTestCore({ now: clock.now });
  const send = (c: Command) => core.send(c);
  const { bodyId } = send(kccBody);
  send({ type: 'member.import', bodyId, source: 'present_paragraph', members: councilForVoteLists() });
  send({ type: 'body.setNextMinuteNumber', bodyId, next: 35 });
  const officers = [
    ['David Cockburn', 'Corporate Director Strategic & Corporate Services'],
    ['Geoff Wild', 'Director of Governance and Law'],
    ['Peter Sass', 'Head of Democratic Services'],
  ] as const;
  const officerIds = officers.map(([name, jobTitle]) => send({ type: 'officer.add', bodyId, officer: { name, jobTitle } }).officerId);
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  send({ type: 'body.setMinutesStyle', bodyId, style: { ...minutesStyleOf(body()), noDeclarations: 'None', minuteHeading: '{number}. {title}' } });
  const { meetingId } = send({ type: 'meeting.create', bodyId, ...kccMeeting });
  const meeting = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  send({ type: 'agenda.import', meetingId, replace: true, items: OCTOBER_ITEMS.map((i) => ({ ...i })) });
  const itemId = (title: string) => meeting().agenda.find((i) => i.title === title)!.itemId;
  const member = ([title, surname]: readonly [string, string]): Member => {
    const found = body().members.filter((m) => m.title === title && m.surname === surname);
    if (found.length !== 1) throw new Error(`${title} ${surname} is ${found.length} members`);
    return found[0];
  };
  const away = new Set<string>(KCC_2015_APOLOGIES.map(([, s]) => s));
  for (const m of body().members) send({ type: 'attendance.mark', meetingId, memberId: m.id, state: away.has(m.surname) ? 'apologies' : 'present', time: at('09:55') });
  for (const officerId of officerIds) send({ type: 'attendance.officer', meetingId, officerId, present: true });
  clock.advance(4 * 60_000);
  send({ type: 'meeting.start', meetingId, time: at('10:00') });
  const chairman = member(['Mr', 'Harrison']).roles.includes('Chairman') ? member(['Mr', 'Harrison']) : body().members.find((m) => m.roles.includes('Chairman'))!;
  const vice = body().members.find((m) => m.roles.includes('Vice-Chairman'))!;
  let minute = 0;
  const take = (title: string, during: (id: string) => void) => {
    const id = itemId(title);
    const start = `10:${String(minute * 5).padStart(2, '0')}`;
    minute += 1;
    clock.advance(Math.max(0, Date.parse(at(start)) - clock.now().getTime()));
    send({ type: 'item.start', meetingId, itemId: id, time: at(start) });
    during(id);
    const end = at(`10:${String(minute * 5 - 1).padStart(2, '0')}`);
    clock.advance(Math.max(0, Date.parse(end) - clock.now().getTime()));
    send({ type: 'item.end', meetingId, itemId: id, time: end });
  };
  const motions = { m38: '', m42: '', m43: '', closure: '' };
  const divisions = { closure: '', motion: '' };
  take(OCTOBER_ITEMS[0].title, () => {});
  take(OCTOBER_ITEMS[1].title, () => {});
  take(OCTOBER_ITEMS[2].title, (id) => {
    send({ type: 'minutes.approvePrevious', meetingId, itemId: id, heldOn: '2015-09-17', corrections: 'the word "Residents" being replaced by "Refugee" in the last sentence in minute 30, paragraph (17)' });
  });
  take(OCTOBER_ITEMS[3].title, (id) => {
    send({ type: 'item.note', meetingId, itemId: id, text: "The Chairman stated that he had agreed to take this item as urgent business due to the need to review proportionality and Committee membership at the first County Council meeting following Mr Elenor's change in political status." });
    motions.m38 = send({ type: 'motion.move', meetingId, itemId: id, kind: 'substantive', wording: MINUTE_38_MOTION, moverId: chairman.id, seconderId: vice.id }).motionId;
    send({ type: 'motion.resolve', meetingId, motionId: motions.m38, outcome: 'carried', how: 'without_vote' });
  });
  take(OCTOBER_ITEMS[4].title, (id) => {
    send({ type: 'item.note', meetingId, itemId: id, text: '# (a) Mr William Whelan\n\nThe Chairman stated that it was with regret that he had to inform Members of the death of Mr William Whelan, on 15 August 2015.\n\nMembers stood in silence in memory of Mr Whelan' });
  });
  take(OCTOBER_ITEMS[5].title, (id) => {
    send({ type: 'item.note', meetingId, itemId: id, text: 'In accordance with Procedure Rule 1.17(4), three questions were put and the answers given at the meeting. These are available online with the papers for this meeting.' });
  });
  take(OCTOBER_ITEMS[6].title, (id) => {
    send({ type: 'item.note', meetingId, itemId: id, text: 'The Leader stated his intention to update the Council on the potential crisis in the future delivery of social care.\n\nThe County Council noted the Leader\'s oral report.' });
  });
  take(OCTOBER_ITEMS[7].title, (id) => {
    motions.m42 = send({ type: 'motion.move', meetingId, itemId: id, kind: 'substantive', wording: MINUTE_42_MOTION, moverId: member(['Mr', 'Oakford']).id, seconderId: member(['Mrs', 'Whittle']).id }).motionId;
    send({ type: 'motion.resolve', meetingId, motionId: motions.m42, outcome: 'carried', how: 'without_vote' });
  });
  take(OCTOBER_ITEMS[8].title, (id) => {
    const requested = ['Cowan', 'Dean', 'Vye', 'Bird', 'Clark'].map((s) => body().members.find((m) => m.surname === s)!.id);
    motions.m43 = send({ type: 'motion.move', meetingId, itemId: id, kind: 'substantive', wording: minute43.motion.wording, moverId: member(minute43.motion.mover).id, seconderId: member(minute43.motion.seconder).id }).motionId;
    motions.closure = send({ type: 'motion.move', meetingId, itemId: id, kind: 'procedural', procedure: 'closure', wording: 'that the question be put', moverId: member(minute43.procedural.mover).id, seconderId: member(minute43.procedural.seconder).id }).motionId;
    const vote = (motionId: string, minuted: string): string => {
      const divisionId = send({ type: 'division.call', meetingId, motionId, skipBell: true, recordedVoteRequestedBy: requested }).divisionId;
      for (const [memberId, choice] of Object.entries(votesInMinutes(minuted, body().members))) send({ type: 'vote.cast', meetingId, divisionId, memberId, choice });
      clock.advance(60_000);
      send({ type: 'division.close', meetingId, divisionId });
      return divisionId;
    };
    divisions.closure = vote(motions.closure, minute43.procedural.recordedVote);
    divisions.motion = vote(motions.m43, minute43.vote.recordedVote);
  });
  take(OCTOBER_ITEMS[9].title, (id) => {
    send({ type: 'session.private', meetingId, reason: 'Exempt information: paragraph 3', time: at(`10:${String((minute - 1) * 5).padStart(2, '0')}`) } as Command);
    send({ type: 'item.note', meetingId, itemId: id, text: EXEMPT_NOTE });
  });
  if (options.close) {
    clock.advance(Math.max(0, Date.parse(at('10:59')) - clock.now().getTime()));
    send({ type: 'meeting.close', meetingId, time: at('10:59') });
  }
  return { core, bodyId, meetingId, body, meeting, member, itemId, motions, divisions };
};
