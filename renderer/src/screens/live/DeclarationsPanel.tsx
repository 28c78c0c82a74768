// Declarations of interest: who, in which item, what kind; a pecuniary interest withdraws the member.
// Alt+I, type the member's name, Enter; the item (the one being taken, or type its number), Tab,
// the kind, Tab, the interest, Enter: recorded, and the form is clear for the next one.
import { useRef, useState, type FormEvent } from 'react';
import type { DeclarationKind } from '../../../../shared/commands/live';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { FormError } from '../../components/FormParts';
import { MemberFinder } from '../../components/MemberFinder';
import { useCommand } from './useCommand';

export const DECLARATION_KIND_LABELS: Record<DeclarationKind, string> = {
  disclosable_pecuniary: 'Disclosable pecuniary interest',
  other_significant: 'Other significant interest',
  other: 'Other interest',
};

export const DeclarationsPanel = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const names = memberDisplayNames(body.members);
  const members = body.members.filter((m) => m.active);
  const [memberId, setMemberId] = useState('');
  const [itemId, setItemId] = useState(meeting.currentItemId ?? '');
  const [kind, setKind] = useState<DeclarationKind>('disclosable_pecuniary');
  const [description, setDescription] = useState('');
  const [withdraws, setWithdraws] = useState(true);
  const [removing, setRemoving] = useState<{ id: string; reason: string }>();
  const [done, setDone] = useState('');
  const descriptionField = useRef<HTMLInputElement>(null);
  const memberField = useRef<HTMLInputElement>(null);
  const chosenItem = itemId || meeting.currentItemId || '';
  const closed = meeting.status === 'closed';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send({ type: 'declaration.record', meetingId: meeting.id, memberId, itemId: chosenItem, kind, description, withdraws });
    if (ok) {
      setDone(`Recorded: ${names[memberId]}, ${DECLARATION_KIND_LABELS[kind].toLowerCase()} in item ${meeting.agenda.find((i) => i.itemId === chosenItem)?.number}.`);
      // Clear for the next declaration; the item stays, as declarations usually come in a run.
      setMemberId('');
      setDescription('');
      setKind('disclosable_pecuniary');
      setWithdraws(true);
      memberField.current?.focus();
    }
  };
  const itemLabel = (id: string) => {
    const item = meeting.agenda.find((i) => i.itemId === id);
    return item ? `${item.number}. ${item.title}` : '';
  };

  return (
    <section aria-labelledby="declarations-heading">
      <h2 id="declarations-heading">Declarations of interest</h2>
      {meeting.declarations.length === 0 ? (
        <p className="muted">There were no declarations of interest.</p>
      ) : (
        <ul className="declarations">
          {meeting.declarations.map((d) => (
            <li key={d.id}>
              <strong>{names[d.memberId]}</strong>, item {itemLabel(d.itemId)}: {DECLARATION_KIND_LABELS[d.kind].toLowerCase()} — {d.description}
              {d.withdraws && (
                <>
                  {' '}
                  <span className="pill pill--withdrawn">Withdraws</span>
                </>
              )}{' '}
              {!closed && removing?.id !== d.id && (
                <button type="button" className="mini" onClick={() => setRemoving({ id: d.id, reason: '' })}>
                  Remove<span className="visually-hidden"> the declaration by {names[d.memberId]}</span>
                </button>
              )}
              {removing?.id === d.id && (
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void send({ type: 'declaration.remove', meetingId: meeting.id, declarationId: d.id, reason: removing.reason }).then((ok) => ok && setRemoving(undefined));
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      e.preventDefault();
                      e.stopPropagation();
                      setRemoving(undefined);
                    }
                  }}
                >
                  <label htmlFor={`remove-${d.id}`}>Why is it removed? (recorded)</label>
                  <input id={`remove-${d.id}`} autoFocus value={removing.reason} onChange={(e) => setRemoving({ id: d.id, reason: e.target.value })} />
                  <button type="submit" className="mini">
                    Remove <kbd>Enter</kbd>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <form className="compact-form declaration-form" onSubmit={submit} aria-label="Record a declaration">
          <MemberFinder
            id="declaration-member"
            label="Member"
            shortcut="Alt+I"
            members={members}
            names={names}
            value={memberId}
            onChange={setMemberId}
            onChosen={() => document.getElementById('declaration-item')?.focus()}
            inputRef={memberField}
          />
          <div className="field">
            <label htmlFor="declaration-item">Item</label>
            <select id="declaration-item" value={chosenItem} onChange={(e) => setItemId(e.target.value)}>
              <option value="">Choose…</option>
              {meeting.agenda.map((i) => (
                <option key={i.itemId} value={i.itemId}>
                  {i.number}. {i.title.slice(0, 60)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="declaration-kind">Kind</label>
            <select
              id="declaration-kind"
              value={kind}
              onChange={(e) => {
                const next = e.target.value as DeclarationKind;
                setKind(next);
                setWithdraws(next === 'disclosable_pecuniary' ? true : withdraws);
              }}
            >
              {Object.entries(DECLARATION_KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="declaration-description">Interest</label>
            <input id="declaration-description" ref={descriptionField} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <div className="field field--check">
            <input
              id="declaration-withdraws"
              type="checkbox"
              checked={withdraws}
              disabled={kind === 'disclosable_pecuniary'}
              onChange={(e) => setWithdraws(e.target.checked)}
            />
            <label htmlFor="declaration-withdraws">Withdraws for the item</label>
          </div>
          <button type="submit" className="button">
            Record declaration <kbd>Enter</kbd>
          </button>
          <FormError message={error?.message} />
          <p aria-live="polite" className="field__hint">
            {done}
          </p>
        </form>
      )}
    </section>
  );
};
