// Members' own devices on the chamber network, over real HTTP on a real SQLite file with a test
// clock: pairing by code, votes entered by the member with the server's receipt, and every attack
// from the issue refused in words, audited, and counting nothing.
import fc from 'fast-check';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import type { BodyState } from '../../shared/state/body';
import type { ChamberDisplay } from '../../shared/state/display';
import type { MeetingState } from '../../shared/state/meeting';
import { instantAt } from '../../shared/time';
import { deviceRequest, issueCode, memberSpeak, memberVote, pairMember, readRefusals, startChamberNetwork, type ChamberNetwork } from '../support/memberDevices';
import { testClock } from '../support/meeting';

const DATE = '2026-07-01';
const at = (hhmm: string) => instantAt(DATE, hhmm, 'Europe/London');
const MEMBERS = ['Cole', 'Meade', 'Dean', 'Hook', 'Angell'];

describe("members' own devices on the chamber network", () => {
  let chamber: ChamberNetwork;
  let clock = testClock(at('10:00'));
  let meetingId: string;
  let bodyId: string;
  let motionId: string;
  let limiterMs = 0;
  /** Each test's devices send from their own loopback addresses. */
  let nextAddress = 10;
  const address = () => `127.0.0.${nextAddress++}`;

  const send = (command: Command) => chamber.core.send(command);
  const meeting = () => (chamber.core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const body = () => (chamber.core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const member = (surname: string) => body().members.find((m) => m.surname === surname)!.id;
  const votes = () => JSON.stringify(meeting().votes);
  const events = () => chamber.core.eventCount();
  const call = (skipBell = true) => send({ type: 'division.call', meetingId, motionId, skipBell }).divisionId;
  /** A member's device, paired by the code the clerk gives. */
  const paired = async (surname: string, from = address()) => {
    const code = (await issueCode(chamber, meetingId, member(surname))).body.data.code as string;
    const reply = await pairMember(chamber.networkUrl, code, { from });
    expect(reply.status).toBe(200);
    return { credential: reply.credential!, from, memberId: member(surname) };
  };
  /** Assert nothing about the record moved while `act` ran. */
  const countsNothing = async <T,>(act: () => Promise<T>): Promise<T> => {
    const [beforeEvents, beforeVotes] = [events(), votes()];
    const result = await act();
    expect(events()).toBe(beforeEvents);
    expect(votes()).toBe(beforeVotes);
    return result;
  };

  beforeEach(async () => {
    clock = testClock(at('10:00'));
    limiterMs = 0;
    nextAddress = 10;
    chamber = await startChamberNetwork({ now: clock.now, limiterNow: () => clock.now().getTime() + limiterMs });
    bodyId = send({ type: 'body.create', name: 'Planning Committee', kind: 'committee' }).bodyId;
    send({ type: 'member.import', bodyId, source: 'csv', members: MEMBERS.map((surname, i) => ({ title: 'Mr', initials: [], surname, honours: [], group: '', roles: i === 0 ? ['Chairman' as const] : [], voting: true })) });
    meetingId = send({ type: 'meeting.create', bodyId, title: 'Planning Committee', date: DATE, startTime: '10:00', venue: 'Committee Room 2' }).meetingId;
    send({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: 'Land at Manor Farm', kind: 'report' }] });
    for (const surname of MEMBERS.slice(0, 4)) send({ type: 'attendance.mark', meetingId, memberId: member(surname), state: 'present' });
    send({ type: 'attendance.mark', meetingId, memberId: member('Angell'), state: 'apologies' });
    send({ type: 'meeting.start', meetingId });
    send({ type: 'item.start', meetingId, itemId: meeting().agenda[0].itemId });
    motionId = send({ type: 'motion.move', meetingId, itemId: meeting().agenda[0].itemId, kind: 'substantive', wording: 'That planning permission be granted.', moverId: member('Meade'), seconderId: member('Dean') }).motionId;
    send({ type: 'memberVoting.set', meetingId, enabled: true });
  });
  afterEach(() => chamber.stop());

  it('pairs three members by code over HTTP; each votes, recorded as entered by the member, with the receipt of what was recorded', async () => {
    const devices = [await paired('Cole'), await paired('Meade'), await paired('Dean')];
    expect(Object.values(meeting().devices).map((d) => d.memberId)).toEqual(devices.map((d) => d.memberId));
    // The record keeps the credential's SHA-256, never the credential or the code.
    const log = JSON.stringify(chamber.core.log.read(`meeting:${meetingId}`));
    for (const d of devices) expect(log).not.toContain(d.credential.split('.')[1]);
    const divisionId = call();
    clock.advance(3_000);
    const choices = ['for', 'against', 'abstain'] as const;
    const receipts = [];
    for (const [i, d] of devices.entries()) {
      const reply = await memberVote(chamber.networkUrl, meetingId, d.credential, { divisionId, choice: choices[i] }, { from: d.from });
      expect(reply.status).toBe(200);
      receipts.push(reply.body.data.receipt);
      clock.advance(1_000);
    }
    expect(receipts).toEqual([
      { divisionId, choice: 'for', choiceWords: 'For', recordedAt: new Date(Date.parse(at('10:00')) + 3_000).toISOString(), recordedAtLocal: '10:00:03', enteredBy: 'member' },
      { divisionId, choice: 'against', choiceWords: 'Against', recordedAt: new Date(Date.parse(at('10:00')) + 4_000).toISOString(), recordedAtLocal: '10:00:04', enteredBy: 'member' },
      { divisionId, choice: 'abstain', choiceWords: 'Abstain', recordedAt: new Date(Date.parse(at('10:00')) + 5_000).toISOString(), recordedAtLocal: '10:00:05', enteredBy: 'member' },
    ]);
    // The answers kept for replays are written unsynced, and every commit after them synced again.
    expect(chamber.core.db.pragma('synchronous', { simple: true })).toBe(2);
    const recorded = chamber.core.log.read(`meeting:${meetingId}`).filter((e) => e.type === 'vote.recorded');
    expect(recorded.map((e) => e.payload)).toEqual(devices.map((d, i) => expect.objectContaining({ memberId: d.memberId, choice: choices[i], enteredBy: 'member' })));
    // The member's page reads the same receipt back, and changes nothing.
    const before = events();
    const status = await deviceRequest(`${chamber.networkUrl}/api/member/meetings/${meetingId}`, { credential: devices[0].credential, from: devices[0].from });
    expect(status.body).toMatchObject({ ok: true, data: { memberId: devices[0].memberId, memberName: 'Mr Cole', memberVoting: true, receipt: receipts[0] } });
    expect(events()).toBe(before);
    // And a member may ask to speak: onto the speakers' list, for their own member.
    const spoke = await memberSpeak(chamber.networkUrl, meetingId, devices[1].credential, { from: devices[1].from });
    expect(spoke).toMatchObject({ status: 200, body: { ok: true, data: { onSpeakersList: true } } });
    expect(Object.keys(meeting().speakerQueue)).toEqual([devices[1].memberId]);
    expect(chamber.core.verify().ok).toBe(true);
  });

  it("lets members vote from their devices in a private session, where the display shows nothing, without the question's words", async () => {
    const device = await paired('Cole');
    send({ type: 'session.private', meetingId, reason: 'Exempt information under paragraph 3' });
    const status = () => deviceRequest(`${chamber.networkUrl}/api/member/meetings/${meetingId}`, { credential: device.credential, from: device.from });
    expect((await status()).body.data.privateDivision).toBeNull();
    const divisionId = call();
    const display = (chamber.core.read(`display:${meetingId}`) as { ok: true; data: ChamberDisplay }).data;
    expect(display.division).toBeUndefined();
    const shown = (await status()).body.data.privateDivision;
    expect(shown).toMatchObject({ divisionId, question: 'The question put in private session.' });
    expect(JSON.stringify(shown)).not.toContain('planning permission');
    const reply = await memberVote(chamber.networkUrl, meetingId, device.credential, { divisionId, choice: 'against' }, { from: device.from });
    expect(reply).toMatchObject({ status: 200, body: { ok: true, data: { receipt: { choice: 'against', enteredBy: 'member' } } } });
    send({ type: 'session.public', meetingId });
    expect((await status()).body.data.privateDivision).toBeUndefined();
  });

  it('refuses a forged credential, counting nothing', async () => {
    const divisionId = call();
    const real = await paired('Cole');
    const forged = [`${randomUUID()}.${randomBytes(32).toString('base64url')}`, `${real.credential.split('.')[0]}.${randomBytes(32).toString('base64url')}`, 'not-a-credential'];
    const replies = await countsNothing(() => Promise.all(forged.map((credential) => memberVote(chamber.networkUrl, meetingId, credential, { divisionId, choice: 'for' }, { from: address() }))));
    expect(replies.map((r) => [r.status, r.body.error.message])).toEqual([
      [401, 'This device is not paired for this meeting: ask the clerk for a code for this meeting.'],
      [401, "This device's pairing is not valid: ask the clerk for a new code."],
      [401, "This device's pairing is not one Chamber gave: pair it again with a code from the clerk."],
    ]);
  });

  it('refuses a credential the clerk has withdrawn, counting nothing; the clerk records why and gives a new code', async () => {
    const divisionId = call();
    const cole = await paired('Cole');
    const credentialId = cole.credential.split('.')[0];
    // While a device is paired, the member gets no second code.
    expect((await issueCode(chamber, meetingId, cole.memberId)).body.error.message).toBe('Mr Cole already has a device paired for this meeting: withdraw it, with a reason, before giving a new code.');
    send({ type: 'memberDevice.revoke', meetingId, credentialId, reason: 'Phone lost' });
    expect(chamber.core.log.read(`meeting:${meetingId}`).at(-1)).toMatchObject({ type: 'memberDevice.revoked', payload: { credentialId, memberId: cole.memberId, reason: 'Phone lost' } });
    const reply = await countsNothing(() => memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'for' }, { from: cole.from }));
    expect(reply).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorised', message: "The clerk has withdrawn this device's pairing: ask the clerk for a new code." } } });
    // Re-issued: a new code, a new pairing, and that one votes.
    const again = await paired('Cole');
    expect((await memberVote(chamber.networkUrl, meetingId, again.credential, { divisionId, choice: 'for' }, { from: again.from })).status).toBe(200);
  });

  it("refuses another meeting's credential, counting nothing", async () => {
    const divisionId = call();
    const other = send({ type: 'meeting.create', bodyId, title: 'Planning Committee', date: '2026-07-08', startTime: '10:00', venue: '' }).meetingId;
    send({ type: 'memberVoting.set', meetingId: other, enabled: true });
    const code = (await issueCode(chamber, other, member('Cole'))).body.data.code;
    const { credential } = await pairMember(chamber.networkUrl, code, { from: address() });
    const reply = await countsNothing(() => memberVote(chamber.networkUrl, meetingId, credential!, { divisionId, choice: 'for' }, { from: address() }));
    expect(reply).toMatchObject({ status: 401, body: { error: { message: 'This device is not paired for this meeting: ask the clerk for a code for this meeting.' } } });
  });

  it('answers a replayed request with its first answer, and counts it once', async () => {
    const divisionId = call();
    const cole = await paired('Cole');
    const requestId = randomUUID();
    const first = await memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'for', requestId }, { from: cole.from });
    expect(first.status).toBe(200);
    clock.advance(2_000);
    const [again, changed] = await countsNothing(async () => [
      await memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'for', requestId }, { from: cole.from }),
      // The same id with another choice is the same request: its first answer, not a change of vote.
      await memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'against', requestId }, { from: cole.from }),
    ]);
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(changed).toMatchObject({ status: 200, body: first.body });
    expect(chamber.core.log.read(`meeting:${meetingId}`).filter((e) => e.type === 'vote.recorded')).toHaveLength(1);
    expect(meeting().votes[divisionId][cole.memberId]).toMatchObject({ choice: 'for', changes: 0 });
  });

  it('stops a flood from one device with 429 and a clear reason; the meeting carries on and another device still votes', async () => {
    const divisionId = call();
    const flooder = await paired('Cole');
    const meade = await paired('Meade');
    const replies = await Promise.all(Array.from({ length: 40 }, () => memberVote(chamber.networkUrl, meetingId, flooder.credential, { divisionId, choice: 'for' }, { from: flooder.from })));
    const refusedReplies = replies.filter((r) => r.status === 429);
    expect(refusedReplies.length).toBeGreaterThanOrEqual(29);
    expect(refusedReplies[0].body.error.message).toMatch(/^Too many requests from this device: wait \d+ seconds? and try again\.$/);
    expect(refusedReplies[0].headers['retry-after']).toMatch(/^\d+$/);
    // Counted once however many got through (the same vote again changes nothing).
    expect(chamber.core.log.read(`meeting:${meetingId}`).filter((e) => e.type === 'vote.recorded')).toHaveLength(1);
    // Another device, and the clerk, carry on.
    const other = await memberVote(chamber.networkUrl, meetingId, meade.credential, { divisionId, choice: 'against' }, { from: meade.from });
    expect(other).toMatchObject({ status: 200, body: { data: { receipt: { choice: 'against', enteredBy: 'member' } } } });
    send({ type: 'vote.cast', meetingId, divisionId, memberId: member('Dean'), choice: 'for' });
    // The flood is in the audit, written once a second, not once a request.
    const audit = (await readRefusals(chamber, meetingId)).body.data;
    const floodRows = audit.latest.filter((r: { status: number }) => r.status === 429);
    expect(floodRows.length).toBeGreaterThanOrEqual(1);
    expect(floodRows.length).toBeLessThan(5);
  });

  it('refuses a few hundred malformed bodies with 4xx, never 500, counting nothing', async () => {
    const divisionId = call();
    const cole = await paired('Cole');
    const valid = { requestId: 'abcdefgh-1234', divisionId, choice: 'for' };
    const isValid = (b: unknown) =>
      typeof b === 'object' && b !== null && !Array.isArray(b) && Object.keys(b).sort().join() === 'choice,divisionId,requestId' &&
      ['for', 'against', 'abstain'].includes((b as { choice: unknown }).choice as string) && (b as { divisionId: unknown }).divisionId === divisionId &&
      typeof (b as { requestId: unknown }).requestId === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test((b as { requestId: string }).requestId);
    const mutated = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(...Object.keys(valid)).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
      fc.tuple(fc.constantFrom(...Object.keys(valid), 'memberId', 'source', 'time', '__proto__'), fc.jsonValue()).map(([key, value]) => ({ ...valid, [key]: value })),
      fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue()).map(([key, value]) => ({ ...valid, [key]: value })),
    );
    const bodies = fc.sample(mutated.filter((b) => !isValid(b)), 300).map((b) => ({ raw: JSON.stringify(b) }));
    const raw = ['{', '{"choice":', 'for', '', 'null', '[]', '"\u0000"', '{"requestId": "x".repeat(9)}', `{"a":${'['.repeat(2000)}`, JSON.stringify({ ...valid, pad: 'x'.repeat(5000) })].map((r) => ({ raw: r }));
    const routes = ['vote', 'speak'];
    const statuses = await countsNothing(async () => {
      const seen: number[] = [];
      for (const [i, b] of [...bodies, ...raw].entries()) {
        limiterMs += 1_000; // each a second apart: the rate limits are tested elsewhere
        const reply = await deviceRequest(`${chamber.networkUrl}/api/member/meetings/${meetingId}/${routes[i % 2]}`, { ...b, credential: cole.credential, from: cole.from });
        expect(reply.body).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
        seen.push(reply.status);
      }
      // Wrong content types, and pairing with nonsense.
      seen.push((await deviceRequest(`${chamber.networkUrl}/api/member/meetings/${meetingId}/vote`, { raw: JSON.stringify(valid), credential: cole.credential, from: cole.from, headers: { 'content-type': 'text/plain' } })).status);
      for (const b of fc.sample(fc.jsonValue(), 20)) {
        limiterMs += 60_000;
        seen.push((await deviceRequest(`${chamber.networkUrl}/api/member/pair`, { body: b, from: cole.from })).status);
      }
      return seen;
    });
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    expect(statuses).not.toContain(429);
    expect(meeting().speakerQueue).toEqual({});
  });

  it('refuses a vote from a member who may not vote (sent apologies, or withdrawn for an interest), counting nothing', async () => {
    const angell = await paired('Angell');
    const hook = await paired('Hook');
    send({ type: 'declaration.record', meetingId, memberId: hook.memberId, itemId: meeting().agenda[0].itemId, kind: 'disclosable_pecuniary', description: 'Owns the land', withdraws: true });
    const divisionId = call();
    const [a, h] = await countsNothing(async () => [
      await memberVote(chamber.networkUrl, meetingId, angell.credential, { divisionId, choice: 'for' }, { from: angell.from }),
      await memberVote(chamber.networkUrl, meetingId, hook.credential, { divisionId, choice: 'for' }, { from: hook.from }),
    ]);
    expect(a).toMatchObject({ status: 409, body: { error: { code: 'refused', message: 'Mr Angell is not recorded as present. The vote was not counted.' } } });
    expect(h.body.error.message).toBe('Mr Hook has withdrawn from this item after declaring an interest. The vote was not counted.');
  });

  it('refuses a vote one millisecond after the window closes, and after the meeting, counting nothing', async () => {
    const cole = await paired('Cole');
    const divisionId = call();
    const division = meeting().divisions.at(-1)!;
    clock.advance(division.windowSeconds * 1000 + 1);
    const late = await countsNothing(() => memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'for' }, { from: cole.from }));
    expect(late).toMatchObject({ status: 409, body: { error: { message: 'The voting closed at 10:00:20; the vote was not counted.' } } });
    send({ type: 'division.close', meetingId, divisionId });
    send({ type: 'item.end', meetingId, itemId: meeting().agenda[0].itemId });
    send({ type: 'meeting.close', meetingId });
    const after = await countsNothing(() => memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'for' }, { from: cole.from }));
    expect(after).toMatchObject({ status: 409, body: { error: { message: 'The meeting has closed: nothing more is recorded from this device.' } } });
  });

  it('refuses a vote while the bell is still ringing, counting nothing', async () => {
    const cole = await paired('Cole');
    const divisionId = call(false);
    clock.advance(59_999);
    const reply = await countsNothing(() => memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'for' }, { from: cole.from }));
    expect(reply).toMatchObject({ status: 409, body: { error: { message: 'The bell is still ringing: voting opens at 10:01:00. The vote was not counted.', details: { field: 'time' } } } });
  });

  it("refuses a vote naming another member: a device votes only for its own", async () => {
    const divisionId = call();
    const cole = await paired('Cole');
    const reply = await countsNothing(() =>
      deviceRequest(`${chamber.networkUrl}/api/member/meetings/${meetingId}/vote`, { body: { requestId: randomUUID(), divisionId, choice: 'for', memberId: member('Meade') }, credential: cole.credential, from: cole.from }),
    );
    expect(reply).toMatchObject({ status: 400, body: { error: { code: 'invalid_command', message: 'A device acts only for the member it was paired for: the request must not name a member.', details: { field: 'memberId' } } } });
  });

  it('refuses a used code and an expired code', async () => {
    const from = address();
    const used = (await issueCode(chamber, meetingId, member('Cole'))).body.data.code;
    expect((await pairMember(chamber.networkUrl, used, { from })).status).toBe(200);
    const again = await countsNothing(() => pairMember(chamber.networkUrl, used, { from }));
    expect(again).toMatchObject({ status: 409, body: { error: { message: 'That code has already been used: ask the clerk for a new one.', details: { field: 'code' } } } });
    const issued = (await issueCode(chamber, meetingId, member('Meade'))).body.data;
    expect(issued).toMatchObject({ codeShown: `${issued.code.slice(0, 4)}-${issued.code.slice(4)}`, expiresAtLocal: '10:10', url: `${chamber.networkUrl}/#/member?code=${issued.code}` });
    clock.advance(10 * 60_000);
    const expired = await countsNothing(() => pairMember(chamber.networkUrl, issued.code, { from }));
    expect(expired).toMatchObject({ status: 409, body: { error: { message: 'That code expired at 10:10: ask the clerk for a new one.' } } });
  });

  it('limits guessing: five wrong codes a minute from one address, then 429 even for the right code until the minute has passed', async () => {
    const from = address();
    const right = (await issueCode(chamber, meetingId, member('Cole'))).body.data.code as string;
    const wrong = right.startsWith('A') ? `B${right.slice(1)}` : `A${right.slice(1)}`;
    for (let i = 0; i < 5; i++) {
      const reply = await pairMember(chamber.networkUrl, wrong, { from });
      expect(reply).toMatchObject({ status: 404, body: { error: { message: 'That code is not one the clerk has given: check it and try again.' } } });
    }
    const blocked = await countsNothing(() => pairMember(chamber.networkUrl, right, { from }));
    expect(blocked).toMatchObject({ status: 429, body: { error: { message: 'Too many wrong codes from this device: wait 60 seconds, then try again.' } } });
    expect(blocked.headers['retry-after']).toBe('60');
    // Another device is not held up by this one.
    const meadeCode = (await issueCode(chamber, meetingId, member('Meade'))).body.data.code as string;
    expect((await pairMember(chamber.networkUrl, meadeCode.toLowerCase().replace(/^(....)/, '$1-'), { from: address() })).status).toBe(200);
    clock.advance(60_000);
    expect((await pairMember(chamber.networkUrl, right, { from })).status).toBe(200);
  });

  it('changes nothing on a GET to any member route', async () => {
    const divisionId = call();
    const cole = await paired('Cole');
    await countsNothing(async () => {
      for (const path of ['/api/member/pair', `/api/member/meetings/${meetingId}`, `/api/member/meetings/${meetingId}/vote`, `/api/member/meetings/${meetingId}/speak`]) {
        for (const credential of [undefined, cole.credential]) {
          const reply = await deviceRequest(`${chamber.networkUrl}${path}?divisionId=${divisionId}&choice=for`, { credential, from: cole.from });
          expect(reply.status).not.toBe(500);
        }
      }
    });
    expect(meeting().speakerQueue).toEqual({});
    // Each was refused, and is in the audit.
    const audited = (await readRefusals(chamber, meetingId)).body.data.latest.map((r: { attempted: string }) => r.attempted);
    expect(audited).toContain(`GET /api/member/meetings/${meetingId}/vote`);
    expect(audited).toContain('GET /api/member/pair');
  });

  it('lets a device send only a vote or a request to speak, for its own member and meeting, at the server\'s time', () => {
    const divisionId = call();
    const cole = member('Cole');
    const refusal = chamber.core.dispatchAsMember(cole, meetingId, { type: 'meeting.close', meetingId });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'invalid_command', message: "A member's device may only vote or ask to speak.", details: { field: 'type' } } });
    clock.advance(2_000);
    // Whatever the request names, the device's member and meeting, now, entered by the member.
    const other = send({ type: 'meeting.create', bodyId, title: 'Other', date: DATE, startTime: '18:00', venue: '' }).meetingId;
    const outcome = chamber.core.dispatchAsMember(cole, meetingId, { type: 'vote.cast', meetingId: other, divisionId, memberId: member('Meade'), choice: 'for', source: 'clerk', time: '09:00' });
    expect(outcome).toMatchObject({ ok: true, result: { recorded: ['vote.recorded'] } });
    expect(chamber.core.log.read(`meeting:${meetingId}`).at(-1)!.payload).toEqual({ meetingId, divisionId, memberId: cole, choice: 'for', enteredBy: 'member', time: clock.now().toISOString() });
    expect(meeting().votes[divisionId][member('Meade')]).toBeUndefined();
  });

  it("refuses everything while members' voting is off, and the clerk turns it off again", async () => {
    const divisionId = call();
    const cole = await paired('Cole');
    send({ type: 'memberVoting.set', meetingId, enabled: false });
    const reply = await countsNothing(() => memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'for' }, { from: cole.from }));
    expect(reply).toMatchObject({ status: 409, body: { error: { message: "Members' voting from their own devices is turned off for this meeting." } } });
    expect((await issueCode(chamber, meetingId, member('Meade'))).body.error.message).toBe("Turn on members' voting for this meeting before pairing devices.");
  });

  it('writes every refused request to the audit the clerk reads, with the time, meeting, member, credential, address, what and why', async () => {
    const divisionId = call(false);
    const cole = await paired('Cole');
    const credentialId = cole.credential.split('.')[0];
    await memberVote(chamber.networkUrl, meetingId, cole.credential, { divisionId, choice: 'for' }, { from: cole.from });
    await memberVote(chamber.networkUrl, meetingId, `${randomUUID()}.${randomBytes(32).toString('base64url')}`, { divisionId, choice: 'for' }, { from: '127.0.0.99' });
    await pairMember(chamber.networkUrl, 'ZZZZ-ZZZZ', { from: '127.0.0.98' });
    await deviceRequest(`${chamber.networkUrl}/api/member/meetings/${meetingId}/vote`, { raw: '{', credential: cole.credential, from: cole.from });
    // Only the clerk reads it.
    expect((await deviceRequest(`${chamber.clerkUrl}/api/member-devices/${meetingId}/refusals`)).status).toBe(401);
    expect((await deviceRequest(`${chamber.networkUrl}/api/member-devices/${meetingId}/refusals`)).status).toBe(401);
    const { count, latest } = (await readRefusals(chamber, meetingId)).body.data;
    expect(count).toBe(4);
    expect(latest).toEqual([
      expect.objectContaining({ client: '127.0.0.10', attempted: `POST /api/member/meetings/${meetingId}/vote`, reason: 'The request body is not valid JSON.', status: 400 }),
      expect.objectContaining({ meetingId: null, client: '127.0.0.98', attempted: 'pair with a code', reason: 'That code is not one the clerk has given: check it and try again.', status: 404 }),
      expect.objectContaining({ meetingId, memberId: null, client: '127.0.0.99', attempted: 'vote', reason: 'This device is not paired for this meeting: ask the clerk for a code for this meeting.', status: 401 }),
      {
        id: expect.any(Number),
        at: clock.now().toISOString(),
        meetingId,
        memberId: cole.memberId,
        credentialId,
        client: cole.from,
        attempted: 'vote',
        reason: 'The bell is still ringing: voting opens at 10:01:00. The vote was not counted.',
        status: 409,
      },
    ]);
  });
});
