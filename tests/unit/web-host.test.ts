import fc from 'fast-check';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { StateUpdate } from '../../shared/topics';
import { createMeetingCommand, kccBody } from '../support/meeting';
import { startHost, type RunningHost } from '../support/webHost';

describe('browser mode host', () => {
  let host: RunningHost;
  let bodyId: string;
  beforeAll(async () => {
    host = await startHost({ bodyLimit: 64 * 1024 });
    bodyId = host.core.send(kccBody).bodyId;
  });
  afterAll(() => host.stop());

  it('runs a command and reads the state back', async () => {
    const created = await host.post(createMeetingCommand(bodyId));
    expect(created.status).toBe(200);
    const meetingId = (created.body as { result: { ids: { meetingId: string } } }).result.ids.meetingId;
    const list = await host.get('/api/topics/meetings');
    expect(list.body).toMatchObject({ ok: true, data: [{ id: meetingId, title: 'County Council' }] });
    const one = await host.get(`/api/topics/${encodeURIComponent(`meeting:${meetingId}`)}`);
    expect(one.body).toMatchObject({ ok: true, data: { id: meetingId, status: 'draft' } });
  });

  it('refuses a request without the clerk token: 401, nothing recorded', async () => {
    const before = host.core.eventCount();
    expect(await host.post(createMeetingCommand(bodyId), {})).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorised' } } });
    expect(await host.post(createMeetingCommand(bodyId), { authorization: 'Bearer wrong' })).toMatchObject({ status: 401 });
    expect((await host.get('/api/topics/meetings', {})).status).toBe(401);
    expect(host.core.eventCount()).toBe(before);
  });

  it('gives clear errors for bad payloads, unknown commands, bad JSON and oversized bodies', async () => {
    const before = host.core.eventCount();
    expect(await host.post({ ...createMeetingCommand(bodyId), startTime: '9.30' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_command', details: { field: 'startTime' } } },
    });
    expect(await host.post({ type: 'division.rig' })).toMatchObject({ status: 400, body: { error: { code: 'unknown_command' } } });
    expect(await host.post('{"type": "meeting.create",')).toMatchObject({ status: 400, body: { error: { code: 'invalid_command', message: expect.stringContaining('not valid JSON') } } });
    expect(await host.post({ ...createMeetingCommand(bodyId), venue: 'x'.repeat(100 * 1024) })).toMatchObject({
      status: 413,
      body: { error: { code: 'too_large' } },
    });
    const form = await fetch(`${host.url}/api/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'text/plain' },
      body: 'type=meeting.create',
    });
    expect(form.status).toBe(400);
    expect(host.core.eventCount()).toBe(before);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(host.url);
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(401);
  });

  it('serves the UI with the token and a strict content security policy', async () => {
    const page = await host.get('/', {});
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="chamber-token" content="${host.token}" />`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
  });

  it('pushes state to live subscribers over WebSocket; without the token, only the chamber display', async () => {
    const wsUrl = host.url.replace('http', 'ws');
    const refused = new WebSocket(`${wsUrl}/api/live?token=wrong`);
    const refusedStatus = await new Promise<number>((resolve) => refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(refusedStatus).toBe(401);
    refused.on('error', () => undefined); // ending a refused handshake reports an error; expected
    refused.terminate();

    const listen = async (url: string) => {
      const socket = new WebSocket(url);
      await new Promise((resolve) => socket.on('open', resolve));
      const received: StateUpdate[] = [];
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      return { socket, received };
    };
    const clerk = await listen(`${wsUrl}/api/live?token=${host.token}`);
    const display = await listen(`${wsUrl}/api/live`);
    const created = await host.post(createMeetingCommand(bodyId, { title: 'Governance Committee' }));
    const meetingId = (created.body as { result: { ids: { meetingId: string } } }).result.ids.meetingId;
    await expect.poll(() => clerk.received.length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => display.received.length).toBe(1);
    expect(clerk.received.map((u) => u.topic)).toEqual(['meetings', `meeting:${meetingId}`, `display:${meetingId}`]);
    expect(clerk.received[1].data).toMatchObject({ title: 'Governance Committee' });
    expect(display.received).toEqual([clerk.received[2]]);
    expect(display.received[0].data).toMatchObject({ title: 'Governance Committee', privateSession: false });
    clerk.socket.close();
    display.socket.close();

    // The display topic can be read without the token; nothing else can.
    expect((await host.get(`/api/topics/${encodeURIComponent(`display:${meetingId}`)}`, {})).status).toBe(200);
    expect((await host.get(`/api/topics/${encodeURIComponent(`meeting:${meetingId}`)}`, {})).status).toBe(401);
    expect((await host.get(`/api/topics/${encodeURIComponent(`display:${meetingId}`)}`, { authorization: 'Bearer wrong' })).status).toBe(401);
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
});
