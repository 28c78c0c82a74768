// The minutes of a synthetic full day (83 members, 40 items, 1,500 speeches, 60 motions and
// amendments, 30 recorded votes of every member, 500,000 characters of notes, built through the
// API), and of an empty meeting, in the same run:
// - the draft written from the record (draftMinutes), beside serialising the record (JSON) as a
//   bare baseline;
// - the draft to Markdown (goal ≤ 200 ms) and to .docx (goal ≤ 1.5 s), medians of several runs;
// - regenerating one minute after a vote correction (goal ≤ 20 ms);
// - the clerk's edit of a paragraph, dispatch to commit, full day against empty (goal ≤ 1.2×).
import { performance } from 'node:perf_hooks';
import type { Command } from '../shared/commands';
import { draftMinutes } from '../shared/minutes/draft';
import { minutesToMarkdown } from '../shared/minutes/exportText';
import { defaultStandingOrders } from '../shared/procedure/standingOrders';
import type { BodyState } from '../shared/state/body';
import type { MeetingState } from '../shared/state/meeting';
import { minutesToDocx } from '../renderer/src/minutes/minutesDocx';
import { kcc2015Membership } from '../tests/support/kcc2015';
import { openTestCore } from '../tests/support/meeting';
import { divide, EMPTY_DAY, fillDay, FULL_DAY, startDay, type MeetingDay } from './meetingDay';
import { median, ms, percentile, sample, type Row } from './stats';

const TZ = 'Europe/London';

export const benchMinutes = async (): Promise<Row[]> => {
  const core = openTestCore();
  core.db.pragma('synchronous = OFF'); // set-up speed only
  const send = (command: Command) => {
    const outcome = core.dispatch(command);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.error.message}`);
    return outcome.result.ids;
  };
  // Every vote recorded by name, as the minutes print them.
  const { bodyId } = send({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' });
  send({ type: 'member.import', bodyId, source: 'csv', members: kcc2015Membership() });
  const orders = defaultStandingOrders('full_council');
  send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...orders, recordedVote: { ...orders.recordedVote, always: true } } });
  const emptyDay = startDay(core, bodyId);
  const fullDay = startDay(core, bodyId);
  fillDay(core, emptyDay, EMPTY_DAY);
  fillDay(core, fullDay, FULL_DAY);
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = (day: MeetingDay) => (core.read(`meeting:${day.meetingId}`) as { ok: true; data: MeetingState }).data;
  core.db.pragma('synchronous = FULL');

  const full = meeting(fullDay);
  const empty = meeting(emptyDay);
  const recordedVotes = full.divisions.filter((d) => d.recorded).length;
  const doc = draftMinutes(full, body(), { timeZone: TZ });
  const blocks = doc.minutes.reduce((n, m) => n + m.blocks.length, 0);

  const bare = sample(30, () => JSON.stringify(full), 3);
  const draftFull = sample(30, () => draftMinutes(full, body(), { timeZone: TZ }), 3);
  const draftEmpty = sample(30, () => draftMinutes(empty, body(), { timeZone: TZ }), 3);
  const markdown = sample(20, () => minutesToMarkdown(draftMinutes(full, body(), { timeZone: TZ })), 2);
  const docx: number[] = [];
  for (let i = -1; i < 7; i += 1) {
    const started = performance.now();
    const bytes = await minutesToDocx(draftMinutes(full, body(), { timeZone: TZ }));
    if (i >= 0) docx.push(performance.now() - started);
    if (bytes.byteLength < 10_000) throw new Error('the .docx is too small to be the day');
  }

  // A vote corrected (alternately one way and back, so the result stands), then that one minute drafted again.
  const division = full.divisions[full.divisions.length - 1];
  const voter = Object.keys(full.votes[division.id]).find((id) => full.votes[division.id][id].choice === 'abstain')!;
  const regenerate: number[] = [];
  for (let i = -5; i < 40; i += 1) {
    send({ type: 'vote.correct', meetingId: fullDay.meetingId, divisionId: division.id, memberId: voter, choice: (i + 5) % 2 === 0 ? 'for' : 'abstain', reason: 'Bench: a console failed' });
    const m = meeting(fullDay);
    const started = performance.now();
    const one = draftMinutes(m, body(), { timeZone: TZ, itemIds: [division.itemId] });
    if (i >= 0) regenerate.push(performance.now() - started);
    if (one.minutes.length !== 1) throw new Error('one minute expected');
  }

  // The clerk's edit of a paragraph, on each day in turn.
  // A paragraph of a minute with a motion decided by a recorded vote of every member: on the full
  // day, the last division's; on the empty one, its only minute.
  const editKey = (day: MeetingDay, m: MeetingState) => {
    const itemId = day === fullDay ? division.itemId : day.items[0];
    const minute = draftMinutes(m, body(), { timeZone: TZ, itemIds: [itemId] }).minutes[0];
    // The same paragraph on both days (who moved the motion): the full day's minute also has the
    // clerk's 12,500 characters of notes, and an edit records the words it replaces, so editing
    // those would weigh the paragraph, not the day.
    const editable = minute?.blocks.find((b) => b.editable && b.key.endsWith(':moved'));
    if (editable) return editable.key;
    return `item:${itemId}`;
  };
  // The empty day has no item taken: take one like the full day's, a motion decided by a recorded
  // vote of every member, so the two minutes are alike and only the day around them differs.
  send({ type: 'item.start', meetingId: emptyDay.meetingId, itemId: emptyDay.items[0] });
  const { motionId } = send({ type: 'motion.move', meetingId: emptyDay.meetingId, itemId: emptyDay.items[0], kind: 'substantive', wording: 'That the recommendations in the report be agreed.', moverId: emptyDay.members[0], seconderId: emptyDay.members[1] });
  divide(core, emptyDay, motionId, 0);
  send({ type: 'item.end', meetingId: emptyDay.meetingId, itemId: emptyDay.items[0] });
  const keys = { empty: editKey(emptyDay, meeting(emptyDay)), full: editKey(fullDay, meeting(fullDay)) };
  const editedMinuteBlocks = draftMinutes(meeting(fullDay), body(), { timeZone: TZ, itemIds: [division.itemId] }).minutes[0].blocks.length;
  const edits = { empty: [] as number[], full: [] as number[] };
  for (let i = -20; i < 200; i += 1) {
    for (const [name, day] of [['empty', emptyDay], ['full', fullDay]] as const) {
      const started = performance.now();
      send({ type: 'minutes.editParagraph', meetingId: day.meetingId, key: keys[name], text: `The clerk's words, version ${i}.` });
      if (i >= 0) edits[name].push(performance.now() - started);
    }
  }
  core.dispose();

  const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;
  return [
    {
      measure: `Minutes drafted from the record, full day (${doc.minutes.length} minutes, ${blocks} paragraphs, ${recordedVotes} recorded votes) vs serialising the record`,
      p50: ms(median(draftFull)),
      p99: ms(percentile(draftFull, 99)),
      baseline: ms(median(bare)),
      ratio: ratio(draftFull, bare),
      goal: 'report',
    },
    { measure: 'Minutes drafted, empty meeting', p50: ms(median(draftEmpty)), p99: ms(percentile(draftEmpty, 99)), baseline: '', ratio: '', goal: 'report' },
    { measure: 'Full day: draft to Markdown', p50: ms(median(markdown)), p99: ms(percentile(markdown, 99)), baseline: ms(median(bare)), ratio: ratio(markdown, bare), goal: `≤ 200 ms ${median(markdown) <= 200 ? '✓' : '✗'}` },
    { measure: 'Full day: draft to .docx', p50: ms(median(docx)), p99: ms(percentile(docx, 99)), baseline: ms(median(bare)), ratio: ratio(docx, bare), goal: `≤ 1.5 s ${median(docx) <= 1500 ? '✓' : '✗'}` },
    { measure: 'One minute drafted again after a vote correction (81 names)', p50: ms(median(regenerate)), p99: ms(percentile(regenerate, 99)), baseline: '', ratio: '', goal: `≤ 20 ms ${median(regenerate) <= 20 ? '✓' : '✗'}` },
    {
      measure: `The clerk's edit of a paragraph (a minute of ${editedMinuteBlocks} paragraphs with a recorded vote), dispatch → commit, full day vs empty`,
      p50: ms(median(edits.full)),
      p99: ms(percentile(edits.full, 99)),
      baseline: ms(median(edits.empty)),
      ratio: ratio(edits.full, edits.empty),
      goal: `≤ 1.2× ${median(edits.full) / median(edits.empty) <= 1.2 ? '✓' : '✗'}`,
    },
  ];
};
