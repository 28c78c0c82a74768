// A recorded (named) vote as the minutes print it:
//
//   For (64)
//   Mrs A Allen, Mr M Angell, …
//   Against (4)
//   Mr R Bird, Mr B Clark, Mr M Vye, Mr J Wedgbury
//   Abstain (4)
//   Mr H Birkby, Mr J Elenor, Mrs M Elenor, Mr M Heale
//   Procedural motion carried
//
// Names in the body's style: title, first initial and surname (the 2015 style), or title and
// surname only ("Mr Cole, Mrs Cole"), with the initial added only where the title does not tell
// two members apart. Honours are dropped; names are sorted by surname, then initials. Pure.
import type { MotionKind } from '../commands/debate';
import type { MemberDetails } from '../commands/body';

export type RecordedVoteNameStyle = 'title_initial_surname' | 'title_surname';

export type VoteWay = 'for' | 'against' | 'abstain';

/** `knownAs`: the forename (or its initial) a member goes by where it is not the first: Mr P M Hill, known as Mike, is "Mr M Hill" in the vote lists. */
type Named = Pick<MemberDetails, 'title' | 'initials' | 'surname' | 'forenames' | 'knownAs'>;

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Knights and dames are known by their forename: "Sir Paul Carter", never "Sir P Carter". */
const knownByForename = (m: Named): boolean => /^(?:sir|dame)$/i.test(m.title.split(' ').pop() ?? '');

const firstInitial = (m: Named): string => (m.knownAs?.trim() ? m.knownAs.trim().charAt(0).toUpperCase() : (m.initials[0] ?? m.forenames?.trim().charAt(0).toUpperCase() ?? ''));

const join = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');

/** Each member's name in a recorded vote, in the body's style, unambiguous among `members`. */
export const recordedVoteNames = <M extends Named & { id: string }>(members: readonly M[], style: RecordedVoteNameStyle): Record<string, string> => {
  const names: Record<string, string> = {};
  const full = (m: M, initials: number) =>
    knownByForename(m)
      ? join(m.title, m.forenames?.split(' ')[0] ?? firstInitial(m), m.surname)
      : initials === 1
        ? join(m.title, firstInitial(m), m.surname)
        : join(m.title, ...m.initials.slice(0, initials), m.surname);
  for (const m of members) names[m.id] = style === 'title_initial_surname' ? full(m, 1) : knownByForename(m) ? full(m, 1) : join(m.title, m.surname);
  // Where two names come out the same, add initials until they differ (or there are no more).
  for (let initials = style === 'title_initial_surname' ? 2 : 1; initials <= 4; initials += 1) {
    const seen = new Map<string, M[]>();
    for (const m of members) seen.set(names[m.id], [...(seen.get(names[m.id]) ?? []), m]);
    const clashes = [...seen.values()].filter((group) => group.length > 1);
    if (clashes.length === 0) break;
    for (const group of clashes) for (const m of group) names[m.id] = full(m, initials);
  }
  return names;
};

/** Surname, then initials, then title: the order of the minutes' lists. */
export const bySurnameForVote = (a: Named, b: Named): number =>
  collator.compare(a.surname, b.surname) || collator.compare(a.initials.join(' ') || (a.forenames ?? ''), b.initials.join(' ') || (b.forenames ?? '')) || collator.compare(a.title, b.title);

const KIND_WORDS: Record<MotionKind, string> = { substantive: 'Motion', amendment: 'Amendment', procedural: 'Procedural motion' };

/** "Motion carried", "Amendment lost", "Procedural motion carried". */
export const outcomeWords = (kind: MotionKind, result: 'carried' | 'lost'): string => `${KIND_WORDS[kind]} ${result}`;

const HEADINGS: Record<VoteWay, string> = { for: 'For', against: 'Against', abstain: 'Abstain' };

/**
 * The recorded vote's text: each way with its count and the names (none after "Abstain (0)"),
 * then the outcome. `votes` maps each member who voted to the way they voted; `members` names
 * them (the whole body, so names stay unambiguous across it).
 */
export const recordedVoteText = <M extends Named & { id: string }>(
  votes: Readonly<Record<string, VoteWay>>,
  members: readonly M[],
  style: RecordedVoteNameStyle,
  outcome: string,
): string => {
  const names = recordedVoteNames(members, style);
  const byId = new Map(members.map((m) => [m.id, m]));
  const lines: string[] = [];
  for (const way of ['for', 'against', 'abstain'] as const) {
    const voters = Object.keys(votes)
      .filter((id) => votes[id] === way)
      .map((id) => {
        const member = byId.get(id);
        if (!member) throw new RangeError(`A vote was recorded for ${id}, who is not among the members named`);
        return member;
      })
      .sort(bySurnameForVote);
    lines.push(`${HEADINGS[way]} (${voters.length})`);
    if (voters.length > 0) lines.push(voters.map((m) => names[m.id]).join(', '));
  }
  lines.push(outcome);
  return lines.join('\n');
};
