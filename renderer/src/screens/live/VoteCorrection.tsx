// Correcting a vote after a division has closed (a member says their console failed): only the
// clerk, with the reason, as a new event; the original stays in the division's record, listed
// here. A correction that would change the declared result is refused by the core.
import { useState, type FormEvent } from 'react';
import type { CorrectedChoice } from '../../../../shared/commands/division';
import type { BodyState } from '../../../../shared/state/body';
import type { Division } from '../../../../shared/state/meetingDivision';
import { clockTimeWithSeconds } from '../../../../shared/time';
import { FormError } from '../../components/FormParts';
import { MemberFinder } from '../../components/MemberFinder';
import { useTimeZone } from '../../context';
import { useCommand } from './useCommand';

const WORDS: Record<CorrectedChoice, string> = { for: 'For', against: 'Against', abstain: 'Abstain', none: 'No vote' };

export const VoteCorrection = ({ meetingId, division, body, names }: { meetingId: string; division: Division; body: BodyState; names: Readonly<Record<string, string>> }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const [open, setOpen] = useState(false);
  const [memberId, setMemberId] = useState('');
  const [choice, setChoice] = useState<CorrectedChoice>('for');
  const [reason, setReason] = useState('');
  // Who could have voted: present when it was called or when it closed.
  const could = new Set([...division.attendanceAtBell, ...(division.attendanceAtClose ?? [])]);
  const members = body.members.filter((m) => could.has(m.id));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!memberId) return;
    if (await send({ type: 'vote.correct', meetingId, divisionId: division.id, memberId, choice, reason })) {
      setOpen(false);
      setMemberId('');
      setReason('');
    }
  };
  return (
    <div className="division__corrections" data-testid="division-corrections">
      {(division.corrections ?? []).length > 0 && (
        <ul className="division__correction-list" aria-label="Votes corrected after the close">
          {division.corrections!.map((c, i) => (
            <li key={i}>
              {names[c.memberId] ?? 'A member'}: {WORDS[c.from]} → {WORDS[c.to]}, at {clockTimeWithSeconds(new Date(c.at), tz)} ({c.reason})
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form className="compact-form" aria-label="Correct a vote" onSubmit={(e) => void submit(e)}>
          <MemberFinder id="correct-vote-member" label="Member" members={members} names={names} value={memberId} onChange={setMemberId} onChosen={() => document.getElementById('correct-vote-choice')?.focus()} />
          <div className="field">
            <label htmlFor="correct-vote-choice">The vote as it should stand</label>
            <select id="correct-vote-choice" value={choice} onChange={(e) => setChoice(e.target.value as CorrectedChoice)}>
              {(Object.keys(WORDS) as CorrectedChoice[]).map((c) => (
                <option key={c} value={c}>
                  {WORDS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field division__reason">
            <label htmlFor="correct-vote-reason">Reason</label>
            <input id="correct-vote-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Her console failed; she voted against by a show of hands" />
          </div>
          <button type="submit" className="button button--small">
            Record the correction <kbd>Enter</kbd>
          </button>
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <FormError message={error?.message} />
        </form>
      ) : (
        <button
          type="button"
          className="mini"
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => document.getElementById('correct-vote-member')?.focus());
          }}
        >
          Correct a vote…
        </button>
      )}
    </div>
  );
};
