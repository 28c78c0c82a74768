// Confirming the minutes' numbers once the meeting is closed: the meeting keeps them, the body's
// sequence moves on past them, and the minutes can no longer be edited. Asked first.
import { useState } from 'react';
import type { MinutesDocument } from '../../../../shared/minutes/model';
import type { MeetingState } from '../../../../shared/state/meeting';
import { FormError } from '../../components/FormParts';
import { useCommand } from '../live/useCommand';

export const ConfirmNumbers = ({ doc, meeting }: { doc: MinutesDocument; meeting: MeetingState }) => {
  const { send, error } = useCommand();
  const [asking, setAsking] = useState(false);
  if (meeting.status !== 'closed' || doc.confirmed) return null;
  const numbers = doc.numbers;
  const confirm = async () => {
    if (await send({ type: 'minutes.confirm', meetingId: meeting.id })) setAsking(false);
  };
  return (
    <div className="minutes-confirm">
      {asking ? (
        <div role="group" aria-labelledby="confirm-question">
          <p id="confirm-question">
            {numbers
              ? `Confirm minutes ${numbers.first} to ${numbers.last}? ${meeting.body}’s next minute number becomes ${numbers.last + 1}, and these minutes can no longer be edited.`
              : 'Confirm the minute numbers? These minutes can no longer be edited afterwards.'}
          </p>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => void confirm()} autoFocus>
              Confirm the numbers
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              Not yet
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          Confirm minute numbers
        </button>
      )}
      <FormError message={error?.message} />
    </div>
  );
};
