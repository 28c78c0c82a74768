// The clerk's grid: every member who may vote, keyboard first. Type part of a name, Enter to go to
// the member found, then F (for), A (against) or N (abstain); the search comes back for the next
// name. "The rest of a group" records one way for every member of that group who may vote and has
// not voted (G chooses the group); the exceptions are then changed one by one. Each row shows the
// vote and who entered it (the clerk, or the member's own device). Rows are memoised and get only
// their own member's vote, so a vote renders its own row, not 81.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { VoteChoice } from '../../../../shared/commands/division';
import { restOfGroup, votingGroups } from '../../../../shared/procedure/divisionRecord';
import type { BodyState, Member } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import type { Division, Vote } from '../../../../shared/state/meetingDivision';
import { findMembers } from '../../../../shared/state/memberSearch';

export const WAY_LABELS: Record<VoteChoice, string> = { for: 'For', against: 'Against', abstain: 'Abstain' };
/** The key for each way: F, A, and N (abstain: A is taken by against). */
export const WAY_KEYS: Record<VoteChoice, string> = { for: 'F', against: 'A', abstain: 'N' };
const KEY_WAYS: Record<string, VoteChoice> = { f: 'for', a: 'against', n: 'abstain' };
const WAYS: readonly VoteChoice[] = ['for', 'against', 'abstain'];

/** Enter on a choice of the rest-of-group form records it (a select does not submit its form by itself). */
const submitOnEnter = (event: KeyboardEvent<HTMLSelectElement>) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
};

interface RowProps {
  member: Member;
  name: string;
  vote: Vote | undefined;
  highlighted: boolean;
  canVote: boolean;
  onVote(member: Member, choice: VoteChoice, from: 'key' | 'click'): void;
  onRowKey(member: Member, event: KeyboardEvent<HTMLButtonElement>): void;
}

const VoteRow = memo(({ member, name, vote, highlighted, canVote, onVote, onRowKey }: RowProps) => (
  <tr className={`${highlighted ? 'is-selected' : ''} ${vote ? `grid__row--${vote.choice}` : ''}`} data-member={member.id}>
    <th scope="row">
      <button type="button" id={`vote-row-${member.id}`} className="grid__name" onKeyDown={(e) => onRowKey(member, e)} aria-describedby="division-grid-keys">
        {name}
      </button>
    </th>
    <td className="grid__group">{member.group}</td>
    <td className="grid__vote" data-testid="grid-vote">
      {vote ? <strong className={`way way--${vote.choice}`}>{WAY_LABELS[vote.choice]}</strong> : <span className="muted">Not voted</span>}
      {vote && <span className="muted grid__by"> {vote.enteredBy === 'member' ? 'own device' : 'clerk'}</span>}
    </td>
    <td className="grid__actions">
      {WAYS.map((way) => (
        <button key={way} type="button" className="mini" disabled={!canVote} aria-pressed={vote?.choice === way} onClick={() => onVote(member, way, 'click')} title={`${WAY_LABELS[way]}: ${name}`}>
          {WAY_KEYS[way]}
          <span className="visually-hidden">
            {' '}
            {WAY_LABELS[way]}: {name}
          </span>
        </button>
      ))}
    </td>
  </tr>
));
VoteRow.displayName = 'VoteRow';

interface Props {
  meeting: MeetingState;
  body: BodyState;
  division: Division;
  /** Members who may vote now, in the body's order (eligibleMembers). */
  eligible: readonly string[];
  names: Readonly<Record<string, string>>;
  /** Votes are taken now (not while the bell rings or the division is paused). */
  canVote: boolean;
  /** Record a vote; resolves true if it was recorded. */
  cast(memberId: string, choice: VoteChoice): Promise<boolean>;
}

export const DivisionGrid = ({ meeting, body, division, eligible, names, canVote, cast }: Props) => {
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [group, setGroup] = useState('');
  const [way, setWay] = useState<VoteChoice>('for');
  const [announcement, setAnnouncement] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const votes = meeting.votes[division.id];

  const members = useMemo(() => {
    const allowed = new Set(eligible);
    return body.members.filter((m) => allowed.has(m.id));
  }, [body.members, eligible]);
  const rows = useMemo(() => findMembers(members, names, query.trim()), [members, names, query]);
  const selected = query.trim() ? rows[Math.min(highlight, rows.length - 1)] : undefined;
  // Who may vote is the panel's (eligible), not asked of the meeting again.
  const groups = useMemo(() => votingGroups(meeting, body, division.itemId, eligible), [meeting, body, division.itemId, eligible]);
  const chosenGroup = groups.includes(group) ? group : (groups[0] ?? '');
  const rest = chosenGroup ? restOfGroup(meeting, body, division.id, chosenGroup, eligible) : [];

  // The latest of what the rows call, behind callbacks that never change, so the memoised rows keep still.
  const latest = useRef({ cast, rows, canVote, names });
  useLayoutEffect(() => {
    latest.current = { cast, rows, canVote, names };
  });

  const onVote = useCallback((member: Member, choice: VoteChoice, from: 'key' | 'click') => {
    const { cast: send, canVote: open, names: named } = latest.current;
    if (!open) {
      setAnnouncement('Votes are taken only while the voting is open.');
      return;
    }
    void send(member.id, choice).then((ok) => setAnnouncement(ok ? `${named[member.id]}: ${WAY_LABELS[choice].toLowerCase()}.` : `${named[member.id]}: not recorded.`));
    if (from === 'key' && search.current?.value) {
      // Found by name: back to the search for the next one.
      setQuery('');
      setHighlight(0);
      search.current.focus();
    }
  }, []);

  const onRowKey = useCallback(
    (member: Member, event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      const choice = KEY_WAYS[key];
      if (choice) {
        event.preventDefault();
        event.stopPropagation();
        onVote(member, choice, 'key');
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const list = latest.current.rows;
        const at = list.findIndex((m) => m.id === member.id);
        const next = list[Math.max(0, Math.min(list.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
        if (next) document.getElementById(`vote-row-${next.id}`)?.focus();
        return;
      }
      if (event.key === '/' || event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        search.current?.focus();
      }
    },
    [onVote],
  );

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && selected) {
      event.preventDefault();
      document.getElementById(`vote-row-${selected.id}`)?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight((h) => Math.max(0, Math.min(rows.length - 1, h + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  };

  const recordRest = async () => {
    if (!canVote) {
      setAnnouncement('Votes are taken only while the voting is open.');
      return;
    }
    if (rest.length === 0) {
      setAnnouncement(`Every member of ${chosenGroup} who may vote has voted.`);
      return;
    }
    // One after another, in order (the store sends them so); each member's own vote, as the clerk would enter it.
    const outcomes = await Promise.all(rest.map((memberId) => cast(memberId, way)));
    const done = outcomes.filter(Boolean).length;
    setAnnouncement(`${WAY_LABELS[way]}: the rest of ${chosenGroup}, ${done} member${done === 1 ? '' : 's'}${done < rest.length ? `; ${rest.length - done} not recorded` : ''}.`);
    search.current?.focus();
  };

  return (
    <div className="grid" data-testid="division-grid">
      <div className="grid__find">
        <div className="field grid__search">
          <label htmlFor="division-search">Find member voting</label>
          <input
            id="division-search"
            ref={search}
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="Part of a name"
            value={query}
            aria-describedby="division-grid-keys"
            aria-controls="division-grid-list"
            onChange={(e) => {
              setQuery(e.target.value);
              setHighlight(0);
            }}
            onKeyDown={onSearchKey}
          />
        </div>
        {groups.length > 0 && (
          <form
            className="grid__rest"
            aria-label="The rest of a group"
            onSubmit={(e) => {
              e.preventDefault();
              void recordRest();
            }}
          >
            <div className="field">
              <label htmlFor="division-group">
                Rest of group <kbd>G</kbd>
              </label>
              <select
                id="division-group"
                value={chosenGroup}
                onChange={(e) => setGroup(e.target.value)}
                onKeyDown={submitOnEnter}
              >
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="division-way">Way</label>
              <select
                id="division-way"
                value={way}
                onChange={(e) => setWay(e.target.value as VoteChoice)}
                onKeyDown={submitOnEnter}
              >
                {WAYS.map((w) => (
                  <option key={w} value={w}>
                    {WAY_LABELS[w]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--small" disabled={!canVote || rest.length === 0}>
              The rest ({rest.length}) <kbd>Enter</kbd>
            </button>
          </form>
        )}
      </div>
      <p className="grid__announce" aria-live="polite" data-testid="grid-announce">
        {announcement}
      </p>
      <div className="grid__list" id="division-grid-list" role="region" aria-label="Members who may vote" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Group</th>
              <th scope="col">Vote</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody data-testid="grid-rows">
            {rows.map((member) => (
              <VoteRow key={member.id} member={member} name={names[member.id] ?? member.surname} vote={votes?.[member.id]} highlighted={member === selected} canVote={canVote} onVote={onVote} onRowKey={onRowKey} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted">{query ? `No member who may vote matches “${query}”.` : 'No member may vote.'}</p>}
      </div>
      <p id="division-grid-keys" className="grid__keys">
        Name, <kbd>Enter</kbd>, then <kbd>F</kbd> for · <kbd>A</kbd> against · <kbd>N</kbd> abstain · <kbd>↑</kbd>
        <kbd>↓</kbd> member · <kbd>/</kbd> find · <kbd>G</kbd> group
      </p>
    </div>
  );
};
