// Correcting a member's attendance: their mark and every stay (arrival and departure), with a
// reason, on the record. During the meeting it puts right a time recorded wrongly; after the close
// it is the only way attendance changes.
import { useState, type FormEvent } from 'react';
import type { AttendanceState } from '../../../../shared/commands/live';
import { parseTimeInput } from '../../../../shared/format';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { clockTime } from '../../../../shared/time';
import { useTimeZone } from '../../context';
import { FormError } from '../../components/FormParts';
import { MemberFinder } from '../../components/MemberFinder';
import { useCommand } from './useCommand';

interface StayText {
  from: string;
  to: string;
}

export const AttendanceCorrection = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const names = memberDisplayNames(body.members);
  // Those who were on the body for this meeting: current members, and anyone with attendance recorded.
  const members = body.members.filter((m) => m.active || meeting.attendance[m.id] || (m.removedAt && meeting.startedAt && m.removedAt >= meeting.startedAt));
  const [memberId, setMemberId] = useState('');
  const [state, setState] = useState<AttendanceState>('present');
  const [stays, setStays] = useState<StayText[]>([]);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const [problem, setProblem] = useState('');

  const choose = (id: string) => {
    setMemberId(id);
    const recorded = meeting.attendance[id];
    setState(recorded?.state ?? 'present');
    setStays((recorded?.stays ?? []).map((s) => ({ from: clockTime(s.from, tz), to: s.to ? clockTime(s.to, tz) : '' })));
    setDone('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem('');
    const given = [];
    for (const [i, stay] of stays.entries()) {
      const from = parseTimeInput(stay.from);
      const to = stay.to.trim() ? parseTimeInput(stay.to) : undefined;
      if (!from || (stay.to.trim() && !to)) {
        setProblem(`Stay ${i + 1}: write times like 10:42.`);
        return;
      }
      given.push(to ? { from, to } : { from });
    }
    const ok = await send({ type: 'attendance.correct', meetingId: meeting.id, memberId, state, stays: given, reason });
    if (ok) {
      setDone(`Corrected: ${names[memberId]}.`);
      setReason('');
    }
  };

  const setStay = (index: number, change: Partial<StayText>) => setStays((list) => list.map((s, i) => (i === index ? { ...s, ...change } : s)));

  return (
    <section aria-labelledby="correction-heading">
      <h2 id="correction-heading">Correct the attendance record</h2>
      <p className="muted">
        {meeting.status === 'closed'
          ? 'The meeting has closed. A correction is recorded with its reason and shows in the record.'
          : 'To put right a time recorded wrongly. The correction is recorded with its reason.'}
      </p>
      {meeting.corrections.length > 0 && (
        <ul aria-label="Corrections recorded">
          {meeting.corrections.map((c) => (
            <li key={c.id}>
              {clockTime(c.recordedAt, tz)} {c.memberId ? `${names[c.memberId] ?? 'a former member'}, ` : ''}
              {c.what}: {c.reason}
            </li>
          ))}
        </ul>
      )}
      <form className="compact-form" onSubmit={submit}>
        <MemberFinder
          id="correct-member"
          label="Member"
          shortcut="Alt+R"
          members={members}
          names={names}
          value={memberId}
          onChange={(id) => (id ? choose(id) : setMemberId(''))}
          onChosen={() => document.getElementById('correct-state')?.focus()}
        />
        <div className="field">
          <label htmlFor="correct-state">Should be</label>
          <select id="correct-state" value={state} onChange={(e) => setState(e.target.value as AttendanceState)}>
            <option value="present">Present</option>
            <option value="virtual">Present virtually</option>
            <option value="apologies">Apologies</option>
            <option value="absent">Absent</option>
          </select>
        </div>
        <fieldset className="stays">
          <legend>Stays (24-hour times)</legend>
          {stays.length === 0 && <p className="muted">No stays: the member was not here.</p>}
          {stays.map((stay, i) => (
            <div className="stays__row" key={i}>
              <div className="field">
                <label htmlFor={`stay-${i}-from`}>Arrived ({i + 1})</label>
                <input id={`stay-${i}-from`} placeholder="10:00" value={stay.from} onChange={(e) => setStay(i, { from: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`stay-${i}-to`}>Left ({i + 1})</label>
                <input id={`stay-${i}-to`} placeholder="still here" value={stay.to} onChange={(e) => setStay(i, { to: e.target.value })} />
              </div>
              <button type="button" className="mini" onClick={() => setStays((list) => list.filter((_, j) => j !== i))}>
                Remove<span className="visually-hidden"> stay {i + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" className="mini" onClick={() => setStays((list) => [...list, { from: '', to: '' }])}>
            Add a stay
          </button>
        </fieldset>
        <div className="field field--wide">
          <label htmlFor="correct-reason">Reason</label>
          <input id="correct-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button">
          Record the correction
        </button>
        <FormError message={problem || error?.message} />
        <p aria-live="polite">{done}</p>
      </form>
    </section>
  );
};
