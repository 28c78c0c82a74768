// Every sentence of the minutes' house style as the clerk sees it on the form: a label in plain
// words, the placeholders it offers (each explained), and example values for its preview.
import type { MinutesStyle } from '../../../../shared/minutes/style';

export type TemplateKey = Exclude<keyof MinutesStyle, 'resolvedRewrites'>;

export interface StyleField {
  key: TemplateKey;
  label: string;
  /** The placeholders this sentence is filled with, and what each is. */
  placeholders: Record<string, string>;
  /** Example values for the preview (a value may name another template, filled from the form). */
  example: Record<string, string>;
}

const MEMBER = { member: 'the member, as the minutes name them' };

export const STYLE_FIELDS: readonly StyleField[] = [
  { key: 'heading', label: 'Heading of the minutes', placeholders: { body: 'the body’s name', venue: 'where it met', date: 'the date, written out' }, example: { body: 'Kent County Council', venue: 'Council Chamber, Sessions House', date: 'Thursday, 22 October 2015' } },
  { key: 'minuteHeading', label: 'Heading of each minute', placeholders: { number: 'the minute’s number', title: 'the item’s title', item: 'the agenda item’s number' }, example: { number: '219', title: 'Apologies for Absence', item: '1' } },
  { key: 'unrestrictedItems', label: 'Heading before the public items', placeholders: {}, example: {} },
  { key: 'exemptItems', label: 'Heading before the exempt items', placeholders: {}, example: {} },
  { key: 'chairman', label: 'Title of the one presiding', placeholders: {}, example: {} },
  { key: 'viceChairman', label: 'Title of the one who deputises', placeholders: {}, example: {} },
  { key: 'virtual', label: 'A member present virtually, in the PRESENT list', placeholders: { name: 'the member' }, example: { name: 'Mr M J Vye' } },
  { key: 'substitute', label: 'A substitute, in the PRESENT list', placeholders: { name: 'the substitute', for: 'the member they stand in for' }, example: { name: 'Mrs S Prendergast', for: 'Mr A H T Bowles' } },
  { key: 'apologies', label: 'Apologies for absence', placeholders: { reporter: 'who reported them (below)', names: 'the members, joined with “and” before the last' }, example: { reporter: '@apologiesReporter', names: 'Mr A H T Bowles and Mr A J King, MBE' } },
  { key: 'apologiesReporter', label: 'Who reports the apologies', placeholders: {}, example: {} },
  { key: 'noApologies', label: 'When there were no apologies', placeholders: {}, example: {} },
  { key: 'noDeclarations', label: 'When no interests were declared', placeholders: {}, example: {} },
  { key: 'declaration', label: 'An interest declared', placeholders: { ...MEMBER, kind: 'the kind of interest', item: 'the item', description: 'what the interest is' }, example: { member: 'Mr M J Vye', kind: 'an Other Significant Interest', item: 'Item 8', description: 'his wife is a governor of a school named in the report' } },
  { key: 'moved', label: 'A motion moved and seconded', placeholders: { mover: 'who moved it', seconder: 'who seconded it' }, example: { mover: 'Mr Vye', seconder: 'Mr Bird' } },
  { key: 'movedUnseconded', label: 'A motion moved, with no seconder', placeholders: { mover: 'who moved it' }, example: { mover: 'Mr Vye' } },
  { key: 'amendmentMoved', label: 'An amendment moved and seconded', placeholders: { mover: 'who moved it', seconder: 'who seconded it' }, example: { mover: 'Mrs Dean', seconder: 'Mr Latchford' } },
  { key: 'proceduralMoved', label: 'A procedural motion moved and seconded', placeholders: { mover: 'who moved it', seconder: 'who seconded it', motion: 'its words' }, example: { mover: 'Mr Gough', seconder: 'Mr Carter', motion: 'that the question be now put' } },
  { key: 'putToRecordedVote', label: 'A recorded vote, after the motion’s words', placeholders: { chair: 'the one presiding', motion: 'the motion, when the sentence stands alone' }, example: { chair: 'The @chairman', motion: 'the motion outlined in paragraph (1) above' } },
  { key: 'putMotionToRecordedVote', label: 'A recorded vote on a motion moved earlier in the minute', placeholders: { chair: 'the one presiding', kind: 'motion or amendment', paragraph: 'the paragraph where it was moved' }, example: { chair: 'The @chairman', kind: 'amendment', paragraph: '2' } },
  { key: 'agreedWithoutVote', label: 'Agreed without a vote', placeholders: { kind: 'motion, amendment or procedural motion' }, example: { kind: 'motion' } },
  { key: 'agreedUnanimously', label: 'Agreed unanimously', placeholders: {}, example: {} },
  { key: 'showOfHands', label: 'Decided on a show of hands', placeholders: { kind: 'motion, amendment or procedural motion', result: 'carried or lost', for: 'votes for', against: 'votes against', abstained: 'abstentions' }, example: { kind: 'motion', result: 'carried', for: '45', against: '12', abstained: '3' } },
  { key: 'divisionCounts', label: 'A division whose names are not recorded', placeholders: { kind: 'motion, amendment or procedural motion', result: 'carried or lost', for: 'votes for', against: 'votes against', abstained: 'abstentions' }, example: { kind: 'amendment', result: 'lost', for: '20', against: '51', abstained: '0' } },
  { key: 'lostWithoutVote', label: 'Lost without a vote', placeholders: { kind: 'motion, amendment or procedural motion' }, example: { kind: 'amendment' } },
  { key: 'withdrawn', label: 'Withdrawn', placeholders: { kind: 'motion, amendment or procedural motion' }, example: { kind: 'motion' } },
  { key: 'resolved', label: 'The decision', placeholders: { text: 'the motion as carried, with the rewrites below applied' }, example: { text: 'the County Council agrees the Treasury Management Strategy.' } },
  { key: 'previousMinutes', label: 'The previous minutes approved', placeholders: { date: 'the date of that meeting' }, example: { date: '17 September 2015' } },
  { key: 'previousMinutesCorrected', label: 'The previous minutes approved with corrections', placeholders: { date: 'the date of that meeting', corrections: 'the corrections' }, example: { date: '17 September 2015', corrections: 'the word “Residents” being replaced by “Refugee” in minute 207' } },
  { key: 'presided', label: 'Someone other than the Chairman presiding for an item', placeholders: MEMBER, example: { member: 'Mr R H Bird' } },
  { key: 'arrived', label: 'A member arriving after the start', placeholders: { ...MEMBER, time: 'the time, 24-hour' }, example: { member: 'Mr M J Vye', time: '10:42' } },
  { key: 'departed', label: 'A member leaving before the end', placeholders: { ...MEMBER, time: 'the time, 24-hour' }, example: { member: 'Mr M J Vye', time: '12:15' } },
  {
    key: 'virtualRuling',
    label: 'The Chair’s ruling on virtual attendance (where the body leaves it to the Chair)',
    placeholders: { chair: 'the one presiding, in the body’s word', time: 'the time, 24-hour', ruling: 'what the ruling was' },
    example: { chair: 'Chair', time: '14:02', ruling: 'would count towards the quorum and could vote' },
  },
];

/** The example values for a field's preview, those naming another template ("@chairman") filled from the style being edited. */
export const exampleValues = (field: StyleField, style: MinutesStyle): Record<string, string> =>
  Object.fromEntries(
    Object.entries(field.example).map(([name, value]) => [name, value.replace(/@([a-zA-Z]+)/g, (whole, key: string) => (typeof style[key as TemplateKey] === 'string' ? (style[key as TemplateKey] as string) : whole))]),
  );
