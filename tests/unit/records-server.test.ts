// The records server over real HTTP on loopback, with a real meeting recorded by the Chamber core.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReceipt } from '../../server/receipts';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import { createSyncServer } from '../../server/syncServer';
import { MAX_BATCH_BYTES, type Receipt, type WireEvent } from '../../shared/sync/protocol';
import { tempFolder } from '../support/meeting';
import { client, pushBody, recordedMeeting, registerDevice } from '../support/recordsServer';

describe('the records server over HTTP', () => {
  const folder = tempFolder('chamber-records-http-');
  let storage: RecordsStorage;
  let app: FastifyInstance;
  let base: string;
  const { meetingId, meeting, body } = recordedMeeting(6);
  const stream = `meeting:${meetingId}`;

  beforeAll(async () => {
    storage = openSqliteStorage(folder.path);
    app = await createSyncServer({ storage, adminToken: 'admin-secret' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
    await storage.close();
    folder.remove();
  });

  it('stores a push once, counts a repeat as duplicates, and signs a receipt that verifies', async () => {
    const laptop = client(base, (await registerDevice(storage, 'Clerk laptop 1')).key);
    const first = await laptop.push(pushBody([...meeting, ...body]));
    expect(first.status).toBe(200);
    const { receipt } = (await first.json()) as { receipt: Receipt };
    expect(receipt).toMatchObject({ accepted: meeting.length + body.length, duplicates: 0 });
    expect(receipt.heads[stream]).toEqual({ seq: meeting.at(-1)!.seq, hash: meeting.at(-1)!.hash });
    expect(verifyReceipt(receipt)).toBe(true);
    expect(verifyReceipt({ ...receipt, heads: { [stream]: { seq: 1, hash: meeting[0].hash } } })).toBe(false);
    expect(verifyReceipt({ ...receipt, accepted: receipt.accepted + 1 })).toBe(false);

    const again = (await (await laptop.push(pushBody(meeting))).json()) as { receipt: Receipt };
    expect(again.receipt).toMatchObject({ accepted: 0, duplicates: meeting.length });
    const stored = (await (await laptop.get(`/sync/v1/streams/${stream}/events`)).json()) as { events: WireEvent[] };
    expect(stored.events).toEqual(meeting);
    const status = (await (await laptop.get('/sync/v1/status')).json()) as { heads: Record<string, unknown>; publicKey: string };
    expect(status.heads[stream]).toEqual(receipt.heads[stream]);
    expect(verifyReceipt(receipt, status.publicKey)).toBe(true);
  });

  it('refuses a wrong key and a revoked one, in words', async () => {
    const wrong = await client(base, 'x'.repeat(43)).get('/sync/v1/status');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string; message: string } }).error.message).toContain('does not recognise this device');
    const device = await registerDevice(storage, 'Lost laptop');
    await storage.revokeDevice(device.id, new Date().toISOString());
    const revoked = await client(base, device.key).push(pushBody(meeting));
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { message: string } }).error.message).toContain('"Lost laptop") was revoked');
    expect(await storage.heads(device.id)).toEqual({});
  });

  it('refuses a changed event (payload changed, hash kept), naming it, and stores nothing from the batch', async () => {
    const device = await registerDevice(storage, 'Clerk laptop 2');
    const tampered = meeting.map((e, i) => (i === 3 ? { ...e, payload: { ...e.payload, note: 'changed afterwards' } } : e));
    const answer = await client(base, device.key).push(pushBody(tampered));
    expect(answer.status).toBe(409);
    const { error } = (await answer.json()) as { error: { code: string; message: string; seq: number; eventId: string; stream: string } };
    expect(error).toMatchObject({ code: 'chain_broken', stream, seq: 4, eventId: meeting[3].id });
    expect(error.message).toMatch(new RegExp(`event 4 of ${stream} \\(id ${meeting[3].id}\\) has hash ${meeting[3].hash} but its contents hash to [0-9a-f]{64}`));
    expect(await storage.heads(device.id)).toEqual({});
  });

  it('refuses a gap and events out of order', async () => {
    const laptop = client(base, (await registerDevice(storage, 'Clerk laptop 3')).key);
    const gap = await laptop.push(pushBody([meeting[0], meeting[2]]));
    expect(gap.status).toBe(409);
    expect(((await gap.json()) as { error: object }).error).toMatchObject({ code: 'gap', seq: 3, eventId: meeting[2].id });
    const late = await laptop.push(pushBody(meeting.slice(1, 3)));
    expect(((await late.json()) as { error: object }).error).toMatchObject({ code: 'gap', seq: 2 });
    const swapped = await laptop.push(pushBody([meeting[0], meeting[2], meeting[1]]));
    expect(swapped.status).toBe(409);
    expect(((await laptop.get('/sync/v1/status').then((r) => r.json())) as { heads: object }).heads).toEqual({});
  });

  it('refuses a truncated body, an oversize batch and another protocol version, saying which', async () => {
    const laptop = client(base, (await registerDevice(storage, 'Clerk laptop 4')).key);
    const text = JSON.stringify(pushBody(meeting));
    const truncated = await laptop.push(text.slice(0, text.length / 2));
    expect(truncated.status).toBe(400);
    expect(((await truncated.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    const big = await laptop.push(pushBody([{ ...meeting[0], payload: { padding: 'x'.repeat(MAX_BATCH_BYTES) } }]));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('too_large');
    const newer = await laptop.push({ ...pushBody(meeting), protocol: 2 });
    expect(newer.status).toBe(426);
    const { error } = (await newer.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('version_mismatch');
    expect(error.message).toContain('protocol version 2; this records server speaks version 1');
  });

  it('keeps both logs when two laptops push the same meeting at once', async () => {
    const a = client(base, (await registerDevice(storage, 'Laptop A')).key);
    const b = client(base, (await registerDevice(storage, 'Laptop B')).key);
    const [ra, rb] = await Promise.all([a.push(pushBody(meeting)), b.push(pushBody(meeting.slice(0, 4)))]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect(((await (await a.get(`/sync/v1/streams/${stream}/events`)).json()) as { events: unknown[] }).events).toHaveLength(meeting.length);
    expect(((await (await b.get(`/sync/v1/streams/${stream}/events`)).json()) as { events: unknown[] }).events).toHaveLength(4);
  });

  it('shows the overview only with the admin token', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    const page = await fetch(`${base}/`, { headers: { authorization: `Basic ${Buffer.from('officer:admin-secret').toString('base64')}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(meetingId);
    expect(html).toContain('Laptop A');
    expect(html).toContain('verifies');
  });
});
