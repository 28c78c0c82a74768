// The minutes as they are printed, line by line: what every exporter (Word, HTML, Markdown, plain
// text) lays out, so that they all print the same words in the same order. Only printed blocks
// (never a flag, never a struck paragraph); text cleaned of what no document may carry. Pure: no
// Node, no DOM.
import { printedBlocks, type BlockKind, type MinutesBlock, type MinutesDocument } from './model';

/**
 * Control characters no exported document may carry (XML 1.0 forbids them in a .docx; in HTML,
 * Markdown and text they are invisible mischief): U+0000–U+0008, U+000B, U+000C, U+000E–U+001F
 * and the non-characters U+FFFE, U+FFFF. Tab, line feed and carriage return are kept here and
 * dealt with as layout.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Half of a surrogate pair on its own is not text either (XML refuses it): replaced, not dropped, so a reader sees something was there. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const cleanText = (text: string): string => text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');

/** A text's lines, cleaned: tabs as spaces, no leading or trailing space, empty lines dropped. */
export const textLines = (text: string): string[] =>
  cleanText(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\t/g, ' ').trim())
    .filter((line) => line !== '');

/** One text as a single line: a heading or a label never breaks. */
export const oneLine = (text: string): string => textLines(text).join(' ');

/**
 * What a printed line is, for layout:
 * - label: "PRESENT:" on a line of its own (bold);
 * - text: the words of the block, a line per paragraph break the clerk typed;
 * - voteWay: "For (64)" (bold); voteNames: the names, joined with ", "; voteOutcome: "Procedural motion carried" (italic).
 */
export type LineRole = 'label' | 'text' | 'voteWay' | 'voteNames' | 'voteOutcome';

export interface PrintedLine {
  role: LineRole;
  text: string;
  /** "(1)": on the first line of a numbered paragraph. */
  number?: string;
  /** "IN ATTENDANCE:": a label printed in bold at the start of the first line. */
  inlineLabel?: string;
}

export interface PrintedBlock {
  key: string;
  kind: Exclude<BlockKind, 'flag'>;
  lines: PrintedLine[];
}

export interface PrintedMinute {
  key: string;
  number: number;
  heading: string;
  blocks: PrintedBlock[];
}

export interface PrintedMinutes {
  heading: string;
  front: PrintedBlock[];
  sectionHeading: string;
  minutes: PrintedMinute[];
}

const voteLines = (vote: NonNullable<MinutesBlock['vote']>): PrintedLine[] => [
  ...vote.ways.flatMap((way): PrintedLine[] => {
    const names = way.names.map(oneLine).filter((name) => name !== '');
    return [{ role: 'voteWay', text: `${way.heading} (${way.count})` }, ...(names.length > 0 ? [{ role: 'voteNames' as const, text: names.join(', ') }] : [])];
  }),
  ...(oneLine(vote.outcome) ? [{ role: 'voteOutcome' as const, text: oneLine(vote.outcome) }] : []),
];

/** A block's printed lines; undefined when nothing of it is left to print. */
export const layoutBlock = (block: MinutesBlock): PrintedBlock | undefined => {
  if (block.kind === 'flag') return undefined;
  const label = block.label ? oneLine(block.label) : '';
  const body: PrintedLine[] =
    block.kind === 'recordedVote' && block.vote ? voteLines(block.vote) : textLines(block.text).map((text) => ({ role: 'text' as const, text }));
  if (body.length === 0) return undefined;
  const [first, ...rest] = body;
  const opening: PrintedLine = {
    ...first,
    ...(block.number !== undefined ? { number: `(${block.number})` } : {}),
    ...(label && block.labelInline ? { inlineLabel: label } : {}),
  };
  const lines: PrintedLine[] = [...(label && !block.labelInline ? [{ role: 'label' as const, text: label }] : []), opening, ...rest];
  return { key: block.key, kind: block.kind, lines };
};

const layoutBlocks = (blocks: readonly MinutesBlock[]): PrintedBlock[] =>
  printedBlocks(blocks).flatMap((block) => {
    const printed = layoutBlock(block);
    return printed ? [printed] : [];
  });

/**
 * The document as printed. In public minutes an exempt item's minute prints its heading only:
 * its words belong to the confidential record, whatever a draft put there.
 */
export const layoutMinutes = (doc: MinutesDocument): PrintedMinutes => ({
  heading: oneLine(doc.heading),
  front: layoutBlocks(doc.front),
  sectionHeading: oneLine(doc.sectionHeading),
  minutes: doc.minutes.map((minute) => ({
    key: minute.key,
    number: minute.number,
    heading: oneLine(minute.heading),
    blocks: doc.record === 'public' && minute.exempt ? [] : layoutBlocks(minute.blocks),
  })),
});

/** A line's words as printed in plain text: number, label, text. */
export const plainLine = (line: PrintedLine): string => [line.number, line.inlineLabel, line.text].filter((part) => part).join(' ');
