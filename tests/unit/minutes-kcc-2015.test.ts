// The minutes of the full council of 22 October 2015, drafted by Chamber from the record as the
// clerk would have kept it (scripted through the core's API: tests/support/minutesKcc2015.ts), and
// compared with the minutes the council published (tests/fixtures/packs/kcc-2015-10-22-minutes.txt):
// the heading, PRESENT and IN ATTENDANCE, the minute headings and their numbers, the apologies
// sentence, the mover and seconder lines, both recorded votes and the RESOLVED lines, each after
// normalising whitespace.
//
// Intentional differences, each with its reason:
// 1. The RESOLVED wording of minutes 38, 42 and 43 was rewritten by the clerk in 2015 (lettered
//    decisions, "be noted", "2015" added to a date). Chamber drafts "RESOLVED that …" from the
//    motion as carried (checked below as generated); the test then makes the clerk's edit through
//    the API, and the edited paragraph must read as published.
// 2. Minute 42's published text leaves its second and third paragraphs unnumbered, while minute 43
//    numbers every paragraph; Chamber numbers every paragraph of a minute that has more than one,
//    so the RESOLVED lines are compared without their "(n)".
// 3. "Vice- Chairman" in minute 38 is a line break of the PDF the fixture was taken from; it is
//    read as "Vice-Chairman".
// 4. Mrs S Howes of the PRESENT list is "Ms S Howes" in the recorded votes: a body keeps one title
//    for a member, the vote lists' (tests/support/minute43.ts), so PRESENT says "Ms S Howes".
// 5. Minute 38's "The following was agreed without a formal vote." is the clerk's own sentence;
//    Chamber writes its house style's "The motion was agreed without a formal vote." (not compared).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesToHtml, minutesToMarkdown, minutesToText } from '../../shared/minutes/exportText';
import { decisionsOnly } from '../../shared/minutes/model';
import { attendanceCsv, votesCsv } from '../../shared/minutes/recordsOffice';
import { minutesToDocx } from '../../renderer/src/minutes/minutesDocx';
import { draftMinutes } from '../../shared/minutes/draft';
import type { Minute, MinutesDocument } from '../../shared/minutes/model';
import { normaliseVoteText, minute43 } from '../support/minute43';
import { itWhere, originalPacks, SEEDS } from '../support/skips';
import { EXEMPT_NOTE, kcc2015Minutes, recordKcc2015Meeting, type Kcc2015Meeting } from '../support/minutesKcc2015';

const norm = (s: string) => s.replace(/\*\*/g, '').replace(/Vice- Chairman/g, 'Vice-Chairman').replace(/\s+/g, ' ').trim();

/** The fixture's paragraphs (blank-line separated), Markdown emphasis and headings' marks removed. */
const published = kcc2015Minutes()
  .split(/\n\s*\n/)
  .map((p) => norm(p.replace(/^#+\s*/gm, '')))
  .filter(Boolean);

const publishedLine = (start: string): string => {
  const found = published.find((p) => p.startsWith(start));
  if (!found) throw new Error(`the published minutes have no paragraph starting "${start}"`);
  return found;
};

/** A block as printed: "(n) " and its text. */
const printed = (doc: MinutesDocument, minuteNumber: number): string[] =>
  doc.minutes.find((m) => m.number === minuteNumber)!.blocks.filter((b) => b.kind !== 'flag' && b.status !== 'struck').map((b) => norm(`${b.number ? `(${b.number}) ` : ''}${b.text}`));

describe('the minutes of 22 October 2015, drafted from the record', () => {
  let kcc: Kcc2015Meeting;
  const draft = (record: 'public' | 'confidential' = 'public') => draftMinutes(kcc.meeting(), kcc.body(), { timeZone: 'Europe/London', record });
  beforeAll(() => {
    kcc = recordKcc2015Meeting({ close: true });
  });
  afterAll(() => kcc.core.dispose());

  it('heads the minutes, lists PRESENT with the Chairman and Vice-Chairman marked, and IN ATTENDANCE, as published', () => {
    const doc = draft();
    expect(doc.heading).toBe(publishedLine('MINUTES of a meeting'));
    const [chairman, vice, rest, officers] = doc.front;
    expect(chairman).toMatchObject({ label: 'PRESENT:', text: 'Mr M J Harrison (Chairman)' });
    expect(vice.text).toBe('Mr T Gates (Vice-Chairman)');
    expect(norm(rest.text)).toBe(publishedLine('Mrs A D Allen, MBE').replace('Mrs S Howes', 'Ms S Howes'));
    expect(norm(`${officers.label} ${officers.text}`)).toBe(publishedLine('IN ATTENDANCE:'));
    expect(doc.sectionHeading).toBe('UNRESTRICTED ITEMS');
  });

  it('numbers one minute per item taken, on from the body’s sequence (35 to 43), in the order taken', () => {
    const doc = draft();
    const headings = doc.minutes.map((m: Minute) => m.heading);
    const publishedHeadings = published.filter((p) => /^(3[5-9]|4[0-3])\. /.test(p));
    expect(headings).toEqual(publishedHeadings);
    expect(doc.numbers).toEqual({ first: 35, last: 44 });
  });

  it('writes the apologies sentence, "None" for declarations and the previous minutes approved with their correction', () => {
    const doc = draft();
    expect(printed(doc, 35)).toEqual([publishedLine('The Director of Governance and Law reported apologies')]);
    expect(printed(doc, 36)).toEqual(['None']);
    expect(printed(doc, 37)).toEqual([publishedLine('RESOLVED that the minutes of the meeting held on 17 September 2015')]);
  });

  it('writes the mover and seconder lines as published', () => {
    const doc = draft();
    expect(printed(doc, 38)).toContain(publishedLine('(2) The Chairman moved and the Vice-Chairman seconded the following motion:'));
    expect(printed(doc, 38)[0]).toBe(publishedLine('(1) The Chairman stated that he had agreed'));
    expect(printed(doc, 42)[0]).toBe(publishedLine('(1) Mr Oakford moved and Mrs Whittle seconded the following motion:'));
    const m43 = printed(doc, 43);
    expect(m43[0]).toBe(publishedLine('(1) Mr Vye moved and Mr Bird seconded the following motion:'));
    expect(m43).toContain(publishedLine('(2) Mr Kite moved and Mr Parry seconded the procedural motion'));
    expect(m43).toContain(publishedLine('(3) The Chairman then put the motion outlined in paragraph (1) above to the vote'));
    expect(printed(doc, 42)[2]).toBe('(2) The motion was agreed without a formal vote.');
  });

  it('prints both recorded votes of minute 43 as published, in the order they were taken', () => {
    const blocks = draft().minutes.find((m) => m.number === 43)!.blocks.filter((b) => b.kind === 'recordedVote');
    expect(blocks.map((b) => normaliseVoteText(b.text))).toEqual([normaliseVoteText(minute43.procedural.recordedVote), normaliseVoteText(minute43.vote.recordedVote)]);
    expect(blocks[0].vote?.ways.map((w) => w.count)).toEqual([64, 4, 4]);
    expect(blocks.every((b) => !b.editable)).toBe(true);
    // A recorded vote is corrected in the division, with a reason, never typed over.
    expect(kcc.core.refusal({ type: 'minutes.editParagraph', meetingId: kcc.meetingId, key: blocks[0].key, text: 'For (65)' }).message).toBe('A recorded vote is not typed over: correct the vote in the division, with a reason.');
  });

  it('drafts RESOLVED from the motion as carried; the clerk’s edits then read as published', () => {
    const resolved = (n: number) => draft().minutes.find((m) => m.number === n)!.blocks.find((b) => b.kind === 'resolution')!;
    expect(resolved(43).text).toBe(`RESOLVED that ${minute43.motion.wording.replace(/^That this Council/, 'this Council')}`);
    expect(resolved(42).text.startsWith('RESOLVED that the County Council is asked to comment on the report and endorse:')).toBe(true);
    expect(resolved(38).text.startsWith('RESOLVED that the County Council is invited to:')).toBe(true);
    // The clerk rewrites them as the council published them (difference 1).
    const asPublished = (n: number, start: string) => {
      const index = published.findIndex((p) => p.startsWith(start) && published.indexOf(p) > published.findIndex((q) => q.startsWith(`${n}. `)));
      const lines = [published[index].replace(/^\(\d+\) /, '')];
      for (let i = index + 1; i < published.length && /^(- )?\([a-z]\) /.test(published[i]); i += 1) lines.push(published[i].replace(/^- /, ''));
      return lines.join('\n\n');
    };
    for (const [n, start] of [[38, '(5) RESOLVED that:'], [42, 'RESOLVED that'], [43, '(4) RESOLVED that']] as const) {
      const words = asPublished(n, start);
      kcc.core.send({ type: 'minutes.editParagraph', meetingId: kcc.meetingId, key: resolved(n).key, text: words });
      expect(resolved(n)).toMatchObject({ status: 'edited', text: words });
      expect(norm(resolved(n).text)).toBe(norm(words));
    }
    expect(norm(resolved(43).text)).toContain('(b) the Chairman write to the Prime Minister stating how valuable this scheme has been for the young children and families of Kent.');
  });

  it('exports the minutes to Word, read back with their votes and RESOLVED lines, and no public export names the exempt item', async () => {
    const doc = draft();
    const word = await minutesToDocx(doc);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(word) });
    const text = norm(value);
    expect(text).toContain(publishedLine('MINUTES of a meeting'));
    expect(text).toContain(publishedLine('The Director of Governance and Law reported apologies'));
    expect(text).toContain(normaliseVoteText(minute43.vote.recordedVote).replace(/ Motion carried$/, ''));
    expect(text.indexOf('35. Apologies for Absence')).toBeLessThan(text.indexOf('43. Motion for Time Limited Debate'));
    const publicOutputs = [minutesToMarkdown(doc), minutesToHtml(doc), minutesToText(doc), minutesToMarkdown(decisionsOnly(doc)), value, votesCsv(kcc.meeting(), kcc.body(), 'Europe/London'), attendanceCsv(kcc.meeting(), kcc.body(), 'Europe/London')];
    for (const output of publicOutputs) {
      expect(output).not.toContain('Secret Buyer');
      expect(output).not.toContain('Property disposal');
    }
    expect(minutesToText(draft('confidential'))).toContain('Secret Buyer');
  });

  it('keeps the exempt item out of the public minutes, and only in the confidential record', () => {
    const pub = JSON.stringify(draft());
    expect(pub).not.toContain('Secret Buyer');
    expect(pub).not.toContain('Property disposal');
    const confidential = draft('confidential');
    expect(confidential.sectionHeading).toBe('EXEMPT ITEMS (Open access to minutes prohibited)');
    expect(confidential.minutes.map((m) => m.heading)).toEqual(['44. Property disposal at Sessions House (exempt: paragraph 3)']);
    expect(confidential.minutes[0].blocks.map((b) => b.text)).toEqual([EXEMPT_NOTE]);
  });
});

itWhere(originalPacks(), 'the minutes kept in tests/fixtures are exactly those of the original pack', () => {
  const original = readFileSync(path.join(SEEDS, 'kcc-2015-12-10-agenda-and-2015-10-22-minutes.txt'), 'utf8').split('\n').slice(72, 295).join('\n');
  expect(kcc2015Minutes().split('\n').slice(1).join('\n').trimEnd()).toBe(original.trimEnd());
});
