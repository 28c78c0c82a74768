// What a window may send the main process is bounded before it reaches the core.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../electron/core/host/webHost';
import {
  checkTopic,
  checkWatchList,
  commandRefusal,
  jsonSizeUpTo,
  MAX_COMMAND_BYTES,
  MAX_TOPIC_LENGTH,
  MAX_WATCHED_TOPICS,
} from '../../electron/main/ipcLimits';

const meetingId = '6f1c1d8e-2a4b-4c7d-9e0f-123456789abc';

describe('IPC limits', () => {
  it('allows a command as large as browser mode allows a request body, and no larger', () => {
    expect(MAX_COMMAND_BYTES).toBe(DEFAULT_BODY_LIMIT);
    expect(MAX_COMMAND_BYTES).toBe(1024 * 1024);
    const command = (notes: string) => ({ type: 'meeting.updateNotes', meetingId, notes });
    const overhead = JSON.stringify(command('')).length;
    expect(commandRefusal(command('x'.repeat(MAX_COMMAND_BYTES - overhead)))).toBeUndefined();
    expect(commandRefusal(command('x'.repeat(MAX_COMMAND_BYTES - overhead + 1)))).toEqual({
      code: 'too_large',
      message: 'The request is larger than the 1024 KB allowed.',
      details: {},
    });
    expect(commandRefusal({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' })).toBeUndefined();
  });

  it('counts the size as JSON would write it, in UTF-8 bytes', () => {
    for (const value of [
      null,
      true,
      false,
      0,
      -12.5e-7,
      'plain',
      'ünïcödé and "quotes" and \\ and \n and \u0001 and 🏛️',
      [],
      [1, 'two', [3, { four: 4 }], null],
      {},
      { a: 1, 'b c': [true, false], 'ключ': { nested: 'déjà' } },
    ]) {
      expect(jsonSizeUpTo(value, 10_000)).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
    }
  });

  it('stops counting once over the limit, whatever arrives', () => {
    const limit = 1000;
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const cyclicArray: unknown[] = [];
    cyclicArray.push(cyclicArray);
    const emptyCycle: Record<string, unknown> = {};
    emptyCycle[''] = emptyCycle;
    const many: Record<string, number> = {};
    for (let i = 0; i < 20_000; i += 1) many[`k${i}`] = i;
    const huge = [
      'x'.repeat(5_000_000),
      new Array(5_000_000),
      new Array(100_000).fill({ a: 'b' }),
      many,
      cyclic,
      cyclicArray,
      emptyCycle,
      new Uint8Array(10_000),
      new Map([[1, 'x'.repeat(2000)]]),
      new Set(Array.from({ length: 5000 }, (_, i) => i)),
    ];
    for (const value of huge) {
      const started = performance.now();
      expect(jsonSizeUpTo(value, limit)).toBeGreaterThan(limit);
      expect(commandRefusal({ type: 'meeting.create', value }, limit)).toMatchObject({ code: 'too_large' });
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('takes a topic only if it is one, and not over-long', () => {
    expect(checkTopic(`meeting:${meetingId}`)).toEqual({ ok: true, topic: `meeting:${meetingId}` });
    expect(checkTopic('meetings')).toEqual({ ok: true, topic: 'meetings' });
    expect(checkTopic(42)).toMatchObject({ ok: false, error: { code: 'invalid_command', details: { field: 'topic' } } });
    expect(checkTopic('meeting:nope')).toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no topic called "meeting:nope".' } });
    const long = checkTopic(`meeting:${'a'.repeat(5000)}`);
    expect(long).toMatchObject({ ok: false, error: { code: 'not_found', details: { field: 'topic' } } });
    expect(!long.ok && long.error.message.length).toBeLessThan(120);
  });

  it('bounds a watch list: how many topics, and how long each name', () => {
    const topics = Array.from({ length: MAX_WATCHED_TOPICS }, (_, i) => `meeting:${meetingId.slice(0, -3)}${String(i).padStart(3, '0')}`);
    expect(checkWatchList(topics)).toEqual({ ok: true, topics, unknown: [] });
    expect(checkWatchList([...topics, 'meetings'])).toEqual({ ok: false, reason: `${MAX_WATCHED_TOPICS + 1} topics (at most ${MAX_WATCHED_TOPICS})` });
    expect(checkWatchList(['meetings', 'x'.repeat(MAX_TOPIC_LENGTH + 1)])).toMatchObject({ ok: false });
    expect(checkWatchList(['meetings', 7])).toMatchObject({ ok: false });
    expect(checkWatchList('meetings')).toMatchObject({ ok: false });
    expect(checkWatchList(undefined)).toMatchObject({ ok: false });
    expect(checkWatchList([])).toEqual({ ok: true, topics: [], unknown: [] });
    // Names that are no topic are set apart (to be answered with an error); repeats count once.
    expect(checkWatchList(['meetings', 'bodies', 'meetings', 'nonsense'])).toEqual({ ok: true, topics: ['meetings', 'bodies'], unknown: ['nonsense'] });
  });
});
