// Per-window topics in the main process: each window gets only what it watches, each topic whole
// first (the snapshot, a read on the core's channel), then only the updates after it.
import { describe, expect, it } from 'vitest';
import type { StateUpdate, Topic } from '../../shared/topics';
import { createWindowTopics, type ReadResult } from '../../electron/main/windowTopics';

const meeting = 'meeting:6f1c1d8e-2a4b-4c7d-9e0f-123456789abc' as const;
const other = 'meeting:00000000-0000-4000-8000-000000000000' as const;

/** A core channel: reads answered by hand, in the order the test says. */
const setUp = () => {
  const reads: { topic: Topic; reply(result: ReadResult): void }[] = [];
  const sent: [number, StateUpdate][] = [];
  const topics = createWindowTopics({
    read: (topic, reply) => void reads.push({ topic, reply }),
    send: (windowId, update) => void sent.push([windowId, update]),
  });
  const answer = (index: number, data: unknown) => reads[index].reply({ ok: true, data });
  return { topics, reads, sent, answer };
};

const patch = (topic: Topic, fromSeq: number): StateUpdate => ({ topic, patch: { fromSeq, seq: fromSeq + 1, changes: [] } });

describe('per-window topics', () => {
  it('sends a newly watched topic whole, then only the updates that follow its snapshot', () => {
    const { topics, reads, sent, answer } = setUp();
    topics.watch(1, ['meetings', meeting]);
    expect(reads.map((r) => r.topic)).toEqual(['meetings', meeting]);
    expect(topics.isLive(1, meeting)).toBe(false);

    // An update before the snapshot's reply is in the snapshot: not sent.
    topics.publish(patch(meeting, 1));
    answer(1, { seq: 2 });
    topics.publish(patch(meeting, 2));
    expect(sent).toEqual([
      [1, { topic: meeting, data: { seq: 2 } }],
      [1, patch(meeting, 2)],
    ]);
    expect(topics.isLive(1, meeting)).toBe(true);
    answer(0, []);
    topics.publish({ topic: 'meetings', data: ['x'] });
    expect(sent.slice(2)).toEqual([
      [1, { topic: 'meetings', data: [] }],
      [1, { topic: 'meetings', data: ['x'] }],
    ]);
  });

  it('passes each window only the topics it watches', () => {
    const { topics, sent, answer } = setUp();
    topics.watch(1, [meeting]);
    topics.watch(2, [other]);
    topics.watch(3, [meeting, other]);
    for (let i = 0; i < 4; i += 1) answer(i, { seq: 1 });
    sent.length = 0;
    topics.publish(patch(meeting, 1));
    topics.publish(patch(other, 1));
    topics.publish({ topic: 'bodies', data: [] });
    expect(sent).toEqual([
      [1, patch(meeting, 1)],
      [3, patch(meeting, 1)],
      [2, patch(other, 1)],
      [3, patch(other, 1)],
    ]);
  });

  it('takes the whole set each time: topics kept carry on, dropped ones stop, new ones arrive whole', () => {
    const { topics, reads, sent, answer } = setUp();
    topics.watch(1, ['meetings', 'bodies']);
    answer(0, []);
    answer(1, []);
    topics.watch(1, ['bodies', meeting]);
    expect(reads.map((r) => r.topic)).toEqual(['meetings', 'bodies', meeting]); // bodies not read again
    expect(topics.watching(1)).toEqual(['bodies', meeting]);
    sent.length = 0;
    topics.publish({ topic: 'meetings', data: ['x'] });
    topics.publish({ topic: 'bodies', data: ['y'] });
    expect(sent).toEqual([[1, { topic: 'bodies', data: ['y'] }]]);
  });

  it('drops a snapshot that comes back after the topic was unwatched, re-watched, or the window closed', () => {
    const { topics, reads, sent, answer } = setUp();
    topics.watch(1, [meeting]);
    topics.watch(1, []);
    topics.watch(1, [meeting]);
    expect(reads).toHaveLength(2);
    answer(0, { seq: 1 }); // the first read: stale
    expect(sent).toEqual([]);
    topics.publish(patch(meeting, 1)); // still waiting for the second
    answer(1, { seq: 2 });
    expect(sent).toEqual([[1, { topic: meeting, data: { seq: 2 } }]]);

    topics.watch(2, [meeting]);
    topics.forget(2);
    answer(2, { seq: 2 });
    topics.publish(patch(meeting, 2));
    expect(sent.filter(([id]) => id === 2)).toEqual([]);
    expect(topics.watching(2)).toEqual([]);
  });

  it('says why a topic cannot be read, and still passes later updates (as browser mode does)', () => {
    const { topics, reads, sent } = setUp();
    topics.watch(1, [meeting]);
    reads[0].reply({ ok: false, error: { code: 'not_found', message: 'There is no such meeting.', details: {} } });
    topics.publish({ topic: meeting, data: { seq: 1 } });
    expect(sent).toEqual([
      [1, { topic: meeting, error: { code: 'not_found', message: 'There is no such meeting.', details: {} } }],
      [1, { topic: meeting, data: { seq: 1 } }],
    ]);
  });

  it('turns a read that throws into an error for the window', () => {
    const sent: [number, StateUpdate][] = [];
    const topics = createWindowTopics({
      read: () => {
        throw new Error('channel closed');
      },
      send: (windowId, update) => void sent.push([windowId, update]),
    });
    topics.watch(1, ['bodies']);
    expect(sent).toEqual([[1, { topic: 'bodies', error: { code: 'internal', message: 'Chamber could not read bodies: channel closed', details: {} } }]]);
  });

  it('takes every window\'s topics again after the core restarts, dropping anything older', () => {
    const { topics, reads, sent, answer } = setUp();
    topics.watch(1, [meeting, 'bodies']);
    topics.watch(2, [meeting]);
    answer(0, { seq: 5 });
    answer(1, []);
    // Window 2's first read never came back (the core died with it in flight).
    sent.length = 0;
    topics.retakeAll();
    expect(reads.slice(3).map((r) => r.topic)).toEqual([meeting, 'bodies', meeting]);
    expect(topics.isLive(1, meeting)).toBe(false);
    topics.publish(patch(meeting, 5)); // in the new snapshot
    answer(2, { seq: 5 }); // window 2's old read: stale now
    answer(3, { seq: 6 });
    answer(4, ['b']);
    answer(5, { seq: 6 });
    topics.publish(patch(meeting, 6));
    expect(sent).toEqual([
      [1, { topic: meeting, data: { seq: 6 } }],
      [1, { topic: 'bodies', data: ['b'] }],
      [2, { topic: meeting, data: { seq: 6 } }],
      [1, patch(meeting, 6)],
      [2, patch(meeting, 6)],
    ]);
  });
});
