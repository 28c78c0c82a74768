// Thousands of random and mutated commands: no crash, nothing appended by a rejected command,
// and the log, the projections and the lists always agree.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reduceStream } from '../../electron/core/store/projections';
import { commandSchemaByType } from '../../shared/commands';
import { kccMeeting, openTestCore, type TestCore } from '../support/meeting';

const knownTypes = [...commandSchemaByType.keys()];

const dateArb = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2015-02-29', '2016-02-29', '2021-13-01', '2021-04-31', '', '22/10/2015'),
);
const timeArb = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.constantFrom('10.00 am', '9:5', '24:00', ''),
);
const goodText = fc.stringMatching(/^[A-Za-z][A-Za-z ,'-]{0,60}$/);
const goodDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const goodTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const textArb = fc.oneof(goodText, fc.string({ maxLength: 30 }), fc.string({ minLength: 190, maxLength: 260 }), fc.constantFrom('  ', 'Kent County Council', '\u0000', '<script>'));

const validish = (existing: () => string[]) =>
  fc.oneof(
    fc.record({ type: fc.constant('meeting.create'), body: textArb, title: textArb, date: dateArb, startTime: timeArb, venue: textArb }),
    fc.record({
      type: fc.constant('meeting.updateDetails'),
      meetingId: fc.oneof(fc.uuid(), fc.constant('not-an-id'), fc.nat().map((i) => existing()[i % Math.max(1, existing().length)] ?? 'none')),
      body: textArb,
      title: textArb,
      date: dateArb,
      startTime: timeArb,
      venue: textArb,
    }),
  );

const mutate = (command: Record<string, unknown>) =>
  fc.oneof(
    fc.constant(command),
    fc.constantFrom(...Object.keys(command)).map((key) => {
      const copy = { ...command };
      delete copy[key];
      return copy;
    }),
    fc.tuple(fc.constantFrom(...Object.keys(command)), fc.anything()).map(([key, value]) => ({ ...command, [key]: value })),
    fc.tuple(fc.string({ maxLength: 10 }), fc.anything()).map(([key, value]) => ({ ...command, [key]: value })),
    fc.constantFrom(...knownTypes).map((type) => ({ ...command, type })),
  );

describe('the dispatcher under random input', () => {
  let core: TestCore;
  const meetingIds: string[] = [];
  beforeAll(() => {
    core = openTestCore();
    meetingIds.push(core.send({ type: 'meeting.create', ...kccMeeting }).meetingId);
  });
  afterAll(() => core.dispose());

  it('never throws, and a rejected command appends nothing', () => {
    const commandArb = fc.oneof(
      { weight: 1, arbitrary: fc.anything() },
      { weight: 1, arbitrary: fc.jsonValue() },
      { weight: 4, arbitrary: validish(() => meetingIds).chain((c) => mutate(c)) },
      {
        weight: 2,
        arbitrary: fc.oneof(
          fc.record({ type: fc.constant('meeting.create'), body: goodText, title: goodText, date: goodDate, startTime: goodTime, venue: goodText }),
          fc.record({
            type: fc.constant('meeting.updateDetails'),
            meetingId: fc.nat().map((i) => meetingIds[i % meetingIds.length]),
            body: goodText, title: goodText, date: goodDate, startTime: goodTime, venue: goodText,
          }),
        ),
      },
    );
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 1, maxLength: 40 }), (commands) => {
        for (const command of commands) {
          const before = core.eventCount();
          const outcome = core.dispatch(command);
          if (outcome.ok) {
            accepted += 1;
            expect(core.eventCount()).toBe(before + outcome.result.events);
            if (outcome.result.ids.meetingId) meetingIds.push(outcome.result.ids.meetingId);
          } else {
            rejected += 1;
            expect(core.eventCount()).toBe(before);
            expect(outcome.error.message.length).toBeGreaterThan(0);
            expect(['invalid_command', 'unknown_command', 'not_found', 'refused']).toContain(outcome.error.code);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The generators must exercise both paths, or this test proves nothing.
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(1000);
  });

  it('leaves a log whose chain verifies and whose projections equal a replay', () => {
    expect(core.log.verify().ok).toBe(true);
    for (const meetingId of meetingIds) {
      const stream = `meeting:${meetingId}`;
      expect(core.read(`meeting:${meetingId}`)).toEqual({ ok: true, data: reduceStream(stream, undefined, core.log.read(stream)) });
    }
    const listed = core.read('meetings');
    expect(listed.ok && listed.data.length).toBe(meetingIds.length);
  });
});
