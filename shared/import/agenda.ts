// Reads the agenda out of a meeting pack pasted as text (a summons-and-agenda PDF or page turned
// into text). It reads structure rather than one council's layout: the AGENDA heading, numbered
// items, continuation lines, page ranges, proposer and seconder lines, quoted motion text, the
// motions printed after the agenda, and where the agenda ends. It reads the layouts councils use:
// web pages of the publishing systems copied from a browser (the number on its own line, download
// sizes, "Additional documents:", section headings, sub-items), PDF-to-text output (Markdown bullets
// and headings, running headers and page numbers between items), parish and town agendas (titles
// ending with a full stop, lettered sub-paragraphs, the clerk's signature), and agendas with no item
// numbers at all. What it has to guess (numbering repeated or out of order, items it numbered
// itself) it flags for the clerk; it warns when the summons is for another day than the meeting.
// Pure: no Node, no DOM. Never throws; every step is linear in the length of the text.
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
  const spaced = /\s$/.test(match[0].slice(0, match[0].length - match[4].length));
  // A title starts with a letter, a quotation mark or a bracket, or (after a space) with a planning
  // application's reference ("25/01234/FUL - Land at …"); "1.1 Introduction" is a paragraph, not an item.
  if (!(/^[\p{L}"“‘'(]/u.test(title) || (spaced && /^\d{2,4}\/\d/.test(title))) || !/\p{L}/u.test(title)) return undefined;
  const letter = (match[2] ?? match[3])?.toLowerCase();
  const base = Number(match[1]);
  if (base === 0) return undefined;
  return { number: `${base}${letter ?? ''}`, base, ...(letter === undefined ? {} : { letter }), title };
};

const INLINE_PAGES = /\(\s*pages?\s+(\d{1,5})(?:\s*(?:-|–|—|to)\s*(\d{1,5})|\s+(\d{1,5}))?\s*\)/i;
const WHOLE_LINE_PAGES = /^pages?\s+(\d{1,5})(?:\s*(?:-|–|—|to)\s*(\d{1,5})|\s+(\d{1,5}))?\.?$/i;
const TRAILING_PAGES = /\spages\s+(\d{1,5})\s*(?:-|–|—|to)\s*(\d{1,5})\.?$/i;

const pageRangeOf = (match: RegExpExecArray): PageRange => {
  const from = Number(match[1]);
  const to = match[2] ?? match[3];
  return { from, to: to === undefined ? from : Number(to) };
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

/**
 * "A G E N D A", "AGENDA", "Agenda:" on a line of its own; the "No. Item" heading of a council
 * web page's list of items; "Order of Business".
 */
const isAgendaHeading = (text: string): boolean =>
  text.replace(/[\s:.]/g, '').toUpperCase() === 'AGENDA' || /^(?:no\.?\s+item|order of business)$/i.test(text);

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

/**
 * Section headings inside an agenda that are not items: those that open or close the private part,
 * and others ("A. Matters for Decision", "SECTION B", "ITEMS FOR INFORMATION") that change nothing.
 */
const sectionHeadingOf = (text: string): 'exempt' | 'open' | 'other' | undefined => {
  if (/^(?:exempt items|part (?:2|ii|two|b)\b|restricted items|items? (?:likely to be )?(?:taken|considered) in private|confidential items)/i.test(text)) return 'exempt';
  if (/^(?:unrestricted items|part (?:1|i|one|a)\b|open items)/i.test(text)) return 'open';
  if (text.length > 80) return undefined;
  if (/^(?:[A-H]|I{1,3}|IV|VI{0,3})[.)]\s+\p{Lu}[^.]*$/u.test(text) || /^(?:section|part)\s+(?:\d{1,2}|[A-H]|[ivx]{1,4})\b/i.test(text)) return 'other';
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 6 && letters === letters.toUpperCase() && text.split(' ').length >= 2 && !/\d/.test(text)) return 'other';
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
  /** The title was printed on a line of its own under its number (a web page): it does not wrap. */
  titleOnOwnLine?: boolean;
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
  /**
   * Lines whose item number stood on a line of its own as a web page prints it ("4." or "Agenda
   * Item 4"): a browser copy never wraps a title, so what follows the title is text under it.
   */
  titleOnOwnLine: ReadonlySet<number>;
}

const BARE_NUMBER = /^(?:(?:agenda\s+)?item\s+)?(\d{1,3})([a-z])?\.?$/i;

/**
 * Agendas laid out as tables come out of a PDF with the item number on a line of its own and the
 * title on the next: "1" / "Apologies for Absence" becomes "1. Apologies for Absence".
 */
const joinBareNumbers = (lines: readonly string[], titleOnOwnLine: Set<number>): string[] => {
  const joined = [...lines];
  for (let index = 0; index < joined.length; index += 1) {
    const bare = BARE_NUMBER.exec(joined[index]);
    if (bare === null) continue;
    let next = index + 1;
    while (next < joined.length && next <= index + 2 && joined[next] === '') next += 1;
    if (next >= joined.length || next > index + 2) continue;
    const title = joined[next];
    if (!/^[\p{L}"“‘(]|^\d{2,4}\/\d/u.test(title) || isAgendaHeading(title) || isPageFurniture(title) || readItemNumber(title) !== undefined) continue;
    // A page number above a section heading is not an item: only "4." (with its point) or "Item 4" heads one.
    if (sectionHeadingOf(title) !== undefined && !/[.]$|^\D/.test(joined[index])) continue;
    joined[next] = `${bare[1]}${bare[2] ?? ''}. ${title}`;
    if (/[.]$|^\D/.test(joined[index])) titleOnOwnLine.add(next);
    joined[index] = '';
  }
  return joined;
};

/** What a council web page prints with a document to download: "pdf icon PDF 120 KB", "(PDF, 156 KB)". */
const DOWNLOAD_SIZE = /\s*(?:pdf icon\s*)?\(?\b(?:pdf|docx?|word|xlsx?|odt)\b,?\s*\(?[\d.,]{1,8}\s*[kmg]b\)?\)?$/i;

/**
 * Lines a council web page puts round its items that are not agenda text: links to documents,
 * webcasts and the reasons an item is restricted.
 */
const isWebFurniture = (text: string): boolean =>
  /^(?:(?:additional|supporting|related) documents\s*:?|(?:documents|attachments?|minutes|decision|webcast)\s*:)$/i.test(text) ||
  /^(?:view the (?:reasons?|background|decision|minutes|webcast)\b|download\b|watch the webcast\b|webcast(?: for)?\b.{0,80}$|printable version\b)/i.test(text) ||
  /\.(?:pdf|docx?|xlsx?|odt)(?:\s*\(.{0,30}\))?$/i.test(text);

/**
 * One line of an agenda as read: cleanLine's work, and before it, what only agendas have: an item
 * written as a Markdown bullet ("- 1. Apologies"), a table row with the number and pages in columns
 * ("3      Minutes of the last meeting      3 - 8"), the size of a document to download.
 */
export const cleanAgendaLine = (raw: string): string => {
  let text = raw.replace(/^[ \t]*[-•*][ \t]+(?=[*_]*[ \t]*(?:\d{1,3}[a-z]?[.)]|\(?pages?\b))/i, '');
  const row = /^[ \t]*(\d{1,3}[a-z]?)(?: {2,}|\t+)(?=[\p{L}"“(])/u.exec(text);
  if (row !== null) {
    text = `${row[1]}. ${text.slice(row[0].length)}`.replace(/(\S)(?: {2,}|\t+)(\d{1,4})(?:[ \t]*[-–][ \t]*(\d{1,4}))?[ \t]*$/, (_all, before: string, from: string, to?: string) =>
      `${before} (Pages ${from} - ${to ?? from})`,
    );
  }
  const cleaned = cleanLine(text);
  const withoutDownload = cleaned.replace(DOWNLOAD_SIZE, '').trim();
  // A line that is only a download size ("PDF 120 KB") is furniture; a title is never only a number.
  if (withoutDownload === '') return '';
  return withoutDownload === cleaned || /\p{L}/u.test(withoutDownload.replace(/^\d{1,3}[a-z]?[.)]?/i, '')) ? withoutDownload : cleaned;
};

/** Line indexes after which the text has a form feed (a PDF page break). */
const pageBreaksOf = (text: string): Set<number> => {
  const breaks = new Set<number>();
  let line = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 13) {
      if (text.charCodeAt(index + 1) === 10) index += 1;
      line += 1;
    } else if (char === 10) line += 1;
    else if (char === 12) {
      breaks.add(line);
      line += 1;
    }
  }
  return breaks;
};

/**
 * Running headers and footers: a line printed more than once that stands next to a page break or
 * a page number at least once ("Lakeby District Council - Planning Committee - 5 June 2025").
 * Items and the AGENDA heading are never headers.
 */
const runningHeaders = (lines: readonly string[], breaks: ReadonlySet<number>, furniture: readonly boolean[]): Set<string> => {
  const counts = new Map<string, number>();
  for (const line of lines) if (line !== '') counts.set(line, (counts.get(line) ?? 0) + 1);
  const nearBreak = (index: number): boolean => {
    for (let other = Math.max(0, index - 3); other <= Math.min(lines.length - 1, index + 3); other += 1) {
      if (furniture[other] || breaks.has(other) || (other < index && breaks.has(other - 1))) return true;
    }
    return false;
  };
  const headers = new Set<string>();
  lines.forEach((line, index) => {
    if (line === '' || (counts.get(line) ?? 0) < 2 || headers.has(line) || isAgendaHeading(line) || readItemNumber(line) !== undefined) return;
    if (BARE_NUMBER.test(line) || line.length > 160) return;
    if (nearBreak(index)) headers.add(line);
  });
  return headers;
};

/**
 * The lines listing a web page's "Additional documents:" (each ending with a download size): not
 * agenda text. They end at a blank line or the next line without a download size.
 */
const attachmentLines = (raw: readonly string[]): boolean[] => {
  const attachments = new Array<boolean>(raw.length).fill(false);
  let listing = false;
  raw.forEach((line, index) => {
    const text = cleanLine(line);
    if (/^(?:additional|supporting|related) documents\s*:?$/i.test(text)) listing = true;
    else if (listing && text !== '' && DOWNLOAD_SIZE.test(text)) attachments[index] = true;
    else listing = false;
  });
  return attachments;
};

const readPack = (text: string): Pack => {
  const raw = splitPastedLines(text);
  const attachments = attachmentLines(raw);
  const cleaned = raw.map((line, index) => (attachments[index] ? '' : cleanAgendaLine(line)));
  const withoutFurniture = cleaned.map((line) => (line !== '' && isWebFurniture(line) ? '' : line));
  const pageNumbers = withoutFurniture.map((line) => line !== '' && isPageFurniture(line));
  const headers = runningHeaders(withoutFurniture, pageBreaksOf(text), pageNumbers);
  const titleOnOwnLine = new Set<number>();
  const lines = joinBareNumbers(headers.size === 0 ? withoutFurniture : withoutFurniture.map((line) => (headers.has(line) ? '' : line)), titleOnOwnLine).map((line) =>
    isPageFurniture(line) ? '' : line,
  );
  const itemNumbers = lines.map((line) => (line === '' ? undefined : readItemNumber(line)));
  const nextNumbered = new Array<number>(lines.length + 1);
  nextNumbered[lines.length] = lines.length;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    nextNumbered[index] = itemNumbers[index] === undefined ? nextNumbered[index + 1] : index;
  }
  return { lines, itemNumbers, nextNumbered, titleOnOwnLine };
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

/** A number this far past the last item is still read as the next item (flagged): further, it is other text. */
const MAX_NUMBERING_JUMP = 20;

type Placing = { as: 'item'; note?: string } | { as: 'duplicate' } | { as: 'end' } | { as: 'text' };

const nextLetter = (letter: string | undefined): string => (letter === undefined ? 'a' : String.fromCharCode(letter.charCodeAt(0) + 1));

/**
 * Whether a numbered line is the next agenda item, a repeat, a new list (the agenda is over) or just
 * text. `highest` is the highest item number read so far. A number printed again or out of order
 * (1, 2, 3, 3, 4 or 4, 6, 5, 7) is the pack's mistake: the item is read and flagged; only a list
 * starting again at 1 ends the agenda.
 */
const placeNumber = (number: ItemNumber, title: string, last: ItemRecord | undefined, inMotion: boolean, highest = last?.number.base ?? 0): Placing => {
  if (last === undefined) {
    if (number.base === 1 && number.letter === undefined) return { as: 'item' };
    return { as: 'item', note: `The agenda's numbering starts at ${number.number}, not 1: check that no items are missing.` };
  }
  const previous = last.number;
  if (number.letter === undefined && number.base === previous.base + 1) return { as: 'item' };
  if (number.letter !== undefined && number.base === previous.base && number.letter === nextLetter(previous.letter)) return { as: 'item' };
  if (number.letter === 'a' && number.base === previous.base + 1) return { as: 'item' };
  if (number.letter === undefined && number.base === highest + 1 && highest > previous.base) return { as: 'item' };
  if (inMotion) return { as: 'text' };
  if (number.number === previous.number && title === last.titleLines[0]) return { as: 'duplicate' };
  if (number.base > previous.base + 1 && number.base <= previous.base + MAX_NUMBERING_JUMP) {
    return { as: 'item', note: `The numbering jumps from ${previous.number} to ${number.number}: an item may be missing.` };
  }
  if (number.base === 1 && number.letter === undefined) return { as: 'end' };
  if (number.base <= previous.base) {
    const again = number.number === previous.number ? `Item ${number.number} is numbered ${number.number} again` : `Item ${number.number} comes after item ${previous.number}`;
    return { as: 'item', note: `${again}: the pack's numbering repeats or goes backwards. Check the item's number against the pack.` };
  }
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

/** A lettered or numbered paragraph of an item ("a) To receive …", "(b) To note …", "ii) To resolve …"). */
const SUB_PARAGRAPH = /^(?:\(?(?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\)|[a-z]\.)\s+\S/;

/** The last word of a line that cannot end a title: the title runs on to the next line. */
const RUNS_ON = /(?:[,:;&(\-–—/]|\b(?:and|or|of|the|a|an|to|for|in|on|at|by|with|from|into|under|between|its|their|our|is|are|be|as|that|which|held|including|re)$)$/i;

/**
 * A line under a title that says more about the item rather than continuing its title: a sentence
 * ("Questions received under Procedure Rule 10.", "Report of the Director of Finance."), or any line
 * once the title has ended with a full stop ("5. Planning." then "Applications received.").
 */
const isDescriptionLine = (titleSoFar: string, text: string): boolean => {
  if (SUB_PARAGRAPH.test(text)) return true;
  // A long line without a full stop was wrapped: the title runs on ("… Adult Social Care and Public" / "Health.").
  if (RUNS_ON.test(titleSoFar) || /^\p{Ll}/u.test(text) || (titleSoFar.length >= WRAPPED_LINE_LENGTH && !/[.?!]$/.test(titleSoFar))) return false;
  if (/[^.]\.$/.test(titleSoFar) && !/\b(?:no|nos|st|mr|mrs|dr|cllr|etc|ltd|co)\.$/i.test(titleSoFar)) return true;
  return /^[\p{Lu}\d]/u.test(text) && /[^.]\.$/.test(text) && text.split(' ').length >= 3;
};

/** A title line this long that does not end a sentence was wrapped by the PDF. */
const WRAPPED_LINE_LENGTH = 55;

/** Where an agenda ends in a signature: "Signed: Jill Archer", "Dated: 12 February 2026", "Jill Archer, Parish Clerk", "Clerk: Pat Archer". */
const isSignatureLine = (text: string): boolean =>
  /^(?:signed|signature|dated)\b\s*:?/i.test(text) ||
  /^clerk\s*:/i.test(text) ||
  (text.length <= 80 && /^[\p{Lu}][\p{L}.' -]{1,50},\s*(?:(?:parish|town|deputy|assistant)\s+)?clerk\b/iu.test(text));

const isRecognisedBodyLine = (text: string): boolean =>
  SUB_PARAGRAPH.test(text) ||
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
  let highest = 0;

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
    if (isDocumentBoundary(text) || isSignOff(pack, index) || (place !== 'before' && ((blanks > 0 && isBareOfficerTitle(text)) || isSignatureLine(text)))) break;
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
      const placing = placeNumber(number, number.title, currentItem(), place !== 'before' && inMotion(), highest);
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
          titleOnOwnLine: pack.titleOnOwnLine.has(index),
        });
        highest = Math.max(highest, number.base);
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
    if (section !== undefined && (place === 'body' || place === 'title') && !(section === 'other' && place === 'title' && sectionHeadingOf(currentItem()!.titleLines[0]) === 'other')) {
      if (section !== 'other') exemptSection = section === 'exempt';
      place = 'body';
      blanks = 0;
      continue;
    }
    if (place === 'title') {
      const titleLines = currentItem()!.titleLines;
      if (
        currentItem()!.titleOnOwnLine === true ||
        (isRecognisedBodyLine(text) && !INLINE_PAGES.test(text)) ||
        isPurposeLine(text) ||
        isDescriptionLine(titleLines[titleLines.length - 1], text)
      ) {
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
      } else if (blanks >= 4 && !isRecognisedBodyLine(text) && !MOTION_TEXT_HEADING.test(text) && !nextItemIsClose(pack, index, currentItem(), highest)) {
        break;
      }
      addBody(text, index);
    } else if (isPurposeLine(text) || (blanks === 0 && lastBodyAt === index - 1)) {
      addBody(text, index);
    } else if (isRecognisedBodyLine(text) || MOTION_TEXT_HEADING.test(text) || inMotion()) {
      if (inMotion() && blanks >= 4 && !isRecognisedBodyLine(text) && !MOTION_TEXT_HEADING.test(text) && !nextItemIsClose(pack, index, currentItem(), highest)) break;
      addBody(text, index);
    } else if (nextItemIsClose(pack, index, currentItem(), highest)) {
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
const nextItemIsClose = (pack: Pack, index: number, last: ItemRecord | undefined, highest?: number): boolean => {
  const next = pack.nextNumbered[index + 1];
  if (next >= pack.lines.length || next - index > MAX_LINES_TO_NEXT_ITEM) return false;
  const placing = placeNumber(pack.itemNumbers[next]!, pack.itemNumbers[next]!.title, last, false, highest);
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

/** "To receive apologies for absence." → "To receive apologies for absence"; "etc." and "…" are kept. */
const withoutFullStop = (title: string): string =>
  /[^.]\.$/.test(title) && !/\b(?:etc|ltd|co|no|st)\.$/i.test(title) ? title.slice(0, -1).trimEnd() : title;

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
  const title = withoutFullStop(joinWrappedLines(subjectLines.length > 0 ? [headline] : titleParts).replace(/\n/g, ' ')) || record.number.title;
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

// ---------------------------------------------------------------------------------------------
// Agendas without item numbers

const UNNUMBERED_NOTE = 'The agenda has no item numbers: Chamber numbered its items 1, 2, 3 … in order. Check the title, the number and where the item ends against the pack.';
/** Past this, lines under an AGENDA heading without numbers are not an agenda any more. */
const MAX_UNNUMBERED_LINES = 400;

const isPageRangeLine = (text: string): boolean => {
  const taken = takePageRange(text);
  return taken.pages !== undefined && taken.rest === '';
};

/**
 * An agenda with no item numbers, one title per line or one per paragraph (the title, then what the
 * item is for): read in order, numbered 1, 2, 3 …, each marked unsure for the clerk to check.
 */
const readUnnumbered = (pack: Pack, heading: number): ItemRecord[] => {
  const paragraphs: BodyLine[][] = [];
  let blanks = 1;
  let read = 0;
  let exempt = false;
  const exemptAt = new Set<BodyLine>();
  for (let index = heading + 1; index < pack.lines.length && read < MAX_UNNUMBERED_LINES; index += 1) {
    const text = pack.lines[index];
    if (text === '') {
      blanks += 1;
      continue;
    }
    // "Minutes of the meeting held on 8 December 2025" is an item here; the minutes themselves start with a longer line.
    const minutesItem = /^minutes\b/i.test(text) && text.length <= 70;
    if ((isDocumentBoundary(text) && !minutesItem) || isSignOff(pack, index) || isBareOfficerTitle(text) || isSignatureLine(text) || isAgendaHeading(text)) break;
    if (/^(?:notes?|please note)\b/i.test(text) || pack.itemNumbers[index] !== undefined) break;
    const section = sectionHeadingOf(text);
    if (section !== undefined) {
      if (section !== 'other') exempt = section === 'exempt';
      blanks = 1;
      continue;
    }
    if (blanks > 0 || paragraphs.length === 0) paragraphs.push([]);
    const line: BodyLine = { text, line: index + 1, blanksBefore: blanks };
    paragraphs[paragraphs.length - 1].push(line);
    if (exempt) exemptAt.add(line);
    blanks = 0;
    read += 1;
  }
  const oneTitlePerLine = paragraphs.length === 1 || paragraphs.every((paragraph) => paragraph.filter((line) => !isPageRangeLine(line.text)).length <= 1);
  const records: ItemRecord[] = [];
  for (const paragraph of paragraphs) {
    let first = true;
    for (const line of paragraph) {
      const last = records[records.length - 1];
      const underTitle =
        last !== undefined &&
        (isPageRangeLine(line.text) ||
          SUB_PARAGRAPH.test(line.text) ||
          // A line wrapped where the page ended it (a PDF's text): it goes on in lower case, never a title.
          (!first && /^[a-z]/.test(line.text)) ||
          (!oneTitlePerLine && !first && (isPurposeLine(line.text) || isDescriptionLine(last.titleLines[last.titleLines.length - 1], line.text))));
      if (underTitle) last.body.push({ ...line, blanksBefore: last.body.length === 0 ? 0 : line.blanksBefore });
      else {
        const base = records.length + 1;
        records.push({
          number: { number: String(base), base, title: line.text },
          firstLineKind: guessItemKind(line.text),
          line: line.line,
          titleLines: [line.text],
          body: [],
          notes: [UNNUMBERED_NOTE],
          exemptSection: exemptAt.has(line),
        });
      }
      first = false;
    }
  }
  return records;
};

// ---------------------------------------------------------------------------------------------
// The date the summons names

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WORDED_DATE =
  /\b(?:(mon|tues|wednes|thurs|fri|satur|sun)day\s*,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*,?\s+(\d{4})\b/i;
const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;
/** Lines whose date is not the meeting's: when the summons was sent, the minutes of another meeting. */
const NOT_THE_MEETING = /\b(?:dated|issued?|published|despatch\w*|dispatch\w*|circulated|sent|held on|minutes|date of issue|publication)\b/i;
/** How far into the pack the summons's date is looked for. */
const MAX_DATE_LINES = 60;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const isRealDate = ({ year, month, day }: CalendarDate): boolean => {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

const isoOf = ({ year, month, day }: CalendarDate): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** "Thursday 22 October 2015", as a clerk writes a date. */
const longDate = (date: CalendarDate): string =>
  `${WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]} ${date.day} ${MONTHS[date.month - 1].charAt(0).toUpperCase()}${MONTHS[date.month - 1].slice(1)} ${date.year}`;

const dateInLine = (text: string): { date: CalendarDate; weekday: boolean } | undefined => {
  const worded = WORDED_DATE.exec(text);
  if (worded !== null) {
    const month = MONTHS.findIndex((name) => name.startsWith(worded[3].toLowerCase())) + 1;
    const date = { year: Number(worded[4]), month, day: Number(worded[2]) };
    if (isRealDate(date)) return { date, weekday: worded[1] !== undefined };
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric !== null) {
    const date = { year: Number(numeric[3]), month: Number(numeric[2]), day: Number(numeric[1]) };
    if (isRealDate(date)) return { date, weekday: false };
  }
  return undefined;
};

/**
 * The meeting date the summons names above its agenda: the first date with a day of the week, or
 * else the one on a "Date:" line, or else the first date; never a date the pack was sent or a
 * meeting whose minutes it holds.
 */
const summonsDate = (pack: Pack, end: number): { date: CalendarDate; line: number } | undefined => {
  let first: { date: CalendarDate; line: number } | undefined;
  let labelled: { date: CalendarDate; line: number } | undefined;
  for (let index = 0; index < Math.min(end, MAX_DATE_LINES, pack.lines.length); index += 1) {
    const text = pack.lines[index];
    if (text === '' || NOT_THE_MEETING.test(text)) continue;
    const found = dateInLine(text);
    if (found === undefined) continue;
    const at = { date: found.date, line: index + 1 };
    if (found.weekday) return at;
    if (labelled === undefined && /^date\b/i.test(text)) labelled = at;
    if (first === undefined) first = at;
  }
  return labelled ?? first;
};

/** A warning when the summons is for another day than the meeting the clerk is loading it into. */
const wrongPackWarning = (pack: Pack, end: number, meetingDate: string | undefined): ImportWarning | undefined => {
  const meeting = meetingDate === undefined ? undefined : /^(\d{4})-(\d{2})-(\d{2})$/.exec(meetingDate);
  if (meeting === undefined || meeting === null) return undefined;
  const expected = { year: Number(meeting[1]), month: Number(meeting[2]), day: Number(meeting[3]) };
  if (!isRealDate(expected)) return undefined;
  const printed = summonsDate(pack, end);
  if (printed === undefined || isoOf(printed.date) === isoOf(expected)) return undefined;
  return {
    line: printed.line,
    text: pack.lines[printed.line - 1],
    message: `This summons is for ${longDate(printed.date)}, but the meeting is on ${longDate(expected)}: is it the right pack?`,
  };
};

export interface ParseAgendaOptions {
  /** The meeting's date ("2015-10-22"): the importer warns when the summons names another. */
  meetingDate?: string;
}

/**
 * Reads the agenda items out of a meeting pack pasted as text. Never throws: text that has no
 * agenda, is too large or is not text at all gives an error value with a message for the clerk.
 */
export const parseAgenda = (text: string, options: ParseAgendaOptions = {}): AgendaImport => {
  const problem = checkPastedText(text, 'agenda');
  if (problem !== undefined) return { error: { message: problem } };
  const pack = readPack(text);
  const start = findAgendaStart(pack);
  const meetingDate = typeof options === 'object' && options !== null && typeof options.meetingDate === 'string' ? options.meetingDate : undefined;
  if (start === undefined) {
    const heading = pack.lines.findIndex(isAgendaHeading);
    const unnumbered = heading === -1 ? [] : readUnnumbered(pack, heading);
    if (unnumbered.length >= 2) {
      const wrongPack = wrongPackWarning(pack, heading, meetingDate);
      return { items: unnumbered.map(draftOfItem), warnings: wrongPack === undefined ? [] : [wrongPack] };
    }
    return { error: { message: 'No agenda was found: there is no AGENDA heading followed by numbered items, and no numbered list starting at 1.' } };
  }
  const warnings: ImportWarning[] = [];
  const wrongPack = wrongPackWarning(pack, pack.nextNumbered[start.index], meetingDate);
  if (wrongPack !== undefined) warnings.push(wrongPack);  if (!start.headed) {
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
