// The debate on the item being taken, for the clerk (and the chairman beside them): the motion
// before the meeting with its amendment or procedural motion, who has the floor and their clock,
// the speakers' list, the debate's own clock for a time-limited debate, and the outcomes.
// Alt+F adds a speaker; Alt+K calls the next, Alt+X ends the speech, Alt+Q records a point of
// order, a personal explanation or an officer's advice, Alt+V records what happens to the motion,
// Alt+Y gives the speaker a minute more (the chairman's discretion, recorded with its reason).
import { useCallback, useState, type FormEvent } from 'react';
import { debateClock, debateLimitFor, motionText, pendingAmendment, substantiveMotion } from '../../../../shared/procedure/debate';
import { roleWordsOf } from '../../../../shared/minutes/style';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import { SPEECH_ROLE_LABELS } from '../../../../shared/state/display';
import type { MeetingState } from '../../../../shared/state/meeting';
import type { Motion } from '../../../../shared/state/meetingDebate';
import { matchPrintedName } from '../../../../shared/state/memberSearch';
import { isHere, spellClock } from '../../../../shared/state/meetingLive';
import { DebateClock } from '../../components/DebateClock';
import { FormError } from '../../components/FormParts';
import { MemberFinder } from '../../components/MemberFinder';
import { SpeechClock } from '../../components/SpeechClock';
import { useSpeechWarningSeconds } from '../../context';
import { useShortcut } from '../../shortcuts';
import { roleFor, useDebateActions } from './debateActions';
import { Interruption } from './Interruption';
import { MotionActions, PROCEDURE_LABELS } from './MotionActions';

export const KIND_LABELS: Record<Motion['kind'], string> = { substantive: 'Motion', amendment: 'Amendment', procedural: 'Procedural motion' };

/** "Motion moved by X, seconded by Y", or the procedural motion's name. */
export const motionHeading = (motion: Motion, names: Record<string, string>): string =>
  `${motion.procedure ? PROCEDURE_LABELS[motion.procedure] : KIND_LABELS[motion.kind]}: moved by ${names[motion.moverId]}${
    motion.seconderId ? `, seconded by ${names[motion.seconderId]}${motion.seconderReserves ? ' (reserving their speech)' : ''}` : ' (not yet seconded)'
  }`;

const OUTCOME_WORDS = { carried: 'Carried', lost: 'Lost', withdrawn: 'Withdrawn', open: '' } as const;

/** `onDivision`: show the division panel (after "Put to the vote (division)" calls one). */
export const DebatePanel = ({ meeting, body, onDivision }: { meeting: MeetingState; body: BodyState; onDivision?(): void }) => {
  const { send, error, motion, speech, queue, call, end: endSpeech, moreTime } = useDebateActions(meeting);
  const names = memberDisplayNames(body.members);
  const here = body.members.filter((m) => m.active && isHere(meeting.attendance[m.id]));
  const item = meeting.agenda.find((i) => i.itemId === meeting.currentItemId);
  const substantive = item ? substantiveMotion(meeting, item.itemId) : undefined;
  const amendment = item ? pendingAmendment(meeting, item.itemId) : undefined;
  const debateLimit = item ? debateLimitFor(meeting, item, body.standingOrders) : undefined;
  const usual = body.standingOrders.usualDecision;
  /** The body's word for the one presiding ("Chair", "Chairman"). */
  const chair = roleWordsOf(body).chair;
  const warningSeconds = useSpeechWarningSeconds();
  const [asking, setAsking] = useState('');
  const [wording, setWording] = useState(item?.motionText ?? '');
  // The agenda's proposer and seconder, where the pack printed them, matched to members present.
  const printedMover = item ? matchPrintedName(here, item.proposer) : undefined;
  const printedSeconder = item ? matchPrintedName(here, item.seconder) : undefined;
  const [moverId, setMoverId] = useState(printedMover?.id ?? '');
  const [seconderId, setSeconderId] = useState(printedSeconder?.id ?? '');
  const [reserves, setReserves] = useState(false);
  const [counts, setCounts] = useState({ for: '', against: '', abstained: '' });
  const [sound, setSound] = useState(true);
  const [allowing, setAllowing] = useState<{ memberId: string; reason: string }>();
  const [shownFor, setShownFor] = useState(item?.itemId);
  if (shownFor !== item?.itemId) {
    // Another item: its motion's words from the agenda, where the pack gave them.
    setShownFor(item?.itemId);
    setWording(item?.motionText ?? '');
    setMoverId(printedMover?.id ?? '');
    setSeconderId(printedSeconder?.id ?? '');
  }

  useShortcut('k', useCallback(() => call(0), [call]), { alt: true, enabled: !!item });
  useShortcut('x', endSpeech, { alt: true, enabled: !!item });
  useShortcut('y', moreTime, { alt: true, enabled: !!item });

  if (!item) return <p className="muted">No item is being taken: take up an item to debate it.</p>;

  const move = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send({ type: 'motion.move', meetingId: meeting.id, itemId: item.itemId, kind: 'substantive', wording, moverId, ...(seconderId ? { seconderId, seconderReserves: reserves } : {}) });
    if (ok) {
      setMoverId('');
      setSeconderId('');
      setReserves(false);
    }
  };
  const resolve = async (outcome: 'carried' | 'lost', unanimous = false) => {
    if (!motion) return;
    const counted = counts.for !== '' || counts.against !== '';
    const number = (text: string) => (text === '' ? undefined : Number(text));
    const ok = await send({
      type: 'motion.resolve',
      meetingId: meeting.id,
      motionId: motion.id,
      outcome,
      how: counted ? 'show_of_hands' : unanimous ? 'unanimous' : 'without_vote',
      ...(counted ? { for: number(counts.for), against: number(counts.against), abstained: number(counts.abstained) } : {}),
    });
    if (ok) setCounts({ for: '', against: '', abstained: '' });
  };
  const allow = async (event: FormEvent) => {
    event.preventDefault();
    if (!allowing) return;
    const ok = await send({ type: 'speech.start', meetingId: meeting.id, memberId: allowing.memberId, role: roleFor(motion, allowing.memberId), override: allowing.reason });
    if (ok) setAllowing(undefined);
  };
  const interrupted = (meeting.interruptedSpeechIds ?? []).map((id) => meeting.speeches.findLast((s) => s.id === id)).filter((s) => s !== undefined);
  const decided = meeting.motions.filter((m) => m.itemId === item.itemId && m.status !== 'open');

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
            <SpeechClock label="Speech" limitSeconds={speech.limitSeconds} {...spellClock(speech.periods)} warningSeconds={warningSeconds} sound={sound} testId="speech-clock" />
            <button type="button" className="button button--primary" onClick={() => endSpeech()}>
              End speech <kbd>Alt+X</kbd>
            </button>
            {speech.limitSeconds > 0 && (
              <button type="button" className="button" onClick={() => moreTime()}>
                A minute more <kbd>Alt+Y</kbd>
              </button>
            )}
          </>
        ) : (
          <p className="muted">Nobody has the floor.</p>
        )}
        {interrupted.map((s) => (
          <p key={s.id} className="muted" data-testid="interrupted">
            {s.memberId ? names[s.memberId] : s.officer}&rsquo;s speech is paused
          </p>
        ))}
        <label className="debate__sound">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> Sound at the time limit
        </label>
      </div>
      <Interruption meeting={meeting} body={body} here={here} names={names} send={send} />

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
          {queue.map((q, i) => {
            const role = q.role ?? roleFor(motion, q.memberId);
            const spoken = !!motion?.spokenBy.includes(q.memberId) && role !== 'right_of_reply';
            return (
              <li key={q.memberId}>
                {names[q.memberId]} <span className="muted">({SPEECH_ROLE_LABELS[role].toLowerCase()})</span>
                {spoken && <span className="pill pill--left"> has spoken</span>}{' '}
                {!speech && !spoken && (
                  <button type="button" className="mini" onClick={() => call(i)} aria-label={`Call ${names[q.memberId]}`}>
                    Call {i === 0 && <kbd>Alt+K</kbd>}
                  </button>
                )}
                {!speech && spoken && (
                  <button type="button" className="mini" onClick={() => setAllowing({ memberId: q.memberId, reason: `The ${chair} allowed a further speech` })}>
                    Allow another speech
                  </button>
                )}
                <button type="button" className="mini" aria-label={`Take ${names[q.memberId]} off the list`} onClick={() => void send({ type: 'speaker.remove', meetingId: meeting.id, memberId: q.memberId })}>
                  ×
                </button>
                {allowing?.memberId === q.memberId && (
                  <form className="compact-form" aria-label={`The ${chair} allows another speech`} onSubmit={(e) => void allow(e)}>
                    <div className="field">
                      <label htmlFor="allow-reason">The {chair}&rsquo;s reason</label>
                      <input id="allow-reason" autoFocus value={allowing.reason} onChange={(e) => setAllowing({ ...allowing, reason: e.target.value })} />
                    </div>
                    <button type="submit" className="button">
                      Call <kbd>Enter</kbd>
                    </button>
                  </form>
                )}
              </li>
            );
          })}
          {queue.length === 0 && <li className="muted">Nobody waiting.</li>}
        </ol>
      </div>

      {motion ? (
        <div className="debate__motion" data-testid="motion">
          <p>
            <strong>{motionHeading(motion, names)}</strong>
          </p>
          <blockquote className="debate__wording" tabIndex={0} aria-label="Wording">
            {motionText(motion)}
          </blockquote>
          {/* What the motion being debated stands on: the amendment (under a procedural motion) and the motion. */}
          {[amendment, substantive]
            .filter((m) => m !== undefined && m.id !== motion.id)
            .map((m) => (
              <p key={m!.id} className="muted" data-testid={m!.kind === 'amendment' ? 'amendment' : 'substantive'}>
                {m!.kind === 'amendment' ? 'The amendment' : 'The motion'}: {motionText(m!).slice(0, 160)}
                {motionText(m!).length > 160 ? '…' : ''}
              </p>
            ))}
          {/* The body's usual way, where it is not the council's (an electronic vote, no consensus sought first). */}
          {(usual.consensusFirst || usual.vote === 'show_of_hands') && (
            <p className="field__hint debate__usual" data-testid="usual-decision">
              {usual.consensusFirst ? 'This body seeks consensus first: record it agreed by consensus, or adjourn the debate (Alt+V) to reconsider the item. ' : ''}
              {usual.vote === 'show_of_hands' ? 'Votes are usually by a show of hands: type the counts, then Carried or Lost.' : 'Votes are usually electronic: put it to the vote (Alt+U).'}
            </p>
          )}
          <div className="compact-form debate__outcome" role="group" aria-label="Outcome">
            {(['for', 'against', 'abstained'] as const).map((k) => (
              <div className="field" key={k}>
                <label htmlFor={`vote-${k}`}>{k === 'for' ? 'For' : k === 'against' ? 'Against' : 'Abstained'}</label>
                <input id={`vote-${k}`} inputMode="numeric" size={4} value={counts[k]} onChange={(e) => setCounts({ ...counts, [k]: e.target.value.replace(/\D/g, '') })} />
              </div>
            ))}
            <button type="button" className="button" onClick={() => void resolve('carried')}>
              {usual.consensusFirst ? 'Agreed by consensus' : 'Carried'}
            </button>
            <button type="button" className="button" onClick={() => void resolve('carried', true)}>
              Carried unanimously
            </button>
            <button type="button" className="button" onClick={() => void resolve('lost')}>
              Lost
            </button>
            {/* The electronic vote: the bell rings, then the voting window opens, on the division panel. */}
            <button
              type="button"
              className="button"
              disabled={!!meeting.openDivisionId}
              onClick={() => void send({ type: 'division.call', meetingId: meeting.id, motionId: motion.id }).then((ok) => ok && onDivision?.())}
            >
              Put to the vote (division) <kbd>Alt+U</kbd>
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
            <label className="debate__reserves">
              <input type="checkbox" checked={reserves} onChange={(e) => setReserves(e.target.checked)} /> The seconder reserves their speech
            </label>
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
      <MotionActions meeting={meeting} itemId={item.itemId} motion={motion} here={here} names={names} chair={chair} send={send} />
      <FormError message={error?.message} />
      {decided.length > 0 && (
        <ul className="debate__decided" aria-label="Decided on this item" data-testid="decided">
          {decided.map((m) => (
            <li key={m.id}>
              {m.procedure ? PROCEDURE_LABELS[m.procedure] : KIND_LABELS[m.kind]} ({names[m.moverId]}): <strong>{OUTCOME_WORDS[m.status]}</strong>
              {m.outcome?.for !== undefined && ` ${m.outcome.for}–${m.outcome.against}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
