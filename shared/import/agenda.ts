// Reads the agenda out of a meeting pack pasted as text (a summons-and-agenda PDF or page turned
// into text). It reads structure rather than one council's layout: the AGENDA heading, numbered
// items, continuation lines, page ranges, proposer and seconder lines, quoted motion text, the
// motions printed after the agenda, and where the agenda ends. Pure: no Node, no DOM. Never
// throws; every step is linear in the length of the text.
import { z } from 'zod';

/** Pasted text longer than this is refused: a summons and agenda is far smaller. */
export const MAX_IMPORT_CHARACTERS = 5_000_000;

export const AgendaItemKind = z.enum([
  'apologies',
  'election',
  'declarations',
  'minutes',
  'announcements',
  'questions',
  'leaders_report',
  'report',
  'motion',
  'time_limited_motion',
  'urgent_business',
  'exempt',
  'other',
]);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

export const PageRange = z.strictObject({ from: z.int().positive(), to: z.int().positive() });
export type PageRange = z.infer<typeof PageRange>;

/** One agenda item as read from the pack, for the clerk to check before it is loaded. */
export const AgendaItemDraft = z.strictObject({
  /** As printed: "1", "12", "9a". */
  number: z.string().min(1),
  title: z.string().min(1),
  pages: PageRange.optional(),
  proposer: z.string().optional(),
  seconder: z.string().optional(),
  /** The subject of a motion ("Retaining and recruiting GPs"), when the pack gives one. */
  motionTitle: z.string().optional(),
  /** The words of the motion, paragraphs separated by a blank line, without the outer quotation marks. */
  motionText: z.string().optional(),
  /** A short text printed under the item, such as "To receive apologies for absence." */
  description: z.string().optional(),
  kind: AgendaItemKind,
  /** 'unsure' when the importer had to guess; the note says what to check. */
  confidence: z.enum(['sure', 'unsure']),
  note: z.string().optional(),
});
export type AgendaItemDraft = z.infer<typeof AgendaItemDraft>;

/** Something the clerk should look at; `line` is 1-based in the pasted text. */
export interface ImportWarning {
  line?: number;
  text: string;
  message: string;
}

export type AgendaImport = { items: AgendaItemDraft[]; warnings: ImportWarning[] } | { error: { message: string; line?: number } };

// ---------------------------------------------------------------------------------------------
// Pasted text

/**
 * Why pasted text cannot be read, or undefined when it can: not text, too large, or binary
 * (a PDF or Word file pasted as bytes rather than its text).
 */
export const checkPastedText = (text: unknown, what: string): string | undefined => {
  if (typeof text !== 'string') return `The ${what} must be text.`;
  if (text.length > MAX_IMPORT_CHARACTERS) {
    const megabytes = (text.length / 1_000_000).toFixed(1);
    return `The ${what} is too large to import (${megabytes} million characters; the limit is 5 million). Paste only the ${what}, not the whole pack.`;
  }
  let control = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return `This does not look like text: it contains binary data (a NUL character at position ${index + 1}). Copy the ${what} as plain text, not the file itself.`;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127 || code === 0xfffd) control += 1;
  }
  if (control > 0 && control * 100 >= text.length) {
    return `This does not look like text: ${control} of its ${text.length} characters are control codes or unreadable bytes. Copy the ${what} as plain text, not the file itself.`;
  }
  return undefined;
};

/** Lines of pasted text; a form feed (page break) counts as a line break. */
export const splitPastedLines = (text: string): string[] => text.split(/\r\n|\r|\n|\f/);

/**
 * One line with layout noise removed: Markdown heading marks, bold and italic asterisks,
 * backslash escapes, tabs and non-breaking spaces; runs of spaces become one.
 */
export const cleanLine = (raw: string): string => {
  const text = raw
    .replace(/^[ \t]*(\d{1,3}[a-z]?)\t/, '$1. ')
    .replace(/[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+.!-])/g, '$1')
    .replace(/\*+/g, '')
    .replace(/^[\s#>]+/, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return /[\p{L}\p{N}"“”]/u.test(text) ? text : '';
};

/** Page numbers and footers a PDF leaves between lines ("Page 2", "- 3 -"). */
export const isPageFurniture = (text: string): boolean => /^(?:page \d{1,5}(?: of \d{1,5})?|-? ?\d{1,4} ?-?)$/i.test(text);

/** Joins wrapped lines with single spaces; a word broken at a hyphen is joined without one, list items keep their own line. */
export const joinWrappedLines = (lines: readonly string[]): string => {
  const parts: string[] = [];
  let previous = '';
  for (const line of lines) {
    if (line === '') continue;
    if (previous === '') parts.push(line);
    else if (/^\p{L}-$/u.test(previous.slice(-2))) parts.push(line);
    else if (/^(?:\d{1,2}[.)]|\([a-z0-9]{1,4}\)|[a-z][.)]|[-•–])\s/i.test(line)) parts.push('\n', line);
    else parts.push(' ', line);
    previous = line;
  }
  return parts.join('');
};

// ---------------------------------------------------------------------------------------------
// What a line says

interface ItemNumber {
  number: string;
  base: number;
  letter?: string;
  title: string;
}

/** "12. Governance Refresh Plan" → 12; "9a. …", "9(a) …" → 9a. Paragraph numbers such as "1.1" are not items. */
export const readItemNumber = (text: string): ItemNumber | undefined => {
  const match = /^(?:item\s+)?(\d{1,3})(?:\(([a-z])\)[.:]?|([a-z])?[.):])\s*(.*)$/i.exec(text);
  if (match === null) return undefined;
  const title = match[4].trim();
  if (!/^[\p{L}"“‘'(]/u.test(title) || !/\p{L}/u.test(title)) return undefined;
  const letter = (match[2] ?? match[3])?.toLowerCase();
  const base = Number(match[1]);
  if (base === 0) return undefined;
  return { number: `${base}${letter ?? ''}`, base, ...(letter === undefined ? {} : { letter }), title };
};

const INLINE_PAGES = /\(\s*pages?\s+(\d{1,5})(?:\s*(?:-|–|—|to)\s*(\d{1,5}))?\s*\)/i;
const WHOLE_LINE_PAGES = /^pages?\s+(\d{1,5})(?:\s*(?:-|–|—|to)\s*(\d{1,5}))?\.?$/i;
const TRAILING_PAGES = /\spages\s+(\d{1,5})\s*(?:-|–|—|to)\s*(\d{1,5})\.?$/i;

const pageRangeOf = (match: RegExpExecArray): PageRange => {
  const from = Number(match[1]);
  return { from, to: match[2] === undefined ? from : Number(match[2]) };
};

/** A page range printed in a line ("(Pages 15 - 22)", "(Page 5)", "… Pages 15 - 22"), and the line without it. */
export const takePageRange = (text: string): { pages?: PageRange; rest: string } => {
  const whole = WHOLE_LINE_PAGES.exec(text);
  if (whole !== null) return { pages: pageRangeOf(whole), rest: '' };
  const inline = INLINE_PAGES.exec(text) ?? TRAILING_PAGES.exec(text);
  if (inline === null) return { rest: text };
  const rest = (text.slice(0, inline.index) + ' ' + text.slice(inline.index + inline[0].length)).replace(/ {2,}/g, ' ').trim();
  return { pages: pageRangeOf(inline), rest };
};

export interface Proposal {
  proposer?: string;
  seconder?: string;
}

const tidyName = (name: string): string => name.trim().replace(/^[,;:]+|[.,;:]+$/g, '').trim();

const looksLikeName = (name: string): boolean => name !== '' && name.split(' ').length <= 8 && /^[\p{Lu}]/u.test(name);

/**
 * Who proposes and seconds, from a line such as "Proposer: Richard Streatfeild",
 * "Seconded by Mrs Dean" or "Dr Eddy will propose and Ms Harrison will second."
 */
export const readProposal = (text: string): Proposal | undefined => {
  if (text.length > 300 || !/propos|second|mov/i.test(text)) return undefined;
  const labelled = /^(?:proposer|proposed by|mover|moved by|to be (?:proposed|moved) by)\s*:?\s*(.+)$/i.exec(text);
  if (labelled !== null) {
    const [proposerPart, seconderPart] = labelled[1].split(/[,;]?\s*(?:seconder\s*:|seconded by\s*:?)\s*/i);
    const proposer = tidyName(proposerPart);
    const seconder = seconderPart === undefined ? undefined : tidyName(seconderPart);
    if (!looksLikeName(proposer)) return undefined;
    return { proposer, ...(seconder !== undefined && looksLikeName(seconder) ? { seconder } : {}) };
  }
  const seconderOnly = /^(?:seconder|seconded by|to be seconded by)\s*:?\s*(.+)$/i.exec(text);
  if (seconderOnly !== null) {
    const seconder = tidyName(seconderOnly[1]);
    return looksLikeName(seconder) ? { seconder } : undefined;
  }
  const both = /^(.{2,120}?)\s+(?:will|to)\s+(?:propose|move)\b(?:\s+the\s+motion)?\s*,?\s*(?:and|with)\s+(.{2,120}?)\s+(?:will|to)\s+second\b/i.exec(text);
  if (both !== null) {
    const proposer = tidyName(both[1]);
    const seconder = tidyName(both[2]);
    return looksLikeName(proposer) && looksLikeName(seconder) ? { proposer, seconder } : undefined;
  }
  const one = /^(.{2,120}?)\s+will\s+(propose|move|second)\b/i.exec(text);
  if (one !== null && looksLikeName(tidyName(one[1]))) {
    return one[2].toLowerCase() === 'second' ? { seconder: tidyName(one[1]) } : { proposer: tidyName(one[1]) };
  }
  return undefined;
};

/** "A G E N D A", "AGENDA", "Agenda:" on a line of its own. */
const isAgendaHeading = (text: string): boolean => text.replace(/[\s:.]/g, '').toUpperCase() === 'AGENDA';

/** "Motion for Time Limited Debate", "Motion(s) for Time Limited Debate", "Notices of Motion": a heading with no subject. */
const isBareMotionHeading = (text: string): boolean =>
  /^(?:notices? of motions?|motions?(?:\(s\))?(?: for time[- ]limited debate| on notice)?)$/i.test(text.replace(/[.:]+$/, '').trim());

/** "Motion", "Motion:", "The motion", "Motion text": the words of the motion follow. */
const MOTION_TEXT_HEADING = /^(?:the\s+)?(?:proposed\s+)?motion(?:\s+text)?\s*(?::\s*(.*))?$/i;

const OFFICER_TITLE = /\b(?:general counsel|democratic services|chief executive|monitoring officer|proper officer|clerk|council secretary|head of legal|solicitor to the council|director of (?:law|governance|legal))\b/i;

const isOfficerTitleLine = (text: string): boolean => text.split(' ').length <= 8 && OFFICER_TITLE.test(text);

/** A line that is only an officer's title ("Head of Democratic Services"), as under a signature. */
const isBareOfficerTitle = (text: string): boolean =>
  text.split(' ').length <= 6 &&
  /^(?:(?:interim|acting|deputy|assistant)\s+)?(?:general counsel|head of democratic services|democratic services manager|chief executive|monitoring officer|proper officer|clerk to the \p{L}+|council secretary|director of (?:law|governance)\b)/iu.test(text);

/** "Peter Sass", "Benjamin Watts": two to five capitalised words and nothing else. */
const isPersonNameLine = (text: string): boolean => {
  const words = text.split(' ');
  return words.length >= 2 && words.length <= 5 && words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word));
};

/** Lines that begin another document in the pack: a report's cover, the minutes. */
const isDocumentBoundary = (text: string): boolean =>
  /^(?:minutes of (?:a|the) meeting|(?:from|to|subject|classification|summary|decision no|electoral divisions?)\s*:|report author\b|background documents\b)/i.test(text);

/** Section headings inside an agenda that are not items. */
const sectionHeadingOf = (text: string): 'exempt' | 'open' | undefined => {
  if (/^(?:exempt items|part (?:2|ii|two)\b|restricted items|items? (?:likely to be )?(?:taken|considered) in private)/i.test(text)) return 'exempt';
  if (/^(?:unrestricted items|part (?:1|i|one)\b|open items)/i.test(text)) return 'open';
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Kinds

const KIND_PATTERNS: readonly (readonly [AgendaItemKind, RegExp])[] = [
  ['exempt', /\bexempt\b|\bexclusion of (?:the )?press\b|\bpress and public\b/i],
  ['apologies', /\bapolog/i],
  ['election', /^election\b|\b(?:election|appointment) of (?:the )?(?:chair|vice[- ]?chair)/i],
  ['declarations', /\bdeclarations? of (?:[a-z ]{0,60})?interests?\b|\bdisclosable pecuniary\b/i],
  ['minutes', /\bminutes\b/i],
  ['announcements', /\bannouncements?\b|\bcommunications\b/i],
  ['leaders_report', /\bleader(?:['’]s)? (?:oral )?report\b|\breport (?:by|of|from) (?:the )?leader\b/i],
  ['time_limited_motion', /\btime[- ]limited debate\b/i],
  ['motion', /\bmotions?\b|\bmotion\(s\)/i],
  ['questions', /\bquestions?\b/i],
  ['urgent_business', /\burgent (?:business|items?|matters?)\b|\bany other business\b/i],
  ['report', /\breport\b|\bupdate\b|\bplan\b|\bstrateg|\bpolicy\b|\bbudget\b|\breview\b|\brecommendations?\b/i],
];

/** A first guess at what kind of business an item is, from its title alone. */
export const guessItemKind = (title: string): AgendaItemKind =>
  KIND_PATTERNS.find(([, pattern]) => pattern.test(title))?.[0] ?? 'other';

const isMotionKind = (kind: AgendaItemKind): boolean => kind === 'motion' || kind === 'time_limited_motion';

// ---------------------------------------------------------------------------------------------
// Reading the pack into items and motions

interface BodyLine {
  text: string;
  line: number;
  /** Blank lines between this line and the one before it. */
  blanksBefore: number;
}

interface ItemRecord {
  number: ItemNumber;
  /** The kind its first line suggests, which decides whether text under it may be a motion. */
  firstLineKind: AgendaItemKind;
  line: number;
  titleLines: string[];
  body: BodyLine[];
  notes: string[];
  exemptSection: boolean;
}

interface MotionBlock {
  line: number;
  headingLines: string[];
  body: BodyLine[];
  hasProposal: boolean;
}

type Place = 'before' | 'title' | 'body' | 'blockHeading' | 'blockBody';

interface QuoteCount {
  opens: number;
  closes: number;
  straight: number;
}

const countQuotes = (text: string): QuoteCount => {
  let opens = 0;
  let closes = 0;
  let straight = 0;
  for (const char of text) {
    if (char === '“') opens += 1;
    else if (char === '”') closes += 1;
    else if (char === '"') straight += 1;
  }
  return { opens, closes, straight };
};

/** Whether a line starts a quotation that it does not close. */
const opensQuote = (text: string): boolean => {
  const { opens, closes, straight } = countQuotes(text);
  if (text.startsWith('“')) return closes < opens;
  if (text.startsWith('"')) return straight % 2 === 1;
  return false;
};

const closesQuote = (text: string): boolean => {
  const { closes, straight } = countQuotes(text);
  return closes > 0 || straight % 2 === 1;
};

/** The longest a quoted motion may run before the importer decides the closing mark is missing. */
const MAX_QUOTE_LINES = 150;
/** How far ahead unrecognised text may sit before the next item and still count as part of the agenda. */
const MAX_LINES_TO_NEXT_ITEM = 40;

interface Pack {
  lines: readonly string[];
  itemNumbers: readonly (ItemNumber | undefined)[];
  /** For each line, the index of the next line that carries an item number (or lines.length). */
  nextNumbered: readonly number[];
}

const BARE_NUMBER = /^(\d{1,3})([a-z])?\.?$/i;

/**
 * Agendas laid out as tables come out of a PDF with the item number on a line of its own and the
 * title on the next: "1" / "Apologies for Absence" becomes "1. Apologies for Absence".
 */
const joinBareNumbers = (lines: readonly string[]): string[] => {
  const joined = [...lines];
  for (let index = 0; index < joined.length; index += 1) {
    const bare = BARE_NUMBER.exec(joined[index]);
    if (bare === null) continue;
    let next = index + 1;
    while (next < joined.length && next <= index + 2 && joined[next] === '') next += 1;
    if (next >= joined.length || next > index + 2) continue;
    const title = joined[next];
    if (!/^[\p{L}"“‘(]/u.test(title) || isAgendaHeading(title) || readItemNumber(title) !== undefined) continue;
    joined[next] = `${bare[1]}${bare[2] ?? ''}. ${title}`;
    joined[index] = '';
  }
  return joined;
};

const readPack = (text: string): Pack => {
  const lines = joinBareNumbers(splitPastedLines(text).map(cleanLine)).map((line) => (isPageFurniture(line) ? '' : line));
  const itemNumbers = lines.map((line) => (line === '' ? undefined : readItemNumber(line)));
  const nextNumbered = new Array<number>(lines.length + 1);
  nextNumbered[lines.length] = lines.length;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    nextNumbered[index] = itemNumbers[index] === undefined ? nextNumbered[index + 1] : index;
  }
  return { lines, itemNumbers, nextNumbered };
};

const nonBlankAfter = (pack: Pack, index: number, count: number, within: number): string[] => {
  const found: string[] = [];
  for (let next = index + 1; next < pack.lines.length && next <= index + within && found.length < count; next += 1) {
    if (pack.lines[next] !== '') found.push(pack.lines[next]);
  }
  return found;
};

/** An officer's name above their title: the summons is signed and the agenda is over. */
const isSignOff = (pack: Pack, index: number): boolean =>
  isPersonNameLine(pack.lines[index]) && nonBlankAfter(pack, index, 2, 6).some(isOfficerTitleLine);

/** "Motion for Time Limited Debate – Opposing …" followed shortly by a proposer or seconder. */
const isMotionBlockHeading = (pack: Pack, index: number): boolean => {
  const text = pack.lines[index];
  if (!/^(?:notices? of motion|motions?\b|motion\(s\))/i.test(text) || MOTION_TEXT_HEADING.test(text)) return false;
  if (text.split(' ').length > 30) return false;
  return nonBlankAfter(pack, index, 8, 20).some((line) => readProposal(line) !== undefined);
};

/** Where the agenda starts: after its heading, or failing that at the first item numbered 1. */
const findAgendaStart = (pack: Pack): { index: number; headed: boolean } | undefined => {
  for (let index = 0; index < pack.lines.length; index += 1) {
    if (!isAgendaHeading(pack.lines[index])) continue;
    const first = pack.nextNumbered[index + 1];
    if (first < pack.lines.length && first - index <= 60) return { index: index + 1, headed: true };
  }
  const first = pack.itemNumbers.findIndex((number) => number !== undefined && number.base === 1 && number.letter === undefined);
  return first === -1 ? undefined : { index: first, headed: false };
};

type Placing = { as: 'item'; note?: string } | { as: 'duplicate' } | { as: 'end' } | { as: 'text' };

const nextLetter = (letter: string | undefined): string => (letter === undefined ? 'a' : String.fromCharCode(letter.charCodeAt(0) + 1));

/** Whether a numbered line is the next agenda item, a repeat, a new list (the agenda is over) or just text. */
const placeNumber = (number: ItemNumber, title: string, last: ItemRecord | undefined, inMotion: boolean): Placing => {
  if (last === undefined) {
    if (number.base === 1 && number.letter === undefined) return { as: 'item' };
    return { as: 'item', note: `The agenda's numbering starts at ${number.number}, not 1: check that no items are missing.` };
  }
  const previous = last.number;
  if (number.letter === undefined && number.base === previous.base + 1) return { as: 'item' };
  if (number.letter !== undefined && number.base === previous.base && number.letter === nextLetter(previous.letter)) return { as: 'item' };
  if (number.letter === 'a' && number.base === previous.base + 1) return { as: 'item' };
  if (inMotion) return { as: 'text' };
  if (number.number === previous.number && title === last.titleLines[0]) return { as: 'duplicate' };
  if (number.base > previous.base + 1 && number.base <= previous.base + 3) {
    return { as: 'item', note: `The numbering jumps from ${previous.number} to ${number.number}: an item may be missing.` };
  }
  if (number.base <= previous.base) return { as: 'end' };
  return { as: 'text' };
};

interface Reading {
  items: ItemRecord[];
  blocks: MotionBlock[];
  warnings: ImportWarning[];
}

/**
 * A line under a title that is not part of it: what the item is for ("To receive apologies for
 * absence."), or a sentence ("Members are reminded of their duty to declare …").
 */
const isPurposeLine = (text: string): boolean =>
  /^To\s\p{Ll}/u.test(text) ||
  (/^\p{Lu}/u.test(text) && /[.…]$/u.test(text) && text.split(' ').length >= 5 && /\s(?:is|are|was|were|will|shall|may|must|has|have|to)\s/.test(text));

const isRecognisedBodyLine = (text: string): boolean =>
  WHOLE_LINE_PAGES.test(text) || INLINE_PAGES.test(text) || readProposal(text) !== undefined || opensQuote(text) || text.startsWith('“') || text.startsWith('"');

/** Walks the pack from the agenda heading to the end of the agenda (and of any motions printed after it). */
const readAgendaLines = (pack: Pack, start: number): Reading => {
  const items: ItemRecord[] = [];
  const blocks: MotionBlock[] = [];
  const warnings: ImportWarning[] = [];
  let place: Place = 'before';
  let blanks = 0;
  let quoteOpenedAt: number | undefined;
  let exemptSection = false;

  const currentItem = (): ItemRecord | undefined => items[items.length - 1];
  const currentBody = (): BodyLine[] | undefined =>
    place === 'blockHeading' || place === 'blockBody' ? blocks[blocks.length - 1]?.body : currentItem()?.body;
  const inMotion = (): boolean =>
    place === 'blockHeading' || place === 'blockBody' || quoteOpenedAt !== undefined ||
    (place === 'body' && isMotionKind(currentItem()?.firstLineKind ?? 'other'));
  let lastBodyAt = -1;
  const addBody = (text: string, index: number): void => {
    lastBodyAt = index;
    currentBody()?.push({ text, line: index + 1, blanksBefore: blanks });
    if (place === 'blockBody' && readProposal(text) !== undefined) blocks[blocks.length - 1].hasProposal = true;
    if (quoteOpenedAt === undefined && opensQuote(text)) quoteOpenedAt = index;
    else if (quoteOpenedAt !== undefined && index !== quoteOpenedAt && closesQuote(text)) quoteOpenedAt = undefined;
  };

  for (let index = start; index < pack.lines.length; index += 1) {
    const text = pack.lines[index];
    if (text === '') {
      blanks += 1;
      if (place === 'title') place = 'body';
      if (place === 'blockHeading') place = 'blockBody';
      continue;
    }
    if (isDocumentBoundary(text) || isSignOff(pack, index) || (blanks > 0 && isBareOfficerTitle(text) && place !== 'before')) break;
    const runOn = runsOn(place, currentItem(), currentBody());
    if (runOn !== undefined) {
      if (place === 'blockBody') warnings.push({ line: index + 1, text, message: runOn });
      else currentItem()?.notes.push(runOn);
      break;
    }

    if (quoteOpenedAt !== undefined) {
      if (index - quoteOpenedAt > MAX_QUOTE_LINES) {
        currentItem()?.notes.push(`The quotation opened at line ${quoteOpenedAt + 1} is never closed; the motion text may be incomplete.`);
        quoteOpenedAt = undefined;
      } else {
        addBody(text, index);
        blanks = 0;
        continue;
      }
    }

    const number = pack.itemNumbers[index];
    if (number !== undefined) {
      const placing = placeNumber(number, number.title, currentItem(), place !== 'before' && inMotion());
      if (placing.as === 'end') break;
      if (placing.as === 'duplicate') {
        warnings.push({ line: index + 1, text, message: `Item ${number.number} is printed twice; the repeat was left out.` });
        blanks = 0;
        continue;
      }
      if (placing.as === 'item') {
        items.push({
          number,
          firstLineKind: guessItemKind(number.title),
          line: index + 1,
          titleLines: [number.title],
          body: [],
          notes: placing.note === undefined ? [] : [placing.note],
          exemptSection,
        });
        place = 'title';
        blanks = 0;
        continue;
      }
    }

    if (place === 'before') {
      blanks = 0;
      continue;
    }
    const section = sectionHeadingOf(text);
    if (section !== undefined && (place === 'body' || place === 'title')) {
      exemptSection = section === 'exempt';
      place = 'body';
      blanks = 0;
      continue;
    }
    if (place === 'title') {
      if ((isRecognisedBodyLine(text) && !INLINE_PAGES.test(text)) || isPurposeLine(text)) {
        place = 'body';
        addBody(text, index);
      } else currentItem()!.titleLines.push(text);
    } else if (place === 'blockHeading') {
      if (readProposal(text) !== undefined) {
        place = 'blockBody';
        addBody(text, index);
      } else blocks[blocks.length - 1].headingLines.push(text);
    } else if (isMotionBlockHeading(pack, index)) {
      blocks.push({ line: index + 1, headingLines: [text], body: [], hasProposal: false });
      place = 'blockHeading';
    } else if (place === 'blockBody') {
      const block = blocks[blocks.length - 1];
      if (blanks >= 3 && block.hasProposal && readProposal(text) !== undefined) {
        blocks.push({ line: index + 1, headingLines: [], body: [], hasProposal: false });
        place = 'blockBody';
      } else if (blanks >= 4 && !isRecognisedBodyLine(text) && !MOTION_TEXT_HEADING.test(text) && !nextItemIsClose(pack, index, currentItem())) {
        break;
      }
      addBody(text, index);
    } else if (isPurposeLine(text) || (blanks === 0 && lastBodyAt === index - 1)) {
      addBody(text, index);
    } else if (isRecognisedBodyLine(text) || MOTION_TEXT_HEADING.test(text) || inMotion()) {
      if (inMotion() && blanks >= 4 && !isRecognisedBodyLine(text) && !MOTION_TEXT_HEADING.test(text) && !nextItemIsClose(pack, index, currentItem())) break;
      addBody(text, index);
    } else if (nextItemIsClose(pack, index, currentItem())) {
      addBody(text, index);
    } else break;
    blanks = 0;
  }
  return { items, blocks, warnings };
};

/** Past these, a title or the text under an item is not an agenda any more: the reading stops there. */
const MAX_TITLE_LINES_READ = 12;
const MAX_BODY_LINES = 400;

/** Why the reading stops because a title or an item's text runs on too long, or undefined. */
const runsOn = (place: Place, item: ItemRecord | undefined, body: readonly BodyLine[] | undefined): string | undefined => {
  if (place === 'title' && item !== undefined && item.titleLines.length >= MAX_TITLE_LINES_READ) {
    return `The title runs on for more than ${MAX_TITLE_LINES_READ} lines; the agenda was read up to here.`;
  }
  if ((place === 'body' || place === 'blockBody') && body !== undefined && body.length >= MAX_BODY_LINES) {
    return `The text under the item runs on for more than ${MAX_BODY_LINES} lines; the agenda was read up to here.`;
  }
  return undefined;
};

/** Whether the next agenda item follows within a few lines, so that text in between belongs to the agenda. */
const nextItemIsClose = (pack: Pack, index: number, last: ItemRecord | undefined): boolean => {
  const next = pack.nextNumbered[index + 1];
  if (next >= pack.lines.length || next - index > MAX_LINES_TO_NEXT_ITEM) return false;
  const placing = placeNumber(pack.itemNumbers[next]!, pack.itemNumbers[next]!.title, last, false);
  return placing.as === 'item';
};

// ---------------------------------------------------------------------------------------------
// Turning what was read into drafts

interface Paragraph {
  lines: string[];
  line: number;
}

const paragraphsOf = (body: readonly BodyLine[]): Paragraph[] =>
  body.reduce<Paragraph[]>((paragraphs, { text, line, blanksBefore }) => {
    const last = paragraphs[paragraphs.length - 1];
    if (last === undefined || blanksBefore > 0) paragraphs.push({ lines: [text], line });
    else last.lines.push(text);
    return paragraphs;
  }, []);

const stripOuterQuotes = (text: string): string => {
  const trimmed = text.trim();
  const opening = trimmed.charAt(0);
  if (opening !== '"' && opening !== '“') return trimmed;
  const end = trimmed.search(/["”][.;,)]?$/);
  if (end <= 0) return trimmed.slice(1).trim();
  return (trimmed.slice(1, end) + trimmed.slice(end + 1)).trim();
};

interface MotionReading {
  motionText?: string;
  notes: string[];
  leftOver: Paragraph[];
}

const textOfParagraphs = (paragraphs: readonly Paragraph[]): string =>
  paragraphs.map((paragraph) => joinWrappedLines(paragraph.lines)).filter((text) => text !== '').join('\n\n');

/** The words of a motion among the paragraphs under it: after a "Motion" heading, in quotation marks, or the whole text. */
const readMotionText = (paragraphs: readonly Paragraph[]): MotionReading => {
  const headingAt = paragraphs.findIndex((paragraph) => MOTION_TEXT_HEADING.test(paragraph.lines[0]));
  if (headingAt >= 0) {
    const heading = paragraphs[headingAt];
    const inline = MOTION_TEXT_HEADING.exec(heading.lines[0])?.[1] ?? '';
    const first: Paragraph = { lines: [inline, ...heading.lines.slice(1)].filter((line) => line !== ''), line: heading.line };
    const text = stripOuterQuotes(textOfParagraphs([first, ...paragraphs.slice(headingAt + 1)]));
    return { ...(text === '' ? {} : { motionText: text }), notes: text === '' ? ['The "Motion" heading has no text under it.'] : [], leftOver: [] };
  }
  const quotedAt = paragraphs.findIndex((paragraph) => /^["“]/.test(paragraph.lines[0]));
  if (quotedAt >= 0) {
    let endAt = quotedAt;
    const opening = paragraphs[quotedAt].lines.join(' ');
    if (opensQuote(opening)) {
      endAt = paragraphs.findIndex((paragraph, index) => index > quotedAt && closesQuote(paragraph.lines.join(' ')));
    }
    const notes = endAt === -1 ? ['The motion text has no closing quotation mark; check where it ends.'] : [];
    const last = endAt === -1 ? paragraphs.length - 1 : endAt;
    const text = stripOuterQuotes(textOfParagraphs(paragraphs.slice(quotedAt, last + 1)));
    return {
      ...(text === '' ? {} : { motionText: text }),
      notes,
      leftOver: [...paragraphs.slice(0, quotedAt), ...paragraphs.slice(last + 1)],
    };
  }
  if (paragraphs.length === 0) return { notes: [], leftOver: [] };
  if (paragraphs.some((paragraph) => /^background\b/i.test(paragraph.lines[0]))) {
    return { notes: ['The motion text could not be told apart from the background information; copy it in by hand.'], leftOver: [] };
  }
  const text = stripOuterQuotes(textOfParagraphs(paragraphs));
  return { ...(text === '' ? {} : { motionText: text }), notes: [], leftOver: [] };
};

interface BodyReading {
  pages?: PageRange;
  proposal: Proposal;
  paragraphs: Paragraph[];
  notes: string[];
}

/** Page ranges and proposer/seconder lines out of an item's body; what is left are paragraphs of text. */
const readBody = (body: readonly BodyLine[]): BodyReading => {
  const notes: string[] = [];
  let pages: PageRange | undefined;
  const proposal: Proposal = {};
  const rest: BodyLine[] = [];
  let inQuote = false;
  for (const line of body) {
    if (inQuote) {
      rest.push(line);
      if (closesQuote(line.text)) inQuote = false;
      continue;
    }
    const found = readProposal(line.text);
    const range = found === undefined ? takePageRange(line.text) : { rest: line.text };
    if (found !== undefined) {
      if ((found.proposer !== undefined && proposal.proposer !== undefined) || (found.seconder !== undefined && proposal.seconder !== undefined)) {
        notes.push(`A second proposer or seconder line was left out (line ${line.line}: "${line.text}").`);
      } else Object.assign(proposal, found);
    } else if (range.pages !== undefined && range.rest === '') {
      if (pages === undefined) pages = range.pages;
      else notes.push(`A second page range was left out (line ${line.line}: "${line.text}").`);
    } else {
      rest.push(line);
      inQuote = opensQuote(line.text);
    }
  }
  return { ...(pages === undefined ? {} : { pages }), proposal, paragraphs: paragraphsOf(rest), notes };
};

/** The subject after a motion heading: "Motion for Time Limited Debate – Opposing …" → "Opposing …". */
const motionSubject = (heading: string): string | undefined => {
  if (heading === '' || isBareMotionHeading(heading)) return undefined;
  const separator = /\s[–—-]\s|:\s/.exec(heading);
  if (separator !== null && /^(?:notices? of motion|motions?\b|motion\(s\))/i.test(heading)) {
    const subject = heading.slice(separator.index + separator[0].length).trim();
    return subject === '' ? undefined : subject;
  }
  return /^(?:notices? of motion|motions?\b|motion\(s\))/i.test(heading) ? undefined : heading;
};

interface Motion {
  proposer?: string;
  seconder?: string;
  motionTitle?: string;
  motionText?: string;
  notes: string[];
  line: number;
}

const motionOfBlock = (block: MotionBlock): Motion => {
  const heading = joinWrappedLines(block.headingLines);
  const body = readBody(block.body);
  const motion = readMotionText(body.paragraphs);
  const motionTitle = motionSubject(heading);
  return {
    ...body.proposal,
    ...(motionTitle === undefined ? {} : { motionTitle }),
    ...(motion.motionText === undefined ? {} : { motionText: motion.motionText }),
    notes: [...body.notes, ...motion.notes],
    line: block.line,
  };
};

const MAX_TITLE_LINES = 4;
/** Text under an item longer than this is not a description: something was misread. */
const MAX_DESCRIPTION_PARAGRAPHS = 3;
const MAX_DESCRIPTION_LENGTH = 600;

const draftOfItem = (record: ItemRecord): AgendaItemDraft => {
  const notes = [...record.notes];
  let pages: PageRange | undefined;
  const titleParts = record.titleLines.map((line) => {
    // A line may carry more than one range: take them all out of the title, keep the first.
    let taken = takePageRange(line);
    for (let guard = 0; taken.pages !== undefined && guard < 5; guard += 1) {
      if (pages === undefined) pages = taken.pages;
      else notes.push('The title has two page ranges; the first was kept.');
      const again = takePageRange(taken.rest);
      if (again.pages === undefined) break;
      taken = again;
    }
    return taken.rest;
  }).filter((part) => part !== '');
  const headline = titleParts[0] ?? record.number.title;
  const headlineKind = guessItemKind(headline);
  const subjectLines = isMotionKind(headlineKind) && isBareMotionHeading(headline) ? titleParts.slice(1) : [];
  const title = joinWrappedLines(subjectLines.length > 0 ? [headline] : titleParts).replace(/\n/g, ' ') || record.number.title;
  if (record.titleLines.length > MAX_TITLE_LINES) notes.push(`The title runs over ${record.titleLines.length} lines; check where it ends.`);

  const body = readBody(record.body);
  notes.push(...body.notes);
  if (body.pages !== undefined) {
    if (pages === undefined) pages = body.pages;
    else notes.push('The item has two page ranges; the first was kept.');
  }
  if (pages !== undefined && pages.from > pages.to) notes.push(`The page range ${pages.from} to ${pages.to} runs backwards.`);

  let kind = record.exemptSection ? 'exempt' : guessItemKind(title);
  if (kind === 'other' && pages !== undefined) kind = 'report';
  const hasMotion = isMotionKind(kind) || body.proposal.proposer !== undefined || body.proposal.seconder !== undefined;
  const motion = hasMotion ? readMotionText(body.paragraphs) : { notes: [], leftOver: body.paragraphs };
  notes.push(...motion.notes);
  const leftOver = hasMotion && motion.motionText !== undefined ? [] : motion.leftOver;
  const leftOverText = textOfParagraphs(leftOver);
  const description = leftOver.length > 0 && leftOver.length <= MAX_DESCRIPTION_PARAGRAPHS && leftOverText.length <= MAX_DESCRIPTION_LENGTH ? leftOverText : undefined;
  if (leftOver.length > 0 && description === undefined) {
    notes.push(`Text under the item was not read (line ${leftOver[0].line}: "${joinWrappedLines(leftOver[0].lines).slice(0, 80)}…").`);
  }
  const subject = subjectLines.length > 0 ? joinWrappedLines(subjectLines).replace(/\n/g, ' ') : isMotionKind(kind) ? motionSubject(title) : undefined;
  return {
    number: record.number.number,
    title,
    ...(pages === undefined ? {} : { pages }),
    ...body.proposal,
    ...(subject === undefined ? {} : { motionTitle: subject }),
    ...(motion.motionText === undefined ? {} : { motionText: motion.motionText }),
    ...(description === undefined ? {} : { description }),
    kind,
    confidence: notes.length === 0 ? 'sure' : 'unsure',
    ...(notes.length === 0 ? {} : { note: notes.join(' ') }),
  };
};

const withMotion = (item: AgendaItemDraft, motion: Motion, extraNote?: string): AgendaItemDraft => {
  const notes = [item.note, extraNote, ...motion.notes].filter((note): note is string => note !== undefined && note !== '');
  return {
    ...item,
    ...(motion.proposer === undefined ? {} : { proposer: motion.proposer }),
    ...(motion.seconder === undefined ? {} : { seconder: motion.seconder }),
    ...(motion.motionTitle === undefined ? {} : { motionTitle: motion.motionTitle }),
    ...(motion.motionText === undefined ? {} : { motionText: motion.motionText }),
    confidence: notes.length === 0 && item.confidence === 'sure' ? 'sure' : 'unsure',
    ...(notes.length === 0 ? {} : { note: notes.join(' ') }),
  };
};

/** Lettered a to z. */
const MAX_LETTERED_MOTIONS = 26;

const awaitsMotion = (item: AgendaItemDraft): boolean =>
  isMotionKind(item.kind) && item.proposer === undefined && item.seconder === undefined && item.motionText === undefined;

/**
 * Motions printed after the agenda go to the motion items still without one, in order. When one
 * item heads several motions, each becomes a lettered item under it (12a, 12b), marked unsure.
 */
const attachMotions = (items: AgendaItemDraft[], motions: readonly Motion[], warnings: ImportWarning[]): AgendaItemDraft[] => {
  if (motions.length === 0) return items;
  const slots = items.flatMap((item, index) => (awaitsMotion(item) ? [index] : []));
  if (slots.length === 1 && motions.length > 1) {
    const at = slots[0];
    const parent = items[at];
    for (const motion of motions.slice(MAX_LETTERED_MOTIONS)) {
      warnings.push({ line: motion.line, text: motion.motionTitle ?? 'motion', message: `More than ${MAX_LETTERED_MOTIONS} motions are printed after the agenda; this one was left out.` });
    }
    const lettered = motions.slice(0, MAX_LETTERED_MOTIONS).map((motion, index) => {
      const number = `${parent.number}${String.fromCharCode(97 + index)}`;
      const item: AgendaItemDraft = { ...parent, number, confidence: 'unsure' };
      delete item.note;
      return withMotion(item, motion, `One of ${motions.length} motions printed after the agenda under item ${parent.number}; the importer numbered it ${number}.`);
    });
    return [...items.slice(0, at + 1), ...lettered, ...items.slice(at + 1)];
  }
  const result = [...items];
  motions.forEach((motion, index) => {
    const slot = slots[index];
    if (slot === undefined) {
      warnings.push({ line: motion.line, text: motion.motionTitle ?? 'motion', message: 'A motion printed after the agenda could not be matched to a motion item; it was left out.' });
    } else result[slot] = withMotion(result[slot], motion);
  });
  return result;
};

/**
 * Reads the agenda items out of a meeting pack pasted as text. Never throws: text that has no
 * agenda, is too large or is not text at all gives an error value with a message for the clerk.
 */
export const parseAgenda = (text: string): AgendaImport => {
  const problem = checkPastedText(text, 'agenda');
  if (problem !== undefined) return { error: { message: problem } };
  const pack = readPack(text);
  const start = findAgendaStart(pack);
  if (start === undefined) {
    return { error: { message: 'No agenda was found: there is no AGENDA heading followed by numbered items, and no numbered list starting at 1.' } };
  }
  const warnings: ImportWarning[] = [];
  if (!start.headed) {
    warnings.push({ line: start.index + 1, text: pack.lines[start.index], message: 'No AGENDA heading was found; the numbered list starting here was read as the agenda.' });
  }
  const reading = readAgendaLines(pack, start.index);
  if (reading.items.length === 0) {
    // start.index is the line after the heading, so it is also the heading's 1-based line number.
    return { error: { message: 'The AGENDA heading is not followed by numbered items such as "1. Apologies for Absence".', line: start.index } };
  }
  warnings.push(...reading.warnings);
  const drafts = reading.items.map(draftOfItem);
  const items = attachMotions(drafts, reading.blocks.map(motionOfBlock), warnings);
  return { items, warnings };
};
