// Reads the PRESENT paragraph of a set of minutes into members' names:
//
//   PRESENT: Mr M J Harrison (Chairman)
//   Mr T Gates (Vice-Chairman)
//   Mrs A D Allen, MBE, Mr M J Angell, … Mr M A Wickham and Mrs Z Wiltshire
//
// Names are separated by commas, across line breaks; honours follow a comma too ("Allen, MBE"),
// so a part that is only post-nominal letters belongs to the name before it. The paragraph ends
// before IN ATTENDANCE. Pure: no Node, no DOM. Never throws.
import { checkPastedText, cleanLine, isPageFurniture, splitPastedLines, type ImportWarning } from './agenda';
import { formatMemberName, isHonour, parseMemberName, titleOf, type ParsedMemberName } from './memberNames';

export interface PresentParagraph {
  members: ParsedMemberName[];
  warnings: ImportWarning[];
}

export type PresentImport = PresentParagraph | { error: { message: string; line?: number } };

/** Where the list of members stops: officers in attendance, apologies, the first minute. */
const END_OF_LIST = /^(?:in attendance|also present|also in attendance|officers?\b|apologies|substitutes?:|unrestricted items|restricted items|exempt items|\d{1,4}\.\s)/i;
const END_IN_LINE = /\b(?:IN ATTENDANCE|ALSO PRESENT)\b/;
/** More parts than this cannot be one body's PRESENT paragraph (honours count as parts). */
const MAX_NAMES = 2_000;
const PRESENT_MARK = /^(?:PRESENT\b|Present\s*:)\s*:?\s*/;

interface SourceLine {
  text: string;
  line: number;
}

/** The lines of the paragraph itself: after "PRESENT:" (when there is one) and before IN ATTENDANCE. */
const paragraphLines = (text: string): SourceLine[] => {
  const lines = splitPastedLines(text).map((raw, index) => ({ text: cleanLine(raw), line: index + 1 }));
  const markAt = lines.findIndex(({ text: line }) => PRESENT_MARK.test(line));
  const from = markAt === -1 ? 0 : markAt;
  const found: SourceLine[] = [];
  for (let index = from; index < lines.length; index += 1) {
    let { text: line } = lines[index];
    if (index === markAt) line = line.replace(PRESENT_MARK, '');
    else if (END_OF_LIST.test(line)) break;
    const endAt = line.search(END_IN_LINE);
    if (endAt >= 0) line = line.slice(0, endAt);
    if (line.trim() !== '' && !isPageFurniture(line)) found.push({ text: line.trim(), line: lines[index].line });
    if (endAt >= 0) break;
  }
  return found;
};

/** Splits at commas that are not inside brackets ("(Substitute for Mr X, MBE)" stays whole); an unclosed bracket is ignored. */
const splitAtCommas = (line: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      parts.push(line.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(line.slice(start));
  return depth === 0 ? parts : line.split(',');
};

/** "Mr M A Wickham and Mrs Z Wiltshire" → two names: "and" (or "&") before a title separates. */
const isAnd = (word: string): boolean => word.toLowerCase() === 'and' || word === '&';

const splitAtAnd = (part: string): string[] => {
  if (part.length > 1_000) return [part];
  const words = part.trim().split(/\s+/);
  while (words.length > 0 && isAnd(words[0])) words.shift();
  while (words.length > 0 && isAnd(words[words.length - 1])) words.pop();
  const names: string[][] = [[]];
  words.forEach((word, index) => {
    const next = words[index + 1];
    if (isAnd(word) && next !== undefined && titleOf(next) !== undefined && names[names.length - 1].length > 0) {
      names.push([]);
    } else names[names.length - 1].push(word);
  });
  return names.map((name) => name.join(' ')).filter((name) => name !== '');
};

interface Piece {
  text: string;
  line: number;
  /** First piece on its line, and the line before did not end with a comma: it may finish a wrapped name. */
  mayContinue: boolean;
}

const piecesOf = (lines: readonly SourceLine[]): Piece[] =>
  lines.flatMap(({ text, line }, index) => {
    const previous = lines[index - 1]?.text ?? '';
    const afterComma = previous === '' || /,\s*$/.test(previous.slice(-3));
    return splitAtCommas(text)
      .flatMap(splitAtAnd)
      .map((piece, pieceIndex) => ({
        text: piece.replace(/[.;]+$/, '').trim(),
        line,
        mayContinue: pieceIndex === 0 && !afterComma && !/\s(?:and|&)$/i.test(previous.slice(-4)),
      }))
      .filter((piece) => piece.text !== '');
  });

const startsWithTitle = (text: string): boolean => titleOf(text.split(' ')[0]) !== undefined;

const isHonours = (text: string): boolean => text.split(/\s+/).every(isHonour);

/** A name cut short at a line break: it ends with a title or initials, or with a hyphen. */
const isUnfinished = (text: string): boolean => {
  const words = text.trim().split(/\s+/);
  const last = words[words.length - 1];
  return titleOf(last) !== undefined || /^(?:[A-Z]\.?){1,4}$/.test(last) || last.endsWith('-');
};

interface Entry {
  text: string;
  line: number;
}

/** Puts honours back with their name and joins names wrapped across lines. */
const entriesOf = (pieces: readonly Piece[]): Entry[] =>
  pieces.reduce<Entry[]>((entries, piece) => {
    const current = entries[entries.length - 1];
    if (current !== undefined && isHonours(piece.text) && !startsWithTitle(piece.text)) {
      current.text = `${current.text}, ${piece.text}`;
    } else if (current !== undefined && piece.mayContinue && !startsWithTitle(piece.text) && isUnfinished(current.text)) {
      current.text = current.text.endsWith('-') ? current.text + piece.text : `${current.text} ${piece.text}`;
    } else entries.push({ text: piece.text, line: piece.line });
    return entries;
  }, []);

/** "Trudy Dean", "Ana de Souza": two to five words, capitalised but for short particles inside. */
const looksLikeUntitledName = (text: string): boolean => {
  const words = text.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    words.every((word, index) => /^\p{Lu}/u.test(word) || (index > 0 && index < words.length - 1 && /^\p{Ll}{1,4}$/u.test(word)))
  );
};

/**
 * Reads the members listed as PRESENT, in order, with the Chairman and Vice-Chairman marked.
 * Parts that are not names are left out with a warning; text with no list of names is an error.
 */
export const parsePresentParagraph = (text: string): PresentImport => {
  const problem = checkPastedText(text, 'PRESENT paragraph');
  if (problem !== undefined) return { error: { message: problem } };
  const lines = paragraphLines(text);
  if (lines.length === 0) return { error: { message: 'There is no list of names here: paste the PRESENT paragraph from the minutes.' } };
  const commas = lines.reduce((count, { text: line }) => count + line.split(',').length - 1, 0);
  const pieces = commas > MAX_NAMES ? [] : piecesOf(lines);
  if (commas > MAX_NAMES || pieces.length > MAX_NAMES) {
    return { error: { message: 'This lists more than 2,000 names, far more than any council has members: paste only the PRESENT paragraph.' } };
  }
  const members: ParsedMemberName[] = [];
  const warnings: ImportWarning[] = [];
  let rejected: ImportWarning | undefined;
  let rejectedCount = 0;
  const seen = new Set<string>();
  for (const entry of entriesOf(pieces)) {
    const result = parseMemberName(entry.text);
    if ('error' in result) {
      const warning = { line: entry.line, text: entry.text, message: `Not read as a name: ${result.error.message}` };
      warnings.push(warning);
      rejected ??= warning;
      rejectedCount += 1;
      continue;
    }
    const { name, notes } = result;
    if (name.title === '') {
      if (!looksLikeUntitledName(entry.text)) {
        const warning = { line: entry.line, text: entry.text, message: 'Not read as a name: it has no title (Mr, Mrs, Dr…) and does not look like a name.' };
        warnings.push(warning);
        rejected ??= warning;
        rejectedCount += 1;
        continue;
      }
      warnings.push({ line: entry.line, text: entry.text, message: 'This name has no title (Mr, Mrs, Dr…); check it.' });
    }
    for (const note of notes) warnings.push({ line: entry.line, text: entry.text, message: note });
    const key = formatMemberName(name).toLowerCase();
    if (seen.has(key)) warnings.push({ line: entry.line, text: entry.text, message: 'This member is listed twice.' });
    seen.add(key);
    members.push(name);
  }
  if (members.length === 0) {
    return { error: { message: 'There is no list of names here: paste the PRESENT paragraph from the minutes.', ...(rejected === undefined ? {} : { line: rejected.line }) } };
  }
  if (rejected !== undefined && rejectedCount > members.length) {
    return {
      error: {
        message: `This does not look like a list of members: ${rejectedCount} of ${rejectedCount + members.length} parts are not names (line ${rejected.line}: "${rejected.text.slice(0, 60)}").`,
        line: rejected.line,
      },
    };
  }
  return { members, warnings };
};
