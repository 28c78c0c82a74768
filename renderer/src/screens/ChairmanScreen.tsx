// The chairman's own view of the debate, in large type: the motion before the meeting (with the
// amendment or procedural motion on it), who has the floor and their time left, the speakers'
// list, who has spoken, and the time-limited debate's clock. The chairman runs the debate from it
// by keyboard: N calls the next speaker, 1–9 any one on the list, R the mover's reply, M gives a
// minute more, X ends the speech; D calls a division on the motion before the meeting, and after
// an equality F or A gives the casting vote. It opens beside the clerk's screen (Alt+W there: a second window in Electron, a page in
// browser mode) and reads the clerk's record, so it lives only on the clerk's computer.
import { roleWordsOf } from '../../../shared/minutes/style';
import { useCallback } from 'react';
import { divisionCounts, eligibleMembers } from '../../../shared/procedure/division';
import { divisionOutcome } from '../../../shared/procedure/divisionRecord';
import { formatElapsed } from '../../../shared/format';
import { debateClock, debateLimitFor, debateTimeByGroup, motionText, pendingAmendment, substantiveMotion } from '../../../shared/procedure/debate';
import { memberDisplayNames, type BodyState } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import { SPEECH_ROLE_LABELS } from '../../../shared/state/display';
import { spellClock } from '../../../shared/state/meetingLive';
import { bodyTopic, meetingTopic } from '../../../shared/topics';
import { useSpeechWarningSeconds, useTopic } from '../context';
import { DebateClock } from '../components/DebateClock';
import { DivisionClock, useDivisionPhase } from '../components/DivisionClock';
import { FormError } from '../components/FormParts';
import { SpeechClock } from '../components/SpeechClock';
import { useClockTick } from '../hooks';
import { useShortcut } from '../shortcuts';
import { roleFor, useDebateActions } from './live/debateActions';
import { KIND_LABELS, motionHeading } from './live/DebatePanel';
import { divisionShown } from './live/DivisionPanel';
import './chairman.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** 1–9 call that speaker on the list. */
const CallByNumber = ({ digit, call }: { digit: string; call(index: number): false | void }) => {
  useShortcut(digit, useCallback(() => call(Number(digit) - 1), [call, digit]));
  return null;
};

/** The time each group's members have spoken in this debate; a clock itself, ticking while a member speaks. */
const GroupTimes = ({ meeting, body, itemId, runningSince }: Loaded & { itemId: string; runningSince?: string }) => {
  const now = useClockTick(runningSince ? Date.parse(runningSince) : undefined);
  const groups = debateTimeByGroup(meeting, body.members, itemId, runningSince ? Math.max(now, Date.parse(runningSince)) : 0);
  if (groups.length === 0) return null;
  return (
    <p className="chairman__muted" data-testid="chair-group-times">
      Time used: {groups.map((g) => `${g.group} ${formatElapsed(g.ms)}`).join(' · ')}
    </p>
  );
};
GroupTimes.displayName = 'GroupTimes';

export const ChairmanScreen = ({ meetingId }: { meetingId: string }) => {
  const { data: meeting, missing } = useTopic(meetingTopic(meetingId));
  const { data: body } = useTopic(meeting?.bodyId ? bodyTopic(meeting.bodyId) : undefined);
  if (!meeting || !body) {
    return (
      <main className="chairman">
        <p role="status">{missing ?? 'Loading the meeting…'}</p>
      </main>
    );
  }
  return <ChairmanView meeting={meeting} body={body} />;
};

type Loaded = { meeting: MeetingState; body: BodyState };

/** The division being taken (or the last on this item, with its result): its phase and clock, the counts (the chairman sees them live), the result. */
const ChairmanDivision = ({ meeting, body }: Loaded) => {
  const division = divisionShown(meeting);
  const open = division && division.closedAt === undefined ? division : undefined;
  const phase = useDivisionPhase(open);
  if (!division) return null;
  const motion = meeting.motions.findLast((m) => m.id === division.motionId);
  const counts = divisionCounts(meeting, division.id, body);
  const eligible = open ? eligibleMembers(meeting, body, division.itemId).length : (division.attendanceAtClose?.length ?? 0);
  const outcome = divisionOutcome(meeting, division.id);
  return (
    <div className={`chairman__division chairman__division--${phase ?? 'closed'}`} data-testid="chair-division">
      <p className="chairman__label">Division{motion ? ` on the ${KIND_LABELS[motion.kind].toLowerCase()}` : ''}</p>
      {open ? <DivisionClock division={open} className="chairman-division-clock" testId="chair-division-clock" /> : <p className="chairman__outcome">{outcome ?? 'Voting closed: counting…'}</p>}
      {phase === 'bell' && body.standingOrders.divisionBell.chairmanMaySkip && (
        <p className="chairman__muted">
          <kbd>B</kbd> ends the bell: voting opens at once.
        </p>
      )}
      <p className="chairman__counts" data-testid="chair-division-counts">
        For <strong>{counts.for}</strong> · Against <strong>{counts.against}</strong> · Abstain <strong>{counts.abstain}</strong>{' '}
        <span className="chairman__muted">
          · voted {counts.voted} of {eligible}
        </span>
      </p>
      {division.result === 'tied_no_casting_vote' && body.standingOrders.castingVote && (
        <p className="chairman__casting" role="status">
          Equality of votes: your casting vote. <kbd>F</kbd> for · <kbd>A</kbd> against
        </p>
      )}
      {division.castingVote && <p className="chairman__muted">Decided on your casting vote ({division.castingVote.choice}).</p>}
    </div>
  );
};
ChairmanDivision.displayName = 'ChairmanDivision';

const ChairmanView = ({ meeting, body }: Loaded) => {
  const { send, error, motion, speech, queue, call, reply, end, moreTime } = useDebateActions(meeting);
  const names = memberDisplayNames(body.members);
  const item = meeting.agenda.find((i) => i.itemId === meeting.currentItemId);
  const substantive = item ? substantiveMotion(meeting, item.itemId) : undefined;
  const amendment = item ? pendingAmendment(meeting, item.itemId) : undefined;
  const debateLimit = item ? debateLimitFor(meeting, item, body.standingOrders) : undefined;
  const warningSeconds = useSpeechWarningSeconds();
  const next = useCallback(() => call(0), [call]);
  useShortcut('n', next);
  useShortcut('k', next, { alt: true });
  useShortcut('x', end);
  useShortcut('x', end, { alt: true });
  useShortcut('r', reply);
  useShortcut('m', moreTime);
  const shownDivision = divisionShown(meeting);
  // D: a division on the motion before the meeting (the core refuses, in words, when it cannot be called).
  useShortcut(
    'd',
    useCallback((): false | void => {
      if (!motion) return false;
      void send({ type: 'division.call', meetingId: meeting.id, motionId: motion.id });
    }, [motion, send, meeting.id]),
  );
  const tiedId = shownDivision?.result === 'tied_no_casting_vote' && body.standingOrders.castingVote ? shownDivision.id : undefined;
  const castingFor = useCallback(() => {
    if (tiedId) void send({ type: 'division.castingVote', meetingId: meeting.id, divisionId: tiedId, choice: 'for' });
  }, [tiedId, send, meeting.id]);
  const castingAgainst = useCallback(() => {
    if (tiedId) void send({ type: 'division.castingVote', meetingId: meeting.id, divisionId: tiedId, choice: 'against' });
  }, [tiedId, send, meeting.id]);
  // B: the chairman ends the bell, satisfied that every member is here (the core refuses where the standing orders do not allow it).
  const ringing = shownDivision && shownDivision.closedAt === undefined ? shownDivision : undefined;
  useShortcut(
    'b',
    useCallback((): false | void => {
      if (!ringing) return false;
      void send({ type: 'division.endBell', meetingId: meeting.id });
    }, [ringing, send, meeting.id]),
  );
  useShortcut('f', castingFor, { enabled: tiedId !== undefined });
  useShortcut('a', castingAgainst, { enabled: tiedId !== undefined });

  const interrupted = (meeting.interruptedSpeechIds ?? []).map((id) => meeting.speeches.findLast((s) => s.id === id)).filter((s) => s !== undefined);
  const spoken = motion?.spokenBy ?? [];
  return (
    <main className="chairman" aria-labelledby="chairman-heading">
      {DIGITS.map((d) => (
        <CallByNumber key={d} digit={d} call={call} />
      ))}
      <header className="chairman__header">
        <p className="chairman__body">{meeting.body}</p>
        <h1 id="chairman-heading" className="chairman__item">
          {meeting.status === 'adjourned' ? 'The meeting is adjourned' : item ? `${item.number}. ${item.title}` : 'No item is being taken'}
        </h1>
        <p className="chairman__role">{roleWordsOf(body).chair}&rsquo;s view</p>
      </header>

      <div className="chairman__grid">
        <section className="chairman__floor" aria-label="The floor" data-testid="chair-floor">
          {!speech && <ChairmanDivision meeting={meeting} body={body} />}
          {speech ? (
            <>
              <p className="chairman__label">{SPEECH_ROLE_LABELS[speech.role]}</p>
              <p className="chairman__speaker">{speech.memberId ? names[speech.memberId] : speech.officer}</p>
              <SpeechClock label="Speech" limitSeconds={speech.limitSeconds} {...spellClock(speech.periods)} warningSeconds={warningSeconds} testId="chair-speech-clock" />
              {(speech.extensions?.length ?? 0) > 0 && <p className="chairman__muted">More time allowed: {speech.extensions!.reduce((t, e) => t + e.seconds, 0) / 60} min</p>}
            </>
          ) : (
            !shownDivision && <p className="chairman__speaker chairman__speaker--none">Nobody has the floor</p>
          )}
          {interrupted.map((s) => (
            <p key={s.id} className="chairman__paused">
              {s.memberId ? names[s.memberId] : s.officer}&rsquo;s speech is paused
            </p>
          ))}
          {item && debateLimit !== undefined && (
            <DebateClock
              className="chairman__debate"
              limitSeconds={debateLimit}
              clock={debateClock(meeting, item.itemId)}
              label={item.kind === 'questions' ? 'Question time' : 'Time-limited debate'}
              prompt={
                <>
                  The time for debate is up: call the mover&rsquo;s right of reply (<kbd>R</kbd>), then put the motion.
                </>
              }
            />
          )}
          {item && debateLimit !== undefined && <GroupTimes meeting={meeting} body={body} itemId={item.itemId} runningSince={debateClock(meeting, item.itemId).runningSince} />}
        </section>

        <section className="chairman__queue" aria-labelledby="chair-queue-heading" tabIndex={0}>
          <h2 id="chair-queue-heading" className="chairman__label">
            Waiting to speak
          </h2>
          <ol className="chairman__list" data-testid="chair-speakers">
            {queue.map((q, i) => (
              <li key={q.memberId}>
                <kbd>{i + 1}</kbd> {names[q.memberId]} <span className="chairman__muted">{SPEECH_ROLE_LABELS[q.role ?? roleFor(motion, q.memberId)].toLowerCase()}</span>
                {spoken.includes(q.memberId) && roleFor(motion, q.memberId) !== 'right_of_reply' && <span className="chairman__spoken"> has spoken</span>}
              </li>
            ))}
            {queue.length === 0 && <li className="chairman__muted">Nobody is waiting.</li>}
          </ol>
          {spoken.length > 0 && (
            <p className="chairman__muted" data-testid="chair-spoken">
              Have spoken on this {motion?.kind === 'amendment' ? 'amendment' : 'motion'}: {spoken.map((id) => names[id]).join(', ')}
              {motion?.replied ? ' (the mover has replied)' : ''}
            </p>
          )}
        </section>
        <section className="chairman__motion" aria-label="The motion before the meeting" data-testid="chair-motion" tabIndex={0}>
          {motion ? (
            <>
              <p className="chairman__label">{motionHeading(motion, names)}</p>
              <blockquote className="chairman__wording">{motionText(motion)}</blockquote>
              {[amendment, substantive]
                .filter((m) => m !== undefined && m.id !== motion.id)
                .map((m) => (
                  <div key={m!.id}>
                    <p className="chairman__label">{motionHeading(m!, names)}</p>
                    <blockquote className="chairman__wording chairman__wording--under">{motionText(m!)}</blockquote>
                  </div>
                ))}
            </>
          ) : (
            <p className="chairman__muted">No motion is before the meeting.</p>
          )}
        </section>

      </div>
      <FormError message={error?.message} />
      <footer className="chairman__keys" aria-label="Keys">
        <span>
          <kbd>N</kbd> call the next speaker
        </span>
        <span>
          <kbd>1</kbd>–<kbd>9</kbd> call that speaker
        </span>
        <span>
          <kbd>R</kbd> the mover&rsquo;s reply
        </span>
        <span>
          <kbd>M</kbd> a minute more
        </span>
        <span>
          <kbd>X</kbd> end the speech
        </span>
        <span>
          <kbd>D</kbd> call a division
        </span>
      </footer>
    </main>
  );
};
