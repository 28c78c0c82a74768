// Minute 43 of the full council of 22 October 2015, as the tests use it: the facts kept in
// tests/fixtures (both recorded votes as the minutes print them), the council as the clerk keeps it
// for the vote lists, and the way each member voted, read back from the minutes' lists.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MemberDetails } from '../../shared/commands/body';
import type { VoteWay } from '../../shared/procedure/recordedVote';
import { kcc2015Membership } from './kcc2015';

const FIXTURE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/kcc-2015-minute-43.json');

export const minute43 = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  item: string;
  motion: { mover: [string, string]; seconder: [string, string]; wording: string };
  procedural: { mover: [string, string]; seconder: [string, string]; for: number; against: number; abstained: number; recordedVote: string };
  vote: { for: number; against: number; abstained: number; recordedVote: string };
};

/**
 * The council as the clerk keeps it for the vote lists. Three members go by their second initial
 * there (Mr P M Hill is "Mr M Hill", Mr R A Marsh "Mr A Marsh", Mr M A Wickham "Mr A Wickham"), and
 * Mrs S Howes of the PRESENT list is "Ms S Howes" in them: the minutes' own difference, kept here.
 */
const KNOWN_AS: Record<string, string> = { Hill: 'M', Marsh: 'A', Wickham: 'A' };
export const councilForVoteLists = (): MemberDetails[] =>
  kcc2015Membership().map((m) => ({ ...m, ...(KNOWN_AS[m.surname] ? { knownAs: KNOWN_AS[m.surname] } : {}), ...(m.surname === 'Howes' ? { title: 'Ms' } : {}) }));

/**
 * Whitespace normalised; and what is typesetting rather than words: the *emphasis* around the
 * outcome and the stray comma the minutes leave after the last name of some lists.
 */
export const normaliseVoteText = (text: string) =>
  text
    .replace(/\*/g, '')
    .replace(/,\s*(?=\n\s*\n)/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The way each member voted, read from the minutes' lists ("Mr M Harrison" is the Mr Harrison with
 * M first), by the member's id among `members`; throws on a name that is not exactly one member.
 */
export const votesInMinutes = <M extends MemberDetails & { id: string }>(text: string, members: readonly M[]): Record<string, VoteWay> => {
  const votes: Record<string, VoteWay> = {};
  const sections = normaliseVoteText(text).split(/(For|Against|Abstain) \(\d+\)/).slice(1);
  for (let i = 0; i < sections.length; i += 2) {
    const way = sections[i].toLowerCase() as VoteWay;
    const list = sections[i + 1].replace(/(Procedural motion|Motion) (carried|lost)$/, '').trim();
    for (const name of list.split(', ').filter(Boolean)) {
      const [title, initial, ...surname] = name.split(' ');
      const matches = members.filter((m) => m.title === title && m.surname === surname.join(' ') && (m.knownAs ?? m.initials[0] ?? m.forenames?.[0]) === initial);
      if (matches.length !== 1) throw new Error(`"${name}" in the minutes is ${matches.length} members of the council`);
      votes[matches[0].id] = way;
    }
  }
  return votes;
};
