// Votes by organisation. Pure: no Node, no DOM.
//
// Some bodies give an organisation one vote whoever of its representatives attends (a Health and
// Wellbeing Board: "each Clinical Commissioning Group has one vote whether one or both of its
// representatives attend"). A member sits for an organisation when one of their "sits for" names
// is among the organisations the standing orders list (matched ignoring case and surrounding
// spaces); everyone else votes as themselves.
//
// Decisions:
// - The organisation's vote is its representatives' common choice. When they vote differently, the
//   clerk's rule decides: it abstains ('abstain'), it is not counted at all ('not_counted'), or the
//   first of its representatives in the body's list of members who voted gives it ('first_listed').
// - An organisation none of whose representatives voted casts no vote.
// - "Present" for a majority of the members present counts voting units: each organisation with a
//   representative present once, and each other member present.
import { joinWithAnd } from '../format';
import type { StandingOrders } from './standingOrders';
import type { VoteChoice } from './tally';

export type OrganisationVoteRule = NonNullable<StandingOrders['organisationVotes']>;

export interface OrganisationVote {
  organisation: string;
  /** The organisation's one vote; null when it casts none (nobody voted, or disagreement not counted). */
  choice: VoteChoice | null;
  /** Its representatives who voted, in the body's order. */
  representatives: string[];
  /** Its representatives voted differently, so the clerk's rule decided. */
  disagreed: boolean;
}

export interface VotingMember {
  id: string;
  sitsFor?: readonly string[] | undefined;
}

const key = (name: string): string => name.trim().toLowerCase();

/** The organisation a member casts their vote with, as the rule names it; undefined for one who votes as themselves. */
export const organisationOf = (member: VotingMember, rule: OrganisationVoteRule): string | undefined => {
  for (const sitsFor of member.sitsFor ?? []) {
    const found = rule.organisations.find((organisation) => key(organisation) === key(sitsFor));
    if (found !== undefined) return found;
  }
  return undefined;
};

export interface CountedByOrganisation {
  counts: { for: number; against: number; abstain: number };
  /** Every organisation any of whose representatives voted, in the rule's order. */
  organisations: OrganisationVote[];
}

/**
 * The counts of a division where organisations vote as one. `members` in the body's order (the
 * order "first listed" follows); votes of members not in `members` count as their own.
 */
export const countByOrganisation = (votes: Readonly<Record<string, VoteChoice>>, members: readonly VotingMember[], rule: OrganisationVoteRule): CountedByOrganisation => {
  const counts = { for: 0, against: 0, abstain: 0 };
  const byOrganisation = new Map<string, { choices: VoteChoice[]; representatives: string[] }>();
  const seen = new Set<string>();
  for (const member of members) {
    const choice = votes[member.id];
    if (choice === undefined || seen.has(member.id)) continue;
    seen.add(member.id);
    const organisation = organisationOf(member, rule);
    if (organisation === undefined) {
      counts[choice] += 1;
      continue;
    }
    const entry = byOrganisation.get(organisation) ?? { choices: [], representatives: [] };
    entry.choices.push(choice);
    entry.representatives.push(member.id);
    byOrganisation.set(organisation, entry);
  }
  for (const [memberId, choice] of Object.entries(votes)) if (!seen.has(memberId)) counts[choice] += 1;
  const organisations: OrganisationVote[] = [];
  for (const organisation of rule.organisations) {
    const entry = byOrganisation.get(organisation);
    if (entry === undefined) continue;
    const disagreed = entry.choices.some((choice) => choice !== entry.choices[0]);
    const choice = !disagreed
      ? entry.choices[0]
      : rule.whenRepresentativesDisagree === 'abstain'
        ? 'abstain'
        : rule.whenRepresentativesDisagree === 'first_listed'
          ? entry.choices[0]
          : null;
    if (choice !== null) counts[choice] += 1;
    organisations.push({ organisation, choice, representatives: entry.representatives, disagreed });
  }
  return { counts, organisations };
};

/** The voting units among these members: each organisation represented once, each other member once. */
export const votingUnits = (memberIds: readonly string[], members: readonly VotingMember[], rule: OrganisationVoteRule): number => {
  const byId = new Map(members.map((member) => [member.id, member]));
  const organisations = new Set<string>();
  let individuals = 0;
  for (const id of new Set(memberIds)) {
    const member = byId.get(id);
    const organisation = member === undefined ? undefined : organisationOf(member, rule);
    if (organisation === undefined) individuals += 1;
    else organisations.add(organisation);
  }
  return individuals + organisations.size;
};

const RULE_WORDS: Record<OrganisationVoteRule['whenRepresentativesDisagree'], string> = {
  abstain: 'it abstains',
  not_counted: 'its vote is not counted',
  first_listed: 'its first-listed representative who voted gives its vote',
};

/** The rule in words, for the body's screen: "West Kent CCG and Swale CCG each cast one vote; when …". */
export const describeOrganisationVotes = (rule: OrganisationVoteRule): string =>
  `${joinWithAnd(rule.organisations)} ${rule.organisations.length === 1 ? 'casts' : 'each cast'} one vote, whoever of ${rule.organisations.length === 1 ? 'its' : 'their'} representatives attends; when its representatives vote differently, ${RULE_WORDS[rule.whenRepresentativesDisagree]}.`;

/** One organisation's vote in words, for the division panel and the minutes: "West Kent CCG: for (2 representatives)". */
export const describeOrganisationVote = (vote: OrganisationVote, rule: OrganisationVoteRule): string => {
  const way = vote.choice === null ? 'not counted' : vote.choice === 'abstain' ? 'abstained' : vote.choice;
  const who = vote.representatives.length === 1 ? '1 representative' : `${vote.representatives.length} representatives`;
  return vote.disagreed ? `${vote.organisation}: ${way} (${who} voted differently; ${RULE_WORDS[rule.whenRepresentativesDisagree]})` : `${vote.organisation}: ${way} (${who})`;
};
