// Choosing a member by typing, as the attendance board does: part of a surname (or a title,
// initials, a group), ↑/↓ to move among the matches, Enter to choose. Surname-start matches come
// first. An ARIA combobox, so a screen reader announces the matches and the one highlighted.
import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import type { Member } from '../../../shared/state/body';
import { findMembers } from '../../../shared/state/memberSearch';

const SHOWN = 8;

interface Props {
  id: string;
  label: string;
  /** A key that brings the clerk here, shown beside the label (the caller registers it). */
  shortcut?: string;
  members: readonly Member[];
  names: Readonly<Record<string, string>>;
  /** The chosen member's id, or '' for none. */
  value: string;
  onChange(memberId: string): void;
  /** After a member is chosen with Enter: e.g. submit the form, or go to the next field. */
  onChosen?(memberId: string): void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
}

export const MemberFinder = ({ id, label, shortcut, members, names, value, onChange, onChosen, inputRef, error }: Props) => {
  const listId = useId();
  const [text, setText] = useState(value ? (names[value] ?? '') : '');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  // The text shown follows a choice made elsewhere (e.g. the form cleared after recording), but
  // not the clearing of the choice that typing itself causes.
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    const wanted = value ? (names[value] ?? '') : '';
    if (value || !open) setText(wanted);
  }
  const matches = useMemo(() => findMembers(members, names, text).slice(0, SHOWN), [members, names, text]);
  const active = open && matches.length > 0 ? matches[Math.min(highlight, matches.length - 1)] : undefined;

  const choose = (member: Member) => {
    setText(names[member.id] ?? member.surname);
    setOpen(false);
    onChange(member.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => Math.max(0, Math.min(matches.length - 1, h + delta)));
    } else if (event.key === 'Enter') {
      if (active) {
        event.preventDefault();
        choose(active);
        onChosen?.(active.id);
      }
      // Otherwise Enter does what it does in the form (submits it).
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="field member-finder">
      <label htmlFor={id}>
        {label} {shortcut && <kbd>{shortcut}</kbd>}
      </label>
      <input
        id={id}
        ref={inputRef}
        role="combobox"
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={active ? `${listId}-${active.id}` : undefined}
        aria-invalid={error ? true : undefined}
        placeholder="Type part of a name"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setHighlight(0);
          setOpen(e.target.value.trim() !== '');
          if (value) onChange('');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: matches`} className="member-finder__list" hidden={!open || matches.length === 0}>
        {matches.map((member) => (
          <li
            key={member.id}
            id={`${listId}-${member.id}`}
            role="option"
            aria-selected={member === active}
            className={member === active ? 'is-active' : undefined}
            // A click chooses (mousedown, so the input keeps the focus until then).
            onMouseDown={(e) => {
              e.preventDefault();
              choose(member);
            }}
          >
            {names[member.id]}
            {member.group && <span className="muted"> · {member.group}</span>}
          </li>
        ))}
      </ul>
      {open && text.trim() !== '' && matches.length === 0 && <p className="field__hint">No member matches “{text}”.</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
};
