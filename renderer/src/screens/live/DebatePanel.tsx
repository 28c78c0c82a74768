// The debate on the item being taken, for the clerk (and the chairman beside them): the motion
// before the meeting, who has the floor and their clock, the speakers' list, the debate's own clock
// for a time-limited debate, and the outcome. Alt+F comes here to add a speaker; Alt+K calls the
// next speaker, Alt+X ends the speech, from anywhere on the live screen.
import { useState, type FormEvent } from 'react';
import type { SpeechRole } from '../../../../shared/commands/debate';
import { currentSpeech, debateClock, debateLimitSeconds, motionBeingDebated, motionText, speakersWaiting, substantiveMotion } from '../../../../shared/procedure/debate';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import { matchPrintedName } from '../../../../shared/state/memberSearch';
import { SPEECH_ROLE_LABELS } from '../../../../shared/state/display';
import type { MeetingState } from '../../../../shared/state/meeting';
import type { Motion } from '../../../../shared/state/meetingDebate';
import { isHere, spellClock } from '../../../../shared/state/meetingLive';
import { FormError } from '../../components/FormParts';
import { MemberFinder } from '../../components/MemberFinder';
import { clockState, SpeechClock } from '../../components/SpeechClock';
import { useNow } from '../../hooks';
import { useShortcut } from '../../shortcuts';
import { useCommand } from './useCommand';

const KIND_LABELS: Record<Motion['kind'], string> = { substantive: 'Motion', amendment: 'Amendment', procedural: 'Procedural motion' };

/** The role a member speaks in when called: as the motion before the meeting makes them. */
const roleFor = (motion: Motion | undefined, memberId: string): SpeechRole => {
  if (!motion) return 'other';
  const spoken = motion.spokenBy.includes(memberId);
  if (motion.moverId === memberId) return spoken ? 'right_of_reply' : motion.kind === 'amendment' ? 'amendment_mover' : 'mover';
  if (motion.seconderId === memberId && !spoken) return 'seconder';
  return 'other';
};

/** The time-limited debate's clock, and the prompt when it has run out. Ticks by itself. */
const DebateClock = ({ limitSeconds, clock, label }: { limitSeconds: number; clock: { elapsedBeforeMs: number; runningSince?: string }; label: string }) => {
  const now = useNow(500);
  const elapsed = clock.elapsedBeforeMs + (clock.runningSince ? now.getTime() - Date.parse(clock.runningSince) : 0);
  const over = clockState(limitSeconds, elapsed, 0) === 'over';
  return (
    <div className="debate__clock">
      <span className="clock__label">{label}</span>
      <SpeechClock label={label} limitSeconds={limitSeconds} {...clock} warningSeconds={120} testId="debate-clock" />
      {over && (
        <p className="debate__prompt" role="status" data-testid="debate-expired">
          The time for debate is up: call the mover&rsquo;s right of reply, then put the motion.
        </p>
      )}
    </div>
  );
};

export const DebatePanel = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const names = memberDisplayNames(body.members);
  const here = body.members.filter((m) => m.active && isHere(meeting.attendance[m.id]));
  const item = meeting.agenda.find((i) => i.itemId === meeting.currentItemId);
  const motion = item ? motionBeingDebated(meeting, item.itemId) : undefined;
  const substantive = item ? substantiveMotion(meeting, item.itemId) : undefined;
  const speech = currentSpeech(meeting);
  const queue = speakersWaiting(meeting);
  const debateLimit = item ? debateLimitSeconds(item.kind, body.standingOrders) : undefined;
  const [asking, setAsking] = useState('');
  const [wording, setWording] = useState(item?.motionText ?? '');
  // The agenda's proposer and seconder, where the pack printed them, matched to members present.
  const printedMover = item ? matchPrintedName(here, item.proposer) : undefined;
  const printedSeconder = item ? matchPrintedName(here, item.seconder) : undefined;
  const [moverId, setMoverId] = useState(printedMover?.id ?? '');
  const [seconderId, setSeconderId] = useState(printedSeconder?.id ?? '');
  const [counts, setCounts] = useState({ for: '', against: '', abstained: '' });
  const [sound, setSound] = useState(true);
  const [shownFor, setShownFor] = useState(item?.itemId);
  if (shownFor !== item?.itemId) {
    // Another item: its motion's words from the agenda, where the pack gave them.
    setShownFor(item?.itemId);
    setWording(item?.motionText ?? '');
    setMoverId(printedMover?.id ?? '');
    setSeconderId(printedSeconder?.id ?? '');
  }

  const callNext = () => {
    const next = queue[0];
    if (!next || speech) return false;
    void send({ type: 'speech.start', meetingId: meeting.id, memberId: next.memberId, role: next.role ?? roleFor(motion, next.memberId) });
  };
  const endSpeech = () => {
    if (!speech) return false;
    void send({ type: 'speech.end', meetingId: meeting.id });
  };
  useShortcut('k', callNext, { alt: true, enabled: !!item });
  useShortcut('x', endSpeech, { alt: true, enabled: !!item });

  if (!item) return <p className="muted">No item is being taken: take up an item to debate it.</p>;

  const move = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send({
      type: 'motion.move',
      meetingId: meeting.id,
      itemId: item.itemId,
      kind: 'substantive',
      wording,
      moverId,
      ...(seconderId ? { seconderId } : {}),
    });
    if (ok) {
      setMoverId('');
      setSeconderId('');
    }
  };
  const resolve = async (outcome: 'carried' | 'lost') => {
    if (!motion) return;
    const counted = counts.for !== '' || counts.against !== '';
    const number = (text: string) => (text === '' ? undefined : Number(text));
    const ok = await send({
      type: 'motion.resolve',
      meetingId: meeting.id,
      motionId: motion.id,
      outcome,
      how: counted ? 'show_of_hands' : 'without_vote',
      ...(counted ? { for: number(counts.for), against: number(counts.against), abstained: number(counts.abstained) } : {}),
    });
    if (ok) setCounts({ for: '', against: '', abstained: '' });
  };

  return (
    <section className="debate" aria-labelledby="debate-heading">
      <h2 id="debate-heading" className="visually-hidden">
        Debate
      </h2>
      {debateLimit !== undefined && <DebateClock limitSeconds={debateLimit} clock={debateClock(meeting, item.itemId)} label={item.kind === 'questions' ? 'Question time' : 'Time-limited debate'} />}

      <div className="debate__floor" data-testid="floor">
        {speech ? (
          <>
            <p className="debate__speaker">
              <span className="clock__label">{SPEECH_ROLE_LABELS[speech.role]}</span> <strong>{speech.memberId ? names[speech.memberId] : speech.officer}</strong>
            </p>
            <SpeechClock
              label="Speech"
              limitSeconds={speech.limitSeconds}
              {...spellClock(speech.periods)}
              sound={sound}
              testId="speech-clock"
            />
            <button type="button" className="button button--primary" onClick={endSpeech}>
              End speech <kbd>Alt+X</kbd>
            </button>
          </>
        ) : (
          <p className="muted">Nobody has the floor.</p>
        )}
        <label className="debate__sound">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> Sound at the time limit
        </label>
      </div>

      <div className="debate__queue">
        <form
          className="compact-form"
          aria-label="Add a speaker"
          onSubmit={(e) => {
            e.preventDefault();
            if (asking) void send({ type: 'speaker.add', meetingId: meeting.id, memberId: asking }).then((ok) => ok && setAsking(''));
          }}
        >
          <MemberFinder
            id="debate-speaker"
            label="Asks to speak"
            shortcut="Alt+F"
            members={here}
            names={names}
            value={asking}
            onChange={setAsking}
            onChosen={(id) => void send({ type: 'speaker.add', meetingId: meeting.id, memberId: id }).then((ok) => ok && setAsking(''))}
          />
        </form>
        <ol className="debate__list" aria-label="Speakers waiting" data-testid="speakers">
          {queue.map((q, i) => (
            <li key={q.memberId}>
              {names[q.memberId]} <span className="muted">({SPEECH_ROLE_LABELS[q.role ?? roleFor(motion, q.memberId)].toLowerCase()})</span>
              {motion?.spokenBy.includes(q.memberId) && roleFor(motion, q.memberId) !== 'right_of_reply' && <span className="pill pill--left"> has spoken</span>}
              {i === 0 && !speech && (
                <button type="button" className="mini" onClick={callNext}>
                  Call <kbd>Alt+K</kbd>
                </button>
              )}
            </li>
          ))}
          {queue.length === 0 && <li className="muted">Nobody waiting.</li>}
        </ol>
      </div>

      {motion ? (
        <div className="debate__motion" data-testid="motion">
          <p>
            <strong>{KIND_LABELS[motion.kind]}</strong> moved by {names[motion.moverId]}
            {motion.seconderId ? `, seconded by ${names[motion.seconderId]}` : ' (not yet seconded)'}
          </p>
          <blockquote className="debate__wording" tabIndex={0} aria-label="Wording">
            {motionText(motion)}
          </blockquote>
          {substantive && substantive.id !== motion.id && <p className="muted">To the motion: {motionText(substantive).slice(0, 120)}…</p>}
          <div className="compact-form debate__outcome" role="group" aria-label="Outcome">
            {(['for', 'against', 'abstained'] as const).map((k) => (
              <div className="field" key={k}>
                <label htmlFor={`vote-${k}`}>{k === 'for' ? 'For' : k === 'against' ? 'Against' : 'Abstained'}</label>
                <input id={`vote-${k}`} inputMode="numeric" size={4} value={counts[k]} onChange={(e) => setCounts({ ...counts, [k]: e.target.value.replace(/\D/g, '') })} />
              </div>
            ))}
            <button type="button" className="button" onClick={() => void resolve('carried')}>
              Carried
            </button>
            <button type="button" className="button" onClick={() => void resolve('lost')}>
              Lost
            </button>
          </div>
        </div>
      ) : (
        <form className="debate__move" aria-label="Move a motion" onSubmit={(e) => void move(e)}>
          <div className="field">
            <label htmlFor="motion-wording">Motion</label>
            <textarea id="motion-wording" rows={3} value={wording} onChange={(e) => setWording(e.target.value)} />
          </div>
          <div className="compact-form">
            <MemberFinder id="motion-mover" label="Moved by" members={here} names={names} value={moverId} onChange={setMoverId} onChosen={() => document.getElementById('motion-seconder')?.focus()} />
            <MemberFinder id="motion-seconder" label="Seconded by" members={here} names={names} value={seconderId} onChange={setSeconderId} />
            <button type="submit" className="button">
              Record the motion <kbd>Enter</kbd>
            </button>
          </div>
          {item.proposer && !printedMover && (
            <p className="field__hint" data-testid="unmatched-proposer">
              The agenda names {item.proposer} as proposer, but no member present matches: choose the mover.
            </p>
          )}
          {item.seconder && !printedSeconder && (
            <p className="field__hint" data-testid="unmatched-seconder">
              The agenda names {item.seconder} as seconder, but no member present matches: choose the seconder.
            </p>
          )}
        </form>
      )}
      <FormError message={error?.message} />
    </section>
  );
};
