// A division's votes over real HTTP on loopback, as the members' devices (and the clerk's grid)
// will send them: every member present voting at once, all 83 requests in flight together, each
// acknowledged only once durable. On an empty meeting and at the end of a synthetic full day (30
// divisions already held, 1,500 speeches), beside a bare Node HTTP handler that writes one durable
// row per request with the same pragmas, in the same run. Goals: p99 ≤ 2× the bare handler's; the
// full day within 1.2× the empty meeting. Also the time from the first vote sent until the clerk's
// live subscription (a WebSocket watching the meeting) has seen every vote: the final tally on screen.
import { createServer, type Server } from 'node:http';
import WebSocket from 'ws';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TestCore } from '../tests/support/meeting';
import { issueCode, memberVote, pairMember, startChamberNetwork } from '../tests/support/memberDevices';
import { bareInserter } from './commandRoundTrip';
import { EMPTY_DAY, fillDay, FULL_DAY, startDay, type MeetingDay } from './meetingDay';
import { median, ms, percentile, type Row } from './stats';

const ROUNDS = 6;
const WAYS = ['for', 'against', 'abstain'] as const;

/** All requests at once; each one's time from sending to its answer, and the whole burst's. */
const burst = async (count: number, request: (i: number) => Promise<Response>): Promise<{ each: number[]; whole: number }> => {
  const started = performance.now();
  const each = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t = performance.now();
      const response = await request(i);
      await response.text();
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return performance.now() - t;
    }),
  );
  return { each, whole: performance.now() - started };
};

/** A new item with a motion moved and seconded, and a division called on it with the bell skipped. */
const divisionOn = (core: TestCore, day: MeetingDay, n: number): string => {
  const { meetingId, members } = day;
  const { itemId } = core.send({ type: 'agenda.addItem', meetingId, item: { number: `U${n}`, title: `Urgent business ${n}`, kind: 'urgent_business' } });
  core.send({ type: 'item.start', meetingId, itemId });
  const { motionId } = core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That the recommendation be agreed.', moverId: members[0], seconderId: members[1] });
  return core.send({ type: 'division.call', meetingId, motionId, skipBell: true }).divisionId;
};

const endDivision = (core: TestCore, day: MeetingDay, divisionId: string) => {
  core.send({ type: 'division.close', meetingId: day.meetingId, divisionId });
  const meeting = (core.read(`meeting:${day.meetingId}`) as { ok: true; data: { currentItemId?: string } }).data;
  core.send({ type: 'item.end', meetingId: day.meetingId, itemId: meeting.currentItemId! });
};

export const benchVotes = async (): Promise<Row[]> => {
  const chamber = await startChamberNetwork();
  const { core, token } = chamber;
  const days = { empty: startDay(core), full: undefined as MeetingDay | undefined };
  days.full = startDay(core, days.empty.bodyId);
  fillDay(core, days.empty, EMPTY_DAY);
  fillDay(core, days.full, FULL_DAY);
  const url = chamber.clerkUrl;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // Every member's own device, paired once for each meeting, each sending from its own address.
  const devices = { empty: [] as { credential: string; from: string }[], full: [] as { credential: string; from: string }[] };
  for (const which of ['empty', 'full'] as const) {
    const day = days[which]!;
    core.send({ type: 'memberVoting.set', meetingId: day.meetingId, enabled: true });
    for (const [i, memberId] of day.members.entries()) {
      const from = `127.0.${which === 'empty' ? 1 : 2}.${10 + i}`;
      const { credential } = await pairMember(chamber.networkUrl, (await issueCode(chamber, day.meetingId, memberId)).body.data.code, { from });
      if (!credential) throw new Error('a device did not pair');
      devices[which].push({ credential, from });
    }
  }

  const bare = bareInserter();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      JSON.parse(body);
      bare.insert();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const bareUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  // The clerk's screen, subscribed over the live channel: when has it seen every vote of the burst?
  const clerk = new WebSocket(`${url.replace(/^http/, 'ws')}/api/live`);
  await new Promise<void>((done, fail) => (clerk.once('open', () => done()), clerk.once('error', fail)));
  clerk.send(JSON.stringify({ kind: 'hello', token }));
  clerk.send(JSON.stringify({ kind: 'watch', topics: [`meeting:${days.empty.meetingId}`, `meeting:${days.full.meetingId}`] }));
  /** Votes the subscriber has seen, by division; and who waits for a division's last. */
  const seen = new Map<string, Set<string>>();
  let waiting: { divisionId: string; done: () => void } | undefined;
  clerk.on('message', (data) => {
    const update = JSON.parse(String(data)) as { patch?: { changes: { op: string; collection?: string; key?: string }[] } };
    for (const change of update.patch?.changes ?? []) {
      if (change.op !== 'put' || change.collection !== 'votes' || !change.key) continue;
      const [divisionId, memberId] = change.key.split(':');
      const set = seen.get(divisionId) ?? new Set<string>();
      set.add(memberId);
      seen.set(divisionId, set);
      if (waiting?.divisionId === divisionId && set.size === days.empty.members.length) waiting.done();
    }
  });
  const subscriberSaw = { empty: [] as number[], full: [] as number[] };

  const samples = { bare: [] as number[], empty: [] as number[], full: [] as number[], devicesEmpty: [] as number[], devicesFull: [] as number[] };
  const whole = { bare: [] as number[], empty: [] as number[], full: [] as number[], devicesEmpty: [] as number[], devicesFull: [] as number[] };
  const count = days.empty.members.length;
  let n = 0;
  // Alternate bare, empty and full, so that the machine's moods fall on each alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    const b = await burst(count, () => fetch(bareUrl, { method: 'POST', headers, body: JSON.stringify({ vote: 'for' }) }));
    if (round > 0) {
      samples.bare.push(...b.each);
      whole.bare.push(b.whole);
    }
    for (const which of ['empty', 'full'] as const) {
      const day = days[which]!;
      const divisionId = divisionOn(core, day, (n += 1));
      const started = performance.now();
      const allSeen = new Promise<number>((done) => (waiting = { divisionId, done: () => done(performance.now() - started) }));
      const v = await burst(count, (i) =>
        fetch(`${url}/api/commands`, { method: 'POST', headers, body: JSON.stringify({ type: 'vote.cast', meetingId: day.meetingId, divisionId, memberId: day.members[i], choice: WAYS[i % 3] }) }),
      );
      // Every vote acknowledged is in the record.
      const votes = (core.read(`meeting:${day.meetingId}`) as { ok: true; data: { votes: Record<string, Record<string, unknown>> } }).data.votes;
      const recorded = day.members.filter((m) => votes[divisionId]?.[m]).length;
      if (recorded !== count) throw new Error(`${recorded} of ${count} votes recorded`);
      const sawAll = await allSeen;
      endDivision(core, day, divisionId);
      if (round > 0) {
        samples[which].push(...v.each);
        whole[which].push(v.whole);
        subscriberSaw[which].push(sawAll);
      }
      // The same from the members' own devices on the chamber network.
      const viaDevices = divisionOn(core, day, (n += 1));
      const d = await burst(count, async (i) => {
        const reply = await memberVote(chamber.networkUrl, day.meetingId, devices[which][i].credential, { divisionId: viaDevices, choice: WAYS[i % 3] }, { from: devices[which][i].from });
        return new Response(JSON.stringify(reply.body), { status: reply.status });
      });
      const votedByDevice = (core.read(`meeting:${day.meetingId}`) as { ok: true; data: { votes: Record<string, Record<string, { enteredBy: string }>> } }).data.votes[viaDevices] ?? {};
      if (Object.values(votedByDevice).filter((v) => v.enteredBy === 'member').length !== count) throw new Error('not every device vote was recorded');
      endDivision(core, day, viaDevices);
      if (round > 0) {
        const key = which === 'empty' ? 'devicesEmpty' : 'devicesFull';
        samples[key].push(...d.each);
        whole[key].push(d.whole);
      }
    }
  }
  clerk.close();
  await chamber.stop();
  await new Promise<void>((done) => server.close(() => done()));
  bare.close();

  const p99 = (x: number[]) => percentile(x, 99);
  const fullRatio = median(samples.full) / median(samples.empty);
  return [
    {
      measure: `${count} members voting at once over HTTP, each acknowledged when durable: bare handler (one durable row a request)`,
      p50: ms(median(samples.bare)),
      p99: ms(p99(samples.bare)),
      baseline: '',
      ratio: `all ${count} in ${ms(median(whole.bare))}`,
      goal: '',
    },
    {
      measure: `${count} members voting at once over HTTP: empty meeting`,
      p50: ms(median(samples.empty)),
      p99: ms(p99(samples.empty)),
      baseline: ms(p99(samples.bare)),
      ratio: `p99 ${(p99(samples.empty) / p99(samples.bare)).toFixed(2)}× bare; all ${count} in ${ms(median(whole.empty))}`,
      goal: `p99 ≤ 2× bare ${p99(samples.empty) <= 2 * p99(samples.bare) ? '✓' : '✗'}`,
    },
    {
      measure: `${count} members voting at once over HTTP: end of a full day (30 divisions held)`,
      p50: ms(median(samples.full)),
      p99: ms(p99(samples.full)),
      baseline: ms(median(samples.empty)),
      ratio: `${fullRatio.toFixed(2)}× of empty; p99 ${(p99(samples.full) / p99(samples.bare)).toFixed(2)}× bare; all ${count} in ${ms(median(whole.full))}`,
      goal: `≤ 1.2× ${fullRatio <= 1.2 ? '✓' : '✗'}`,
    },
    {
      measure: `${count} members voting at once from their own devices (members' endpoint, chamber network): empty meeting`,
      p50: ms(median(samples.devicesEmpty)),
      p99: ms(p99(samples.devicesEmpty)),
      baseline: ms(p99(samples.bare)),
      ratio: `p99 ${(p99(samples.devicesEmpty) / p99(samples.bare)).toFixed(2)}× bare; all ${count} in ${ms(median(whole.devicesEmpty))}`,
      goal: `p99 ≤ 2× bare ${p99(samples.devicesEmpty) <= 2 * p99(samples.bare) ? '✓' : '✗'}`,
    },
    {
      measure: `${count} members voting at once from their own devices: end of a full day (30 divisions held)`,
      p50: ms(median(samples.devicesFull)),
      p99: ms(p99(samples.devicesFull)),
      baseline: ms(median(samples.devicesEmpty)),
      ratio: `${(median(samples.devicesFull) / median(samples.devicesEmpty)).toFixed(2)}× of empty; p99 ${(p99(samples.devicesFull) / p99(samples.bare)).toFixed(2)}× bare`,
      goal: `≤ 1.2× ${median(samples.devicesFull) <= 1.2 * median(samples.devicesEmpty) ? '✓' : '✗'}`,
    },
    ...(['empty', 'full'] as const).map((which) => ({
      measure: `${count} votes at once: until the clerk's live subscription has seen every vote (the final tally), ${which === 'empty' ? 'empty meeting' : 'end of a full day'}`,
      p50: ms(median(subscriberSaw[which])),
      p99: '',
      baseline: ms(median(whole.bare)),
      ratio: `${(median(subscriberSaw[which]) / median(whole.bare)).toFixed(2)}× the bare burst${which === 'full' ? `; ${(median(subscriberSaw.full) / median(subscriberSaw.empty)).toFixed(2)}× of empty` : ''}`,
      goal: which === 'full' ? `≤ 1.2× of empty ${median(subscriberSaw.full) <= 1.2 * median(subscriberSaw.empty) ? '✓' : '✗'}` : '',
    })),
  ];
};
