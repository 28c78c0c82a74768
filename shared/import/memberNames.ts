// Members' names as minutes write them: "Mrs A D Allen, MBE", "Sir Paul Carter, CBE",
// "Mr M J Harrison (Chairman)". Pure: no Node, no DOM.
import { z } from 'zod';

/**
 * The roles the PRESENT paragraph marks against a name, as Chamber keeps them (a subset of the
 * body's member roles): "Chair" and "Mayor" are the Chairman's office; "Vice Chair", "Deputy
 * Chairman" and "Deputy Mayor" the Vice-Chairman's. The word the minutes used is kept beside it.
 */
export const MemberRole = z.enum(['Chairman', 'Vice-Chairman', 'Leader', 'Deputy Leader']);
export type MemberRole = z.infer<typeof MemberRole>;

/** A member's name split into the parts minutes use. */
export const ParsedMemberName = z.strictObject({
  /** "Mr", "Mrs", "Dr", "Sir", "Cllr Mrs"…; empty when the name was written without one. */
  title: z.string(),
  /** Given names as written when at least one is written in full ("Paul" in "Sir Paul Carter"). */
  forenames: z.string().optional(),
  /** One capital letter per given name, in order ("M", "J" for "Mr M J Harrison"). */
  initials: z.array(z.string()),
  /** As written, including hyphens, apostrophes and particles ("Prendergast-Smith", "O'Brien", "de Souza"). */
  surname: z.string().min(1),
  /** Post-nominal letters in order ("MBE", "TD"). */
  honours: z.array(z.string()),
  role: MemberRole.optional(),
});
export type ParsedMemberName = z.infer<typeof ParsedMemberName>;

/**
 * A name read, with notes on anything read on trust, and the word the minutes used for the role
 * when it is not Chamber's own ("Chair", "Mayor", "Vice Chair"), so the body's style can keep it.
 */
export type MemberNameResult = { name: ParsedMemberName; notes: string[]; roleAsWritten?: string } | { error: { message: string } };

/** Titles and forms of address, lower case without a full stop. */
const TITLES: ReadonlyMap<string, string> = new Map([
  ['mr', 'Mr'],
  ['mrs', 'Mrs'],
  ['ms', 'Ms'],
  ['miss', 'Miss'],
  ['mx', 'Mx'],
  ['dr', 'Dr'],
  ['sir', 'Sir'],
  ['dame', 'Dame'],
  ['lady', 'Lady'],
  ['lord', 'Lord'],
  ['cllr', 'Cllr'],
  ['councillor', 'Councillor'],
  ['rev', 'Rev'],
  ['revd', 'Revd'],
  ['reverend', 'Reverend'],
  ['prof', 'Prof'],
  ['professor', 'Professor'],
  ['canon', 'Canon'],
  ['capt', 'Capt'],
  ['captain', 'Captain'],
  ['major', 'Major'],
  ['col', 'Col'],
  ['colonel', 'Colonel'],
  ['baroness', 'Baroness'],
  ['baron', 'Baron'],
  ['rt', 'Rt'],
  ['hon', 'Hon'],
]);

/** Titles that are also surnames: after a title ("Mr Lord", "Mrs Major") they are the surname. */
const SURNAME_TITLES: ReadonlySet<string> = new Set(['lord', 'major', 'canon', 'baron', 'captain', 'colonel']);

/** Whether a title word is also a surname ("Lord", "Major", "Canon"). */
export const isSurnameTitle = (word: string): boolean => SURNAME_TITLES.has(word.replace(/\.+$/, '').toLowerCase());

/** Post-nominal letters seen in council minutes. Other short capitalised words are accepted with a note. */
const KNOWN_HONOURS: ReadonlySet<string> = new Set([
  'KG', 'KT', 'GBE', 'KBE', 'DBE', 'CBE', 'OBE', 'MBE', 'BEM', 'CH', 'KCB', 'CB', 'KCMG', 'CMG',
  'KCVO', 'CVO', 'LVO', 'MVO', 'RVM', 'VC', 'GC', 'DSO', 'MC', 'DFC', 'AFC', 'QPM', 'KPM', 'QFSM',
  'TD', 'VRD', 'RD', 'DL', 'JP', 'QC', 'KC', 'MP', 'MEP', 'PC', 'FRS', 'FRSA', 'FCA', 'ACA',
]);

/** Lower-case words that belong to the surname that follows them ("de Souza", "van der Berg"). */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'di', 'del', 'della', 'der', 'den', 'des', 'du', 'la', 'le', 'van', 'von', 'ap', 'st', 'st.', 'mac',
]);

/** Role words in brackets (lower case, hyphens closed up, "the" dropped) and the office each is. */
const ROLE_WORDS: ReadonlyMap<string, MemberRole> = new Map([
  ['chairman', 'Chairman'],
  ['chair', 'Chairman'],
  ['chairwoman', 'Chairman'],
  ['chairperson', 'Chairman'],
  ['mayor', 'Chairman'],
  ['lord mayor', 'Chairman'],
  ['civic mayor', 'Chairman'],
  ['town mayor', 'Chairman'],
  ['chairman of the council', 'Chairman'],
  ['chair of the council', 'Chairman'],
  ['vice-chairman', 'Vice-Chairman'],
  ['vice-chair', 'Vice-Chairman'],
  ['vice-chairwoman', 'Vice-Chairman'],
  ['vice-chairperson', 'Vice-Chairman'],
  ['deputy chairman', 'Vice-Chairman'],
  ['deputy chair', 'Vice-Chairman'],
  ['deputy chairwoman', 'Vice-Chairman'],
  ['deputy mayor', 'Vice-Chairman'],
  ['deputy lord mayor', 'Vice-Chairman'],
  ['deputy civic mayor', 'Vice-Chairman'],
  ['deputy town mayor', 'Vice-Chairman'],
  ['vice-chairman of the council', 'Vice-Chairman'],
  ['vice-chair of the council', 'Vice-Chairman'],
  ['leader', 'Leader'],
  ['leader of the council', 'Leader'],
  ['deputy leader', 'Deputy Leader'],
  ['deputy leader of the council', 'Deputy Leader'],
]);

/** The plain titles: a name with two of them ("Mr Mrs Jones") is two names run together. */
const PLAIN_TITLES: ReadonlySet<string> = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx']);

/** More initials than this in one name is more likely two names run together. */
const MAX_PLAIN_INITIALS = 4;

/** "(Ashdown District Council)": on a joint committee, the council a member represents; not a role, left out. */
const REPRESENTS = /^[\p{Lu}][\p{L}'’ &-]{0,70}\b(?:Council|Authority)$/u;

/** Longer than any member's name with title, honours and role. */
const MAX_NAME_LENGTH = 200;

const stripFullStop = (word: string): string => word.replace(/\.+$/, '');

/** The title a word stands for ("Dr." → "Dr"), or undefined. */
export const titleOf = (word: string): string | undefined => TITLES.get(stripFullStop(word).toLowerCase());

/** Whether a word can be post-nominal letters: 2–5 capitals, dots allowed ("MBE", "M.B.E."). */
export const isHonour = (word: string): boolean => /^[A-Z]{2,5}$/.test(word.replace(/\./g, ''));

/** Whether a word is post-nominal letters the importer knows ("MBE", "M.B.E."). */
export const isKnownHonour = (word: string): boolean => {
  const bare = word.replace(/\./g, '');
  return bare === bare.toUpperCase() && KNOWN_HONOURS.has(bare);
};

/** "M", "M.", "M.J." or "MJ" written as initials (one to four capitals). */
const initialsIn = (word: string): string[] | undefined => {
  if (/^(?:[A-Z]\.?){1,4}$/.test(word)) return word.replace(/\./g, '').split('');
  return undefined;
};

const roleKey = (bracketed: string): string =>
  bracketed
    .trim()
    .toLowerCase()
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .replace(/^vice /, 'vice-');

/** The office a role word in brackets stands for ("Vice Chair" → Vice-Chairman), or undefined. */
export const roleOf = (bracketed: string): MemberRole | undefined => ROLE_WORDS.get(roleKey(bracketed));

/**
 * The role word as the minutes write it, tidied ("vice chair" → "Vice-Chair", "Deputy Mayor"),
 * or undefined when it is Chamber's own word for the office.
 */
const roleAsWrittenOf = (bracketed: string, role: MemberRole): string | undefined => {
  const capitalised = (word: string): string => word.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('-');
  const written = roleKey(bracketed)
    .split(' ')
    .map((word, index) => (index > 0 && (word === 'of' || word === 'the') ? word : capitalised(word)))
    .join(' ');
  return written === role ? undefined : written;
};

/** Splits given names from the surname: after the last initial everything is surname. */
const splitGivenNames = (words: readonly string[]): { given: string[]; surname: string[] } => {
  let lastInitial = -1;
  words.forEach((word, index) => {
    if (index < words.length - 1 && initialsIn(word) !== undefined) lastInitial = index;
  });
  if (lastInitial >= 0) return { given: words.slice(0, lastInitial + 1), surname: words.slice(lastInitial + 1) };
  let start = words.length - 1;
  while (start > 0 && SURNAME_PARTICLES.has(words[start - 1].toLowerCase()) && words[start - 1] !== words[start - 1].toUpperCase()) {
    start -= 1;
  }
  return { given: words.slice(0, start), surname: words.slice(start) };
};

const initialOf = (givenName: string): string[] =>
  initialsIn(givenName) ?? (/^\p{L}/u.test(givenName) ? [givenName.charAt(0).toUpperCase()] : []);

/**
 * Reads one member's name as minutes write it. Never throws; a name with no surname is an error
 * value. Notes explain anything read on trust (an unknown bracket, unusual post-nominals).
 */
export const parseMemberName = (text: string): MemberNameResult => {
  if (text.length > MAX_NAME_LENGTH) return { error: { message: `"${text.slice(0, 40)}…" is too long to be a name.` } };
  const notes: string[] = [];
  let role: MemberRole | undefined;
  let roleAsWritten: string | undefined;
  const withoutBrackets = text.replace(/\(([^()]{0,80})\)/g, (_all, inner: string) => {
    const found = roleOf(inner);
    if (found !== undefined && role === undefined) {
      role = found;
      roleAsWritten = roleAsWrittenOf(inner, found);
    } else if (found !== undefined) notes.push(`"(${inner.trim()})": a second role; only "${role}" was kept.`);
    else if (REPRESENTS.test(inner.trim())) return ' ';
    else notes.push(`"(${inner.trim()})" is not a role the importer knows; it was left out.`);
    return ' ';
  });
  const parts = withoutBrackets.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) return { error: { message: 'There is no name here.' } };
  const honours: string[] = [];
  for (const extra of parts.slice(1)) {
    for (const word of extra.split(/\s+/)) {
      if (isHonour(word)) honours.push(word.replace(/\./g, ''));
      else return { error: { message: `"${extra}" after the comma is not post-nominal letters such as MBE.` } };
    }
  }
  const words = parts[0].split(/\s+/).filter((word) => word !== '' && word !== '.');
  const trailingHonours: string[] = [];
  while (words.length > 1 && isKnownHonour(words[words.length - 1])) trailingHonours.unshift(words.pop()!.replace(/\./g, ''));
  honours.unshift(...trailingHonours);
  const titles: string[] = [];
  while (words.length > 1 && titleOf(words[0]) !== undefined) titles.push(titleOf(words.shift()!)!);
  if (titles.filter((title) => PLAIN_TITLES.has(title)).length > 1) {
    notes.push(`"${titles.join(' ')}": more than one title; is this two names run together?`);
  }
  if (words.slice(0, -1).some((word) => titleOf(word) !== undefined)) {
    notes.push('A title (Mr, Mrs, Dr…) inside the name: is this two names run together?');
  }
  if (words.length === 0 || (words.length === 1 && titleOf(words[0]) !== undefined && (titles.length === 0 || !SURNAME_TITLES.has(words[0].toLowerCase())))) {
    return { error: { message: `"${text.trim()}" has no surname.` } };
  }
  const last = words.length - 1;
  words[last] = words[last].replace(/[.;:]+$/, '');
  if (words[last] === '' || !/\p{L}/u.test(words[last])) return { error: { message: `"${text.trim()}" has no surname.` } };
  if (!words.every((word) => /^[\p{L}'’.-]+$/u.test(word))) {
    return { error: { message: `"${text.trim()}" does not look like a name: it has characters other than letters, hyphens and apostrophes.` } };
  }
  const { given, surname } = splitGivenNames(words);
  if (surname.join('').replace(/[^\p{L}]/gu, '').length === 1) notes.push(`The surname "${surname.join(' ')}" is a single letter: check the name.`);
  const initials = given.flatMap(initialOf);
  const writtenInFull = given.some((word) => initialsIn(word) === undefined);
  if (initials.length > MAX_PLAIN_INITIALS) notes.push(`${initials.length} initials: is this two names run together?`);
  else if (given.some((word, index) => index > 0 && initialsIn(word) !== undefined && initialsIn(given[index - 1]) === undefined)) {
    notes.push(`An initial after a name written in full ("${given.join(' ')}"): is this two names run together?`);
  }
  for (const honour of honours) {
    if (!KNOWN_HONOURS.has(honour.toUpperCase())) notes.push(`"${honour}" was read as post-nominal letters.`);
  }
  const name: ParsedMemberName = {
    title: titles.join(' '),
    ...(writtenInFull ? { forenames: given.join(' ') } : {}),
    initials,
    surname: surname.join(' '),
    honours,
    ...(role === undefined ? {} : { role }),
  };
  return { name, notes, ...(roleAsWritten === undefined ? {} : { roleAsWritten }) };
};

/** "Mrs A D Allen, MBE"; "Sir Paul Carter, CBE"; with `role`, "Mr M J Harrison (Chairman)". */
export const formatMemberName = (name: ParsedMemberName, options: { role?: boolean } = {}): string => {
  const given = name.forenames ?? name.initials.join(' ');
  const core = [name.title, given, name.surname].filter((part) => part !== '').join(' ');
  const withHonours = [core, ...name.honours].join(', ');
  return options.role === true && name.role !== undefined ? `${withHonours} (${name.role})` : withHonours;
};

const surnameKey = (name: ParsedMemberName): string => name.surname.toLowerCase();

const initialsKey = (name: ParsedMemberName, count: number): string =>
  [...name.initials.slice(0, count), name.surname].join(' ').toLowerCase();

/** Knights and dames are known by their forename: "Sir Paul Carter", never "Sir Carter". */
/** "Sir Paul Carter"; and a member written with no title by first name and surname ("Ann Allen", as some panels' minutes write them). */
const knownByForename = (name: ParsedMemberName): boolean =>
  /^(?:sir|dame)$/i.test(name.title.split(' ').pop() ?? '') || (name.title.trim() === '' && (name.forenames ?? '').trim() !== '');

const shortName = (name: ParsedMemberName, count: number): string => {
  if (knownByForename(name)) {
    const given = name.forenames?.split(' ') ?? name.initials;
    return [name.title, ...given.slice(0, Math.max(1, count)), name.surname].filter((part) => part !== '').join(' ');
  }
  return [name.title, ...name.initials.slice(0, count), name.surname].filter((part) => part !== '').join(' ');
};

/** The fewest initials (at least one) that tell this member apart from the others sharing the surname. */
const initialsNeeded = (name: ParsedMemberName, namesakes: readonly ParsedMemberName[]): number => {
  const most = Math.max(1, name.initials.length);
  for (let count = 1; count <= most; count += 1) {
    const key = initialsKey(name, count);
    if (namesakes.every((other) => initialsKey(other, count) !== key)) return count;
  }
  return most;
};

/**
 * Short names for lists and buttons: "Mr Angell" when the surname is unique; when members share a
 * surname, initials are added, and more initials, only as needed ("Mr J Meade" / "Ms J Meade";
 * "Mrs P T Cole" / "Mr P Cole"). Knights and dames keep their forename ("Sir Paul Carter").
 * Names written identically stay identical.
 */
export const displayNames = (members: readonly ParsedMemberName[]): string[] =>
  members.map((member, index) => {
    const namesakes = members.filter((other, otherIndex) => otherIndex !== index && surnameKey(other) === surnameKey(member));
    return namesakes.length === 0 ? shortName(member, 0) : shortName(member, initialsNeeded(member, namesakes));
  });
