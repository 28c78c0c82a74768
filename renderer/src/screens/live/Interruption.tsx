// A point of order or a personal explanation interrupts whoever has the floor (their clock stops
// until it ends); an officer's advice is given when the chairman asks for it. Alt+Q comes here.
import { useState, type FormEvent } from 'react';
import type { Command } from '../../../../shared/commands';
import type { BodyState, Member } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { MemberFinder } from '../../components/MemberFinder';

type Kind = 'point_of_order' | 'personal_explanation' | 'officer_advice';

interface Props {
  meeting: MeetingState;
  body: BodyState;
  here: readonly Member[];
  names: Record<string, string>;
  send(command: Command): Promise<boolean>;
}

export const Interruption = ({ meeting, body, here, names, send }: Props) => {
  const [kind, setKind] = useState<Kind>('point_of_order');
  const [memberId, setMemberId] = useState('');
  const officers = body.officers.filter((o) => o.active && meeting.officersPresent.includes(o.id));
  const [officer, setOfficer] = useState('');
  const chosenOfficer = officer || (officers[0] ? `${officers[0].name}, ${officers[0].jobTitle}` : '');

  const start = async (event?: FormEvent) => {
    event?.preventDefault();
    const command: Command =
      kind === 'officer_advice'
        ? { type: 'speech.start', meetingId: meeting.id, role: 'officer_advice', officer: chosenOfficer }
        : { type: 'speech.start', meetingId: meeting.id, role: kind, memberId };
    if (await send(command)) setMemberId('');
  };

  return (
    <form className="compact-form interruption" aria-label="Point of order, personal explanation or advice" onSubmit={(e) => void start(e)}>
      <div className="field">
        <label htmlFor="interruption-kind">
          Interrupt <kbd>Alt+Q</kbd>
        </label>
        <select id="interruption-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="point_of_order">Point of order</option>
          <option value="personal_explanation">Personal explanation</option>
          <option value="officer_advice">Officer&rsquo;s advice</option>
        </select>
      </div>
      {kind === 'officer_advice' ? (
        <div className="field">
          <label htmlFor="interruption-officer">Officer</label>
          <input id="interruption-officer" list="interruption-officers" value={chosenOfficer} onChange={(e) => setOfficer(e.target.value)} />
          <datalist id="interruption-officers">
            {officers.map((o) => (
              <option key={o.id} value={`${o.name}, ${o.jobTitle}`} />
            ))}
          </datalist>
        </div>
      ) : (
        <MemberFinder id="interruption-member" label="By" members={here} names={names} value={memberId} onChange={setMemberId} onChosen={(id) => (setMemberId(id), undefined)} />
      )}
      <button type="submit" className="button">
        Start
      </button>
    </form>
  );
};
