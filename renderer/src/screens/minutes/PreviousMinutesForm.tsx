// On the minutes item: what only the clerk can say, that the previous meeting's minutes were
// approved (held on which day) and with which corrections, if any.
import { useState, type FormEvent } from 'react';
import { formatDateInput, formatLongDate, parseDateInput } from '../../../../shared/format';
import type { MeetingState } from '../../../../shared/state/meeting';
import { FormError } from '../../components/FormParts';
import { useCommand } from '../live/useCommand';

export const PreviousMinutesForm = ({ meeting, itemId }: { meeting: MeetingState; itemId: string }) => {
  const approved = meeting.previousMinutes?.[itemId];
  const { run, error } = useCommand();
  const [heldOn, setHeldOn] = useState(approved ? formatDateInput(approved.heldOn) : '');
  const [corrections, setCorrections] = useState(approved?.corrections ?? '');
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const base = `previous-${itemId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const date = parseDateInput(heldOn);
    if (!date) {
      setProblem('Type the date the previous meeting was held, day first (for example 17/09/2015).');
      return;
    }
    setProblem(undefined);
    const outcome = await run({ type: 'minutes.approvePrevious', meetingId: meeting.id, itemId, heldOn: date, ...(corrections.trim() ? { corrections: corrections.trim() } : {}) });
    setSaved(outcome.ok ? `Recorded: the minutes of ${formatLongDate(date)} approved${corrections.trim() ? ', with corrections' : ''}.` : undefined);
  };

  return (
    <form className="previous-minutes" onSubmit={(e) => void submit(e)} aria-labelledby={`${base}-title`}>
      <p id={`${base}-title`} className="previous-minutes__title">
        Previous minutes approved
      </p>
      <div className="previous-minutes__fields">
        <div className="field">
          <label htmlFor={`${base}-date`}>Held on</label>
          <input id={`${base}-date`} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} placeholder="dd/mm/yyyy" aria-describedby={problem ? `${base}-problem` : undefined} />
        </div>
        <div className="field previous-minutes__corrections">
          <label htmlFor={`${base}-corrections`}>Corrections (optional)</label>
          <input id={`${base}-corrections`} value={corrections} onChange={(e) => setCorrections(e.target.value)} />
        </div>
        <button type="submit" className="button button--small">
          Record the approval
        </button>
      </div>
      {problem && (
        <p id={`${base}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormError message={error?.message} />
      {saved && <p role="status">{saved}</p>}
    </form>
  );
};
