// Finding a member by what the clerk types: part of a surname, a title and surname, initials, a
// group. Members whose surname starts with what was typed come first ("ter" finds Terry before
// Carter), then those with any word starting so, then those merely containing it; within each,
// those with a word typed whole first, then surname order. One function for every member chooser, so they all find the same way.
import type { Member } from './body';
import { memberFullName } from './body';

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);

/** Members in surname order (then forenames or initials, then title): the order of every live list. */
// Collators made once: localeCompare with options builds one on every call, which on every
// keystroke over a full council's members is most of the work.
const surnames = new Intl.Collator('en-GB', { sensitivity: 'base' });
const inOrder = new Intl.Collator('en-GB');

export const bySurname = (a: Member, b: Member): number =>
  surnames.compare(a.surname, b.surname) || inOrder.compare(a.forenames ?? a.initials.join(' '), b.forenames ?? b.initials.join(' ')) || inOrder.compare(a.title, b.title);

/**
 * The members matching `query`, best first. Every word typed must match (the start of a word of the
 * member's names or group, or anywhere within them); the first word typed decides the rank.
 */
export const findMembers = (members: readonly Member[], names: Readonly<Record<string, string>>, query: string): Member[] => {
  const typed = words(query);
  const sorted = [...members].sort(bySurname);
  if (typed.length === 0) return sorted;
  const ranked: { member: Member; rank: number; whole: number }[] = [];
  for (const member of sorted) {
    const haystack = [names[member.id] ?? '', memberFullName(member), member.group].join(' ').toLowerCase();
    const memberWords = words(haystack);
    if (!typed.every((t) => haystack.includes(t))) continue;
    const first = typed[0];
    const surname = member.surname.toLowerCase();
    const rank = surname.startsWith(first) ? 0 : memberWords.some((w) => w.startsWith(first)) ? 1 : 2;
    // Within a rank, a typed word that is a whole word of the name ("m" for the initial M, not the
    // start of "Mrs") brings the member forward: "m harr" finds Mr M Harrison before Mrs A Harrison.
    const whole = typed.filter((t) => memberWords.includes(t)).length;
    ranked.push({ member, rank, whole });
  }
  return ranked.sort((a, b) => a.rank - b.rank || b.whole - a.whole).map((r) => r.member);
};

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'cllr', 'councillor', 'rev', 'revd']);

/**
 * The member a name printed in a pack means ("Richard Streatfeild", "Mr M Vye", "Trudy Dean"):
 * the one whose surname ends the name, told apart where needed by title and by the first letter of
 * a forename or an initial. Undefined when no member, or more than one, fits: the clerk chooses.
 */
export const matchPrintedName = (members: readonly Member[], printed: string | undefined): Member | undefined => {
  const text = (printed ?? '').toLowerCase().replace(/[^\p{L}\p{N}'\s-]+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const bySurname = members.filter((m) => m.active && (text === m.surname.toLowerCase() || text.endsWith(` ${m.surname.toLowerCase()}`)));
  const words = text.split(' ');
  const title = TITLES.has(words[0]) ? words[0] : undefined;
  const given = words.filter((w) => !TITLES.has(w)).slice(0, -1).map((w) => w.charAt(0));
  // Even a single member with that surname must fit the title and initial printed: "Ms Harrison" is not Mr M Harrison.
  const fits = bySurname.filter((m) => {
    if (title && !['cllr', 'councillor'].includes(title) && m.title.toLowerCase() !== title) return false;
    const first = (m.forenames?.charAt(0) ?? m.initials[0] ?? '').toLowerCase();
    return given.length === 0 || first === given[0];
  });
  return fits.length === 1 ? fits[0] : undefined;
};
