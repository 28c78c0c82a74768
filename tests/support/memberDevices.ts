// Members' own devices over real HTTP: a clerk's host and a chamber network host over one real
// core (a real SQLite file), and a device's requests from its own client address.
//
//   const chamber = await startChamberNetwork({ now: clock.now });
//   const { code } = (await issueCode(chamber, meetingId, memberId)).body.data;
//   const { credential } = await pairMember(chamber.networkUrl, code);
//   const reply = await memberVote(chamber.networkUrl, meetingId, credential, { divisionId, choice: 'for' });
//   reply.body.data.receipt  // { choice: 'for', choiceWords: 'For', recordedAtLocal: '10:42:03', enteredBy: 'member', … }
//
// Each device may have its own loopback address (127.0.0.N: `from`), so that rate limits per
// client address can be told apart from limits per credential.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { createWebHost } from '../../electron/core/host/webHost';
import { createMemberDevices, type MemberDevices, type MemberDevicesOptions } from '../../electron/core/memberDevices';
import { openTestCore, type TestCore } from './meeting';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked with toMatchObject
type Json = any;

export interface DeviceReply {
  status: number;
  body: Json;
  headers: Record<string, string | string[] | undefined>;
}

export interface DeviceRequest {
  method?: string;
  /** Sent as JSON, unless `raw` is given. */
  body?: unknown;
  /** Sent exactly as given (e.g. broken JSON). */
  raw?: string;
  /** The device's credential: sent as "Authorization: Member <credential>". */
  credential?: string;
  /** The loopback address the device sends from (127.0.0.N). */
  from?: string;
  headers?: Record<string, string>;
}

/** One HTTP request from a device. */
export const deviceRequest = (url: string, options: DeviceRequest = {}): Promise<DeviceReply> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string> = {
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.credential ? { authorization: `Member ${options.credential}` } : {}),
      ...options.headers,
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      { method: options.method ?? (payload === undefined ? 'GET' : 'POST'), headers, ...(options.from ? { localAddress: options.from } : {}), rejectUnauthorized: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });

/** Pair a device with the code the clerk gave: its credential, if it was paired. */
export const pairMember = async (networkUrl: string, code: string, options: { from?: string } = {}): Promise<DeviceReply & { credential?: string }> => {
  const reply = await deviceRequest(`${networkUrl}/api/member/pair`, { body: { code }, from: options.from });
  return { ...reply, credential: reply.body?.data?.credential };
};

/** A device votes for its own member; a fresh request id unless one is given (a replay). */
export const memberVote = (
  networkUrl: string,
  meetingId: string,
  credential: string,
  vote: { divisionId: string; choice: 'for' | 'against' | 'abstain'; requestId?: string },
  options: { from?: string } = {},
): Promise<DeviceReply> =>
  deviceRequest(`${networkUrl}/api/member/meetings/${meetingId}/vote`, {
    body: { requestId: vote.requestId ?? randomUUID(), divisionId: vote.divisionId, choice: vote.choice },
    credential,
    from: options.from,
  });

/** A device asks to speak for its own member. */
export const memberSpeak = (networkUrl: string, meetingId: string, credential: string, options: { from?: string; requestId?: string } = {}): Promise<DeviceReply> =>
  deviceRequest(`${networkUrl}/api/member/meetings/${meetingId}/speak`, { body: { requestId: options.requestId ?? randomUUID() }, credential, from: options.from });

export interface ChamberNetwork {
  core: TestCore;
  memberDevices: MemberDevices;
  clerk: FastifyInstance;
  network: FastifyInstance;
  clerkUrl: string;
  networkUrl: string;
  token: string;
  stop(): Promise<void>;
}

/** The clerk gives a member a code (the clerk's host, with the token). */
export const issueCode = (chamber: Pick<ChamberNetwork, 'clerkUrl' | 'token'>, meetingId: string, memberId: string): Promise<DeviceReply> =>
  deviceRequest(`${chamber.clerkUrl}/api/member-devices/codes`, { body: { meetingId, memberId }, headers: { authorization: `Bearer ${chamber.token}` } });

/** The refused requests the clerk reads (the clerk's host, with the token). */
export const readRefusals = (chamber: Pick<ChamberNetwork, 'clerkUrl' | 'token'>, meetingId: string): Promise<DeviceReply> =>
  deviceRequest(`${chamber.clerkUrl}/api/member-devices/${meetingId}/refusals`, { headers: { authorization: `Bearer ${chamber.token}` } });

/** A clerk's host and a chamber network host (both on loopback) over one real core, sharing one keeper of members' devices. */
export const startChamberNetwork = async (options: { now?: () => Date } & Pick<MemberDevicesOptions, 'limiterNow'> = {}): Promise<ChamberNetwork> => {
  // Divisions close when the test says (division.close), not on a real timer.
  const core = openTestCore({ now: options.now, divisionTimers: { set: () => 0, clear: () => undefined } });
  const staticDir = join(core.folder, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<html><head><meta name="chamber-token" content="" /></head><body>Chamber</body></html>');
  const token = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
  const memberDevices = createMemberDevices({ core, now: options.now, limiterNow: options.limiterNow });
  const clerk = await createWebHost({ core, role: 'clerk', token, staticDir, hostNames: ['127.0.0.1'], memberDevices });
  const network = await createWebHost({ core, role: 'network', staticDir, hostNames: ['127.0.0.1'], memberDevices });
  const clerkUrl = (await clerk.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  // A device may send from any loopback address (127.0.0.N) to this one: the host sees its own.
  const networkUrl = (await network.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  memberDevices.setNetworkUrl(networkUrl);
  return {
    core,
    memberDevices,
    clerk,
    network,
    clerkUrl,
    networkUrl,
    token,
    async stop() {
      await Promise.all([clerk.close(), network.close()]);
      core.dispose();
    },
  };
};
