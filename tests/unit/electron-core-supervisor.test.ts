// The core supervisor with stand-in core processes: restarts with back-off and a limit, clear
// answers for requests the dead core never answered, connection lost and restored, and no restart
// when the core says it cannot open the data. (electron-core-restart.test.ts kills the real core.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromCore, ToCore } from '../../electron/core/coreProtocol';
import {
  createCoreSupervisor,
  RESTARTING,
  STOPPED,
  STOPPED_BEFORE_CONFIRMING,
  SYNC_RESTARTING,
  SYNC_STOPPED,
  SYNC_STOPPED_BEFORE_ANSWERING,
  type CoreChildEvents,
  type CoreSupervisor,
  type CoreSupervisorOptions,
} from '../../electron/main/coreSupervisor';

interface FakeChild {
  events: CoreChildEvents;
  sent: ToCore[];
  killed: boolean;
  post(message: FromCore): void;
  /** Answer the request it was sent with this id. */
  answer(id: number, result: unknown): void;
  die(how?: string): void;
}

const fakeCores = () => {
  const children: FakeChild[] = [];
  const start = (events: CoreChildEvents) => {
    const child: FakeChild = {
      events,
      sent: [],
      killed: false,
      post: (message) => events.message(message),
      answer(id, result) {
        const request = this.sent.find((m) => m.id === id)!;
        events.message(request.kind === 'invoke' ? { kind: 'invoked', id, result: result as never } : { kind: 'read', id, result: result as never });
      },
      die: (how = 'signal SIGKILL') => events.exit(how),
    };
    children.push(child);
    return {
      send: (message: ToCore) => void child.sent.push(message),
      kill: () => {
        child.killed = true;
      },
    };
  };
  return { start, children, current: () => children[children.length - 1] };
};

const ok = (result: unknown) => ({ ok: true, result });
const command = { type: 'body.create', name: 'Kent County Council', kind: 'full_council' };
const logs: string[] = [];

const supervise = (options: Partial<CoreSupervisorOptions> = {}) => {
  const cores = fakeCores();
  const supervisor = createCoreSupervisor({ start: cores.start, log: (line) => void logs.push(line), ...options });
  const connection: boolean[] = [];
  const fatal: string[] = [];
  supervisor.onConnectionChange((connected) => connection.push(connected));
  supervisor.onFatal((message) => fatal.push(message));
  return { cores, supervisor, connection, fatal };
};

const started = async (supervisor: CoreSupervisor, cores: ReturnType<typeof fakeCores>) => {
  const ready = supervisor.start();
  cores.current().post({ kind: 'ready' });
  await ready;
};

describe('the core supervisor', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    logs.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('relays commands, reads and updates to the running core', async () => {
    const { cores, supervisor, connection } = supervise();
    await started(supervisor, cores);
    expect(supervisor.connected).toBe(true);
    const updates: unknown[] = [];
    supervisor.onUpdate((update) => updates.push(update));

    const invoked = supervisor.invoke(command);
    const read = supervisor.read('bodies');
    const core = cores.current();
    expect(core.sent).toEqual([
      { kind: 'invoke', id: 1, command },
      { kind: 'read', id: 2, topic: 'bodies' },
    ]);
    core.post({ kind: 'update', update: { topic: 'bodies', data: [] } });
    core.answer(2, { ok: true, data: [] });
    core.answer(1, ok({ ids: {} }));
    await expect(invoked).resolves.toEqual(ok({ ids: {} }));
    await expect(read).resolves.toEqual({ ok: true, data: [] });
    expect(updates).toEqual([{ topic: 'bodies', data: [] }]);
    expect(connection).toEqual([]);
  });

  it('answers readInOrder while the reply is handled, before any later message', async () => {
    const { cores, supervisor } = supervise();
    await started(supervisor, cores);
    const seen: string[] = [];
    supervisor.onUpdate(() => seen.push('update'));
    supervisor.readInOrder('bodies', () => seen.push('snapshot'));
    const core = cores.current();
    core.post({ kind: 'update', update: { topic: 'bodies', data: [] } });
    core.answer(1, { ok: true, data: [] });
    core.post({ kind: 'update', update: { topic: 'bodies', data: [] } });
    expect(seen).toEqual(['update', 'snapshot', 'update']);
  });

  it('does not restart a core that cannot open the data on first start: the message is the error', async () => {
    const { cores, supervisor, fatal } = supervise();
    const ready = supervisor.start();
    cores.current().post({ kind: 'fatal', message: 'The Chamber data in /x is in use by Chamber browser mode (process 42).' });
    await expect(ready).rejects.toThrow('in use by Chamber browser mode');
    expect(cores.current().killed).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(cores.children).toHaveLength(1);
    expect(fatal).toEqual([]); // reported through start(), once
    expect(await supervisor.invoke(command)).toEqual({ ok: false, error: { code: 'internal', message: STOPPED, details: {} } });
  });

  it('reports a core that stops before it is ready on first start, without restarting it', async () => {
    const { cores, supervisor } = supervise();
    const ready = supervisor.start();
    cores.current().die('exit code 1');
    await expect(ready).rejects.toThrow('The Chamber core stopped before it was ready (exit code 1).');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(cores.children).toHaveLength(1);
  });

  it('restarts a core that dies: the command in flight gets a clear error, reads are asked again, the windows are told', async () => {
    const { cores, supervisor, connection, fatal } = supervise({ backoffMs: () => 1000 });
    await started(supervisor, cores);
    const first = cores.current();
    const inFlight = supervisor.invoke(command);
    const readInFlight = supervisor.read('meetings');
    first.die('signal SIGKILL');

    expect(await inFlight).toEqual({ ok: false, error: { code: 'internal', message: STOPPED_BEFORE_CONFIRMING, details: {} } });
    expect(STOPPED_BEFORE_CONFIRMING).toMatch(/stopped before confirming/);
    expect(STOPPED_BEFORE_CONFIRMING).toMatch(/may not have been recorded/);
    expect(STOPPED_BEFORE_CONFIRMING).toMatch(/the screen will show what was recorded/);
    expect(connection).toEqual([false]);
    expect(supervisor.connected).toBe(false);

    // While it is down: commands are refused unsent, reads wait.
    expect(await supervisor.invoke(command)).toEqual({ ok: false, error: { code: 'internal', message: RESTARTING, details: {} } });
    const readWhileDown = supervisor.read('bodies');

    // Not restarted before the pause.
    await vi.advanceTimersByTimeAsync(999);
    expect(cores.children).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cores.children).toHaveLength(2);
    const second = cores.current();
    expect(second.sent).toEqual([]);
    second.post({ kind: 'ready' });
    expect(connection).toEqual([false, true]);
    expect(supervisor.connected).toBe(true);
    // The reads go to the new core, in the order they were asked.
    expect(second.sent).toEqual([
      { kind: 'read', id: 2, topic: 'meetings' },
      { kind: 'read', id: 3, topic: 'bodies' },
    ]);
    second.answer(2, { ok: true, data: ['m'] });
    second.answer(3, { ok: true, data: ['b'] });
    await expect(readInFlight).resolves.toEqual({ ok: true, data: ['m'] });
    await expect(readWhileDown).resolves.toEqual({ ok: true, data: ['b'] });
    // And commands go through again.
    const after = supervisor.invoke(command);
    second.answer(4, ok({ ids: { bodyId: 'b' } }));
    await expect(after).resolves.toEqual(ok({ ids: { bodyId: 'b' } }));
    expect(fatal).toEqual([]);
    expect(logs.join('\n')).toMatch(/stopped unexpectedly \(signal SIGKILL\)/);
  });

  it("relays the clerk's sync operations and never leaves one hanging while the core restarts", async () => {
    const { cores, supervisor } = supervise({ backoffMs: () => 1000 });
    await started(supervisor, cores);
    const first = cores.current();
    const status = supervisor.sync('status', undefined);
    const settings = { serverUrl: 'https://records.example.gov.uk', deviceKey: 'key' };
    const configure = supervisor.sync('configure', settings);
    expect(first.sent).toEqual([
      { kind: 'sync', id: 1, operation: 'status', input: undefined },
      { kind: 'sync', id: 2, operation: 'configure', input: settings },
    ]);
    first.post({ kind: 'synced', id: 1, answer: { ok: true, data: { keySet: false } } });
    await expect(status).resolves.toEqual({ ok: true, data: { keySet: false } });

    // The core dies before answering the second: said in words, not sent again to the next core.
    first.die();
    expect(await configure).toEqual({ ok: false, error: { code: 'internal', message: SYNC_STOPPED_BEFORE_ANSWERING, details: {} } });
    expect(SYNC_STOPPED_BEFORE_ANSWERING).toMatch(/may not have been done/);
    // While it restarts: answered at once, unsent.
    expect(await supervisor.sync('push', undefined)).toEqual({ ok: false, error: { code: 'internal', message: SYNC_RESTARTING, details: {} } });
    await vi.advanceTimersByTimeAsync(1000);
    const second = cores.current();
    second.post({ kind: 'ready' });
    expect(second.sent).toEqual([]);
    const push = supervisor.sync('push', undefined);
    second.post({ kind: 'synced', id: 3, answer: { ok: true, data: { started: true, words: 'Sync started.' } } });
    await expect(push).resolves.toEqual({ ok: true, data: { started: true, words: 'Sync started.' } });

    // Stopped for good: said so, in flight or asked afterwards.
    const inFlight = supervisor.sync('verify', undefined);
    supervisor.stop();
    expect(await inFlight).toEqual({ ok: false, error: { code: 'internal', message: SYNC_STOPPED, details: {} } });
    expect(await supervisor.sync('status', undefined)).toEqual({ ok: false, error: { code: 'internal', message: SYNC_STOPPED, details: {} } });
  });

  it('ignores anything a dead core still says', async () => {
    const { cores, supervisor } = supervise({ backoffMs: () => 10 });
    await started(supervisor, cores);
    const updates: unknown[] = [];
    supervisor.onUpdate((update) => updates.push(update));
    const first = cores.current();
    const inFlight = supervisor.invoke(command);
    first.die();
    first.answer(1, ok({ ids: {} }));
    first.post({ kind: 'update', update: { topic: 'bodies', data: [] } });
    first.post({ kind: 'ready' });
    expect(updates).toEqual([]);
    expect(supervisor.connected).toBe(false);
    expect(await inFlight).toMatchObject({ ok: false, error: { message: STOPPED_BEFORE_CONFIRMING } });
  });

  it('backs off more each time, and gives up after 5 restarts within a minute', async () => {
    const { cores, supervisor, connection, fatal } = supervise();
    await started(supervisor, cores);
    const pauses: number[] = [];
    for (let restart = 0; restart < 5; restart += 1) {
      cores.current().die('exit code 134');
      const before = cores.children.length;
      let waited = 0;
      while (cores.children.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      pauses.push(waited);
      cores.current().post({ kind: 'ready' });
    }
    expect(pauses).toEqual([250, 500, 1000, 2000, 4000]);
    expect(connection).toEqual([false, true, false, true, false, true, false, true, false, true]);
    const waiting = supervisor.read('bodies');
    const inFlight = supervisor.invoke(command);
    cores.current().die('exit code 134');
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatch(/stopped unexpectedly 6 times within 60 seconds \(last: exit code 134\), so Chamber will not restart it again/);
    expect(fatal[0]).toMatch(/Everything Chamber confirmed is saved/);
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'internal', message: STOPPED_BEFORE_CONFIRMING } });
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'internal' } });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(cores.children).toHaveLength(6);
    expect(await supervisor.invoke(command)).toMatchObject({ ok: false, error: { message: STOPPED } });
  });

  it('keeps restarting a core that dies now and then, more than a minute apart in fives', async () => {
    const { cores, supervisor, fatal } = supervise();
    await started(supervisor, cores);
    for (let crash = 0; crash < 12; crash += 1) {
      cores.current().die();
      await vi.advanceTimersByTimeAsync(5000);
      cores.current().post({ kind: 'ready' });
      await vi.advanceTimersByTimeAsync(15_000);
    }
    expect(fatal).toEqual([]);
    expect(cores.children).toHaveLength(13);
    expect(supervisor.connected).toBe(true);
  });

  it('counts a restarted core that dies before it is ready as another stop, and says lost only once', async () => {
    const { cores, supervisor, connection } = supervise();
    await started(supervisor, cores);
    cores.current().die();
    await vi.advanceTimersByTimeAsync(250);
    cores.current().die('exit code 1');
    await vi.advanceTimersByTimeAsync(499);
    expect(cores.children).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(cores.children).toHaveLength(3);
    cores.current().post({ kind: 'ready' });
    expect(connection).toEqual([false, true]);
  });

  it('does not restart a core that cannot open the data after a restart (another Chamber took it): that is fatal', async () => {
    const { cores, supervisor, connection, fatal } = supervise({ backoffMs: () => 10 });
    await started(supervisor, cores);
    cores.current().die();
    const waiting = supervisor.read('bodies');
    await vi.advanceTimersByTimeAsync(10);
    const message = 'The Chamber data in /x is in use by Chamber browser mode (process 42, http://127.0.0.1:4780/), running since 10:02. Stop it first (Ctrl+C where it runs).';
    cores.current().post({ kind: 'fatal', message });
    cores.current().die('exit code 0');
    expect(fatal).toEqual([message]);
    expect(cores.current().killed).toBe(true);
    expect(connection).toEqual([false]);
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'internal' } });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(cores.children).toHaveLength(2);
  });

  it('stops for good when asked: no restart, no connection change, nothing left waiting', async () => {
    const { cores, supervisor, connection, fatal } = supervise();
    await started(supervisor, cores);
    const inFlight = supervisor.invoke(command);
    supervisor.stop();
    expect(cores.current().killed).toBe(true);
    cores.current().die('signal SIGTERM');
    expect(await inFlight).toMatchObject({ ok: false, error: { message: STOPPED } });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(cores.children).toHaveLength(1);
    expect(connection).toEqual([]);
    expect(fatal).toEqual([]);
  });

  it('stopping while a restart is pending cancels it', async () => {
    const { cores, supervisor } = supervise();
    await started(supervisor, cores);
    cores.current().die();
    supervisor.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(cores.children).toHaveLength(1);
  });

  it('treats a core that cannot even be started on a restart like one that died at once', async () => {
    let calls = 0;
    const cores = fakeCores();
    const { supervisor, connection } = supervise({
      start: (events) => {
        calls += 1;
        if (calls === 2) throw new Error('spawn EAGAIN');
        return cores.start(events);
      },
    });
    const ready = supervisor.start();
    cores.current().post({ kind: 'ready' });
    await ready;
    cores.current().die();
    await vi.advanceTimersByTimeAsync(250); // the second start throws: reported a moment later, as an exit
    await vi.advanceTimersByTimeAsync(501); // the third, after the second pause
    expect(calls).toBe(3);
    cores.current().post({ kind: 'ready' });
    expect(connection).toEqual([false, true]);
    expect(logs.join('\n')).toMatch(/it could not be started: spawn EAGAIN/);
  });
});
