// Declarations of interest: who, in which item, what kind; a pecuniary interest withdraws the member.
import { useState, type FormEvent } from 'react';
import type { DeclarationKind } from '../../../../shared/commands/live';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { useCommand } from './useCommand';
import { FormError, MemberSelect } from '../../components/FormParts';

export const DECLARATION_KIND_LABELS: Record<DeclarationKind, string> = {
  disclosable_pecuniary: 'Disclosable pecuniary interest',
  other_significant: 'Other significant interest',
  other: 'Other interest',
};

export const DeclarationsPanel = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const names = memberDisplayNames(body.members);
  const members = body.members.filter((m) => m.active).sort((a, b) => a.surname.localeCompare(b.surname));
  const [memberId, setMemberId] = useState('');
  const [itemId, setItemId] = useState(meeting.currentItemId ?? '');
  const [kind, setKind] = useState<DeclarationKind>('disclosable_pecuniary');
  const [description, setDescription] = useState('');
  const [withdraws, setWithdraws] = useState(true);
  const [removing, setRemoving] = useState<{ id: string; reason: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send({ type: 'declaration.record', meetingId: meeting.id, memberId, itemId, kind, description, withdraws });
    if (ok) setDescription('');
  };
  const itemLabel = (id: string) => {
    const item = meeting.agenda.find((i) => i.itemId === id);
    return item ? `${item.number}. ${item.title}` : '';
  };

  return (
    <section className="panel" aria-labelledby="declarations-heading">
      <h2 id="declarations-heading">Declarations of interest</h2>
      {meeting.declarations.length === 0 ? (
        <p className="muted">There were no declarations of interest.</p>
      ) : (
        <ul className="declarations">
          {meeting.declarations.map((d) => (
            <li key={d.id}>
              <strong>{names[d.memberId]}</strong>, item {itemLabel(d.itemId)}: {DECLARATION_KIND_LABELS[d.kind].toLowerCase()} — {d.description}
              {d.withdraws && <span className="pill pill--withdrawn"> Withdraws</span>}{' '}
              {meeting.status !== 'closed' && removing?.id !== d.id && (
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
                  onKeyDown={(e) => e.key === 'Escape' && setRemoving(undefined)}
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
      {meeting.status !== 'closed' && (
        <form className="compact-form" onSubmit={submit}>
          <MemberSelect id="declaration-member" label="Member" members={members} names={names} value={memberId} onChange={setMemberId} />
          <div className="field">
            <label htmlFor="declaration-item">Item</label>
            <select id="declaration-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
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
            <input id="declaration-description" value={description} onChange={(e) => setDescription(e.target.value)} />
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
            Record declaration
          </button>
          <FormError message={error?.message} />
        </form>
      )}
    </section>
  );
};
