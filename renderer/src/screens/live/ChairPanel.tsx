// Who presides: the Chairman; the Vice-Chairman in their absence; a member chosen when both are absent.
import { useState, type FormEvent } from 'react';
import type { ChairCapacity } from '../../../../shared/commands/live';
import { clockTime } from '../../../../shared/time';
import { useTimeZone } from '../../context';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { isHere, presiding } from '../../../../shared/state/meetingLive';
import { useCommand } from './useCommand';
import { FormError } from '../../components/FormParts';

const CAPACITIES: Record<ChairCapacity, string> = {
  chairman: 'Chairman',
  vice_chairman: 'Vice-Chairman (Chairman absent)',
  chosen_member: 'Member chosen to preside',
  outgoing_chairman: 'Outgoing Chairman (election)',
};

export const ChairPanel = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const names = memberDisplayNames(body.members);
  const here = body.members.filter((m) => m.active && isHere(meeting.attendance[m.id]));
  const chairman = here.find((m) => m.roles.includes('Chairman'));
  const vice = here.find((m) => m.roles.includes('Vice-Chairman'));
  const [memberId, setMemberId] = useState('');
  const [capacity, setCapacity] = useState<ChairCapacity>('chairman');
  const now = presiding(meeting);
  const suggested = chairman ? { id: chairman.id, capacity: 'chairman' as const } : vice ? { id: vice.id, capacity: 'vice_chairman' as const } : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = memberId || suggested?.id || '';
    void send({ type: 'chair.take', meetingId: meeting.id, memberId: chosen, capacity: memberId ? capacity : (suggested?.capacity ?? capacity) });
  };

  return (
    <section className="panel" aria-labelledby="chair-heading">
      <h2 id="chair-heading">In the chair</h2>
      <p data-testid="chair">
        {now ? (
          <>
            <strong>{names[now.memberId]}</strong> ({CAPACITIES[now.capacity]}) since {clockTime(now.since, tz)}
          </>
        ) : (
          <span className="muted">Nobody recorded yet.</span>
        )}
      </p>
      {meeting.status !== 'closed' && (
        <form className="compact-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="chair-member">Member present</label>
            <select id="chair-member" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
              <option value="">{suggested ? `${names[suggested.id]} (${CAPACITIES[suggested.capacity]})` : 'Choose…'}</option>
              {here.map((m) => (
                <option key={m.id} value={m.id}>
                  {names[m.id]}
                </option>
              ))}
            </select>
          </div>
          {memberId && (
            <div className="field">
              <label htmlFor="chair-capacity">As</label>
              <select id="chair-capacity" value={capacity} onChange={(e) => setCapacity(e.target.value as ChairCapacity)}>
                {Object.entries(CAPACITIES).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" className="button">
            Takes the chair
          </button>
          <FormError message={error?.message} />
        </form>
      )}
    </section>
  );
};
