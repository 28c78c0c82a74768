// Officers in attendance, and others present (e.g. Cabinet Members at a committee).
import { useState, type FormEvent } from 'react';
import type { BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { useCommand } from './useCommand';
import { FormError } from '../../components/FormParts';

export const AlsoPresentPanel = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const closed = meeting.status === 'closed';
  const officers = body.officers.filter((o) => o.active);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await send({ type: 'attendance.addOther', meetingId: meeting.id, name, capacity })) {
      setName('');
      setCapacity('');
    }
  };

  return (
    <section aria-labelledby="also-heading">
      <h2 id="also-heading">In attendance</h2>
      {officers.length === 0 ? (
        <p className="muted">No officers are listed for {body.name}.</p>
      ) : (
        <fieldset className="checks">
          <legend>Officers</legend>
          {officers.map((o) => (
            <div className="field field--check" key={o.id}>
              <input
                id={`officer-${o.id}`}
                type="checkbox"
                disabled={closed}
                checked={meeting.officersPresent.includes(o.id)}
                onChange={(e) => void send({ type: 'attendance.officer', meetingId: meeting.id, officerId: o.id, present: e.target.checked })}
              />
              <label htmlFor={`officer-${o.id}`}>
                {o.name} <span className="muted">({o.jobTitle})</span>
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <h3>Also present</h3>
      <ul>
        {meeting.others.map((o) => (
          <li key={o.id}>
            {o.name}
            {o.capacity && <span className="muted"> ({o.capacity})</span>}{' '}
            {!closed && (
              <button type="button" className="mini" aria-label={`Remove ${o.name}`} onClick={() => void send({ type: 'attendance.removeOther', meetingId: meeting.id, attendeeId: o.id })}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {!closed && (
        <form className="compact-form" onSubmit={add}>
          <div className="field">
            <label htmlFor="other-name">Name</label>
            <input id="other-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="other-capacity">Capacity</label>
            <input id="other-capacity" value={capacity} placeholder="Cabinet Member for Finance" onChange={(e) => setCapacity(e.target.value)} />
          </div>
          <button type="submit" className="button">
            Add
          </button>
          <FormError message={error?.message} />
        </form>
      )}
    </section>
  );
};
