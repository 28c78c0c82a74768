// The main process's relay: each window held to its role (the chamber display window gets its
// display topic and nothing else), messages bounded before the core, updates only for watched
// topics, and every window told when the core is lost and restored.
import { describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../shared/api';
import type { StateUpdate, Topic } from '../../shared/topics';
import { createRelay, type RelayCore } from '../../electron/main/relay';
import { invokeRefusal, mayOpenDisplay, topicRefusal } from '../../electron/main/windowPolicy';
import type { ReadResult } from '../../electron/main/windowTopics';

const meetingId = '6f1c1d8e-2a4b-4c7d-9e0f-123456789abc';
const otherId = '00000000-0000-4000-8000-000000000000';
const display = `display:${meetingId}` as const;
const CLERK = 1;
const DISPLAY = 2;

const fakeCore = () => {
  const invoked: unknown[] = [];
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
