// Minute 43 of the full council of 22 October 2015, replayed through the members' voting endpoint:
// every member listed in the two recorded votes pairs their own device with a code the clerk gives,
// and votes from it (each from its own address, with its own credential) over real HTTP; the
// divisions close, and the recorded votes Chamber prints are compared with the minutes, character
// for character after normalising whitespace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { divisionRecordedVote } from '../../shared/procedure/divisionRecord';
import type { BodyState, Member } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { instantAt } from '../../shared/time';
import { kcc2015AgendaItems, KCC_2015_APOLOGIES } from '../support/kcc2015';
import { kccBody, kccMeeting, testClock } from '../support/meeting';
import { issueCode, memberVote, pairMember, startChamberNetwork, type ChamberNetwork } from '../support/memberDevices';
import { councilForVoteLists, minute43, normaliseVoteText, votesInMinutes } from '../support/minute43';

const at = (hhmm: string) => instantAt('2015-10-22', hhmm, 'Europe/London');

describe('minute 43 of 22 October 2015, voted from the members’ own devices', () => {
  const clock = testClock(at('14:00'));
  let chamber: ChamberNetwork;
  let meetingId: string;
  let bodyId: string;
  const devices = new Map<string, { credential: string; from: string }>();
  const send = (command: Parameters<ChamberNetwork['core']['send']>[0]) => chamber.core.send(command);
  const body = () => (chamber.core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = () => (chamber.core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const member = ([title, surname]: readonly [string, string]): Member => body().members.find((m) => m.title === title && m.surname === surname)!;

  beforeAll(async () => {
    chamber = await startChamberNetwork({ now: clock.now });
    bodyId = send(kccBody).bodyId;
    send({ type: 'member.import', bodyId, source: 'present_paragraph', members: councilForVoteLists() });
    meetingId = send({ type: 'meeting.create', bodyId, ...kccMeeting }).meetingId;
    send({ type: 'agenda.import', meetingId, items: kcc2015AgendaItems(), replace: true });
    const away = new Set<string>(KCC_2015_APOLOGIES.map(([, s]) => s));
    for (const m of body().members) send({ type: 'attendance.mark', meetingId, memberId: m.id, state: away.has(m.surname) ? 'apologies' : 'present', time: at('10:00') });
    send({ type: 'meeting.start', meetingId, time: at('10:00') });
    send({ type: 'item.start', meetingId, itemId: meeting().agenda.find((i) => i.title === minute43.item)!.itemId, time: at('14:00') });
    send({ type: 'memberVoting.set', meetingId, enabled: true });
    // Every member who voted pairs their own device, from an address of its own.
    const voters = new Set([...Object.keys(votesInMinutes(minute43.procedural.recordedVote, body().members)), ...Object.keys(votesInMinutes(minute43.vote.recordedVote, body().members))]);
    let n = 10;
    for (const memberId of voters) {
      const issued = await issueCode(chamber, meetingId, memberId);
      expect(issued.status).toBe(200);
      const from = `127.0.0.${n++}`;
      const paired = await pairMember(chamber.networkUrl, issued.body.data.code, { from });
      expect(paired.status, JSON.stringify(paired.body)).toBe(200);
      devices.set(memberId, { credential: paired.credential!, from });
    }
  });
  afterAll(() => chamber.stop());

  /** Each member listed votes from their own device as the minutes record; the division closes at its time. */
  const voteAsMinuted = async (motionId: string, minuted: string): Promise<string> => {
    const divisionId = send({ type: 'division.call', meetingId, motionId, skipBell: true }).divisionId;
    const ways = votesInMinutes(minuted, body().members);
    const replies = await Promise.all(Object.entries(ways).map(([memberId, choice]) => memberVote(chamber.networkUrl, meetingId, devices.get(memberId)!.credential, { divisionId, choice }, { from: devices.get(memberId)!.from })));
    for (const reply of replies) expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const recorded = meeting().votes[divisionId];
    expect(Object.keys(recorded)).toHaveLength(Object.keys(ways).length);
    for (const [memberId, choice] of Object.entries(ways)) expect(recorded[memberId]).toMatchObject({ choice, enteredBy: 'member' });
    clock.advance(20_000);
    send({ type: 'division.close', meetingId, divisionId });
    return divisionId;
  };

  it('prints the closure "that the question be put" (64, 4, 4) and the motion (62, 3, 1) exactly as the minutes', async () => {
    const itemId = meeting().currentItemId!;
    const { motionId } = send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: minute43.motion.wording, moverId: member(minute43.motion.mover).id, seconderId: member(minute43.motion.seconder).id });
    const closure = send({ type: 'motion.move', meetingId, itemId, kind: 'procedural', procedure: 'closure', wording: 'That the question be now put.', moverId: member(minute43.procedural.mover).id, seconderId: member(minute43.procedural.seconder).id }).motionId;

    const first = await voteAsMinuted(closure, minute43.procedural.recordedVote);
    expect(meeting().divisions.find((d) => d.id === first)).toMatchObject({ tally: { for: 64, against: 4, abstain: 4 }, result: 'carried' });
    expect(normaliseVoteText(divisionRecordedVote(meeting(), body(), first)!)).toBe(normaliseVoteText(minute43.procedural.recordedVote));

    clock.advance(60_000);
    const second = await voteAsMinuted(motionId, minute43.vote.recordedVote);
    expect(meeting().divisions.find((d) => d.id === second)).toMatchObject({ tally: { for: 62, against: 3, abstain: 1 }, result: 'carried' });
    expect(normaliseVoteText(divisionRecordedVote(meeting(), body(), second)!)).toBe(normaliseVoteText(minute43.vote.recordedVote));
    expect(meeting().motions.map((m) => m.status)).toEqual(['carried', 'carried']);
    expect(chamber.core.verify().ok).toBe(true);
  });
});
