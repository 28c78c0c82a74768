// The Chair's ruling on virtual attendance, where the body's standing orders leave it to the
// Chair's discretion: what is in force (in words, with its time and reason), and Alt+Shift+V to
// record a ruling (every Alt+letter is taken on the live screen). The quorum and who may vote
// follow the ruling; a change of quorum it causes is recorded by the core and said here.
import { useId, useState, type FormEvent } from 'react';
import { parseTimeInput } from '../../../../shared/format';
import { roleWordsOf } from '../../../../shared/minutes/style';
import { virtualAttendanceRule } from '../../../../shared/procedure/attendance';
import type { BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { clockTime } from '../../../../shared/time';
import { FormError } from '../../components/FormParts';
import { useTimeZone } from '../../context';
import { useShortcut } from '../../shortcuts';
import { useCommand } from './useCommand';

export const VirtualAttendanceRuling = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const id = useId();
  const tz = useTimeZone();
  const { run, error, clearError } = useCommand();
  const rule = virtualAttendanceRule(meeting, body);
  const chair = roleWordsOf(body).chair;
  const sitting = meeting.status === 'in_progress' || meeting.status === 'adjourned';
  const [open, setOpen] = useState(false);
  const [counts, setCounts] = useState(true);
  const [reason, setReason] = useState('');
  const [time, setTime] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const current = rule.ruling?.counts;

  const toggle = () => {
    // Opening offers the other ruling: the Chair rules to change what is in force.
    if (!open) setCounts(current !== true);
    setOpen(!open);
    setReason('');
    setTime('');
    clearError();
  };
  useShortcut('v', toggle, { alt: true, shift: true, enabled: rule.atChairsDiscretion && sitting });

  if (!rule.atChairsDiscretion) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const given = time.trim() ? parseTimeInput(time) : undefined;
    if (time.trim() && !given) {
      setAnnouncement('The time must be written like 10:42.');
      return;
    }
    const outcome = await run({
      type: 'attendance.ruleVirtual',
      meetingId: meeting.id,
      counts,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(given ? { time: given } : {}),
    });
    if (!outcome.ok) return;
    const recorded = outcome.result.recorded;
    const quorum = recorded.includes('quorum.lost') ? ' The meeting is now inquorate.' : recorded.includes('quorum.regained') ? ' The meeting is quorate again.' : '';
    setAnnouncement(`The ${chair}’s ruling is recorded: virtual attendance ${counts ? 'counts' : 'does not count'}.${quorum}`);
    setOpen(false);
    document.getElementById('attendance-search')?.focus();
  };

  const ruling = rule.ruling;
  const earlier = meeting.virtualAttendanceRulings.length - 1;
  return (
    <div className="virtual-ruling">
      <p className="virtual-ruling__now" data-testid="virtual-ruling">
        <span className={`pill ${rule.quorum ? 'pill--present' : 'pill--absent'}`}>{rule.quorum ? 'Virtual counts' : 'Virtual not counted'}</span> {rule.words}
        {ruling && (
          <span className="muted">
            {' '}
            Ruled at {clockTime(ruling.time, tz)}
            {ruling.reason ? `: ${ruling.reason}` : ''}
            {earlier > 0 ? ` (replacing ${earlier === 1 ? 'an earlier ruling' : `${earlier} earlier rulings`})` : ''}.
          </span>
        )}
        {sitting && !open && (
          <>
            {' '}
            <button type="button" className="mini" aria-keyshortcuts="Alt+Shift+V" onClick={toggle}>
              {chair}&rsquo;s ruling <kbd>Alt+Shift+V</kbd>
            </button>
          </>
        )}
      </p>
      <p className="virtual-ruling__announce" aria-live="polite" data-testid="virtual-ruling-announce">
        {announcement}
      </p>
      {open && sitting && (
        <form
          className="virtual-ruling__form"
          aria-label={`The ${chair}’s ruling on virtual attendance`}
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              toggle();
            }
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-counts`} title="For the quorum and for voting, at this meeting">
              The {chair} rules that virtual attendance
            </label>
            <select
              id={`${id}-counts`}
              autoFocus
              value={counts ? 'counts' : 'not'}
              onChange={(e) => setCounts(e.target.value === 'counts')}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            >
              <option value="counts">counts</option>
              <option value="not">does not count</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason (optional)</label>
            <input id={`${id}-reason`} value={reason} autoComplete="off" onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="field virtual-ruling__time">
            <label htmlFor={`${id}-time`}>Time</label>
            <input id={`${id}-time`} inputMode="numeric" autoComplete="off" placeholder="now" value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary button--small">
              Record <kbd>Enter</kbd>
            </button>
            <button type="button" className="button button--small" onClick={toggle}>
              Cancel <kbd>Esc</kbd>
            </button>
          </div>
          <FormError message={error?.message} />
        </form>
      )}
    </div>
  );
};
