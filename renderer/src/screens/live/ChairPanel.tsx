// Who presides: the Chairman; the Vice-Chairman in their absence; a member chosen when both are
// absent. Alt+H, type the name, Enter: they take the chair, in the capacity their role gives.
import { roleWordsOf } from '../../../../shared/minutes/style';
import { presidingByList } from '../../../../shared/procedure/presiding';
import { useState, type FormEvent } from 'react';
import type { ChairCapacity } from '../../../../shared/commands/live';
import { memberDisplayNames, type BodyState, type Member } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { isHere, presiding } from '../../../../shared/state/meetingLive';
import { clockTime } from '../../../../shared/time';
import { FormError } from '../../components/FormParts';
import { MemberFinder } from '../../components/MemberFinder';
import { useTimeZone } from '../../context';
import { useCommand } from './useCommand';

/** The capacities, in the body's own words ("Chair" or "Chairman"). */
const capacitiesIn = ({ chair, viceChair }: { chair: string; viceChair: string }): Record<ChairCapacity, string> => ({
  chairman: chair,
  vice_chairman: `${viceChair} (${chair} absent)`,
  chosen_member: 'Member chosen to preside',
  outgoing_chairman: `Outgoing ${chair} (election)`,
  presiding_list: 'Next on the presiding list',
});

/** The capacity a member takes the chair in by default: as their role says. */
const capacityOf = (member: Member | undefined): ChairCapacity =>
  member?.roles.includes('Chairman') ? 'chairman' : member?.roles.includes('Vice-Chairman') ? 'vice_chairman' : 'chosen_member';

export const ChairPanel = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const names = memberDisplayNames(body.members);
  const here = body.members.filter((m) => m.active && isHere(meeting.attendance[m.id]));
  const [memberId, setMemberId] = useState('');
  const [capacity, setCapacity] = useState<ChairCapacity | ''>('');
  const CAPACITIES = capacitiesIn(roleWordsOf(body));
  const now = presiding(meeting);
  // The body's presiding list, where it has one: who should preside now (applied as each item is taken up).
  const byList = presidingByList(meeting, body);
  const chosen = here.find((m) => m.id === memberId);
  // With nobody typed, the Chairman if present, else the Vice-Chairman, is the one offered.
  const suggested = here.find((m) => m.roles.includes('Chairman')) ?? here.find((m) => m.roles.includes('Vice-Chairman'));

  const take = async (id: string, as: ChairCapacity | '') => {
    const member = here.find((m) => m.id === id);
    if (await send({ type: 'chair.take', meetingId: meeting.id, memberId: id, capacity: as || capacityOf(member) })) {
      setMemberId('');
      setCapacity('');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void take(memberId || suggested?.id || '', capacity);
  };

  return (
    <section aria-labelledby="chair-heading">
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
      {byList && meeting.status !== 'closed' && (
        <p className="muted" data-testid="presiding-list">
          By the presiding list: {byList.words}
        </p>
      )}
      {meeting.status !== 'closed' && (
        <form className="compact-form" onSubmit={submit} aria-label="Who takes the chair">
          <MemberFinder
            id="chair-member"
            label="Member present"
            shortcut="Alt+H"
            members={here}
            names={names}
            value={memberId}
            onChange={setMemberId}
            onChosen={(id) => void take(id, '')}
          />
          <div className="field">
            <label htmlFor="chair-capacity">As</label>
            <select id="chair-capacity" value={capacity || capacityOf(chosen ?? suggested)} onChange={(e) => setCapacity(e.target.value as ChairCapacity)}>
              {Object.entries(CAPACITIES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            Takes the chair <kbd>Enter</kbd>
          </button>
          {!memberId && suggested && (
            <p className="field__hint">
              With no name typed: {names[suggested.id]} ({CAPACITIES[capacityOf(suggested)]}).
            </p>
          )}
          <FormError message={error?.message} />
        </form>
      )}
    </section>
  );
};
