// The chamber display: read-only, large type, readable across the room. It shows only public
// facts (the core never sends it anything from a private session or an exempt item). It works the
// same on the clerk's second screen and on any device on the chamber network, without the token.
import { useMemo } from 'react';
import { formatLongDate } from '../../../shared/format';
import { displayedDivisionClock, type DisplayDivision } from '../../../shared/state/display';
import { DEFAULT_BELL_VOLUME } from '../../../shared/state/settings';
import { displayTopic } from '../../../shared/topics';
import { useTopic } from '../context';
import { SpeechClock } from '../components/SpeechClock';
import { bellRingsUntil, useAnnounceDisplay, useDivisionBell } from '../components/DivisionBell';
import { DivisionClock, useDivisionPhase } from '../components/DivisionClock';
import { ElapsedTime, TimeOfDay } from '../components/ElapsedTime';
import './display.css';

/**
 * The division being taken, for the room: the question, the bell's countdown, then the voting
 * window's, the counts only where the display is given them, and the result once closed. Never
 * names. The bell rings here too, at the installation's volume and mute (carried by the display);
 * a browser that refuses sound before a click gets a small prompt to click.
 */
const DivisionShown = ({ division, chairWord }: { division: DisplayDivision; chairWord: string }) => {
  const clock = useMemo(() => displayedDivisionClock(division), [division]);
  const phase = useDivisionPhase(clock);
  const bell = useDivisionBell(bellRingsUntil(clock), division.bell?.volume ?? DEFAULT_BELL_VOLUME, division.bell?.muted ?? false);
  const counts = division.counts;
  return (
    <div className={`display__division display__division--${phase}`} data-testid="display-division" data-phase={phase}>
      <p className="display__label">Division · {division.kind}</p>
      <p className="display__question">{division.question}</p>
      {division.outcome ? (
        <p className="display__outcome" data-testid="display-outcome">
          {division.outcome}
          {division.castingVote && <span className="display__casting"> on the {chairWord}&rsquo;s casting vote</span>}
        </p>
      ) : (
        <DivisionClock division={clock} className="display-division-clock" testId="display-division-clock" />
      )}
      {counts && (
        <p className="display__counts" data-testid="display-counts">
          <span className="display__count display__count--for">
            For <strong>{counts.for}</strong>
          </span>
          <span className="display__count display__count--against">
            Against <strong>{counts.against}</strong>
          </span>
          <span className="display__count display__count--abstain">
            Abstain <strong>{counts.abstain}</strong>
          </span>
          {!division.closedAt && (
            <span className="display__count display__count--voted">
              Voted <strong>{counts.voted}</strong> of {division.eligible}
            </span>
          )}
        </p>
      )}
      {bell.blocked && (
        <button type="button" className="display__enable-sound" onClick={bell.enable}>
          Click to enable the bell&rsquo;s sound
        </button>
      )}
    </div>
  );
};
DivisionShown.displayName = 'DivisionShown';

export const DisplayScreen = ({ meetingId }: { meetingId: string }) => {
  const { data: display, missing } = useTopic(displayTopic(meetingId));
  useAnnounceDisplay();
  if (!display) {
    return (
      <main className="display">
        <p className="display__waiting" role="status">
          {missing ?? 'Connecting to Chamber…'}
        </p>
      </main>
    );
  }
  const inquorate = display.status === 'in_progress' && display.quorum !== undefined && !display.quorum.quorate && !display.privateSession;
  return (
    <main className={`display ${inquorate ? 'display--inquorate' : ''}`} aria-label="Chamber display">
      <header className="display__header">
        <p className="display__body">{display.body}</p>
        <p className="display__meeting">
          {display.title} · {formatLongDate(display.date)}
        </p>
        <p className="display__clock time">
          <TimeOfDay timeZone={display.timeZone} />
        </p>
      </header>
      {inquorate && (
        <div className="display__suspended" role="alert" data-testid="display-inquorate">
          <p className="display__suspended-title">Inquorate — business suspended</p>
          <p className="display__suspended-count">
            {display.quorum!.present} present{display.quorum!.required > 0 ? ` · ${display.quorum!.required} needed` : ''}
          </p>
          {display.quorum!.missing?.length ? (
            <p className="display__suspended-count" data-testid="display-quorum-missing">
              {display.quorum!.missing.join('; ').replace(/^./, (c) => c.toUpperCase())}
            </p>
          ) : null}
        </div>
      )}
      <section className="display__main" aria-live="polite">
        {display.privateSession ? (
          <p className="display__private">Private session</p>
        ) : display.status === 'adjourned' ? (
          <p className="display__state">The meeting is adjourned</p>
        ) : display.status === 'closed' ? (
          <p className="display__state">The meeting has closed</p>
        ) : display.currentItem ? (
          <>
            <p className="display__label">Item {display.currentItem.number}</p>
            <h1 className="display__title">{display.currentItem.title}</h1>
            <p className="display__elapsed time">
              <ElapsedTime elapsedBeforeMs={display.currentItem.elapsedBeforeMs} runningSince={display.currentItem.runningSince} />
            </p>
            {display.division && <DivisionShown division={display.division} chairWord={display.chairWord} />}
            {display.speaker && (
              <div className="display__speaker" data-testid="display-speaker">
                <p className="display__speaker-name">
                  <span className="display__label">{display.speaker.role}</span> {display.speaker.name}
                </p>
                <SpeechClock label={`${display.speaker.name} speaking`} limitSeconds={display.speaker.limitSeconds} elapsedBeforeMs={display.speaker.elapsedBeforeMs} runningSince={display.speaker.runningSince} warningSeconds={display.speaker.warningSeconds} />
              </div>
            )}
            {display.debate && (
              <div className="display__debate" data-testid="display-debate">
                <span className="display__label">{display.currentItem.kind === 'questions' ? 'Question time' : 'Time-limited debate'}</span>
                <SpeechClock label="Time-limited debate" limitSeconds={display.debate.limitSeconds} elapsedBeforeMs={display.debate.elapsedBeforeMs} runningSince={display.debate.runningSince} warningSeconds={120} />
              </div>
            )}
          </>
        ) : (
          <p className="display__state">{display.status === 'in_progress' ? 'The meeting is in progress' : 'The meeting has not started'}</p>
        )}
      </section>
      <footer className="display__footer">
        {display.chair && (
          <p>
            In the chair: <strong>{display.chair.name}</strong>
            {!display.chair.isChair && ` (${display.chair.capacity})`}
          </p>
        )}
        {display.quorum && !inquorate && (display.status === 'in_progress' || display.status === 'adjourned') && (
          <p className={display.quorum.quorate ? 'display__quorate' : 'display__inquorate'} data-testid="display-quorum">
            {display.quorum.quorate ? 'Quorate' : 'Not quorate'} · {display.quorum.present} present{display.quorum.required > 0 ? `, ${display.quorum.required} needed` : ''}
            {!display.quorum.quorate && display.quorum.missing?.length ? ` · ${display.quorum.missing.join('; ')}` : ''}
          </p>
        )}
      </footer>
    </main>
  );
};
