// After the meeting has closed, attendance changes only by correction: with a reason, on the record.
import { useState, type FormEvent } from 'react';
import type { AttendanceState } from '../../../../shared/commands/live';
import { formatClockTime, instantToday } from '../../../../shared/format';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { useCommand } from './useCommand';
import { FormError } from '../../components/FormParts';

export const AttendanceCorrection = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const names = memberDisplayNames(body.members);
  const [memberId, setMemberId] = useState('');
  const [state, setState] = useState<AttendanceState>('present');
  const [arrived, setArrived] = useState('');
  const [departed, setDeparted] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const day = new Date(`${meeting.date}T12:00:00`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const arrivedAt = arrived ? instantToday(arrived, day) : undefined;
    const departedAt = departed ? instantToday(departed, day) : undefined;
    const ok = await send({
      type: 'attendance.correct',
      meetingId: meeting.id,
      memberId,
      state,
      reason,
      ...(arrivedAt ? { arrivedAt } : {}),
      ...(departedAt ? { departedAt } : {}),
    });
    if (ok) {
      setDone(`Corrected: ${names[memberId]}.`);
      setReason('');
    }
  };

  return (
    <section className="panel" aria-labelledby="correction-heading">
      <h2 id="correction-heading">Correct the attendance record</h2>
      <p className="muted">The meeting has closed. A correction is recorded with its reason and shows in the record.</p>
      {meeting.corrections.length > 0 && (
        <ul>
          {meeting.corrections.map((c) => (
            <li key={`${c.recordedAt}-${c.memberId}`}>
              {formatClockTime(c.recordedAt)} {names[c.memberId]}: {c.reason}
            </li>
          ))}
        </ul>
      )}
      <form className="compact-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="correct-member">Member</label>
          <select id="correct-member" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            <option value="">Choose…</option>
            {body.members.map((m) => (
              <option key={m.id} value={m.id}>
                {names[m.id]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="correct-state">Should be</label>
          <select id="correct-state" value={state} onChange={(e) => setState(e.target.value as AttendanceState)}>
            <option value="present">Present</option>
            <option value="virtual">Present virtually</option>
            <option value="apologies">Apologies</option>
            <option value="absent">Absent</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="correct-arrived">Arrived (24-hour)</label>
          <input id="correct-arrived" placeholder="10:40" value={arrived} onChange={(e) => setArrived(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="correct-departed">Left (24-hour)</label>
          <input id="correct-departed" placeholder="12:30" value={departed} onChange={(e) => setDeparted(e.target.value)} />
        </div>
        <div className="field field--wide">
          <label htmlFor="correct-reason">Reason</label>
          <input id="correct-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button">
          Record the correction
        </button>
        <FormError message={error?.message} />
        <p aria-live="polite">{done}</p>
      </form>
    </section>
  );
};
