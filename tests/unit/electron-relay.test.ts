// The main process's relay: each window held to its role (the chamber display window gets its
// display topic and nothing else; sync with the records server is the clerk's own window's only),
// messages bounded before the core, updates only for watched topics, and every window told when
// the core is lost and restored.
import { describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../shared/api';
import type { StateUpdate, Topic } from '../../shared/topics';
import { createRelay, type RelayCore } from '../../electron/main/relay';
import { SYNC_INPUT_LIMIT } from '../../electron/core/host/limits';
import { invokeRefusal, mayOpenDisplay, syncRefusal, topicRefusal } from '../../electron/main/windowPolicy';
import type { ReadResult } from '../../electron/main/windowTopics';

const meetingId = '6f1c1d8e-2a4b-4c7d-9e0f-123456789abc';
const otherId = '00000000-0000-4000-8000-000000000000';
const display = `display:${meetingId}` as const;
const CLERK = 1;
const DISPLAY = 2;
const CHAIRMAN = 3;

const fakeCore = () => {
  const invoked: unknown[] = [];
  const synced: { operation: string; input: unknown }[] = [];
  const reads: { topic: Topic; reply(result: ReadResult): void }[] = [];
  let updateListener: (update: StateUpdate) => void = () => undefined;
  let connectionListener: (connected: boolean) => void = () => undefined;
  const core: RelayCore & { connected: boolean } = {
    connected: true,
    invoke: async (command) => {
      invoked.push(command);
      return { ok: true, result: { ids: {}, events: 1, recorded: [] } } as unknown as InvokeResult;
    },
    read: async (topic) => ({ ok: true, data: `value of ${topic}` }),
    sync: async (operation, input) => {
      synced.push({ operation, input });
      return { ok: true, data: `answer to ${operation}` };
    },
    readInOrder: (topic, reply) => void reads.push({ topic, reply }),
    onUpdate: (listener) => {
      updateListener = listener;
      return () => undefined;
    },
    onConnectionChange: (listener) => {
      connectionListener = listener;
      return () => undefined;
    },
  };
  return {
    core,
    invoked,
    synced,
    reads,
    publish: (update: StateUpdate) => updateListener(update),
    setConnected: (connected: boolean) => {
      core.connected = connected;
      connectionListener(connected);
    },
  };
};

const setUp = () => {
  const fake = fakeCore();
  const sent: { id: number; channel: string; payload: unknown }[] = [];
  const logs: string[] = [];
  const relay = createRelay({
    core: fake.core,
    send: (id: number, channel: string, payload: unknown) => void sent.push({ id, channel, payload }),
    log: (line) => void logs.push(line),
  });
  relay.opened(CLERK, { kind: 'clerk' });
  relay.opened(DISPLAY, { kind: 'display', meetingId });
  return { ...fake, relay, sent, logs };
};

describe('the window policy', () => {
  it('lets the clerk do everything, the chamber display only show its own meeting, and an unknown window nothing', () => {
    const clerk = { kind: 'clerk' } as const;
    const screen = { kind: 'display', meetingId } as const;
    expect(invokeRefusal(clerk)).toBeUndefined();
    expect(invokeRefusal(screen)).toMatchObject({ code: 'unauthorised' });
    expect(invokeRefusal(undefined)).toMatchObject({ code: 'unauthorised' });
    for (const topic of ['meetings', 'bodies', 'settings', `meeting:${meetingId}`, `body:${meetingId}`, display, `display:${otherId}`] as Topic[]) {
      expect(topicRefusal(clerk, topic)).toBeUndefined();
      expect(topicRefusal(screen, topic)).toEqual(topic === display ? undefined : expect.objectContaining({ code: 'unauthorised', details: { field: 'topic' } }));
      expect(topicRefusal(undefined, topic)).toMatchObject({ code: 'unauthorised' });
    }
    expect(mayOpenDisplay(clerk)).toBe(true);
    expect(mayOpenDisplay(screen)).toBe(false);
    expect(mayOpenDisplay(undefined)).toBe(false);
  });

  it("lets the chairman's view act on the clerk's record, and only the clerk's own window reach sync", () => {
    const chairman = { kind: 'chairman', meetingId } as const;
    expect(invokeRefusal(chairman)).toBeUndefined();
    for (const topic of ['meetings', `meeting:${meetingId}`, display, `display:${otherId}`] as Topic[]) expect(topicRefusal(chairman, topic)).toBeUndefined();
    expect(mayOpenDisplay(chairman)).toBe(true);

    expect(syncRefusal({ kind: 'clerk' })).toBeUndefined();
    expect(syncRefusal(chairman)).toEqual({
      code: 'unauthorised',
      message: "Sync with the records server is done from the clerk's own Chamber window, not the chairman's view.",
      details: {},
    });
    expect(syncRefusal({ kind: 'display', meetingId })).toEqual({
      code: 'unauthorised',
      message: "The chamber display window shows only its meeting's display; it cannot reach sync with the records server.",
      details: {},
    });
    expect(syncRefusal(undefined)).toMatchObject({ code: 'unauthorised', message: 'Refused: this window was not opened by Chamber.' });
  });
});

describe('the relay', () => {
  it('passes the clerk\'s commands and reads to the core', async () => {
    const { relay, invoked } = setUp();
    const command = { type: 'body.create', name: 'Kent County Council', kind: 'full_council' };
    expect(await relay.invoke(CLERK, command)).toMatchObject({ ok: true });
    expect(invoked).toEqual([command]);
    expect(await relay.read(CLERK, 'meetings')).toEqual({ ok: true, data: 'value of meetings' });
    expect(relay.mayOpenDisplay(CLERK)).toBe(true);
  });

  it('in Electron the display window receives only its display topic, not the full meeting state', async () => {
    const { relay, invoked, reads, sent, publish } = setUp();
    // No commands.
    const refused = await relay.invoke(DISPLAY, { type: 'meeting.close', meetingId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(!refused.ok && refused.error.message).toMatch(/chamber display window shows only its meeting's display/);
    expect(invoked).toEqual([]);
    expect(relay.mayOpenDisplay(DISPLAY)).toBe(false);
    // Reads: its own display only.
    expect(await relay.read(DISPLAY, display)).toEqual({ ok: true, data: `value of ${display}` });
    for (const topic of [`meeting:${meetingId}`, `body:${meetingId}`, 'meetings', 'bodies', 'settings', `display:${otherId}`]) {
      expect(await relay.read(DISPLAY, topic)).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    }
    // Watching: the others are refused, each once, and never read from the core.
    relay.watch(DISPLAY, ['meetings', `meeting:${meetingId}`, display]);
    expect(reads.map((r) => r.topic)).toEqual([display]);
    expect(sent).toEqual([
      { id: DISPLAY, channel: 'chamber:update', payload: { topic: 'meetings', error: expect.objectContaining({ code: 'unauthorised' }) } },
      { id: DISPLAY, channel: 'chamber:update', payload: { topic: `meeting:${meetingId}`, error: expect.objectContaining({ code: 'unauthorised' }) } },
    ]);
    relay.watch(DISPLAY, ['meetings', `meeting:${meetingId}`, display, 'bodies']);
    expect(sent.slice(2)).toEqual([{ id: DISPLAY, channel: 'chamber:update', payload: { topic: 'bodies', error: expect.objectContaining({ code: 'unauthorised' }) } }]);
    reads[0].reply({ ok: true, data: { status: 'in_progress' } });
    sent.length = 0;
    // The core publishes everything; the display window gets its display and nothing else.
    publish({ topic: `meeting:${meetingId}`, patch: { fromSeq: 1, seq: 2, changes: [] } });
    publish({ topic: 'meetings', data: [] });
    publish({ topic: display, data: { status: 'adjourned' } });
    expect(sent).toEqual([{ id: DISPLAY, channel: 'chamber:update', payload: { topic: display, data: { status: 'adjourned' } } }]);
  });

  it('refuses everything from a window Chamber did not open, or one that has closed', async () => {
    const { relay, invoked, reads, logs } = setUp();
    expect(await relay.invoke(99, { type: 'body.create' })).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(await relay.read(99, 'meetings')).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    relay.watch(99, ['meetings']);
    relay.closed(CLERK);
    expect(await relay.invoke(CLERK, { type: 'body.create' })).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    relay.watch(CLERK, ['meetings']);
    expect(invoked).toEqual([]);
    expect(reads).toEqual([]);
    expect(logs).toHaveLength(2);
    expect(relay.windows()).toEqual([DISPLAY]);
  });

  it('refuses a command over 1 MB before it reaches the core, as browser mode does', async () => {
    const { relay, invoked } = setUp();
    const result = await relay.invoke(CLERK, { type: 'meeting.updateNotes', meetingId, notes: 'x'.repeat(1024 * 1024) });
    expect(result).toEqual({ ok: false, error: { code: 'too_large', message: 'The request is larger than the 1024 KB allowed.', details: {} } });
    expect(invoked).toEqual([]);
  });

  it('bounds reads and watch lists', async () => {
    const { relay, reads, sent, logs } = setUp();
    expect(await relay.read(CLERK, 'x'.repeat(10_000))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await relay.read(CLERK, { topic: 'meetings' })).toMatchObject({ ok: false, error: { code: 'invalid_command' } });
    relay.watch(CLERK, Array.from({ length: 65 }, () => 'meetings'));
    relay.watch(CLERK, ['meetings', 'y'.repeat(101)]);
    relay.watch(CLERK, 'meetings');
    expect(reads).toEqual([]);
    expect(sent).toEqual([]);
    expect(logs).toEqual([
      `Chamber: refused a watch list from window ${CLERK}: 65 topics (at most 64).`,
      `Chamber: refused a watch list from window ${CLERK}: a topic name of 101 characters.`,
      `Chamber: refused a watch list from window ${CLERK}: the watch list is not a list.`,
    ]);
    // A name that is no topic is answered with an error; the real ones are watched.
    relay.watch(CLERK, ['meetings', 'nonsense']);
    expect(reads.map((r) => r.topic)).toEqual(['meetings']);
    expect(sent).toEqual([
      { id: CLERK, channel: 'chamber:update', payload: { topic: 'nonsense', error: expect.objectContaining({ code: 'not_found' }) } },
    ]);
  });

  it('tells every window when the core is lost and restored, then sends each its topics whole again', () => {
    const { relay, reads, sent, setConnected, publish } = setUp();
    relay.watch(CLERK, ['meetings']);
    relay.watch(DISPLAY, [display]);
    reads[0].reply({ ok: true, data: ['old'] });
    reads[1].reply({ ok: true, data: { status: 'in_progress' } });
    sent.length = 0;
    setConnected(false);
    expect(sent).toEqual([
      { id: CLERK, channel: 'chamber:connection', payload: false },
      { id: DISPLAY, channel: 'chamber:connection', payload: false },
    ]);
    sent.length = 0;
    setConnected(true);
    expect(sent).toEqual([
      { id: CLERK, channel: 'chamber:connection', payload: true },
      { id: DISPLAY, channel: 'chamber:connection', payload: true },
    ]);
    expect(reads.slice(2).map((r) => r.topic)).toEqual(['meetings', display]);
    publish({ topic: 'meetings', data: ['in the snapshot'] });
    reads[2].reply({ ok: true, data: ['new'] });
    reads[3].reply({ ok: true, data: { status: 'in_progress' } });
    expect(sent.slice(2)).toEqual([
      { id: CLERK, channel: 'chamber:update', payload: { topic: 'meetings', data: ['new'] } },
      { id: DISPLAY, channel: 'chamber:update', payload: { topic: display, data: { status: 'in_progress' } } },
    ]);
  });

  it('tells a window opened while the core is down, once it listens (its first watch)', () => {
    const { relay, sent, setConnected } = setUp();
    setConnected(false);
    sent.length = 0;
    relay.opened(3, { kind: 'clerk' });
    expect(sent).toEqual([]);
    relay.watch(3, ['meetings']);
    relay.watch(3, ['meetings', 'bodies']);
    expect(sent).toEqual([{ id: 3, channel: 'chamber:connection', payload: false }]);
  });

  it("passes the clerk's sync operations to the core, with their input", async () => {
    const { relay, synced } = setUp();
    const settings = { serverUrl: 'https://records.example.gov.uk', deviceKey: 'k'.repeat(43) };
    expect(await relay.sync(CLERK, 'configure', settings)).toEqual({ ok: true, data: 'answer to configure' });
    expect(await relay.sync(CLERK, 'status', undefined)).toEqual({ ok: true, data: 'answer to status' });
    // An unknown name goes on to the core, whose table refuses it in words (syncOperations.ts).
    expect(await relay.sync(CLERK, 'pull', undefined)).toEqual({ ok: true, data: 'answer to pull' });
    expect(synced).toEqual([
      { operation: 'configure', input: settings },
      { operation: 'status', input: undefined },
      { operation: 'pull', input: undefined },
    ]);
  });

  it("refuses sync from the chamber display, the chairman's view and any window Chamber did not open, before the core", async () => {
    const { relay, synced } = setUp();
    relay.opened(CHAIRMAN, { kind: 'chairman', meetingId });
    const settings = { serverUrl: 'https://records.example.gov.uk', deviceKey: 'k'.repeat(43) };
    for (const [window, words] of [
      [DISPLAY, /chamber display window .* cannot reach sync with the records server/],
      [CHAIRMAN, /from the clerk's own Chamber window, not the chairman's view/],
      [99, /not opened by Chamber/],
    ] as const) {
      for (const operation of ['status', 'configure', 'push', 'verify']) {
        const answer = await relay.sync(window, operation, operation === 'configure' ? settings : undefined);
        expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
        expect(!answer.ok && answer.error.message).toMatch(words);
      }
      // Refused for the window before anything about the request is looked at: even an oversized one.
      expect(await relay.sync(window, 'configure', { deviceKey: 'k'.repeat(10_000) })).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    }
    // The chairman's view still acts on the record.
    expect(await relay.invoke(CHAIRMAN, { type: 'body.create', name: 'Kent County Council', kind: 'full_council' })).toMatchObject({ ok: true });
    relay.closed(CLERK);
    expect(await relay.sync(CLERK, 'status', undefined)).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(synced).toEqual([]);
  });

  it('bounds a sync request before the core: a short name, and at most 128 KB of input (a certificate chain) as in browser mode', async () => {
    const { relay, synced } = setUp();
    expect(SYNC_INPUT_LIMIT).toBe(128 * 1024);
    const large = await relay.sync(CLERK, 'configure', { serverUrl: 'https://records.example.gov.uk', serverCertificate: 'k'.repeat(128 * 1024) });
    expect(large).toEqual({ ok: false, error: { code: 'too_large', message: 'The request is larger than the 128 KB allowed.', details: {} } });
    for (const name of [undefined, 42, { operation: 'status' }, '', 'p'.repeat(41)]) {
      expect(await relay.sync(CLERK, name, undefined)).toEqual({
        ok: false,
        error: { code: 'invalid_command', message: 'A sync operation is named by a short word, such as "status" or "push".', details: { field: 'operation' } },
      });
    }
    expect(synced).toEqual([]);
    // Just within the limit goes through.
    const input = { serverCertificate: 'k'.repeat(128 * 1024 - 30) };
    expect(await relay.sync(CLERK, 'configure', input)).toMatchObject({ ok: true });
    expect(synced).toEqual([{ operation: 'configure', input }]);
  });

  it('starts a reloaded page with nothing watched, so what it watches arrives whole', () => {
    const { relay, reads, sent } = setUp();
    relay.watch(CLERK, ['meetings']);
    reads[0].reply({ ok: true, data: [] });
    relay.pageLoaded(CLERK);
    relay.watch(CLERK, ['meetings']);
    expect(reads.map((r) => r.topic)).toEqual(['meetings', 'meetings']);
    reads[1].reply({ ok: true, data: ['again'] });
    expect(sent.at(-1)).toEqual({ id: CLERK, channel: 'chamber:update', payload: { topic: 'meetings', data: ['again'] } });
    expect(relay.windows()).toEqual([CLERK, DISPLAY]);
  });
});
