// The minutes model: the draft as Chamber writes it from the record, with the clerk's edits laid
// over it. Every exporter (Word, HTML, Markdown, plain text, decisions only) and the editor read
// this one shape, so what the clerk sees is what is exported. Pure: no Node, no DOM.
//
// A block is one paragraph of the minutes, with a key that names its source in the record
// ("item:<itemId>:motion:<motionId>:moved"), so an edit stays with its paragraph when the record
// around it changes. Each block says what Chamber writes for it now (`generated`), what it wrote
// when the clerk edited it (`editedFrom`), and so whether the record changed under the edit.

/** What a block is, for layout: exporters style each kind; the editor offers what each allows. */
export type BlockKind =
  /** "PRESENT:" and its paragraphs, "IN ATTENDANCE:", "ALSO PRESENT:" */
  | 'attendance'
  /** A sub-heading inside a minute: "(a) Mr William Whelan". */
  | 'subheading'
  /** A numbered paragraph of narrative: notes, statements, who moved what. */
  | 'paragraph'
  /** The words of a motion or amendment, in quotation marks, indented. */
  | 'quotation'
  /** A recorded vote: For (n), names, Against (n), names, Abstain (n), names, outcome. */
  | 'recordedVote'
  /** "RESOLVED that …" */
  | 'resolution'
  /** Something the record does not say and the clerk must: an item with no outcome. Never exported as minutes text. */
  | 'flag';

/** The lists of a recorded vote, as the minutes print them. */
export interface RecordedVoteLists {
  ways: { heading: 'For' | 'Against' | 'Abstain'; count: number; names: string[] }[];
  /** "Motion carried", "Procedural motion lost". */
  outcome: string;
}

/**
 * How a block stands against the record:
 * - generated: Chamber's words from the record, untouched;
 * - edited: the clerk's words; the record has not changed under them since;
 * - changed: the clerk's words, but the record changed since they edited it (see `editedFrom`);
 * - added: a paragraph the clerk added;
 * - struck: the clerk struck it out (shown to the clerk, never exported);
 * - orphaned: the clerk's words, whose source is no longer in the record.
 */
export type BlockStatus = 'generated' | 'edited' | 'changed' | 'added' | 'struck' | 'orphaned';

export interface MinutesBlock {
  key: string;
  kind: BlockKind;
  /** The words as they stand: the clerk's where edited, otherwise Chamber's. */
  text: string;
  /** "(1)": the paragraph's number within its minute, where the minute numbers its paragraphs. */
  number?: number;
  status: BlockStatus;
  /** What Chamber writes from the record now (empty for a paragraph the clerk added). */
  generated: string;
  /** What Chamber had written when the clerk edited the block: differs from `generated` when the record changed since. */
  editedFrom?: string;
  /** For a recorded vote: its lists, for layout. */
  vote?: RecordedVoteLists;
  /** Whether the clerk may edit it: a recorded vote is corrected in the division, never typed over. */
  editable: boolean;
  /** When the clerk last changed it (ISO instant). */
  editedAt?: string;
  /** Printed in bold before the text: "PRESENT:", "IN ATTENDANCE:". On a line of its own unless `labelInline`. */
  label?: string;
  labelInline?: boolean;
}

export interface Minute {
  /** "item:<itemId>" */
  key: string;
  itemId: string;
  /** The minute's number in the body's sequence. */
  number: number;
  /** The agenda item's number as printed ("1", "9a"). */
  itemNumber: string;
  title: string;
  /** "219. Apologies for Absence (Item 1)", in the body's style. */
  heading: string;
  exempt: boolean;
  /** Whether its paragraphs are numbered "(1)", "(2)": when it has more than one. */
  numbered: boolean;
  blocks: MinutesBlock[];
}

export type MinutesRecord = 'public' | 'confidential';

export interface MinutesDocument {
  meetingId: string;
  bodyName: string;
  /** The meeting's date, YYYY-MM-DD, and as written ("Thursday, 22 October 2015"). */
  date: string;
  longDate: string;
  /** Public minutes, or the confidential record of the exempt items. */
  record: MinutesRecord;
  /** "MINUTES of a meeting of the … on Thursday, 22 October 2015." */
  heading: string;
  /** PRESENT, ALSO PRESENT, IN ATTENDANCE; then apologies and declarations where the agenda has no item for them. */
  front: MinutesBlock[];
  /** "UNRESTRICTED ITEMS" (public) or "EXEMPT ITEMS …" (confidential). */
  sectionHeading: string;
  minutes: Minute[];
  /** The first and last minute numbers of the meeting (the exempt ones included): for the body's sequence. */
  numbers?: { first: number; last: number };
  /** Whether the minutes' numbers have been confirmed (the body's sequence has moved on). */
  confirmed: boolean;
  /** Blocks whose record changed since the clerk edited them, and items with nothing recorded: the clerk's to-do. */
  attention: { key: string; minuteKey?: string; why: string }[];
}

/** The exporters' formats. */
export type MinutesFormat = 'docx' | 'html' | 'markdown' | 'text';

/** What is exported: the whole minutes, the decisions only (for publishing the same day), or the confidential record. */
export type MinutesVariant = 'full' | 'decisions' | 'confidential';

/** Blocks that go into exported minutes: never a flag, never a struck paragraph. */
export const printedBlocks = (blocks: readonly MinutesBlock[]): MinutesBlock[] => blocks.filter((b) => b.kind !== 'flag' && b.status !== 'struck' && b.text.trim() !== '');

/**
 * The decisions-only record: each minute's heading with its resolutions and the outcomes of its
 * votes (recorded votes as their outcome line), nothing of the debate.
 */
export const decisionsOnly = (doc: MinutesDocument): MinutesDocument => ({
  ...doc,
  front: [],
  minutes: doc.minutes.map((m) => ({
    ...m,
    numbered: false,
    blocks: printedBlocks(m.blocks)
      .filter((b) => b.kind === 'resolution' || b.kind === 'recordedVote')
      .map((b) => (b.kind === 'recordedVote' && b.vote ? { ...b, kind: 'paragraph' as const, text: `${b.vote.outcome} (For ${b.vote.ways[0]?.count ?? 0}, Against ${b.vote.ways[1]?.count ?? 0}, Abstain ${b.vote.ways[2]?.count ?? 0}).`, vote: undefined, number: undefined } : { ...b, number: undefined })),
  })),
  attention: [],
});
