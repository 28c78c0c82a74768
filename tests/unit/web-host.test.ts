import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { StateUpdate } from '../../shared/topics';
import { createWebHost } from '../../electron/core/host/webHost';
import { createMeetingCommand, kccBody } from '../support/meeting';
import { itWhere } from '../support/skips';
import { startHost, type RunningHost } from '../support/webHost';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked with toMatchObject
type Json = any;

/** A live socket that has said hello (with or without the token) and collects what it is sent. */
const openLive = async (url: string, hello: { token?: string } = {}, headers: Record<string, string> = {}) => {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, { headers });
  const received: Json[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  socket.on('message', (data) => received.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    socket.on('open', resolve);
    socket.on('error', reject);
  });
  socket.send(JSON.stringify({ kind: 'hello', ...hello }));
  await expect.poll(() => received.some((m) => m.kind === 'welcome') || socket.readyState !== WebSocket.OPEN).toBe(true);
  return {
    socket,
    received,
    closed,
    updates: () => received.filter((m) => !m.kind) as StateUpdate[],
    watch: (topics: string[]) => socket.send(JSON.stringify({ kind: 'watch', topics })),
  };
};

/** The status a WebSocket handshake is refused with. */
const refusedHandshake = (url: string, headers: Record<string, string> = {}) =>
  new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, { headers });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => reject(new Error('the handshake was accepted')));
    socket.on('error', () => undefined);
  });

const rawGet = (url: string, path: string, host: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { port } = new URL(url);
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe("browser mode: the clerk's host", () => {
  let host: RunningHost;
  let bodyId: string;
  beforeAll(async () => {
    host = await startHost({ bodyLimit: 64 * 1024, maxSocketsPerClient: 6 });
    bodyId = host.core.send(kccBody).bodyId;
  });
  afterAll(() => host.stop());

  it('runs a command and reads the state back', async () => {
    const created = await host.post(createMeetingCommand(bodyId));
    expect(created.status).toBe(200);
    const meetingId = (created.body as Json).result.ids.meetingId;
    expect((created.body as Json).result.recorded).toEqual(['meeting.created']);
    const list = await host.get('/api/topics/meetings');
    expect(list.body).toMatchObject({ ok: true, data: [{ id: meetingId, title: 'County Council' }] });
    const one = await host.get(`/api/topics/${encodeURIComponent(`meeting:${meetingId}`)}`);
    expect(one.body).toMatchObject({ ok: true, data: { id: meetingId, status: 'draft' } });
  });

  it('refuses a request without the clerk token, or with a wrong one: 401, nothing recorded', async () => {
    const before = host.core.eventCount();
    expect(await host.post(createMeetingCommand(bodyId), {})).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorised' } } });
    expect(await host.post(createMeetingCommand(bodyId), { authorization: 'Bearer wrong' })).toMatchObject({ status: 401 });
    expect((await host.get('/api/topics/meetings', {})).status).toBe(401);
    expect(host.core.eventCount()).toBe(before);
  });

  it('never takes the token in an address, only in the Authorization header', async () => {
    const before = host.core.eventCount();
    const response = await fetch(`${host.url}/api/commands?token=${host.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(createMeetingCommand(bodyId)),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Json).error.message).toMatch(/Authorization header/);
    expect((await host.get(`/api/topics/meetings?token=${host.token}`, {})).status).toBe(401);
    expect(await refusedHandshakeWithQueryToken(host)).toBe(401);
    expect(host.core.eventCount()).toBe(before);
  });

  it('gives clear errors for bad payloads, unknown commands, bad JSON and oversized bodies', async () => {
    const before = host.core.eventCount();
    expect(await host.post({ ...createMeetingCommand(bodyId), startTime: '9.30' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_command', message: 'Start time must be a 24-hour time written HH:MM.', details: { field: 'startTime' } } },
    });
    // In the clerk's words, the path kept for the form: never "body.setStandingOrders: … (quorum.denominator)".
    expect(await host.post({ type: 'body.setStandingOrders', bodyId, standingOrders: { quorum: { kind: 'fraction', numerator: 1, denominator: 0 } } })).toEqual({
      status: 400,
      body: {
        ok: false,
        error: {
          code: 'invalid_command',
          message: 'Quorum denominator must be a whole number of members from 1 to 1000.',
          details: {
            field: 'standingOrders.quorum.denominator',
            issues: [{ field: 'standingOrders.quorum.denominator', message: 'Quorum denominator must be a whole number of members from 1 to 1000' }],
          },
        },
      },
    });
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(await host.post({ type: 'member.remove', bodyId, memberId: nobody })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: expect.stringMatching(/^That person is not a current member of [^.]+\.$/), details: { field: 'memberId', id: nobody } } },
    });
    expect(await host.post({ type: 'division.rig' })).toMatchObject({ status: 400, body: { error: { code: 'unknown_command' } } });
    expect(await host.post('{"type": "meeting.create",')).toMatchObject({ status: 400, body: { error: { code: 'invalid_command', message: expect.stringContaining('not valid JSON') } } });
    expect(await host.post({ ...createMeetingCommand(bodyId), venue: 'x'.repeat(100 * 1024) })).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
    const form = await fetch(`${host.url}/api/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'text/plain' },
      body: 'type=meeting.create',
    });
    expect(form.status).toBe(400);
    expect(host.core.eventCount()).toBe(before);
  });

  it('answers only to the exact address it printed (DNS rebinding), and gives the token only there', async () => {
    const { port } = new URL(host.url);
    expect((await rawGet(host.url, '/', 'evil.example:80')).status).toBe(401);
    expect((await rawGet(host.url, '/', `evil.example:${port}`)).status).toBe(401);
    // Even another name for this computer is not the address printed: no page, no token.
    const other = await rawGet(host.url, '/', `localhost:${port}`);
    expect(other.status).toBe(401);
    expect(other.body).not.toContain(host.token);
    expect(other.body).toContain(`http://127.0.0.1:${port}/`);
    const page = await rawGet(host.url, '/', `127.0.0.1:${port}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="chamber-token" content="${host.token}" />`);
  });

  it('serves the UI with a strict content security policy, and no dotfiles', async () => {
    const page = await host.get('/', {});
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    writeFileSync(join(host.staticDir, '.env'), 'SECRET=1');
    const dot = await host.get('/.env', {});
    expect(dot.status).toBeGreaterThanOrEqual(400);
    expect(String(dot.body)).not.toContain('SECRET');
  });

  it('pushes a watched topic whole, then only the changes each command made', async () => {
    const clerk = await openLive(host.url, { token: host.token });
    expect(clerk.received[0]).toEqual({ kind: 'welcome', clerk: true });
    const created = await host.post(createMeetingCommand(bodyId, { title: 'Governance Committee' }));
    const meetingId = (created.body as Json).result.ids.meetingId;
    clerk.watch([`meeting:${meetingId}`]);
    await expect.poll(() => clerk.updates().length).toBe(1);
    expect(clerk.updates()[0]).toMatchObject({ topic: `meeting:${meetingId}`, data: { title: 'Governance Committee', seq: 1 } });
    await host.post({ type: 'item.note', meetingId, itemId: '00000000-0000-4000-8000-000000000000', text: 'x' }); // refused: nothing pushed
    await host.post({ type: 'agenda.addItem', meetingId, item: { number: '1', title: 'Apologies for Absence', kind: 'apologies' } });
    await expect.poll(() => clerk.updates().length).toBe(2);
    const patch = clerk.updates()[1] as Json;
    expect(patch).toMatchObject({ topic: `meeting:${meetingId}`, patch: { fromSeq: 1, seq: 2 } });
    expect(patch.patch.changes).toContainEqual(expect.objectContaining({ op: 'set', field: 'agenda' }));
    // Nothing else was pushed to this socket: it watches one topic.
    expect(clerk.updates().every((u) => u.topic === `meeting:${meetingId}`)).toBe(true);
    clerk.socket.close();
  });

  it('without the token, a socket may watch chamber displays only, and those only while the meeting runs', async () => {
    const members = [['Cole'], ['Meade'], ['Dean']].map(([surname]) => ({ title: 'Mr', initials: [], surname, honours: [], group: '', roles: [], voting: true }));
    const { bodyId: committee } = host.core.send({ type: 'body.create', name: 'Audit Committee', kind: 'committee' });
    host.core.send({ type: 'member.import', bodyId: committee, source: 'csv', members });
    const { meetingId } = host.core.send(createMeetingCommand(committee, { title: 'Audit Committee' }));
    const { meetingId: otherId } = host.core.send(createMeetingCommand(committee, { title: 'Another meeting' }));
    for (const id of [meetingId, otherId]) host.core.send({ type: 'agenda.addItem', meetingId: id, item: { number: '1', title: 'Apologies', kind: 'apologies' } });

    // A draft's display is not shown: not by reading, not by watching.
    expect((await host.get(`/api/topics/${encodeURIComponent(`display:${meetingId}`)}`, {})).status).toBe(404);
    const display = await openLive(host.url);
    expect(display.received[0]).toEqual({ kind: 'welcome', clerk: false });
    display.watch([`display:${meetingId}`]);
    await expect.poll(() => display.updates().length).toBe(1);
    expect(display.updates()[0]).toMatchObject({ topic: `display:${meetingId}`, error: { code: 'not_found' } });

    // It starts: the display arrives, and only the display of the meeting asked for.
    host.core.send({ type: 'meeting.start', meetingId });
    host.core.send({ type: 'meeting.start', meetingId: otherId });
    await expect.poll(() => display.updates().length).toBe(2);
    expect(display.updates()[1]).toMatchObject({ topic: `display:${meetingId}`, data: { status: 'in_progress', title: 'Audit Committee' } });
    expect((await host.get(`/api/topics/${encodeURIComponent(`display:${meetingId}`)}`, {})).status).toBe(200);

    // In private session: "Private session", and nothing that moves with attendance.
    const body = host.core.read(`body:${committee}`) as Json;
    host.core.send({ type: 'session.private', meetingId, reason: 'Exempt under paragraph 3' });
    await expect.poll(() => display.updates().length).toBe(3);
    const privately = (display.updates()[2] as Json).data;
    expect(privately).toMatchObject({ privateSession: true });
    expect(privately).not.toHaveProperty('quorum');
    expect(privately).not.toHaveProperty('chair');
    host.core.send({ type: 'attendance.mark', meetingId, memberId: body.data.members[0].id, state: 'present' });
    host.core.send({ type: 'attendance.mark', meetingId, memberId: body.data.members[1].id, state: 'present' });
    host.core.send({ type: 'attendance.depart', meetingId, memberId: body.data.members[0].id });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(display.updates()).toHaveLength(3);

    // Asking for anything but displays closes the socket; so does asking for many.
    display.watch([`meeting:${meetingId}`]);
    expect((await display.closed).code).toBe(1008);
    const greedy = await openLive(host.url);
    greedy.watch(Array.from({ length: 5 }, (_, i) => `display:0000000${i}-0000-4000-8000-000000000000`));
    expect((await greedy.closed).code).toBe(1008);
  });

  it('refuses a live connection from a page of another origin, or one too many from a client', async () => {
    expect(await refusedHandshake(host.url, { origin: 'http://evil.example' })).toBe(403);
    const { port } = new URL(host.url);
    const own = await openLive(host.url, { token: host.token }, { origin: `http://127.0.0.1:${port}` });
    expect(own.received[0]).toEqual({ kind: 'welcome', clerk: true });
    const more = [own];
    for (let i = 1; i < 6; i += 1) more.push(await openLive(host.url));
    expect(await refusedHandshake(host.url)).toBe(429);
    for (const s of more) s.socket.close();
    await Promise.all(more.map((s) => s.closed));
    const again = await openLive(host.url);
    again.socket.close();
  });

  it('closes a socket that sends a wrong token, or does not say hello first', async () => {
    const wrong = await openLive(host.url, { token: 'wrong' });
    expect((await wrong.closed).code).toBe(1008);
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/api/live`);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(JSON.stringify({ kind: 'watch', topics: ['meetings'] }));
    expect(await closed).toBe(1008);
  });

  it('survives random requests from the network without a 500 or a stray event', async () => {
    const before = host.core.eventCount();
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          path: fc.oneof(fc.constant('/api/commands'), fc.constant('/api/topics/meetings'), fc.string({ maxLength: 40 }).map((s) => `/api/${encodeURIComponent(s)}`)),
          method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
          body: fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))),
          auth: fc.boolean(),
        }),
        async ({ path, method, body, auth }) => {
          const response = await fetch(`${host.url}${path}`, {
            method,
            headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${host.token}` } : {}) },
            body: method === 'GET' ? undefined : body,
          });
          statuses.add(response.status);
          expect(response.status).toBeLessThan(500);
          const json = (await response.json()) as { ok: boolean };
          expect(typeof json.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
    expect(statuses.has(401)).toBe(true);
    expect(statuses.has(400)).toBe(true);
    expect(host.core.eventCount()).toBe(before);
  });

  it('survives random live-channel messages without a crash or a stray event', async () => {
    const before = host.core.eventCount();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 100 })), { minLength: 1, maxLength: 4 }), fc.boolean(), async (messages, clerk) => {
        const live = await openLive(host.url, clerk ? { token: host.token } : {});
        for (const m of messages) if (live.socket.readyState === WebSocket.OPEN) live.socket.send(m);
        live.socket.close();
        await live.closed;
      }),
      { numRuns: 40 },
    );
    expect(host.core.eventCount()).toBe(before);
    const check = await openLive(host.url, { token: host.token });
    expect(check.received[0]).toEqual({ kind: 'welcome', clerk: true });
    check.socket.close();
  });
});

/** A WebSocket handshake that tries to carry the token in the address. */
const refusedHandshakeWithQueryToken = (host: RunningHost) =>
  new Promise<number>((resolve) => {
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/api/live?token=${host.token}`);
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', () => undefined);
  });

describe('browser mode: the chamber network host', () => {
  let host: RunningHost;
  let network: Awaited<ReturnType<typeof createWebHost>>;
  let networkUrl: string;
  let meetingId: string;
  beforeAll(async () => {
    host = await startHost();
    // The network role does not depend on the client's address: it never has the clerk's token.
    network = await createWebHost({ core: host.core, role: 'network', staticDir: host.staticDir, hostNames: ['127.0.0.1'] });
    networkUrl = await network.listen({ host: '127.0.0.1', port: 0 });
    const { bodyId } = host.core.send(kccBody);
    host.core.send({ type: 'member.add', bodyId, member: { title: 'Mr', initials: [], surname: 'Cole', honours: [], group: '', roles: [], voting: true } });
    meetingId = host.core.send(createMeetingCommand(bodyId)).meetingId;
    host.core.send({ type: 'agenda.addItem', meetingId, item: { number: '1', title: 'Apologies', kind: 'apologies' } });
  });
  afterAll(async () => {
    await network.close();
    await host.stop();
  });

  it('serves the page without the token, and never accepts the token', async () => {
    const page = await fetch(`${networkUrl}/`);
    expect(await page.text()).toContain('<meta name="chamber-token" content="" />');
    const command = await fetch(`${networkUrl}/api/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'meeting.start', meetingId }),
    });
    expect(command.status).toBe(401);
    expect(((await command.json()) as Json).error.message).toMatch(/not accepted on the chamber network/);
    const anonymous = await fetch(`${networkUrl}/api/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
    const withToken = await openLive(networkUrl, { token: host.token });
    expect((await withToken.closed).code).toBe(1008);
    expect(host.read(`meeting:${meetingId}`)).toMatchObject({ status: 'draft' });
  });

  it('shows a live display to a device that connects with no token, and keeps it up to date', async () => {
    const device = await openLive(networkUrl);
    device.watch([`display:${meetingId}`]);
    await expect.poll(() => device.updates().length).toBe(1);
    expect(device.updates()[0]).toHaveProperty('error');
    host.core.send({ type: 'meeting.start', meetingId });
    await expect.poll(() => device.updates().length).toBe(2);
    expect(device.updates()[1]).toMatchObject({ data: { status: 'in_progress' } });
    const item = (host.read(`meeting:${meetingId}`) as Json).agenda[0];
    host.core.send({ type: 'item.start', meetingId, itemId: item.itemId });
    await expect.poll(() => device.updates().length).toBe(3);
    expect(device.updates()[2]).toMatchObject({ data: { currentItem: { number: '1', title: 'Apologies' } } });
    host.core.send({ type: 'item.end', meetingId, itemId: item.itemId });
    host.core.send({ type: 'meeting.close', meetingId });
    // The last word: it has closed; then nothing more is shown.
    await expect.poll(() => device.updates().some((u) => (u as Json).data?.status === 'closed')).toBe(true);
    expect((await fetch(`${networkUrl}/api/topics/${encodeURIComponent(`display:${meetingId}`)}`)).status).toBe(404);
    device.socket.close();
  });
});

const openssl = spawnSync('openssl', ['version']).status === 0;

describe('the chamber network over HTTPS', () => {
  itWhere({ met: openssl, reason: 'openssl is not installed here to make a test certificate', requiredInCi: true }, "serves the council's certificate, and only HTTPS", async () => {
    const host = await startHost();
    const dir = mkdtempSync(join(tmpdir(), 'chamber-cert-'));
    try {
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
      expect(made.status).toBe(0);
      const cert = readFileSync(join(dir, 'cert.pem'));
      const network = await createWebHost({ core: host.core, role: 'network', staticDir: host.staticDir, hostNames: ['127.0.0.1'], https: { cert, key: readFileSync(join(dir, 'key.pem')) } });
      const address = await network.listen({ host: '127.0.0.1', port: 0 });
      expect(address).toMatch(/^https:/);
      const page = await new Promise<{ status: number; body: string; hsts?: string; peer: string }>((resolve, reject) => {
        const req = httpsRequest(`${address}/`, { ca: cert }, (res) => {
          const peer = String((res.socket as TLSSocket).getPeerCertificate().subject?.CN);
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, hsts: res.headers['strict-transport-security'] as string | undefined, peer }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(page).toMatchObject({ status: 200, body: expect.stringContaining('<meta name="chamber-token" content="" />'), hsts: expect.stringContaining('max-age'), peer: '127.0.0.1' });
      // Plain HTTP to the same port is not served.
      await expect(fetch(address.replace('https:', 'http:'))).rejects.toThrow();
      await network.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await host.stop();
    }
  });
});
