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
import { formatMemberName, isHonour, isKnownHonour, isSurnameTitle, parseMemberName, titleOf, type ParsedMemberName } from './memberNames';

/** One name as read: where it was, the role word the minutes used, and anything the clerk should check. */
export interface PresentEntry {
  /** The text the name was read from (with any title implied by "Councillors" before it). */
  text: string;
  line: number;
  /** "Chair", "Mayor", "Vice-Chair": the minutes' word for the role, when it is not Chamber's own. */
  roleAsWritten?: string;
  /** Why the clerk should check this name ("no title", "two names run together?"); empty when read plainly. */
  checks: string[];
}

export interface PresentParagraph {
  /** The members in the order listed. */
  members: ParsedMemberName[];
  /** One per member, in the same order. */
  entries: PresentEntry[];
  /** Every note, those on a member (with `member`, its index) and parts left out as not names (without). */
  warnings: (ImportWarning & { member?: number })[];
  /** The words this paragraph uses for the Chairman's and Vice-Chairman's offices, where not Chamber's own. */
  roleWords: { chairman?: string; viceChairman?: string };
}

export type PresentImport = PresentParagraph | { error: { message: string; line?: number } };

/** Where the list of members stops: officers in attendance, apologies, the first minute. */
const END_OF_LIST =
  /^(?:in attendance|also present|also in attendance|officers?\b|apologies|absent\b|substitutes?:|unrestricted items|restricted items|exempt items|part [12i]+\b|\d{1,4}\.\s)/i;
const END_IN_LINE = /\b(?:IN ATTENDANCE|ALSO PRESENT|Also present|In attendance|Officers present|Officers in attendance|Apologies)\b/;
/** More parts than this cannot be one body's PRESENT paragraph (honours count as parts). */
const MAX_NAMES = 2_000;
const PRESENT_MARK = /^(?:(?:members|councillors)\s+)?(?:PRESENT\b|present\s*:)\s*[:.–-]?\s*/i;
/** "Co-opted members present:", "Independent members present:": a label inside the list, not a name. */
const LABEL_IN_LIST = /^(?!also\b)[\p{L}-]+(?:\s+[\p{L}-]+){0,3}\s+present\s*:\s*/iu;
/** Columns set apart by wide gaps or tabs: each is a name of its own. */
const COLUMN_GAP = /(?<=\S)(?: {3,}|\t+)(?=\S)/g;
/** "Councillors A Smith, B Jones": the plural title at the head of a list gives every name after it its title. */
const PLURAL_TITLE = /^(councillors|cllrs\.?)(?:\s+|$)/i;

interface SourceLine {
  text: string;
  line: number;
}

/** The lines of the paragraph itself: after "PRESENT:" (when there is one) and before IN ATTENDANCE. */
const paragraphLines = (text: string): SourceLine[] => {
  const lines = splitPastedLines(text).map((raw, index) => ({ text: cleanLine(raw.replace(COLUMN_GAP, '; ')), line: index + 1 }));
  const markAt = lines.findIndex(({ text: line }) => PRESENT_MARK.test(line));
  const from = markAt === -1 ? 0 : markAt;
  const found: SourceLine[] = [];
  for (let index = from; index < lines.length; index += 1) {
    let { text: line } = lines[index];
    if (index === markAt) line = line.replace(PRESENT_MARK, '');
    else if (END_OF_LIST.test(line)) break;
    else line = line.replace(LABEL_IN_LIST, '');
    const endAt = line.search(END_IN_LINE);
    if (endAt >= 0) line = line.slice(0, endAt);
    if (line.trim() !== '' && !isPageFurniture(line)) found.push({ text: line.trim(), line: lines[index].line });
    if (endAt >= 0) break;
  }
  return found;
};

/** "M", "M.", "M.R." or "MJ": a word that is initials, or dotted letters such as "M.B.E.". */
const isInitialsLike = (word: string): boolean => /^(?:[A-Z]\.?){1,4}$/.test(word) || /^(?:\p{Lu}\.){2,}$/u.test(word);

/** Titles written short, after which a full stop is an abbreviation's ("Dr.", "Cllr.", "St."), not a name's end. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'cllr', 'rev', 'revd', 'prof', 'capt', 'col', 'rt', 'hon', 'st']);

/** Whether a full stop after this word ends a name: not after an abbreviated title ("Dr.") or an initial ("M.", "M.R."). */
const fullStopEnds = (word: string): boolean => {
  const stem = word.replace(/^[("“]+/, '').replace(/\.+$/, '');
  if (stem.length < 2 || stem.includes('.') || ABBREVIATIONS.has(stem.toLowerCase())) return false;
  return /\p{L}/u.test(stem);
};

interface Part {
  text: string;
  /** The part before it on the same line ended at a full stop rather than a comma. */
  afterFullStop: boolean;
}

/**
 * Splits a line into parts at commas and semicolons, and at full stops that end a name ("Mr A B
 * Hale. Ms C Jones"), never inside brackets ("(Substitute for Mr X, MBE)" stays whole). An
 * unclosed bracket is ignored.
 */
const splitAtSeparators = (line: string): Part[] => {
  const scan = (bracketsCount: boolean): Part[] | undefined => {
    const parts: Part[] = [];
    let depth = 0;
    let start = 0;
    let afterFullStop = false;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (bracketsCount && char === '(') depth += 1;
      else if (bracketsCount && char === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0 && (char === ',' || char === ';')) {
        parts.push({ text: line.slice(start, index), afterFullStop });
        start = index + 1;
        afterFullStop = false;
      } else if (depth === 0 && char === '.') {
        // Only a short window either side: a hostile line of a million full stops stays linear.
        const after = line.slice(index + 1, index + 60);
        if (!/^(?:\s|$|\p{Lu}\p{Ll})/u.test(after)) continue;
        const word = /\S*$/.exec(line.slice(Math.max(start, index - 60), index + 1))?.[0] ?? '';
        const nextWord = /^\s*(\S+)/.exec(after)?.[1] ?? '';
        // Before a title ("MBE. Mr E F Goodwin") a full stop ends a name unless it follows a title itself ("Cllr. Mrs. Smith").
        const stem = word.replace(/\.+$/, '');
        const beforeTitle = titleOf(nextWord) !== undefined && !ABBREVIATIONS.has(stem.toLowerCase()) && !stem.includes('.') && stem.replace(/[^\p{L}]/gu, '').length >= 2;
        if (!beforeTitle && !fullStopEnds(word)) continue;
        parts.push({ text: line.slice(start, index), afterFullStop });
        start = index + 1;
        afterFullStop = true;
      }
    }
    parts.push({ text: line.slice(start), afterFullStop });
    return bracketsCount && depth !== 0 ? undefined : parts;
  };
  return scan(true) ?? scan(false)!;
};

/** The words of a part with the bracket depth each starts at, so splitting never enters a bracket. */
const wordsOf = (part: string): { word: string; inBrackets: boolean }[] => {
  let depth = 0;
  return part
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => {
      const inBrackets = depth > 0 || word.startsWith('(');
      for (const char of word) {
        if (char === '(') depth += 1;
        else if (char === ')') depth = Math.max(0, depth - 1);
      }
      return { word, inBrackets };
    });
};

/** "and" or "&" between two names. */
const isAnd = (word: string): boolean => word.toLowerCase() === 'and' || word === '&';

/** A name has a surname: after its titles, a word that is not initials ("Mr J Major" has one). */
const hasSurname = (words: readonly string[]): boolean => {
  let index = 0;
  while (index < words.length && titleOf(words[index]) !== undefined) index += 1;
  // "Mr Major", "Cllr Lord": a surname that is also a title, after a title it follows.
  if (index === words.length) return words.length > 0 && !onlyTitles(words.join(' '));
  return words.slice(index).some((word) => !isInitialsLike(word) && /\p{L}{2}/u.test(word));
};

/** Whether the words from `at` on begin a name: titles, then a word that is neither bracketed nor post-nominal letters. */
const beginsName = (words: readonly { word: string; inBrackets: boolean }[], at: number): boolean => {
  let index = at;
  while (index < words.length && titleOf(words[index].word) !== undefined) index += 1;
  const next = words[index];
  return index > at && next !== undefined && !next.inBrackets && !isKnownHonour(next.word) && !isAnd(next.word);
};

interface Split {
  text: string;
  /** Split from the name before it at a title with nothing between them but a space. */
  runTogether: boolean;
}

/**
 * "Mr M A Wickham and Mrs Z Wiltshire" → two names: "and" (or "&") before a capital separates;
 * so does a title inside what would be one name ("Mr A B Hale Ms C Jones"), where the words before
 * it have a surname and the title has a name after it ("Mr J Major" stays whole).
 */
const splitNames = (part: string): Split[] => {
  if (part.length > 1_000) return [{ text: part, runTogether: false }];
  const words = wordsOf(part);
  while (words.length > 0 && isAnd(words[0].word)) words.shift();
  while (words.length > 0 && isAnd(words[words.length - 1].word)) words.pop();
  const plain = words.map(({ word }) => word);
  const names: { words: string[]; runTogether: boolean }[] = [{ words: [], runTogether: false }];
  words.forEach(({ word, inBrackets }, index) => {
    const current = names[names.length - 1];
    const next = plain[index + 1];
    if (!inBrackets && isAnd(word) && next !== undefined && /^\p{Lu}/u.test(next) && current.words.length > 0) {
      names.push({ words: [], runTogether: false });
    } else if (
      !inBrackets &&
      titleOf(word) !== undefined &&
      hasSurname(current.words) &&
      beginsName(words, index)
    ) {
      names.push({ words: [word], runTogether: true });
    } else current.words.push(word);
  });
  return names.filter((name) => name.words.length > 0).map((name) => ({ text: name.words.join(' '), runTogether: name.runTogether }));
};

interface Piece {
  text: string;
  line: number;
  /** First piece on its line, and the line before did not end with a comma or a full stop: it may finish a wrapped name. */
  mayContinue: boolean;
  runTogether: boolean;
}

/** Whether a line ends where a name ends: at a comma, a semicolon, "and", or a full stop that ends a name. */
const lineEndsName = (line: string): boolean => {
  const trimmed = line.trimEnd();
  if (trimmed === '' || /[,;]$/.test(trimmed) || /\s(?:and|&)$/i.test(trimmed)) return true;
  if (!trimmed.endsWith('.')) return false;
  return fullStopEnds(/\S*$/.exec(trimmed)?.[0] ?? '');
};

const piecesOf = (lines: readonly SourceLine[]): Piece[] =>
  lines.flatMap(({ text, line }, index) => {
    const previous = lines[index - 1]?.text ?? '';
    const afterEnd = lineEndsName(previous);
    return splitAtSeparators(text)
      .flatMap((part, partIndex) =>
        splitNames(part.text).map((split, splitIndex) => ({ ...split, first: partIndex === 0 && splitIndex === 0 })),
      )
      .map((split) => ({
        text: split.text.replace(/[.;]+$/, '').trim(),
        line,
        mayContinue: split.first && !afterEnd,
        runTogether: split.runTogether,
      }))
      .filter((piece) => piece.text !== '');
  });

const startsWithTitle = (text: string): boolean => titleOf(text.split(' ')[0]) !== undefined;

const isHonours = (text: string): boolean => text.split(/\s+/).every(isHonour);

/** Titles a surname that is also a title follows: "Mr Major" and "Cllr Lord" are whole names, "Rev Canon" is not. */
const BEFORE_SURNAME = /^(?:mr|mrs|ms|miss|mx|dr|cllr|councillor)\.?$/i;

/** Only titles so far ("Cllr" or "Rev Canon" at the end of a line before the rest of the name), not "Mr Major". */
const onlyTitles = (text: string): boolean => {
  const words = text.split(/\s+/);
  if (!words.every((word) => titleOf(word) !== undefined)) return false;
  return !(words.length >= 2 && isSurnameTitle(words[words.length - 1]) && BEFORE_SURNAME.test(words[words.length - 2]));
};

/** Lower-case particles that begin a surname ("de Souza", "van der Berg"): a line ending in one has more to come. */
const PARTICLE = /^(?:de|da|di|del|della|der|den|des|du|la|le|van|von|ap)$/;

/** A name cut short at a line break: only titles so far, or it ends with initials, a particle or a hyphen. */
const isUnfinished = (text: string): boolean => {
  const words = text.trim().split(/\s+/);
  const last = words[words.length - 1];
  // "MBE" or "MBE TD" after a surname ends the name; "M B" after a title is initials still to come.
  let beforeHonours = words.length;
  while (beforeHonours > 0 && isKnownHonour(words[beforeHonours - 1])) beforeHonours -= 1;
  const initials = /^(?:[A-Z]\.?){1,4}$/.test(last) && !(beforeHonours < words.length && hasSurname(words.slice(0, beforeHonours)));
  return onlyTitles(text.trim()) || initials || PARTICLE.test(last) || last.endsWith('-');
};

/** One capitalised word with no title: not a name alone ("Sam" at the end of a line, "Bright" at the start of the next). */
const isLoneWord = (text: string): boolean => /^\p{Lu}[\p{L}'’-]*$/u.test(text) && titleOf(text) === undefined && !isHonour(text);

interface Entry {
  text: string;
  line: number;
  /** "Councillor" when a "Councillors" before it gives the name its title ("Councillor Mrs Carrow"). */
  impliedTitle?: string;
  runTogether: boolean;
  joined: boolean;
  /** Joined across a line break where the two lines could as well have been two names. */
  mayBeTwo: boolean;
}

/** Running text: some line holds more than one name, so a line break is a wrap, not a separator. */
const isRunningText = (pieces: readonly Piece[]): boolean => {
  const perLine = new Map<number, number>();
  for (const piece of pieces) {
    if (isHonours(piece.text.replace(/\([^()]*\)/g, ' ').trim())) continue;
    perLine.set(piece.line, (perLine.get(piece.line) ?? 0) + 1);
  }
  return [...perLine.values()].some((count) => count > 1);
};

/** Puts honours back with their name, joins names wrapped across lines, and gives names the title of a "Councillors" before them. */
const entriesOf = (pieces: readonly Piece[]): Entry[] => {
  let impliedTitle: string | undefined;
  const running = isRunningText(pieces);
  return pieces.reduce<Entry[]>((entries, piece) => {
    let text = piece.text;
    const plural = PLURAL_TITLE.exec(text);
    if (plural !== null) {
      impliedTitle = /^cllr/i.test(plural[1]) ? 'Cllr' : 'Councillor';
      text = text.slice(plural[0].length).trim();
      if (text === '') return entries;
    }
    const current = entries[entries.length - 1];
    const untitled = !startsWithTitle(text);
    const withoutBrackets = text.replace(/\([^()]*\)/g, ' ').trim();
    /** Without brackets or trailing honours: "Bright" in "Bright MBE (Chair)". */
    const coreWords = withoutBrackets.split(/\s+/);
    while (coreWords.length > 1 && isKnownHonour(coreWords[coreWords.length - 1])) coreWords.pop();
    const core = coreWords.join(' ');
    if (current !== undefined && withoutBrackets !== '' && isHonours(withoutBrackets) && untitled && !(piece.mayContinue && isUnfinished(current.text))) {
      current.text = `${current.text}, ${text}`;
    } else if (current !== undefined && piece.mayContinue && plural === null && (text.startsWith('(') || /^(?:\p{Ll}|St\.? \p{Lu})/u.test(text) || (!/\s/.test(core) && titleOf(core) !== undefined))) {
      // "(Chairman)", "der Berg", "St John" or a surname that is a title word ("Lord") alone at the
      // start of a line finishes the name before it.
      current.text = `${current.text} ${text}`;
      current.joined = true;
    } else if (
      current !== undefined &&
      piece.mayContinue &&
      plural === null &&
      (untitled || onlyTitles(current.text)) &&
      (isUnfinished(current.text) || (impliedTitle === undefined && (isLoneWord(current.text) || isLoneWord(core))))
    ) {
      current.text = current.text.endsWith('-') ? current.text + text : `${current.text} ${text}`;
      current.joined = true;
    } else if (current !== undefined && running && piece.mayContinue && plural === null && untitled && startsWithTitle(current.text) && impliedTitle === undefined) {
      // "Cllr Mrs Paul / Paul Harrison" in running text: most likely one name wrapped, but it could be two.
      current.text = `${current.text} ${text}`;
      current.joined = true;
      current.mayBeTwo = true;
    } else {
      entries.push({
        text,
        line: piece.line,
        runTogether: piece.runTogether,
        joined: false,
        mayBeTwo: false,
        ...(impliedTitle !== undefined && !/^(?:councillor|cllr)\b/i.test(text) ? { impliedTitle } : {}),
      });
    }
    return entries;
  }, []);
};

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
 * Reads the members listed as PRESENT, in order, with the Chairman and Vice-Chairman marked. Each
 * name read on trust (no title, two names possibly run together, an unknown bracket) is kept and
 * flagged for checking; parts that are not names are left out with a warning; text with no list
 * of names is an error.
 */
export const parsePresentParagraph = (text: string): PresentImport => {
  const problem = checkPastedText(text, 'PRESENT paragraph');
  if (problem !== undefined) return { error: { message: problem } };
  const lines = paragraphLines(text);
  if (lines.length === 0) return { error: { message: 'There is no list of names here: paste the PRESENT paragraph from the minutes.' } };
  const separators = lines.reduce((count, { text: line }) => count + line.split(/[,.;]/).length - 1, 0);
  const pieces = separators > MAX_NAMES ? [] : piecesOf(lines);
  if (separators > MAX_NAMES || pieces.length > MAX_NAMES) {
    return { error: { message: 'This lists more than 2,000 names, far more than any council has members: paste only the PRESENT paragraph.' } };
  }
  const members: ParsedMemberName[] = [];
  const entries: PresentEntry[] = [];
  const warnings: PresentParagraph['warnings'] = [];
  const roleWords: PresentParagraph['roleWords'] = {};
  let rejected: ImportWarning | undefined;
  let rejectedCount = 0;
  const seen = new Set<string>();
  for (const entry of entriesOf(pieces)) {
    const written = entry.impliedTitle === undefined ? entry.text : `${entry.impliedTitle} ${entry.text}`;
    const result = parseMemberName(written);
    if ('error' in result) {
      const warning = { line: entry.line, text: written, message: `Not read as a name: ${result.error.message}` };
      warnings.push(warning);
      rejected ??= warning;
      rejectedCount += 1;
      continue;
    }
    const { name, notes, roleAsWritten } = result;
    const checks: string[] = [];
    if (name.title === '') {
      const bare = [name.forenames ?? name.initials.join(' '), name.surname].filter((part) => part !== '').join(' ');
      if (!looksLikeUntitledName(bare)) {
        const warning = { line: entry.line, text: entry.text, message: 'Not read as a name: it has no title (Mr, Mrs, Dr…) and does not look like a name.' };
        warnings.push(warning);
        rejected ??= warning;
        rejectedCount += 1;
        continue;
      }
      checks.push('This name has no title (Mr, Mrs, Dr…); check it.');
      if (bare.split(/\s+/).length > 3) checks.push('Four or more words with no title: is this two names run together?');
    }
    if (entry.mayBeTwo) checks.push('Read as one name across a line break with no comma before it: check it is not two names.');
    if (entry.runTogether) checks.push('Read as a new name at its title, with no comma or full stop before it: check the names either side.');
    checks.push(...notes);
    const key = formatMemberName(name).toLowerCase();
    if (seen.has(key)) checks.push('This member is listed twice.');
    seen.add(key);
    for (const message of checks) warnings.push({ line: entry.line, text: entry.text, message, member: members.length });
    if (roleAsWritten !== undefined && name.role === 'Chairman') roleWords.chairman ??= roleAsWritten;
    if (roleAsWritten !== undefined && name.role === 'Vice-Chairman') roleWords.viceChairman ??= roleAsWritten;
    members.push(name);
    entries.push({ text: written, line: entry.line, ...(roleAsWritten === undefined ? {} : { roleAsWritten }), checks });
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
  return { members, entries, warnings, roleWords };
};
