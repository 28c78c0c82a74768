// Apologies received before the meeting, recorded in advance; the live screen starts from them.
import { useCallback, useState, type FormEvent } from 'react';
import { memberDisplayNames, type BodyState } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import { useCommand } from './live/useCommand';
import { FormError } from '../components/FormParts';
import { MemberFinder } from '../components/MemberFinder';
import { useShortcut } from '../shortcuts';

export const ExpectedApologies = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const names = memberDisplayNames(body.members);
  const [memberId, setMemberId] = useState('');
  const [note, setNote] = useState('');
  const expected = new Set(meeting.expectedApologies.map((a) => a.memberId));
  const choices = body.members.filter((m) => m.active && !expected.has(m.id));
  // P: straight to the member, to type their name.
  useShortcut('p', useCallback(() => document.getElementById('apology-member')?.focus(), []), meeting.status !== 'closed');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await send({ type: 'apologies.expect', meetingId: meeting.id, memberId, note })) {
      setMemberId('');
      setNote('');
      // Ready for the next: apologies usually come in a run.
      document.getElementById('apology-member')?.focus();
    }
  };

  return (
    <section className="panel" aria-labelledby="apologies-heading">
      <h2 id="apologies-heading">Apologies received</h2>
      {meeting.expectedApologies.length === 0 ? (
        <p className="muted">None recorded yet.</p>
      ) : (
        <ul>
          {meeting.expectedApologies.map((a) => (
            <li key={a.memberId}>
              {names[a.memberId] ?? 'A former member'}
              {a.note && <span className="muted"> — {a.note}</span>}{' '}
              {meeting.status !== 'closed' && (
                <button
                  type="button"
                  className="mini"
                  onClick={() => void send({ type: 'apologies.withdrawExpected', meetingId: meeting.id, memberId: a.memberId })}
                >
                  Remove<span className="visually-hidden"> apologies from {names[a.memberId]}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {meeting.status !== 'closed' && (
        <form className="compact-form" onSubmit={submit}>
          <MemberFinder
            id="apology-member"
            label="Member"
            shortcut="P"
            members={choices}
            names={names}
            value={memberId}
            onChange={setMemberId}
            onChosen={() => document.getElementById('apology-note')?.focus()}
          />
          <div className="field">
            <label htmlFor="apology-note">Note (optional)</label>
            <input id="apology-note" value={note} placeholder="e.g. on council business" onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="button">
            Record apologies <kbd>Enter</kbd>
          </button>
          <FormError message={error?.message} />
        </form>
      )}
    </section>
  );
};
