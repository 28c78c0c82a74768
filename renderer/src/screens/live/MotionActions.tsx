// Everything that can happen to the motion before the meeting, besides its outcome: an amendment
// moved and seconded, a procedural motion, the words altered with consent (or a friendly amendment
// accepted without a vote), withdrawal, a seconder found later, and the chairman's rulings. One
// chooser (Alt+V, from the live screen's panels) and one small form at a time, so the panel fits a laptop's screen.
import { useState, type FormEvent } from 'react';
import type { Command } from '../../../../shared/commands';
import type { ProceduralMotion, SuspendedLimit } from '../../../../shared/commands/debate';
import { motionText, pendingAmendment, substantiveMotion } from '../../../../shared/procedure/debate';
import type { Member } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import type { Motion } from '../../../../shared/state/meetingDebate';
import { MemberFinder } from '../../components/MemberFinder';

export const PROCEDURE_LABELS: Record<ProceduralMotion, string> = {
  closure: 'That the question be now put',
  adjourn_debate: 'To adjourn the debate',
  adjourn_meeting: 'To adjourn the meeting',
  next_business: 'To proceed to the next business',
  exclude_public: 'To exclude the press and public',
  suspend_standing_order: 'To suspend a standing order',
  refer_back: 'To refer back',
};

/** The usual words of each procedural motion, offered for the clerk to keep or change. */
export const PROCEDURE_WORDS: Record<ProceduralMotion, string> = {
  closure: 'That the question be now put.',
  adjourn_debate: 'That the debate be now adjourned.',
  adjourn_meeting: 'That the meeting be now adjourned.',
  next_business: 'That the meeting proceed to the next business.',
  exclude_public:
    'That under Section 100A of the Local Government Act 1972 the press and public be excluded from the meeting for the following business on the grounds that it involves the likely disclosure of exempt information.',
  suspend_standing_order: 'That the standing order be suspended for this item.',
  refer_back: 'That the matter be referred back.',
};

const LIMIT_LABELS: Record<SuspendedLimit, string> = {
  mover: "The mover's speech",
  seconder: "The seconder's speech",
  amendment_mover: "The amendment's mover's speech",
  other: "Other members' speeches",
  right_of_reply: 'The right of reply',
  debate: 'The whole debate',
};

type Action = '' | 'second' | 'amendment' | 'procedural' | 'alter' | 'friendly' | 'withdraw' | 'ruling';

const ACTION_LABELS: Record<Exclude<Action, ''>, string> = {
  second: 'Seconded by…',
  amendment: 'An amendment is moved',
  procedural: 'A procedural motion is moved',
  alter: 'The mover alters the words, with consent',
  friendly: 'A friendly amendment is accepted',
  withdraw: 'The motion is withdrawn, with consent',
  /** Said in the body's own word for the one presiding: see `labelOf`. */
  ruling: 'The chairman’s ruling',
};

interface Props {
  meeting: MeetingState;
  itemId: string;
  /** The motion being debated now (a procedural motion, else the amendment, else the motion). */
  motion: Motion | undefined;
  here: readonly Member[];
  names: Record<string, string>;
  /** The body's word for the one presiding ("Chairman", "Chair"). */
  chair: string;
  send(command: Command): Promise<boolean>;
}

export const MotionActions = ({ meeting, itemId, motion, here, names, chair, send }: Props) => {
  const labelOf = (a: Exclude<Action, ''>): string => (a === 'ruling' ? `The ${chair.toLowerCase()}’s ruling` : ACTION_LABELS[a]);
  const [action, setAction] = useState<Action>('');
  const [wording, setWording] = useState('');
  const [resulting, setResulting] = useState('');
  const [procedure, setProcedure] = useState<ProceduralMotion>('closure');
  const [moverId, setMoverId] = useState('');
  const [seconderId, setSeconderId] = useState('');
  const [reason, setReason] = useState('');
  const [limit, setLimit] = useState<SuspendedLimit>('mover');
  const [minutes, setMinutes] = useState('');
  const [reserves, setReserves] = useState(false);
  const substantive = substantiveMotion(meeting, itemId);
  const amendment = pendingAmendment(meeting, itemId);

  const available = (a: Exclude<Action, ''>): boolean => {
    switch (a) {
      case 'second':
        return !!motion && !motion.seconderId;
      case 'amendment':
        return !!substantive && !amendment && motion?.kind !== 'procedural';
      case 'procedural':
        return motion?.kind !== 'procedural';
      case 'alter':
      case 'friendly':
      case 'withdraw':
        return !!motion;
      case 'ruling':
        return true;
    }
  };

  const choose = (next: Action) => {
    setAction(next);
    setMoverId('');
    setSeconderId('');
    setReserves(false);
    setWording(next === 'procedural' ? PROCEDURE_WORDS[procedure] : next === 'alter' || next === 'friendly' ? (motion ? motionText(motion) : '') : '');
    setResulting(next === 'amendment' && substantive ? motionText(substantive) : '');
    setReason(next === 'withdraw' ? 'Withdrawn with the consent of the meeting' : next === 'alter' ? 'Altered by the mover with the consent of the meeting' : next === 'friendly' ? 'Friendly amendment accepted by the mover and seconder' : '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const meetingId = meeting.id;
    const seconded = seconderId ? { seconderId, seconderReserves: reserves } : {};
    let command: Command | undefined;
    switch (action) {
      case 'second':
        if (motion) command = { type: 'motion.second', meetingId, motionId: motion.id, seconderId, reserves };
        break;
      case 'amendment':
        command = { type: 'motion.move', meetingId, itemId, kind: 'amendment', amends: substantive?.id, wording, ...(resulting ? { resultingWording: resulting } : {}), moverId, ...seconded };
        break;
      case 'procedural':
        command = {
          type: 'motion.move',
          meetingId,
          itemId,
          kind: 'procedural',
          procedure,
          wording,
          moverId,
          ...seconded,
          // Suspending a standing order to change a limit for this item: which, and to how long.
          ...(procedure === 'suspend_standing_order' && minutes !== '' ? { suspension: { role: limit, seconds: Math.round(Number(minutes) * 60) } } : {}),
        };
        break;
      case 'alter':
      case 'friendly':
        if (motion) command = { type: 'motion.alter', meetingId, motionId: motion.id, wording, reason };
        break;
      case 'withdraw':
        if (motion) command = { type: 'motion.withdraw', meetingId, motionId: motion.id, reason };
        break;
      case 'ruling':
        command = { type: 'ruling.record', meetingId, wording };
        break;
    }
    if (command && (await send(command))) choose('');
  };

  const needsMover = action === 'amendment' || action === 'procedural';
  return (
    <form className="motion-actions" aria-label="What happens to the motion" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="motion-action">
          Record <kbd>Alt+V</kbd>
        </label>
        <select id="motion-action" value={action} onChange={(e) => choose(e.target.value as Action)}>
          <option value="">Choose what happened…</option>
          {(Object.keys(ACTION_LABELS) as Exclude<Action, ''>[]).filter(available).map((a) => (
            <option key={a} value={a}>
              {labelOf(a)}
            </option>
          ))}
        </select>
      </div>
      {action === 'procedural' && (
        <div className="field">
          <label htmlFor="procedure">Procedural motion</label>
          <select
            id="procedure"
            value={procedure}
            onChange={(e) => {
              const next = e.target.value as ProceduralMotion;
              setProcedure(next);
              setWording(PROCEDURE_WORDS[next]);
            }}
          >
            {(Object.keys(PROCEDURE_LABELS) as ProceduralMotion[]).map((p) => (
              <option key={p} value={p}>
                {PROCEDURE_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      )}
      {action === 'procedural' && procedure === 'suspend_standing_order' && (
        <>
          <div className="field">
            <label htmlFor="suspension-limit">Limit changed for this item</label>
            <select id="suspension-limit" value={limit} onChange={(e) => setLimit(e.target.value as SuspendedLimit)}>
              {(Object.keys(LIMIT_LABELS) as SuspendedLimit[]).map((l) => (
                <option key={l} value={l}>
                  {LIMIT_LABELS[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="suspension-minutes">New limit, minutes (0: none)</label>
            <input id="suspension-minutes" inputMode="decimal" size={5} value={minutes} onChange={(e) => setMinutes(e.target.value.replace(/[^\d.]/g, ''))} />
          </div>
        </>
      )}
      {(action === 'amendment' || action === 'procedural' || action === 'alter' || action === 'friendly') && (
        <div className="field">
          <label htmlFor="action-wording">{action === 'amendment' ? 'The amendment' : action === 'procedural' ? 'Words' : 'The motion now reads'}</label>
          <textarea id="action-wording" rows={2} value={wording} onChange={(e) => setWording(e.target.value)} />
        </div>
      )}
      {action === 'ruling' && (
        <div className="field motion-actions__wide">
          <label htmlFor="action-wording">Ruling, in short</label>
          <input id="action-wording" value={wording} onChange={(e) => setWording(e.target.value)} />
        </div>
      )}
      {action === 'amendment' && (
        <div className="field">
          <label htmlFor="action-resulting">The motion as amended would read</label>
          <textarea id="action-resulting" rows={2} value={resulting} onChange={(e) => setResulting(e.target.value)} />
        </div>
      )}
      {(action === 'alter' || action === 'friendly' || action === 'withdraw') && (
        <div className="field">
          <label htmlFor="action-reason">How</label>
          <input id="action-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {(needsMover || action === 'second') && (
        <div className="compact-form">
          {needsMover && <MemberFinder id="action-mover" label="Moved by" members={here} names={names} value={moverId} onChange={setMoverId} onChosen={() => document.getElementById('action-seconder')?.focus()} />}
          <MemberFinder id="action-seconder" label="Seconded by" members={here} names={names} value={seconderId} onChange={setSeconderId} />
          <label className="debate__reserves">
            <input type="checkbox" checked={reserves} onChange={(e) => setReserves(e.target.checked)} /> Reserves their speech
          </label>
        </div>
      )}
      {action && (
        <div className="compact-form">
          <button type="submit" className="button">
            Record <kbd>Enter</kbd>
          </button>
          <button type="button" className="button" onClick={() => choose('')}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
};
