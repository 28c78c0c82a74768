// Members' own devices on the chamber network: pairing by a one-time code, the device's
// credential, its votes and requests to speak, rate limits, replayed requests, and the audit of
// every refused request. Plain Node; the HTTP routes are in host/webHost.ts.
//
// - The clerk turns members' voting on for a meeting (memberVoting.set) and gives a member a code:
//   8 characters from an alphabet without look-alikes, single use, valid for 10 minutes. Only its
//   SHA-256 is kept (member_pairing_codes), never in the record.
// - A device redeems the code (POST /api/member/pair) and gets a credential "<credentialId>.<secret>"
//   (256 random bits), bound to that member and that meeting; the record keeps only its SHA-256
//   (memberDevice.paired). It is sent as "Authorization: Member <credential>", never in an address.
// - A device votes only for its own member, in its own meeting, in the window, as entered by the
//   member (dispatcher.dispatchAsMember); the time is the server's now. Each request carries a
//   request id of the device's making: the same id again gets the first answer and counts once.
// - Wrong codes: 5 a minute from one client address, then every code from it is refused (429)
//   until the minute has passed. Every member route: a token bucket per client address and per
//   credential (5 a second, bursts of 10), then 429, and the meeting carries on.
// - Every refusal is written to member_refusals with the time, meeting, member and credential
//   where known, the client's address, what was attempted and why. Refusals for too many requests
//   are written at most once a second per client (or credential), with how many more there were.
import type { Database } from 'better-sqlite3';
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { InvokeResult } from '../../shared/api';
import { VoteChoice } from '../../shared/commands/division';
import { divisionForMemberDevice, shownAsPrivate } from '../../shared/state/display';
import { chamberError, notFound, refused, type ChamberError } from '../../shared/errors';
import { memberDisplayNames, type BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { activeDeviceOf, type MemberDevice } from '../../shared/state/meetingDevices';
import { voteOf, type Vote } from '../../shared/state/meetingDivision';
import type { SettingsState } from '../../shared/state/settings';
import { clockTime, clockTimeWithSeconds } from '../../shared/time';
import { Id } from '../../shared/values';
import { validationError } from '../../shared/validationMessages';
import type { IssuedCode, MemberStatus, Receipt, Refusal } from '../../shared/memberDevicesApi';
import type { Dispatcher } from './dispatcher';
import { decidePairing } from './handlers/memberDevices';
import { httpStatusOf } from './host/httpStatus';

/** Letters and digits that cannot be mistaken for one another (no I, O, 0, 1). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
export const CODE_LIFETIME_MS = 10 * 60_000;
export const WRONG_CODES_PER_MINUTE = 5;
export const BUCKET = { perSecond: 5, burst: 10 } as const;
/** Refusals shown to the clerk: the latest this many. */
export const REFUSALS_SHOWN = 200;

export interface MemberAnswer {
  status: number;
  body: { ok: true; data: unknown } | { ok: false; error: ChamberError };
  /** Seconds to wait, for a 429. */
  retryAfter?: number;
}

export type MemberCore = Pick<Dispatcher, 'read' | 'dispatchAsMember' | 'dispatchDecision'> & { db: Database };

export interface MemberDevicesOptions {
  core: MemberCore;
  now?: () => Date;
  /** The chamber network's address (e.g. "https://192.168.1.20:4781"), for the address in a code's QR. */
  networkUrl?: string;
  /** The rate limits' clock, in ms (tests); `now` by default. */
  limiterNow?: () => number;
}

export type MemberDevices = ReturnType<typeof createMemberDevices>;

const CHOICE_WORDS: Record<VoteChoice, string> = { for: 'For', against: 'Against', abstain: 'Abstain' };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A code as the clerk reads it out: "ABCD-EFGH". */
export const showCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/** What a member typed, as stored: capitals, without spaces or dashes. */
export const normaliseCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

const CREDENTIAL = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const RequestId = z
  .string({ error: (issue) => (issue.input === undefined ? 'must be given' : 'must be text') })
  .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: 'must be 8 to 100 letters, digits, dashes or underscores, made afresh by the device for each request' });

const PairBody = z.strictObject({ code: z.string({ error: (issue) => (issue.input === undefined ? 'must be given' : 'must be text') }).max(40, { error: 'must be at most 40 characters' }) });
const VoteBody = z.strictObject({ requestId: RequestId, divisionId: Id, choice: VoteChoice });
const SpeakBody = z.strictObject({ requestId: RequestId });

/** A request body that does not match: its fields in the clerk's words, or that it is not an object at all. */
const bodyError = (input: unknown, error: z.ZodError): ChamberError =>
  typeof input === 'object' && input !== null && !Array.isArray(input) ? validationError(error) : chamberError('invalid_command', 'The request must be a set of details (a JSON object).');

const fail = (status: number, error: ChamberError, retryAfter?: number): MemberAnswer => ({ status, body: { ok: false, error }, ...(retryAfter ? { retryAfter } : {}) });
const ok = (data: unknown): MemberAnswer => ({ status: 200, body: { ok: true, data } });


/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
class Buckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly now: () => number) {}
  /** Take one token; the seconds to wait if there is none. */
  take(key: string): number | undefined {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: BUCKET.burst, at: t };
    bucket.tokens = Math.min(BUCKET.burst, bucket.tokens + ((t - bucket.at) / 1000) * BUCKET.perSecond);
    bucket.at = t;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.prune(t);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / BUCKET.perSecond));
  }
  /** Forget buckets that have filled up again (they would start full anyway). */
  private prune(t: number) {
    for (const [key, b] of this.buckets) if (b.tokens + ((t - b.at) / 1000) * BUCKET.perSecond >= BUCKET.burst) this.buckets.delete(key);
  }
}

interface Caller {
  client: string;
  authorization?: string;
}

interface Authenticated {
  meeting: MeetingState;
  body: BodyState;
  device: MemberDevice;
}

export const createMemberDevices = (options: MemberDevicesOptions) => {
  const { core } = options;
  let networkUrl = options.networkUrl;
  const { db } = core;
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const buckets = new Buckets(options.limiterNow ?? nowMs);
  /** Wrong codes by client address: since when, and how many. */
  const wrongCodes = new Map<string, { since: number; count: number }>();
  /** Refusals for too many requests, written once a second per key: when last written, and how many since. */
  const floodLogged = new Map<string, { at: number; more: number }>();

  const insertCode = db.prepare('INSERT INTO member_pairing_codes (code_hash, meeting_id, member_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const dropUnusedCodes = db.prepare('DELETE FROM member_pairing_codes WHERE meeting_id = ? AND member_id = ? AND used_at IS NULL');
  const dropOldCodes = db.prepare('DELETE FROM member_pairing_codes WHERE expires_at < ?');
  /** Answers kept for replays: a day is far longer than any device retries. */
  const dropOldAnswers = db.prepare('DELETE FROM member_requests WHERE at < ?');
  const findCode = db.prepare('SELECT meeting_id AS meetingId, member_id AS memberId, expires_at AS expiresAt, used_at AS usedAt FROM member_pairing_codes WHERE code_hash = ?');
  const useCode = db.prepare('UPDATE member_pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL');
  const findAnswer = db.prepare('SELECT status, answer FROM member_requests WHERE credential_id = ? AND request_id = ?');
  const saveAnswer = db.prepare('INSERT INTO member_requests (credential_id, request_id, status, answer, at) VALUES (?, ?, ?, ?, ?)');
  /**
   * Keep a request's answer, for a replay of it, without a second wait for the disk: the vote it
   * answers is already durable (its own commit), and this row is written to the WAL unsynced and
   * made durable by the next synced commit. Should Chamber stop before then, a replay is decided
   * afresh, and a vote repeated with the same choice records nothing: it still counts once.
   */
  const keepAnswer = (credentialId: string, requestId: string, answer: MemberAnswer) => {
    db.pragma('synchronous = OFF');
    try {
      saveAnswer.run(credentialId, requestId, answer.status, JSON.stringify(answer.body), now().toISOString());
    } finally {
      db.pragma('synchronous = FULL');
    }
  };
  const insertRefusal = db.prepare(
    'INSERT INTO member_refusals (at, meeting_id, member_id, credential_id, client, attempted, reason, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const latestRefusals = db.prepare(
    `SELECT id, at, meeting_id AS meetingId, member_id AS memberId, credential_id AS credentialId, client, attempted, reason, status
     FROM member_refusals WHERE meeting_id = ? OR meeting_id IS NULL ORDER BY id DESC LIMIT ?`,
  );
  const countRefusals = db.prepare('SELECT (SELECT count(*) FROM member_refusals WHERE meeting_id = ?) + (SELECT count(*) FROM member_refusals WHERE meeting_id IS NULL) AS n').pluck();

  const timeZone = (): string => {
    const settings = core.read('settings');
    return settings.ok ? (settings.data as SettingsState).timeZone : 'Europe/London';
  };
  const meetingOf = (meetingId: string): MeetingState | undefined => {
    if (!ID.test(meetingId)) return undefined;
    const value = core.read(`meeting:${meetingId}`);
    return value.ok ? (value.data as MeetingState) : undefined;
  };
  const bodyOf = (meeting: MeetingState): BodyState | undefined => {
    if (!meeting.bodyId) return undefined;
    const value = core.read(`body:${meeting.bodyId}`);
    return value.ok ? (value.data as BodyState) : undefined;
  };

  /** Write a refusal to the audit, and return it. */
  const refuse = (
    answer: MemberAnswer,
    at: { client: string; attempted: string; meetingId?: string; memberId?: string; credentialId?: string },
  ): MemberAnswer => {
    if (answer.body.ok) return answer;
    let reason = answer.body.error.message;
    if (answer.status === 429) {
      // A flood is written once a second per sender, with how many more were refused since.
      const key = at.credentialId ?? at.client;
      const last = floodLogged.get(key);
      if (last && nowMs() - last.at < 1000) {
        last.more += 1;
        return answer;
      }
      if (last?.more) reason = `${reason} (${last.more} more refused for too many requests since the last entry.)`;
      floodLogged.set(key, { at: nowMs(), more: 0 });
      if (floodLogged.size > 10_000) for (const [k, v] of floodLogged) if (nowMs() - v.at > 60_000) floodLogged.delete(k);
    }
    insertRefusal.run(now().toISOString(), at.meetingId ?? null, at.memberId ?? null, at.credentialId ?? null, at.client, at.attempted, reason, answer.status);
    return answer;
  };

  const tooMany = (retryAfter: number, what: string): MemberAnswer =>
    fail(429, chamberError('refused', `Too many requests from this ${what}: wait ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'} and try again.`, { retryAfterSeconds: retryAfter }), retryAfter);

  const receiptOf = (vote: Vote): Receipt => ({
    divisionId: vote.divisionId,
    choice: vote.choice,
    choiceWords: CHOICE_WORDS[vote.choice],
    recordedAt: vote.at,
    recordedAtLocal: clockTimeWithSeconds(new Date(vote.at), timeZone()),
    enteredBy: vote.enteredBy,
  });

  /**
   * Who is asking: the device's credential, checked against its meeting's pairings (its SHA-256,
   * in constant time), not withdrawn, within its rate.
   */
  const authenticate = (meetingId: string, caller: Caller, attempted: string): Authenticated | MemberAnswer => {
    const at = { client: caller.client, attempted, meetingId: ID.test(meetingId) ? meetingId : undefined };
    const header = caller.authorization;
    if (header === undefined || !/^Member /.test(header)) {
      return refuse(fail(401, chamberError('unauthorised', 'This device is not paired: type the code the clerk gives you to pair it.')), at);
    }
    const match = CREDENTIAL.exec(header.slice('Member '.length));
    if (!match) return refuse(fail(401, chamberError('unauthorised', "This device's pairing is not one Chamber gave: pair it again with a code from the clerk.")), at);
    const [, credentialId] = match;
    const withCredential = { ...at, credentialId };
    const meeting = meetingOf(meetingId);
    if (!meeting) return refuse(fail(404, notFound('Chamber has no record of that meeting.', 'meetingId')), withCredential);
    const device = meeting.devices[credentialId];
    if (!device) {
      return refuse(fail(401, chamberError('unauthorised', 'This device is not paired for this meeting: ask the clerk for a code for this meeting.')), withCredential);
    }
    const given = Buffer.from(sha256(match[0]), 'hex');
    const kept = Buffer.from(device.credentialHash, 'hex');
    const withMember = { ...withCredential, memberId: device.memberId };
    if (given.length !== kept.length || !timingSafeEqual(given, kept)) {
      return refuse(fail(401, chamberError('unauthorised', "This device's pairing is not valid: ask the clerk for a new code.")), withMember);
    }
    if (device.revokedAt !== undefined) {
      return refuse(fail(401, chamberError('unauthorised', "The clerk has withdrawn this device's pairing: ask the clerk for a new code.")), withMember);
    }
    const wait = buckets.take(`credential:${credentialId}`);
    if (wait !== undefined) return refuse(tooMany(wait, 'device'), withMember);
    const body = bodyOf(meeting);
    if (!body) return refuse(fail(404, notFound('Chamber has no record of the body this meeting is of.', 'meetingId')), withMember);
    return { meeting, body, device };
  };

  const isAnswer = (value: Authenticated | MemberAnswer): value is MemberAnswer => 'status' in value;

  /** The device's own request (a vote, a request to speak): once per request id, while the meeting runs and members' voting is on. */
  const act = (
    meetingId: string,
    input: unknown,
    caller: Caller,
    attempted: string,
    schema: typeof VoteBody | typeof SpeakBody,
    perform: (who: Authenticated, body: Record<string, unknown>) => MemberAnswer,
  ): MemberAnswer => {
    const who = authenticate(meetingId, caller, attempted);
    if (isAnswer(who)) return who;
    const at = { client: caller.client, attempted, meetingId, memberId: who.device.memberId, credentialId: who.device.credentialId };
    if (typeof input === 'object' && input !== null && !Array.isArray(input) && Object.hasOwn(input, 'memberId')) {
      return refuse(fail(400, chamberError('invalid_command', 'A device acts only for the member it was paired for: the request must not name a member.', { field: 'memberId' })), at);
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) return refuse(fail(400, bodyError(input, parsed.error)), at);
    const body = parsed.data as Record<string, unknown>;
    const requestId = body.requestId as string;
    const earlier = findAnswer.get(who.device.credentialId, requestId) as { status: number; answer: string } | undefined;
    if (earlier) return { status: earlier.status, body: JSON.parse(earlier.answer) };
    let answer: MemberAnswer;
    if (who.meeting.status === 'closed') answer = fail(409, refused('The meeting has closed: nothing more is recorded from this device.', 'meetingId'));
    else if (!who.meeting.memberVoting) answer = fail(409, refused("Members' voting from their own devices is turned off for this meeting.", 'meetingId'));
    else answer = perform(who, body);
    if (answer.status === 500) return answer;
    keepAnswer(who.device.credentialId, requestId, answer);
    return refuse(answer, at);
  };

  const fromOutcome = (outcome: InvokeResult, data: () => unknown): MemberAnswer => (outcome.ok ? ok(data()) : fail(httpStatusOf(outcome.error), outcome.error));

  return {
    /** The chamber network's address, once its server listens (for the address in a code's QR). */
    setNetworkUrl(url: string) {
      networkUrl = url.replace(/\/$/, '');
    },

    /**
     * Before anything else on a member route: this client address's rate. Undefined if it may go on.
     */
    limitClient(client: string, attempted: string): MemberAnswer | undefined {
      const wait = buckets.take(`client:${client}`);
      return wait === undefined ? undefined : refuse(tooMany(wait, 'device'), { client, attempted });
    },

    /** A request on a member route that could not be read at all (not JSON, too large): audited. */
    badRequest(client: string, attempted: string, answer: MemberAnswer): MemberAnswer {
      return refuse(answer, { client, attempted });
    },

    /** The clerk gives a member a code (and the address for the QR). Earlier unused codes for the member at this meeting stop working. */
    issueCode(input: unknown): MemberAnswer {
      const parsed = z.strictObject({ meetingId: Id, memberId: Id }).safeParse(input);
      if (!parsed.success) return fail(400, validationError(parsed.error));
      const { meetingId, memberId } = parsed.data;
      const meeting = meetingOf(meetingId);
      if (!meeting) return fail(404, notFound('Chamber has no record of that meeting.', 'meetingId'));
      if (meeting.status === 'closed') return fail(409, refused('The meeting has closed: devices are paired only for a meeting not yet closed.', 'meetingId'));
      if (!meeting.memberVoting) return fail(409, refused("Turn on members' voting for this meeting before pairing devices.", 'meetingId'));
      const body = bodyOf(meeting);
      const name = body ? memberDisplayNames(body.members)[memberId] : undefined;
      if (!body || !body.members.some((m) => m.id === memberId)) return fail(404, notFound('That member is not a member of this body.', 'memberId'));
      if (activeDeviceOf(meeting, memberId)) {
        return fail(409, refused(`${name ?? 'That member'} already has a device paired for this meeting: withdraw it, with a reason, before giving a new code.`, 'memberId'));
      }
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      const issued = now();
      const expiresAt = new Date(issued.getTime() + CODE_LIFETIME_MS).toISOString();
      db.transaction(() => {
        const dayAgo = new Date(issued.getTime() - 24 * 3600_000).toISOString();
        dropOldCodes.run(dayAgo);
        dropOldAnswers.run(dayAgo);
        dropUnusedCodes.run(meetingId, memberId);
        insertCode.run(sha256(code), meetingId, memberId, issued.toISOString(), expiresAt);
      })();
      const url = networkUrl ? `${networkUrl}/#/member?code=${code}` : null;
      return ok({ meetingId, memberId, memberName: name, code, codeShown: showCode(code), issuedAt: issued.toISOString(), expiresAt, expiresAtLocal: clockTime(expiresAt, timeZone()), url } satisfies IssuedCode);
    },

    /** A device redeems a code: single use, unexpired, a few wrong ones a minute from one address. */
    pair(input: unknown, caller: Caller): MemberAnswer {
      const attempted = 'pair with a code';
      const at = { client: caller.client, attempted };
      const t = nowMs();
      const wrong = wrongCodes.get(caller.client);
      if (wrong && t - wrong.since >= 60_000) wrongCodes.delete(caller.client);
      const current = wrongCodes.get(caller.client);
      if (current && current.count >= WRONG_CODES_PER_MINUTE) {
        const wait = Math.max(1, Math.ceil((current.since + 60_000 - t) / 1000));
        return refuse(
          fail(429, chamberError('refused', `Too many wrong codes from this device: wait ${wait} seconds, then try again.`, { field: 'code', retryAfterSeconds: wait }), wait),
          at,
        );
      }
      const failed = (answer: MemberAnswer, extra: { meetingId?: string; memberId?: string } = {}) => {
        const entry = wrongCodes.get(caller.client) ?? { since: t, count: 0 };
        entry.count += 1;
        wrongCodes.set(caller.client, entry);
        if (wrongCodes.size > 10_000) for (const [k, v] of wrongCodes) if (t - v.since >= 60_000) wrongCodes.delete(k);
        return refuse(answer, { ...at, ...extra });
      };
      const parsed = PairBody.safeParse(input);
      if (!parsed.success) return refuse(fail(400, bodyError(input, parsed.error)), at);
      const code = normaliseCode(parsed.data.code);
      if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) {
        return failed(fail(400, chamberError('invalid_command', `A pairing code is ${CODE_LENGTH} letters and digits, as the clerk shows it (such as ABCD-EFGH).`, { field: 'code' })));
      }
      const codeHash = sha256(code);
      const row = findCode.get(codeHash) as { meetingId: string; memberId: string; expiresAt: string; usedAt: string | null } | undefined;
      if (!row) return failed(fail(404, notFound('That code is not one the clerk has given: check it and try again.', 'code')));
      const known = { meetingId: row.meetingId, memberId: row.memberId };
      if (row.usedAt !== null) return failed(fail(409, refused('That code has already been used: ask the clerk for a new one.', 'code')), known);
      if (Date.parse(row.expiresAt) <= t) {
        return failed(fail(409, refused(`That code expired at ${clockTime(row.expiresAt, timeZone())}: ask the clerk for a new one.`, 'code')), known);
      }
      const credentialId = randomUUID();
      const credential = `${credentialId}.${randomBytes(32).toString('base64url')}`;
      const outcome = core.dispatchDecision('memberDevice.pair', (view, ctx) => decidePairing(view, ctx, { ...known, credentialId, credentialHash: sha256(credential) }));
      if (!outcome.ok) return refuse(fail(httpStatusOf(outcome.error), outcome.error), { ...at, ...known });
      useCode.run(now().toISOString(), codeHash);
      const meeting = meetingOf(row.meetingId);
      const body = meeting && bodyOf(meeting);
      return ok({ credential, credentialId, meetingId: row.meetingId, memberId: row.memberId, memberName: body ? memberDisplayNames(body.members)[row.memberId] : undefined });
    },

    /** What the member's page shows about the member: read only. */
    status(meetingId: string, caller: Caller): MemberAnswer {
      const who = authenticate(meetingId, caller, 'read the member page');
      if (isAnswer(who)) return who;
      const { meeting, body, device } = who;
      const division = meeting.divisions.at(-1);
      const vote = division ? voteOf(meeting, division.id, device.memberId) : undefined;
      return ok({
        meetingId,
        memberId: device.memberId,
        memberName: memberDisplayNames(body.members)[device.memberId] ?? '',
        body: meeting.body,
        title: meeting.title,
        date: meeting.date,
        status: meeting.status,
        memberVoting: meeting.memberVoting === true,
        onSpeakersList: meeting.speakerQueue[device.memberId] !== undefined,
        serverNow: now().toISOString(),
        ...(vote ? { receipt: receiptOf(vote) } : {}),
        // In a private session the chamber display shows nothing; the member's device still needs the division to vote.
        ...(shownAsPrivate(meeting) ? { privateDivision: divisionForMemberDevice(meeting, body) ?? null } : {}),
      } satisfies MemberStatus);
    },

    /** The member's vote, for their own member only; the receipt is what was recorded. */
    vote(meetingId: string, input: unknown, caller: Caller): MemberAnswer {
      return act(meetingId, input, caller, 'vote', VoteBody, ({ device }, body) => {
        const { divisionId, choice } = body as z.infer<typeof VoteBody>;
        const outcome = core.dispatchAsMember(device.memberId, meetingId, { type: 'vote.cast', divisionId, choice });
        return fromOutcome(outcome, () => {
          const vote = voteOf(meetingOf(meetingId)!, divisionId, device.memberId)!;
          return { receipt: receiptOf(vote) };
        });
      });
    },

    /** The member asks to speak: onto the speakers' list for the item being taken. */
    speak(meetingId: string, input: unknown, caller: Caller): MemberAnswer {
      return act(meetingId, input, caller, 'ask to speak', SpeakBody, ({ device }) => {
        const outcome = core.dispatchAsMember(device.memberId, meetingId, { type: 'speaker.add' });
        return fromOutcome(outcome, () => ({ onSpeakersList: true, at: now().toISOString(), atLocal: clockTimeWithSeconds(now(), timeZone()) }));
      });
    },

    /** The audit of refused requests the clerk reads: how many, and the latest 200 (newest first). */
    refusals(meetingId: string): MemberAnswer {
      if (!ID.test(meetingId)) return fail(404, notFound('Chamber has no record of that meeting.', 'meetingId'));
      return ok({ count: countRefusals.get(meetingId) as number, latest: latestRefusals.all(meetingId, REFUSALS_SHOWN) as Refusal[] });
    },
  };
};
