// The clerk's edits to the draft minutes, through the dispatcher on a real SQLite file: an edit is
// kept when the record changes under it, and the paragraph is flagged with what Chamber wrote then
// and writes now; keeping the edit or taking the new words; striking and adding paragraphs; the
// previous minutes; confirming the numbers (the body's sequence moves on); the names as they were
// at the meeting; and bad input refused in the clerk's words with nothing recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MINUTES_PARAGRAPH } from '../../shared/commands/minutes';
import { draftMinutes } from '../../shared/minutes/draft';
import { printedBlocks, type MinutesBlock, type MinutesDocument } from '../../shared/minutes/model';
import { committee, TZ } from '../support/committee';

describe('editing the draft minutes of a committee', () => {
  let c: ReturnType<typeof committee>;
  const draft = (): MinutesDocument => draftMinutes(c.meeting(), c.body(), { timeZone: TZ });
  const block = (find: (b: MinutesBlock) => boolean): MinutesBlock => {
    const doc = draft();
    const found = [...doc.front, ...doc.minutes.flatMap((m) => m.blocks)].find(find);
    if (!found) throw new Error('no such block in the draft');
    return found;
  };
  const byKey = (key: string) => block((b) => b.key === key);
  let motionId: string;
  let divisionId: string;

  beforeEach(() => {
    c = committee();
    const { core, clock, at, meetingId, member, item } = c;
    clock.advance(30 * 60_000);
    for (const s of ['Cole', 'Meade', 'Dean', 'Hook', 'Bird']) core.send({ type: 'attendance.mark', meetingId, memberId: member(s).id, state: 'present', time: at('09:55') });
    core.send({ type: 'attendance.mark', meetingId, memberId: member('Vye').id, state: 'apologies', time: at('09:55') });
    core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
    core.send({ type: 'item.start', meetingId, itemId: item('1'), time: at('10:00') });
    core.send({ type: 'item.end', meetingId, itemId: item('1'), time: at('10:00') });
    core.send({ type: 'item.start', meetingId, itemId: item('2'), time: at('10:00') });
    motionId = core.send({ type: 'motion.move', meetingId, itemId: item('2'), kind: 'substantive', wording: 'That planning permission be refused.', moverId: member('Meade').id, seconderId: member('Dean').id }).motionId;
    divisionId = core.send({ type: 'division.call', meetingId, motionId }).divisionId;
    clock.advance(65_000);
    for (const [s, way] of [['Cole', 'for'], ['Meade', 'for'], ['Dean', 'for'], ['Hook', 'against'], ['Bird', 'abstain']] as const) core.send({ type: 'vote.cast', meetingId, divisionId, memberId: member(s).id, choice: way });
    clock.advance(5 * 60_000);
    if (c.meeting().divisions[0].closedAt === undefined) core.send({ type: 'division.close', meetingId, divisionId });
    core.send({ type: 'item.end', meetingId, itemId: item('2'), time: at('10:07') });
    core.send({ type: 'meeting.close', meetingId, time: at('10:07') });
  });
  afterEach(() => c.core.dispose());

  const countsKey = () => `item:${c.item('2')}:motion:${motionId}:outcome`;

  it('keeps an edit when a vote is corrected, flags the paragraph and shows what Chamber wrote then and writes now', () => {
    const { core, meetingId, member } = c;
    expect(byKey(countsKey())).toMatchObject({ status: 'generated', text: 'The motion was put to the vote and carried (For 3, Against 1, Abstain 1).' });
    const mine = 'The motion to refuse permission was put to the vote and carried by 3 votes to 1, with 1 abstention.';
    core.send({ type: 'minutes.editParagraph', meetingId, key: countsKey(), text: mine });
    expect(byKey(countsKey())).toMatchObject({ status: 'edited', text: mine });
    expect(draft().attention).toEqual([]);

    core.send({ type: 'vote.correct', meetingId, divisionId, memberId: member('Bird').id, choice: 'for', reason: "Mr Bird's console failed; he voted for by show of hand" });
    const flagged = byKey(countsKey());
    expect(flagged).toMatchObject({
      status: 'changed',
      text: mine,
      editedFrom: 'The motion was put to the vote and carried (For 3, Against 1, Abstain 1).',
      generated: 'The motion was put to the vote and carried (For 4, Against 1, Abstain 0).',
    });
    expect(draft().attention).toEqual([{ key: countsKey(), minuteKey: `item:${c.item('2')}`, why: 'The record changed since you edited this paragraph.' }]);
    // Regenerating that one minute gives the same as the whole draft.
    const one = draftMinutes(c.meeting(), c.body(), { timeZone: TZ, itemIds: [c.item('2')] });
    expect(one.minutes).toEqual(draft().minutes.filter((m) => m.itemId === c.item('2')));
    expect(one.front).toEqual([]);

    // The clerk keeps their words: the flag goes.
    core.send({ type: 'minutes.keepEdit', meetingId, key: countsKey() });
    expect(byKey(countsKey())).toMatchObject({ status: 'edited', text: mine, editedFrom: 'The motion was put to the vote and carried (For 4, Against 1, Abstain 0).' });
    // Kept in the file: after a restart the draft reads the same.
    const before = draft();
    c.core = c.core.reopen();
    const reopened = c.core.read(`meeting:${meetingId}`) as { ok: true; data: Parameters<typeof draftMinutes>[0] };
    expect(draftMinutes(reopened.data, c.body(), { timeZone: TZ })).toEqual(before);
    // Or takes Chamber's words again.
    c.core.send({ type: 'minutes.useGenerated', meetingId, key: countsKey() });
    const after = (c.core.read(`meeting:${meetingId}`) as { ok: true; data: Parameters<typeof draftMinutes>[0] }).data;
    expect(draftMinutes(after, c.body(), { timeZone: TZ }).minutes[1].blocks.find((b) => b.key === countsKey())).toMatchObject({ status: 'generated', text: 'The motion was put to the vote and carried (For 4, Against 1, Abstain 0).' });
  });

  it('flags an edited apologies sentence when attendance is corrected', () => {
    const { core, meetingId, member, item } = c;
    const key = `item:${item('1')}:apologies`;
    expect(byKey(key).text).toBe('The Director of Governance and Law reported apologies from Mr Vye.');
    core.send({ type: 'minutes.editParagraph', meetingId, key, text: 'The Democratic Services Officer reported apologies from Mr Vye.' });
    core.send({ type: 'attendance.correct', meetingId, memberId: member('Hook').id, state: 'apologies', stays: [], reason: 'Mr Hook had sent apologies; marked present in error' });
    expect(byKey(key)).toMatchObject({ status: 'changed', generated: 'The Director of Governance and Law reported apologies from Mr Hook and Mr Vye.' });
  });

  it('adds and strikes paragraphs; struck ones and flags are never printed', () => {
    const { core, meetingId, item } = c;
    const { key } = core.send({ type: 'minutes.addParagraph', meetingId, after: countsKey(), text: 'Mr Hook asked that his vote against be recorded.' });
    const minute = () => draft().minutes.find((m) => m.itemId === item('2'))!;
    const keys = minute().blocks.map((b) => b.key);
    expect(keys.indexOf(key)).toBe(keys.indexOf(countsKey()) + 1);
    expect(byKey(key)).toMatchObject({ status: 'added', number: 3 });
    core.send({ type: 'minutes.strikeParagraph', meetingId, key: countsKey() });
    expect(byKey(countsKey()).status).toBe('struck');
    expect(printedBlocks(minute().blocks).map((b) => b.key)).not.toContain(countsKey());
    expect(byKey(key).number).toBe(2);
  });

  it('refuses what is not the clerk’s to type, in the clerk’s words, and records nothing', () => {
    const { core, meetingId } = c;
    const key = countsKey();
    expect(core.refusal({ type: 'minutes.editParagraph', meetingId, key: 'item:nothing-here', text: 'x' })).toMatchObject({ message: expect.stringContaining('There is no such paragraph in the draft minutes') });
    expect(core.refusal({ type: 'minutes.editParagraph', meetingId, key, text: '   ' })).toMatchObject({ message: expect.stringContaining('must not be empty') });
    expect(core.refusal({ type: 'minutes.editParagraph', meetingId, key, text: 'Bad\u0007bell' })).toMatchObject({ message: expect.stringContaining('control characters') });
    expect(core.refusal({ type: 'minutes.editParagraph', meetingId, key, text: 'x'.repeat(MAX_MINUTES_PARAGRAPH + 1) })).toMatchObject({ message: expect.stringContaining('at most 100,000 characters') });
    expect(core.refusal({ type: 'minutes.editParagraph', meetingId, key: 'Not A Key!', text: 'x' })).toMatchObject({ details: { field: 'key' } });
    // A 100,000-character paragraph is the clerk's to write.
    core.send({ type: 'minutes.editParagraph', meetingId, key, text: 'ab'.repeat(MAX_MINUTES_PARAGRAPH / 2) });
    expect(byKey(key).text).toHaveLength(MAX_MINUTES_PARAGRAPH);
    // A 100,000-character motion is refused when moved, saying how long it may be.
    expect(core.refusal({ type: 'motion.move', meetingId, itemId: c.item('3'), kind: 'substantive', wording: 'x'.repeat(100_000), moverId: c.member('Cole').id })).toMatchObject({ message: expect.stringContaining('at most 20,000 characters') });
  });

  it('keeps an edit whose source left the record, as orphaned, for the clerk to keep or drop', () => {
    const { core, meetingId, member, item } = c;
    core.send({ type: 'correction.record', meetingId, reason: 'Mr Hook declared an interest the clerk missed', change: { type: 'declaration.record', meetingId, memberId: member('Hook').id, itemId: item('2'), kind: 'other', description: 'He lives next to Manor Farm' } });
    const declared = block((b) => b.key.includes(':declarations:') || b.key.includes('front:declarations:'));
    expect(declared.text).toBe('Mr Hook declared an interest in item 2 (Land at Manor Farm): He lives next to Manor Farm.');
    core.send({ type: 'minutes.editParagraph', meetingId, key: declared.key, text: 'Mr Hook declared an interest as a neighbour of Manor Farm.' });
    const id = c.meeting().declarations[0].id;
    core.send({ type: 'correction.record', meetingId, reason: 'Declared in error', change: { type: 'declaration.remove', meetingId, declarationId: id, reason: 'Declared in error' } });
    const orphan = byKey(declared.key);
    expect(orphan).toMatchObject({ status: 'orphaned', text: 'Mr Hook declared an interest as a neighbour of Manor Farm.' });
    expect(draft().attention.map((a) => a.why)).toContain('What this paragraph was written from is no longer in the record.');
    core.send({ type: 'minutes.useGenerated', meetingId, key: declared.key });
    expect(() => byKey(declared.key)).toThrow('no such block');
  });

  it('refuses previous minutes dated on or after this meeting', () => {
    const { core, meetingId } = c;
    expect(core.refusal({ type: 'minutes.approvePrevious', meetingId, itemId: c.item('1'), heldOn: '2026-07-02' })).toMatchObject({ message: expect.stringContaining('must have been held before this one') });
  });

  it('confirms the numbers: the body’s sequence moves on, and the minutes can no longer be edited', () => {
    const { core, meetingId, bodyId } = c;
    core.send({ type: 'body.setNextMinuteNumber', bodyId, next: 219 });
    expect(draft().minutes.map((m) => m.heading)).toEqual(['219. Apologies (Item 1)', '220. Land at Manor Farm (Item 2)']);
    core.send({ type: 'minutes.confirm', meetingId });
    expect(c.body().nextMinuteNumber).toBe(221);
    expect(draft()).toMatchObject({ confirmed: true, numbers: { first: 219, last: 220 } });
    expect(core.refusal({ type: 'minutes.editParagraph', meetingId, key: countsKey(), text: 'Late words.' })).toMatchObject({ message: expect.stringContaining('were confirmed; they can no longer be edited') });
    expect(core.refusal({ type: 'minutes.confirm', meetingId }).message).toContain('were confirmed');
  });

  it('keeps the names as they were at the meeting when a member is renamed afterwards', () => {
    const { core, bodyId, member } = c;
    const meade = member('Meade');
    core.send({ type: 'member.update', bodyId, memberId: meade.id, member: { title: 'Dr', initials: ['J'], surname: 'Meade-Okafor', honours: [], group: '', roles: [], voting: true } });
    const moved = block((b) => b.key.endsWith(':moved'));
    expect(moved.text).toBe('Mr Meade moved and Mr Dean seconded the following motion:');
    expect(JSON.stringify(draft())).not.toContain('Meade-Okafor');
  });
});

describe('minutes with nothing, or too little, in the record', () => {
  it('has no minutes for a meeting with no item taken, and says so when asked to confirm them', () => {
    const c = committee();
    const { core, clock, at, meetingId } = c;
    clock.advance(30 * 60_000);
    core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
    core.send({ type: 'meeting.close', meetingId, time: at('10:00') });
    const doc = draftMinutes(c.meeting(), c.body(), { timeZone: TZ });
    expect(doc.minutes).toEqual([]);
    expect(doc.numbers).toBeUndefined();
    expect(doc.heading).toBe('MINUTES of a meeting of the Planning Committee held on Wednesday, 1 July 2026.');
    expect(core.refusal({ type: 'minutes.confirm', meetingId }).message).toBe('No item was taken at this meeting: there are no minutes to number.');
    core.dispose();
  });

  it('flags an item whose motion has no outcome, and invents none', () => {
    const c = committee();
    const { core, clock, at, meetingId, item, member } = c;
    clock.advance(30 * 60_000);
    core.send({ type: 'attendance.mark', meetingId, memberId: member('Cole').id, state: 'present', time: at('10:00') });
    core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
    core.send({ type: 'item.start', meetingId, itemId: item('2'), time: at('10:00') });
    core.send({ type: 'motion.move', meetingId, itemId: item('2'), kind: 'substantive', wording: 'That the application be approved.', moverId: member('Cole').id });
    expect(draftMinutes(c.meeting(), c.body(), { timeZone: TZ }).attention).toEqual([]);
    core.send({ type: 'item.end', meetingId, itemId: item('2'), time: at('10:00') });
    core.send({ type: 'item.start', meetingId, itemId: item('3'), time: at('10:00') });
    core.send({ type: 'item.end', meetingId, itemId: item('3'), time: at('10:00') });
    const doc = draftMinutes(c.meeting(), c.body(), { timeZone: TZ });
    const [land, aob] = doc.minutes;
    expect(land.blocks.map((b) => b.kind)).toEqual(['paragraph', 'quotation', 'flag']);
    expect(land.blocks[2].text).toBe('No outcome was recorded for the motion moved by the Chairman: record it, or write what happened.');
    expect(aob.blocks).toMatchObject([{ kind: 'flag', text: 'Nothing was recorded for this item: add a note or a paragraph saying what happened.' }]);
    expect(doc.attention.map((a) => a.minuteKey)).toEqual([land.key, aob.key]);
    expect(printedBlocks(land.blocks).map((b) => b.kind)).toEqual(['paragraph', 'quotation']);
    expect(c.core.refusal({ type: 'minutes.editParagraph', meetingId, key: land.blocks[2].key, text: 'x' }).message).toContain('note for the clerk');
    core.dispose();
  });
});
