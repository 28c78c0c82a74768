// A command that does not match its schema is refused in the clerk's words: "Item 4's title must
// not be empty.", never "agenda.import: items.3.title must not be empty." nor zod's own wording;
// details.field and details.issues keep the paths for the screens that place errors by field.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MINUTES_STYLE } from '../../shared/minutes/style';
import { z } from 'zod';
import { commandSchemaByType, commandSchemas } from '../../shared/commands';
import { fieldWords, hasFieldWords, splitName } from '../../shared/fieldNames';
import { issueSentence, validationError } from '../../shared/validationMessages';
import type { ChamberError } from '../../shared/errors';
import { DOTTED_PATH, expectClerksRefusal, withoutQuoted } from '../support/clerksWords';
import { openTestCore, type TestCore } from '../support/meeting';

const ID = '00000000-0000-4000-8000-000000000000';
const ID2 = '00000000-0000-4000-8000-000000000001';

const member = { title: 'Mr', initials: ['M', 'J'], surname: 'Harrison', honours: ['MBE'], group: 'Conservative', roles: ['Chairman'], voting: true };
const item = { number: '4', title: 'Minutes of the meeting held on 16 July 2015', pages: { from: 15, to: 22 }, kind: 'minutes', proposer: '', description: '' };
const profile = { quorum: { kind: 'fraction', numerator: 1, denominator: 4, composition: { groups: ['Labour', 'Conservative'], minimumEach: 1 } } };

/** One command of every type that its schema accepts (the ids need not exist). */
const examples: Record<string, Record<string, unknown>> = {
  'body.create': { type: 'body.create', name: 'Kent County Council', kind: 'full_council' },
  'body.update': { type: 'body.update', bodyId: ID, name: 'Kent County Council', kind: 'full_council', nextMinuteNumber: 219, seats: 81 },
  'body.setStandingOrders': { type: 'body.setStandingOrders', bodyId: ID, standingOrders: profile },
  'body.setNextMinuteNumber': { type: 'body.setNextMinuteNumber', bodyId: ID, next: 219 },
  'member.add': { type: 'member.add', bodyId: ID, member },
  'member.update': { type: 'member.update', bodyId: ID, memberId: ID2, member },
  'member.remove': { type: 'member.remove', bodyId: ID, memberId: ID2 },
  'member.import': { type: 'member.import', bodyId: ID, source: 'csv', members: [member, { ...member, surname: 'Meade', roles: [] }] },
  'officer.add': { type: 'officer.add', bodyId: ID, officer: { name: 'Mr B Watts', jobTitle: 'General Counsel' } },
  'officer.import': { type: 'officer.import', bodyId: ID, officers: [{ name: 'Mr B Watts', jobTitle: 'General Counsel' }] },
  'officer.update': { type: 'officer.update', bodyId: ID, officerId: ID2, officer: { name: 'Mr B Watts', jobTitle: 'General Counsel' } },
  'officer.remove': { type: 'officer.remove', bodyId: ID, officerId: ID2 },
  'meeting.create': { type: 'meeting.create', bodyId: ID, title: 'County Council', date: '2015-10-22', startTime: '10:00', venue: 'Council Chamber' },
  'meeting.updateDetails': { type: 'meeting.updateDetails', meetingId: ID2, bodyId: ID, title: 'County Council', date: '2015-10-22', startTime: '10:00', venue: '' },
  'meeting.copy': { type: 'meeting.copy', fromMeetingId: ID, date: '2015-12-17', startTime: '10:00' },
  'meeting.setReady': { type: 'meeting.setReady', meetingId: ID, ready: true },
  'apologies.expect': { type: 'apologies.expect', meetingId: ID, memberId: ID2, note: 'on council business' },
  'apologies.withdrawExpected': { type: 'apologies.withdrawExpected', meetingId: ID, memberId: ID2 },
  'agenda.import': { type: 'agenda.import', meetingId: ID, items: [item, { ...item, number: '5' }, { ...item, number: '6' }, { ...item, number: '7' }], replace: false },
  'agenda.addItem': { type: 'agenda.addItem', meetingId: ID, item, afterItemId: ID2 },
  'agenda.updateItem': { type: 'agenda.updateItem', meetingId: ID, itemId: ID2, item },
  'agenda.moveItem': { type: 'agenda.moveItem', meetingId: ID, itemId: ID2, toIndex: 2 },
  'agenda.splitItem': { type: 'agenda.splitItem', meetingId: ID, itemId: ID2, firstTitle: 'Budget', second: item },
  'agenda.removeItem': { type: 'agenda.removeItem', meetingId: ID, itemId: ID2 },
  'attendance.mark': { type: 'attendance.mark', meetingId: ID, memberId: ID2, state: 'present', time: '10:02', inPlaceOf: ID, noticeReceived: '2015-10-14' },
  'attendance.ruleVirtual': { type: 'attendance.ruleVirtual', meetingId: ID, counts: true, time: '10:05', reason: 'Members joining by video from the ICB offices' },
  'attendance.depart': { type: 'attendance.depart', meetingId: ID, memberId: ID2, time: '12:30' },
  'attendance.officer': { type: 'attendance.officer', meetingId: ID, officerId: ID2, present: true },
  'attendance.addOther': { type: 'attendance.addOther', meetingId: ID, name: 'Mr P Oakford', capacity: 'Cabinet Member for Finance' },
  'attendance.removeOther': { type: 'attendance.removeOther', meetingId: ID, attendeeId: ID2 },
  'attendance.correct': {
    type: 'attendance.correct',
    meetingId: ID,
    memberId: ID2,
    state: 'present',
    stays: [{ from: '10:00', to: '11:00' }, { from: '11:30' }],
    reason: 'Mr Baldock arrived at 10:40, not 11:40',
  },
  'declaration.record': { type: 'declaration.record', meetingId: ID, memberId: ID2, itemId: ID, kind: 'other', description: 'Owns land adjoining the site', withdraws: false },
  'declaration.remove': { type: 'declaration.remove', meetingId: ID, declarationId: ID2, reason: 'Recorded in error' },
  'chair.take': { type: 'chair.take', meetingId: ID, memberId: ID2, capacity: 'chairman', time: '10:00' },
  'meeting.start': { type: 'meeting.start', meetingId: ID, time: '10:00' },
  'meeting.adjourn': { type: 'meeting.adjourn', meetingId: ID, time: '12:30', reason: 'Lunch' },
  'meeting.resume': { type: 'meeting.resume', meetingId: ID, time: '13:30' },
  'meeting.close': { type: 'meeting.close', meetingId: ID, time: '16:00' },
  'item.start': { type: 'item.start', meetingId: ID, itemId: ID2, time: '10:05' },
  'item.end': { type: 'item.end', meetingId: ID, itemId: ID2, time: '10:15' },
  'item.defer': { type: 'item.defer', meetingId: ID, itemId: ID2, reason: '' },
  'item.withdraw': { type: 'item.withdraw', meetingId: ID, itemId: ID2, reason: '' },
  'item.reinstate': { type: 'item.reinstate', meetingId: ID, itemId: ID2, reason: 'Deferred in error' },
  'item.note': { type: 'item.note', meetingId: ID, itemId: ID2, text: 'Agreed.' },
  'motion.move': { type: 'motion.move', meetingId: ID, itemId: ID2, kind: 'substantive', wording: 'That the report be noted.', moverId: ID, seconderId: ID2 },
  'motion.second': { type: 'motion.second', meetingId: ID, motionId: ID2, seconderId: ID, reserves: true },
  'motion.alter': { type: 'motion.alter', meetingId: ID, motionId: ID2, wording: 'That the report be noted and agreed.', reason: 'Altered with consent' },
  'motion.withdraw': { type: 'motion.withdraw', meetingId: ID, motionId: ID2, reason: 'Withdrawn with the consent of the meeting' },
  'motion.resolve': { type: 'motion.resolve', meetingId: ID, motionId: ID2, outcome: 'carried', how: 'show_of_hands', for: 40, against: 30, abstained: 2 },
  'speaker.add': { type: 'speaker.add', meetingId: ID, memberId: ID2, role: 'other' },
  'speaker.remove': { type: 'speaker.remove', meetingId: ID, memberId: ID2 },
  'speech.start': { type: 'speech.start', meetingId: ID, memberId: ID2, role: 'mover' },
  'speaker.callNext': { type: 'speaker.callNext', meetingId: ID, time: '10:19' },
  'speech.end': { type: 'speech.end', meetingId: ID, time: '10:20' },
  'speech.extend': { type: 'speech.extend', meetingId: ID, seconds: 60, reason: 'Allowed by the Chairman', time: '10:19' },
  'ruling.record': { type: 'ruling.record', meetingId: ID, wording: 'The amendment is in order.' },
  'division.call': { type: 'division.call', meetingId: ID, motionId: ID2, skipBell: false, time: '14:30' },
  'division.extend': { type: 'division.extend', meetingId: ID, seconds: 30, reason: "A member's console did not respond" },
  'division.pause': { type: 'division.pause', meetingId: ID, reason: 'Power cut in the chamber' },
  'division.resume': { type: 'division.resume', meetingId: ID, reason: 'Power restored' },
  'vote.cast': { type: 'vote.cast', meetingId: ID, divisionId: ID2, memberId: ID, choice: 'for', source: 'clerk' },
  'division.close': { type: 'division.close', meetingId: ID, divisionId: ID2 },
  'division.castingVote': { type: 'division.castingVote', meetingId: ID, divisionId: ID2, choice: 'for' },
  'division.endBell': { type: 'division.endBell', meetingId: ID },
  'vote.correct': { type: 'vote.correct', meetingId: ID, divisionId: ID2, memberId: ID, choice: 'none', reason: 'Console failed' },
  'vote.recordOwn': { type: 'vote.recordOwn', meetingId: ID, divisionId: ID2, memberId: ID },
  'memberVoting.set': { type: 'memberVoting.set', meetingId: ID, enabled: true },
  'memberDevice.revoke': { type: 'memberDevice.revoke', meetingId: ID, credentialId: ID2, reason: 'Phone lost' },
  'minutes.editParagraph': { type: 'minutes.editParagraph', meetingId: ID, key: 'front:present', text: 'Mr A Brown (Chairman)' },
  'minutes.addParagraph': { type: 'minutes.addParagraph', meetingId: ID, after: 'front:present', text: 'Mr C Dunn arrived at 10:42.' },
  'minutes.strikeParagraph': { type: 'minutes.strikeParagraph', meetingId: ID, key: 'front:present' },
  'minutes.keepEdit': { type: 'minutes.keepEdit', meetingId: ID, key: 'front:present' },
  'minutes.useGenerated': { type: 'minutes.useGenerated', meetingId: ID, key: 'front:present' },
  'minutes.approvePrevious': { type: 'minutes.approvePrevious', meetingId: ID, itemId: ID2, heldOn: '2015-09-17', corrections: 'the word "Residents" being replaced by "Refugee"' },
  'minutes.confirm': { type: 'minutes.confirm', meetingId: ID },
  'body.setMinutesStyle': { type: 'body.setMinutesStyle', bodyId: ID, style: DEFAULT_MINUTES_STYLE },
  'session.private': { type: 'session.private', meetingId: ID, time: '14:15', reason: 'Exempt under paragraph 3' },
  'session.public': { type: 'session.public', meetingId: ID, time: '14:25' },
  'correction.record': {
    type: 'correction.record',
    meetingId: ID,
    reason: 'Declaration missed at the time',
    change: { type: 'declaration.record', meetingId: ID, memberId: ID2, itemId: ID, kind: 'other', description: 'Owns land adjoining the site' },
  },
  'settings.setTimeZone': { type: 'settings.setTimeZone', timeZone: 'Europe/London' },
  'settings.setSpeechWarning': { type: 'settings.setSpeechWarning', seconds: 30 },
  'settings.setBellVolume': { type: 'settings.setBellVolume', volume: 80 },
  'settings.setBellMuted': { type: 'settings.setBellMuted', muted: true },
};

/** What every refusal of an invalid command must satisfy, whatever the command. */
const expectClerksWords = (command: { type: string }, error: ChamberError) => {
  expectClerksRefusal(error);
  expect(error.message).not.toContain(command.type);
  // Each problem, placed on a form that has no field for it, is a sentence in words too.
  for (const issue of error.details.issues!) expect(withoutQuoted(issueSentence(issue))).not.toMatch(DOTTED_PATH);
};

describe('validation messages through the dispatcher', () => {
  let core: TestCore;
  beforeAll(() => {
    core = openTestCore();
  });
  afterAll(() => core.dispose());

  const refusal = (command: Record<string, unknown>) => core.refusal(command);

  it('says "Description must not be empty.", without the command type, and keeps the field', () => {
    expect(refusal({ ...examples['declaration.record'], description: '' })).toEqual({
      code: 'invalid_command',
      message: 'Description must not be empty.',
      details: { field: 'description', issues: [{ field: 'description', message: 'must not be empty' }] },
    });
  });

  it('names an entry of a list by its position from 1, in words', () => {
    const items = (examples['agenda.import'].items as object[]).map((it, i) => (i === 3 ? { ...it, title: '  ' } : it));
    expect(refusal({ ...examples['agenda.import'], items })).toEqual({
      code: 'invalid_command',
      message: "Item 4's title must not be empty.",
      details: { field: 'items.3.title', issues: [{ field: 'items.3.title', message: 'must not be empty' }] },
    });
    const pages = (examples['agenda.import'].items as object[]).map((it, i) => (i === 1 ? { ...it, pages: { from: 22, to: 15 } } : it));
    expect(refusal({ ...examples['agenda.import'], items: pages })).toMatchObject({
      message: "Item 2's last page must end on or after the page it starts on.",
      details: { field: 'items.1.pages.to' },
    });
    expect(refusal({ ...examples['attendance.mark'], noticeReceived: '2015-02-30' })).toMatchObject({
      message: 'Date notice was received is not a real calendar date.',
      details: { field: 'noticeReceived' },
    });
    expect(refusal({ ...examples['attendance.ruleVirtual'], counts: 'yes' })).toMatchObject({
      message: "Chair's ruling on virtual attendance must be true (virtual attendance counts) or false (it does not).",
      details: { field: 'counts' },
    });
    expect(refusal({ ...examples['attendance.correct'], stays: [{ from: '10:00', to: '11:00' }, { from: '11:30', to: '25:00' }] })).toMatchObject({
      message: "Stay 2's departure must be a 24-hour time such as 10:42, or an ISO 8601 instant such as 2026-11-24T10:42:00.000Z.",
      details: { field: 'stays.1.to' },
    });
    expect(refusal({ ...examples['member.import'], members: [member, { ...member, initials: ['M', 'j'] }] })).toMatchObject({
      message: "Member 2's initial 2 must be one capital letter.",
      details: { field: 'members.1.initials.1' },
    });
    expect(refusal({ ...examples['agenda.splitItem'], second: { ...item, title: '' } })).toMatchObject({
      message: "Second item's title must not be empty.",
      details: { field: 'second.title' },
    });
  });

  it('leaves out the object a command is about: the member\'s initials are "Initial 1"', () => {
    expect(refusal({ ...examples['member.add'], member: { ...member, initials: ['m'] } })).toMatchObject({
      message: 'Initial 1 must be one capital letter.',
      details: { field: 'member.initials.0', issues: [{ field: 'member.initials.0', message: 'must be one capital letter' }] },
    });
    expect(refusal({ ...examples['agenda.addItem'], item: { ...item, number: '' } })).toMatchObject({
      message: 'Item number must not be empty.',
      details: { field: 'item.number' },
    });
  });

  it('says "Start time must be a 24-hour time written HH:MM."', () => {
    expect(refusal({ ...examples['meeting.create'], startTime: '9.30' })).toMatchObject({
      message: 'Start time must be a 24-hour time written HH:MM.',
      details: { field: 'startTime' },
    });
  });

  it('words unknown keys, wrong types and missing fields itself, not in zod\'s words', () => {
    expect(refusal({ ...examples['meeting.create'], extra: 1, colour: 'red' })).toMatchObject({
      message: 'Chamber does not recognise "extra" or "colour".',
      details: { field: '' },
    });
    expect(refusal({ ...examples['member.add'], member: { ...member, nickname: 'Bob' } })).toMatchObject({
      message: 'Member includes "nickname", which Chamber does not recognise.',
      details: { field: 'member' },
    });
    expect(refusal({ ...examples['meeting.setReady'], ready: 'yes' })).toMatchObject({ message: 'Ready must be true or false.', details: { field: 'ready' } });
    expect(refusal({ ...examples['item.note'], text: 5 })).toMatchObject({ message: 'Notes must be text.', details: { field: 'text' } });
    expect(refusal({ ...examples['agenda.moveItem'], toIndex: '2' })).toMatchObject({ message: 'Position must be a number.' });
    expect(refusal({ ...examples['correction.record'], change: 5 })).toMatchObject({ message: 'Change must be a set of details (an object).' });
    expect(refusal({ ...examples['chair.take'], capacity: 'king' })).toMatchObject({
      message: 'Capacity must be one of chairman, vice chairman, chosen member, outgoing chairman or presiding list.',
    });
    // Codes the schema accepts are given in words, not as "full_council" or "disclosable_pecuniary".
    expect(refusal({ ...examples['body.create'], kind: 'club' })).toMatchObject({
      message: 'Kind of body must be full council, committee, panel or joint committee.',
      details: { field: 'kind' },
    });
    expect(refusal({ ...examples['declaration.record'], kind: 'pecuniary' })).toMatchObject({
      message: 'Kind must be disclosable pecuniary, other significant or other.',
      details: { field: 'kind' },
    });
    const { description: _, ...withoutDescription } = examples['declaration.record'];
    expect(refusal(withoutDescription)).toMatchObject({ message: 'Description must be given.', details: { field: 'description' } });
    const { replace: __, ...withoutReplace } = examples['agenda.import'];
    expect(refusal(withoutReplace)).toMatchObject({ message: 'Whether to replace the agenda must be given.', details: { field: 'replace' } });
    expect(refusal({ ...examples['member.add'], member: { ...member, honours: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((h) => `${h}BE`) } })).toMatchObject({
      message: 'Honours must have at most 6 entries.',
    });
  });

  it('does not list command names for a change a correction cannot make', () => {
    const error = refusal({ ...examples['correction.record'], change: { type: 'meeting.close', meetingId: ID } });
    expect(error).toMatchObject({ message: 'Kind of change is not one Chamber accepts here.', details: { field: 'change.type' } });
    expectClerksWords({ type: 'correction.record' }, error);
    expect(error.message).not.toContain('meeting.close');
  });

  it('gives the standing orders\' own sentence, without the path in brackets', () => {
    const standingOrders = { quorum: { kind: 'fraction', numerator: 1, denominator: 0 } };
    expect(refusal({ ...examples['body.setStandingOrders'], standingOrders })).toEqual({
      code: 'invalid_command',
      message: 'Quorum denominator must be a whole number of members from 1 to 1000.',
      details: {
        field: 'standingOrders.quorum.denominator',
        issues: [{ field: 'standingOrders.quorum.denominator', message: 'Quorum denominator must be a whole number of members from 1 to 1000' }],
      },
    });
    const error = refusal({ ...examples['body.setStandingOrders'], standingOrders: { quorum: { kind: 'fraction', numerator: 5, denominator: 4 } } });
    expect(error.message).toBe('Quorum numerator must not exceed the denominator: a quorum cannot be more than the whole membership.');
    expect(error.message).not.toContain('(quorum');
  });

  it('has a valid example of every command, so that the property below reaches them all', () => {
    expect(Object.keys(examples).sort()).toEqual([...commandSchemaByType.keys()].sort());
    for (const [type, command] of Object.entries(examples)) expect(commandSchemaByType.get(type)!.safeParse(command).error).toBeUndefined();
  });

  it('for any invalid command, never shows the command type, a dotted path, a zod code or zod\'s wording', () => {
    /** Every place in a value, as a path: each key of each object, each entry of each list. */
    const places = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
      if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => places(v, [...path, i]))];
      if (value && typeof value === 'object') return [path, ...Object.entries(value).flatMap(([k, v]) => places(v, [...path, k]))];
      return [path];
    };
    const change = (value: unknown, path: readonly (string | number)[], to: (old: unknown) => unknown): unknown => {
      if (path.length === 0) return to(value);
      const [head, ...rest] = path;
      if (Array.isArray(value)) return value.map((v, i) => (i === head ? change(v, rest, to) : v));
      const copy = { ...(value as Record<string, unknown>) };
      copy[head] = change(copy[head], rest, to);
      return copy;
    };
    const REMOVE = Symbol('remove');
    const strip = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.filter((v) => v !== REMOVE).map(strip)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== REMOVE).map(([k, v]) => [k, strip(v)]))
          : value;
    const badValue = fc.oneof(
      fc.constantFrom<unknown>(REMOVE, '', '  ', 'x', -1, 0, 1.5, 5000, null, true, [], {}, '25:00', '2015-02-29', 'x'.repeat(600), 'Europe/Nowhere'),
      fc.anything({ maxDepth: 2 }),
    );
    const mutation = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.nat(), badValue).map(([at, bad]) => ({ at, to: () => bad })) },
      { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 1 })).map(([at, key, v]) => ({ at, to: (old: unknown) => (old && typeof old === 'object' && !Array.isArray(old) ? { ...old, [key]: v } : old) })) },
    );
    const invalidCommand = fc
      .tuple(fc.constantFrom(...Object.values(examples)), fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([example, mutations]) => {
        let command: unknown = example;
        for (const m of mutations) {
          const all = places(command).filter((p) => p.length > 0 && !(p.length === 1 && p[0] === 'type'));
          if (all.length > 0) command = strip(change(command, all[m.at % all.length], m.to));
        }
        return command as { type: string };
      });

    let refused = 0;
    fc.assert(
      fc.property(invalidCommand, (command) => {
        const outcome = core.dispatch(command);
        if (outcome.ok || outcome.error.code !== 'invalid_command') return;
        refused += 1;
        expectClerksWords(command, outcome.error);
      }),
      { numRuns: 1500 },
    );
    expect(refused).toBeGreaterThan(1000);
  });
});

describe('fields in words', () => {
  it.each([
    ['description', 'Description'],
    ['startTime', 'Start time'],
    ['items.3.title', "Item 4's title"],
    ['items.3.pages.from', "Item 4's first page"],
    ['stays.1.to', "Stay 2's departure"],
    ['stays.0.from', "Stay 1's arrival"],
    ['members.2.initials.0', "Member 3's initial 1"],
    ['member.surname', 'Surname'],
    ['officers.1', 'Officer 2'],
    ['change.meetingId', 'Meeting'],
    ['standingOrders.quorum.composition.groups.1', 'Group 2'],
    ['standingOrders.speechLimits.rightOfReply', "Speech limit for the mover's right of reply"],
    ['', ''],
  ])('%s → %s', (path, words) => {
    expect(fieldWords(path)).toBe(words);
  });

  it('names a field it has no words for by splitting its name, never by its path', () => {
    expect(fieldWords('someNewField')).toBe('Some new field');
    expect(fieldWords('widgets.2.maxHTTPRetries')).toBe("Widget 3's max http retries");
    expect(fieldWords('constructor')).toBe('Constructor');
    expect(splitName('joint_committee')).toBe('joint committee');
    expect(issueSentence({ field: 'someNewField.innerValue', message: 'must not be empty' })).toBe('Inner value must not be empty.');
  });

  it('has words of its own for every field of every command', () => {
    const missing: string[] = [];
    const seen = new Set<string>();
    interface Def {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      element?: z.core.$ZodType;
      innerType?: z.core.$ZodType;
      in?: z.core.$ZodType;
      options?: readonly z.core.$ZodType[];
    }
    const walk = (schema: z.core.$ZodType, parent: string | undefined, name: string | undefined): void => {
      const def = schema._zod.def as unknown as Def;
      if (def.shape) {
        for (const [key, inner] of Object.entries(def.shape)) {
          seen.add(name ? `${name}.${key}` : key);
          if (!(parent === undefined && name === undefined && key === 'type') && !hasFieldWords(key, name)) missing.push(name ? `${name}.${key}` : key);
          walk(inner, name, key);
        }
      }
      // Lists, optional and default values, pipes and unions: the same field, inside.
      for (const inner of [def.element, def.innerType, def.in, ...(def.options ?? [])]) if (inner) walk(inner, parent, name);
    };
    for (const schema of commandSchemas) walk(schema, undefined, undefined);
    // The walk reaches into lists, unions and the standing orders.
    for (const field of ['stays.to', 'items.title', 'change.description', 'speechLimits.rightOfReply', 'composition.minimumEach']) expect(seen).toContain(field);
    expect(missing).toEqual([]);
  });

  it('turns any zod error into a refusal whose message is a sentence', () => {
    const error = validationError(z.strictObject({ a: z.string() }).safeParse({ a: 1 }).error!);
    expect(error).toEqual({ code: 'invalid_command', message: 'A must be text.', details: { field: 'a', issues: [{ field: 'a', message: 'must be text' }] } });
  });
});
