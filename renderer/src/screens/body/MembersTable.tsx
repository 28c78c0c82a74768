// The members of a body as a compact table that stays usable with 80 and more: find by name or
// group, ↑/↓ between rows, Enter to edit, Delete to remove.
import { useRef, type KeyboardEvent, type Ref } from 'react';
import { roleInWords } from '../../../../shared/minutes/style';
import { memberFullName, type Member } from '../../../../shared/state/body';

interface Props {
  bodyName: string;
  /** The body's words for the chair's roles ("Chair", "Vice-Chair"). */
  roleWords: { chair: string; viceChair: string };
  /** Current members, in the body's order. */
  members: readonly Member[];
  names: Record<string, string>;
  query: string;
  onQuery(query: string): void;
  searchRef: Ref<HTMLInputElement>;
  onEdit(memberId: string): void;
  onRemove(memberId: string): void;
}

const matches = (member: Member, name: string, words: readonly string[], roleWords: Props['roleWords']): boolean => {
  const haystack = [name, memberFullName(member), member.group, ...member.roles, ...member.roles.map((role) => roleInWords(role, roleWords))].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
};

export const rowId = (memberId: string) => `member-row-${memberId}`;

export const MembersTable = ({ bodyName, roleWords, members, names, query, onQuery, searchRef, onEdit, onRemove }: Props) => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length ? members.filter((m) => matches(m, names[m.id] ?? '', words, roleWords)) : members;
  const body = useRef<HTMLTableSectionElement>(null);
  const byId = new Map(members.map((m) => [m.id, m]));
  const nonVoting = members.filter((m) => !m.voting).length;

  const rowButtons = () => [...(body.current?.querySelectorAll<HTMLButtonElement>('button.bo-member-link') ?? [])];

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      rowButtons()[0]?.focus();
    } else if (event.key === 'Escape' && query) {
      // The first Escape clears the search; the next one leaves the screen.
      event.preventDefault();
      event.stopPropagation();
      onQuery('');
    } else if (event.key === 'Enter' && shown.length === 1) {
      event.preventDefault();
      onEdit(shown[0].id);
    }
  };

  const onRowKey = (event: KeyboardEvent<HTMLButtonElement>, memberId: string) => {
    const buttons = rowButtons();
    const index = buttons.indexOf(event.currentTarget);
    const go = (to: number) => {
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
    };
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') {
      if (index === 0) {
        event.preventDefault();
        document.getElementById('member-search')?.focus();
      } else go(index - 1);
    } else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(buttons.length - 1);
    else if (event.key === 'PageDown') go(index + 10);
    else if (event.key === 'PageUp') go(index - 10);
    else if (event.key === 'Delete') {
      event.preventDefault();
      onRemove(memberId);
    }
  };

  return (
    <>
      <div className="bo-members-tools">
        <div className="field bo-field--search">
          <label htmlFor="member-search">
            Find a member by name or group <kbd>/</kbd>
          </label>
          <input
            id="member-search"
            ref={searchRef}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            onKeyDown={onSearchKey}
            aria-controls={shown.length ? 'members-table' : undefined}
          />
        </div>
        <p className="bo-members-tools__count" role="status">
          {words.length ? `Showing ${shown.length} of ${members.length} members` : `${members.length} ${members.length === 1 ? 'member' : 'members'}`}
          {' · '}
          {nonVoting === 0 ? 'all voting' : `${nonVoting} non-voting`}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="empty">No member of {bodyName} matches “{query}”. Press Escape to clear the search.</p>
      ) : (
        <div className="bo-table-scroll">
          <table className="bo-members-table" id="members-table">
            <caption className="bo-visually-hidden">Members of {bodyName}. Select a name to edit the member.</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Full name as minuted</th>
                <th scope="col">Group</th>
                <th scope="col">Roles</th>
                <th scope="col">Vote</th>
              </tr>
            </thead>
            <tbody ref={body}>
              {shown.map((m) => {
                const standsFor = m.substituteFor ? byId.get(m.substituteFor) : undefined;
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      <button
                        type="button"
                        className="bo-member-link"
                        id={rowId(m.id)}
                        onClick={() => onEdit(m.id)}
                        onKeyDown={(e) => onRowKey(e, m.id)}
                        aria-label={`${names[m.id]}, edit`}
                      >
                        {names[m.id]}
                      </button>
                    </th>
                    <td>{memberFullName(m)}</td>
                    <td>
                      {m.group || (
                        <>
                          <span aria-hidden="true" className="muted">
                            –
                          </span>
                          <span className="bo-visually-hidden">No group</span>
                        </>
                      )}
                    </td>
                    <td>
                      {m.roles.map((role) => (
                        <span key={role} className={`bo-role bo-role--${role === 'Chairman' ? 'chair' : role === 'Vice-Chairman' ? 'vice' : 'other'}`}>
                          {roleInWords(role, roleWords)}
                        </span>
                      ))}
                      {m.substituteFor && <span className="muted">Substitute for {standsFor ? names[standsFor.id] : 'a former member'}</span>}
                    </td>
                    <td>{m.voting ? 'Voting' : <span className="bo-badge bo-badge--nonvoting">Non-voting</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};
