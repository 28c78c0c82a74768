// The division on the live screen (Alt+U): the clerk calls it on the motion before the meeting
// (skipping the bell where the standing orders allow), hears and sees the bell's countdown, then
// the voting window's; enters the votes on the grid; gives more time once (with the reason),
// pauses and resumes (with the reason), closes early once everyone who may vote has voted; and
// after the close reads the result, the tally, the casting vote to ask for on an equality, and the
// recorded vote as the minutes print it. The core closes the window by itself at its time.
// Keys in the panel (not while typing in a box): B end the bell now (where allowed), E more time, P pause or resume, X close now,
// M the bell's sound off or on, F/A the casting vote; in the grid, see DivisionGrid.
import { roleWordsOf } from '../../../../shared/minutes/style';
import { useCallback, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Command } from '../../../../shared/commands';
import type { VoteChoice } from '../../../../shared/commands/division';
import { motionBeingDebated, motionText } from '../../../../shared/procedure/debate';
import { divisionCounts, eligibleMembers, openDivision } from '../../../../shared/procedure/division';
import { describeOrganisationVote } from '../../../../shared/procedure/organisationVotes';
import { divisionOutcome, divisionRecordedVote } from '../../../../shared/procedure/divisionRecord';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import type { Division } from '../../../../shared/state/meetingDivision';
import { DEFAULT_BELL_VOLUME } from '../../../../shared/state/settings';
import { clockTimeWithSeconds } from '../../../../shared/time';
import { bellRingsUntil, useDisplayOnThisComputer, useDivisionBell } from '../../components/DivisionBell';
import { DivisionClock, useDivisionPhase } from '../../components/DivisionClock';
import { FormError } from '../../components/FormParts';
import { useTimeZone, useTopic } from '../../context';
import { KIND_LABELS } from './DebatePanel';
import { DivisionGrid } from './DivisionGrid';
import { VoteCorrection } from './VoteCorrection';
import { useCommand } from './useCommand';

type Asking = undefined | 'extend' | 'pause' | 'resume';

const MAJORITY_WORDS = { two_thirds: 'two-thirds', three_quarters: 'three-quarters' } as const;
const BASE_WORDS = { voting: 'those voting', present: 'those present', membership: 'the whole membership' } as const;
const RECORDED_WORDS = { always: 'every vote is recorded', budget: 'a budget decision', requested: 'members asked for a recorded vote' } as const;

const isTyping = (target: EventTarget | null): boolean => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The division to show: the one being taken, else the last on the item being taken (its result). */
export const divisionShown = (meeting: MeetingState): Division | undefined =>
  openDivision(meeting) ?? (meeting.currentItemId ? meeting.divisions.findLast((d) => d.itemId === meeting.currentItemId) : undefined);

/** The bell's volume and mute, as the installation's settings say. */
const useBellSettings = () => {
  const { data: settings } = useTopic('settings');
  return { volume: settings?.bellVolume ?? DEFAULT_BELL_VOLUME, muted: settings?.bellMuted ?? false };
};

export const DivisionPanel = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const names = memberDisplayNames(body.members);
  const open = openDivision(meeting);
  const shown = divisionShown(meeting);
  const phase = useDivisionPhase(open);
  const { volume, muted } = useBellSettings();
  // A chamber display open on this computer rings the bell itself: one bell in the room.
  const displayRings = useDisplayOnThisComputer();
  const bell = useDivisionBell(displayRings ? undefined : bellRingsUntil(open), volume, muted);
  const [skipBell, setSkipBell] = useState(false);
  const [specialMajority, setSpecialMajority] = useState('');
  const [budget, setBudget] = useState(false);
  const [asking, setAsking] = useState<Asking>();
  const [reason, setReason] = useState('');
  const [seconds, setSeconds] = useState('30');
  const [copied, setCopied] = useState('');
  const item = meeting.agenda.find((i) => i.itemId === meeting.currentItemId);
  const motion = item ? motionBeingDebated(meeting, item.itemId) : undefined;
  const bellRule = body.standingOrders.divisionBell;
  const eligible = shown && !shown.closedAt ? eligibleMembers(meeting, body, shown.itemId) : [];
  const counts = shown ? divisionCounts(meeting, shown.id, body) : undefined;
  const notVoted = shown && !shown.closedAt ? eligible.filter((id) => !meeting.votes[shown.id]?.[id]) : [];
  const paused = phase === 'paused';

  const cast = useCallback(
    (memberId: string, choice: VoteChoice) => (open ? send({ type: 'vote.cast', meetingId: meeting.id, divisionId: open.id, memberId, choice }) : Promise.resolve(false)),
    [send, meeting.id, open],
  );

  const call = async () => {
    if (!motion) return;
    const ok = await send({
      type: 'division.call',
      meetingId: meeting.id,
      motionId: motion.id,
      ...(skipBell ? { skipBell: true } : {}),
      ...(specialMajority ? { specialMajority } : {}),
      ...(budget ? { budget: true } : {}),
    });
    if (ok) {
      setSkipBell(false);
      setSpecialMajority('');
      setBudget(false);
      requestAnimationFrame(() => document.getElementById('division-search')?.focus());
    }
  };

  const ask = (what: Asking) => {
    setAsking(what);
    setReason(what === 'extend' ? "A member's vote was not yet entered" : what === 'pause' ? 'Power cut in the chamber' : what === 'resume' ? 'Power restored' : '');
    requestAnimationFrame(() => document.getElementById(what === 'extend' ? 'division-seconds' : 'division-reason')?.focus());
  };

  const submitAsked = async (event: FormEvent) => {
    event.preventDefault();
    let command: Command | undefined;
    if (asking === 'extend') command = { type: 'division.extend', meetingId: meeting.id, seconds: Number(seconds), reason };
    else if (asking === 'pause') command = { type: 'division.pause', meetingId: meeting.id, reason };
    else if (asking === 'resume') command = { type: 'division.resume', meetingId: meeting.id, reason };
    if (command && (await send(command))) {
      setAsking(undefined);
      document.getElementById('division-search')?.focus();
    }
  };

  const closeNow = () => {
    if (open) void send({ type: 'division.close', meetingId: meeting.id, divisionId: open.id });
  };
  const endBellNow = () => void send({ type: 'division.endBell', meetingId: meeting.id });
  const toggleMute = () => void send({ type: 'settings.setBellMuted', muted: !muted });
  const casting = (choice: 'for' | 'against') => {
    if (shown) void send({ type: 'division.castingVote', meetingId: meeting.id, divisionId: shown.id, choice });
  };

  const tied = shown?.result === 'tied_no_casting_vote' && body.standingOrders.castingVote;
  const organisationRule = body.standingOrders.organisationVotes;
  // The panel's own keys, when the focus is in it but not in a box (the grid's rows take F/A/N first).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    const acted =
      key === 'm'
        ? (toggleMute(), true)
        : key === 'b' && open && phase === 'bell' && bellRule.chairmanMaySkip
          ? (endBellNow(), true)
        : key === 'g' && open
          ? (document.getElementById('division-group')?.focus(), true)
          : key === 'e' && open && !open.extension && phase !== 'closed'
            ? (ask('extend'), true)
            : key === 'p' && open && (phase === 'voting' || phase === 'paused')
              ? (ask(paused ? 'resume' : 'pause'), true)
              : key === 'x' && open
                ? (closeNow(), true)
                : tied && (key === 'f' || key === 'a')
                  ? (casting(key === 'f' ? 'for' : 'against'), true)
                  : false;
    if (acted) event.preventDefault();
  };

  if (!item) return <p className="muted">No item is being taken: take up an item, and move a motion, to call a division.</p>;

  const divisionMotion = shown ? meeting.motions.findLast((m) => m.id === shown.motionId) : undefined;
  const outcome = shown ? divisionOutcome(meeting, shown.id) : undefined;
  const recorded = shown ? divisionRecordedVote(meeting, body, shown.id) : undefined;

  return (
    // The panel's keys work wherever the focus is inside it; every one is also a button.
    <section className="division" aria-labelledby="division-heading" onKeyDown={onKeyDown} data-testid="division">
      <h2 id="division-heading" className="visually-hidden">
        Division
      </h2>
      {open && divisionMotion ? (
        <>
          <p className="division__question" title={motionText(divisionMotion)}>
            <span className="clock__label">{KIND_LABELS[divisionMotion.kind]} put to the vote</span> {motionText(divisionMotion)}
          </p>
          <div className={`division__status division__status--${phase}`}>
            <DivisionClock division={open} testId="division-clock" />
            {counts && (
              <p className="division__counts" data-testid="division-counts" aria-live="polite">
                <span className="way way--for">For {counts.for}</span> <span className="way way--against">Against {counts.against}</span> <span className="way way--abstain">Abstain {counts.abstain}</span>{' '}
                <span className="muted">
                  · voted {counts.voted} of {eligible.length}
                </span>
              </p>
            )}
          </div>
          {phase === 'bell' && (
            <p className="division__note" data-testid="division-bell">
              The bell is ringing: voting opens at {clockTimeWithSeconds(new Date(open.bellEndsAt), tz)}.
              {muted ? ' (The bell’s sound is off.)' : displayRings ? ' The chamber display on this computer rings it.' : ''}
            </p>
          )}
          {bell.blocked && (
            <button type="button" className="button button--small" onClick={bell.enable}>
              Click to enable the bell&rsquo;s sound
            </button>
          )}
          {open.extension && <p className="division__note">More time given: {open.extension.seconds} seconds ({open.extension.reason}).</p>}
          <div className="division__actions" role="group" aria-label="The division">
            {phase === 'bell' && bellRule.chairmanMaySkip && (
              <button type="button" className="button button--small" onClick={endBellNow} aria-keyshortcuts="B">
                End the bell now <kbd>B</kbd>
              </button>
            )}
            <button type="button" className="button button--small" disabled={!!open.extension || phase === 'closed'} onClick={() => ask('extend')} aria-keyshortcuts="E">
              More time… <kbd>E</kbd>
            </button>
            <button type="button" className="button button--small" disabled={phase !== 'voting' && phase !== 'paused'} onClick={() => ask(paused ? 'resume' : 'pause')} aria-keyshortcuts="P">
              {paused ? 'Resume…' : 'Pause…'} <kbd>P</kbd>
            </button>
            <button type="button" className="button button--small" disabled={phase !== 'voting' || notVoted.length > 0} onClick={closeNow} aria-keyshortcuts="X" title={notVoted.length > 0 ? 'The division can close early only once everyone who may vote has voted.' : undefined}>
              Close now <kbd>X</kbd>
            </button>
            <button type="button" className="button button--small" aria-pressed={muted} onClick={toggleMute} aria-keyshortcuts="M">
              Bell sound off <kbd>M</kbd>
            </button>
          </div>
          {asking && (
            <form className="compact-form division__ask" aria-label={asking === 'extend' ? 'More time to vote' : asking === 'pause' ? 'Pause the voting' : 'Resume the voting'} onSubmit={(e) => void submitAsked(e)}>
              {asking === 'extend' && (
                <div className="field">
                  <label htmlFor="division-seconds">Seconds more</label>
                  <input id="division-seconds" inputMode="numeric" size={4} value={seconds} onChange={(e) => setSeconds(e.target.value.replace(/\D/g, ''))} />
                </div>
              )}
              <div className="field division__reason">
                <label htmlFor="division-reason">The {roleWordsOf(body).chair}&rsquo;s reason</label>
                <input
                  id="division-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      e.preventDefault();
                      e.stopPropagation();
                      setAsking(undefined);
                    }
                  }}
                />
              </div>
              <button type="submit" className="button button--small">
                {asking === 'extend' ? 'Give more time' : asking === 'pause' ? 'Pause' : 'Resume'} <kbd>Enter</kbd>
              </button>
              <button type="button" className="button button--small" onClick={() => setAsking(undefined)}>
                Cancel <kbd>Esc</kbd>
              </button>
            </form>
          )}
          <FormError message={error?.message} />
          {notVoted.length > 0 && phase !== 'bell' && (
            <p className="division__waiting" data-testid="division-not-voted">
              <strong>Not voted ({notVoted.length}):</strong> {notVoted.map((id) => names[id]).join(', ')}
            </p>
          )}
          <DivisionGrid meeting={meeting} body={body} division={open} eligible={eligible} names={names} canVote={phase === 'voting'} cast={cast} />
        </>
      ) : (
        <>
          {motion && !tied ? (
            <form
              className="division__call"
              aria-label="Call a division"
              onSubmit={(e) => {
                e.preventDefault();
                void call();
              }}
            >
              <p className="division__question">
                <span className="clock__label">{KIND_LABELS[motion.kind]} before the meeting</span> {motionText(motion).slice(0, 200)}
                {motionText(motion).length > 200 ? '…' : ''}
              </p>
              {bellRule.chairmanMaySkip && bellRule.seconds > 0 && (
                <label className="division__skip">
                  <input type="checkbox" checked={skipBell} onChange={(e) => setSkipBell(e.target.checked)} /> Skip the bell (the {roleWordsOf(body).chair} is satisfied every member is here)
                </label>
              )}
              {body.standingOrders.specialMajorities.length > 0 && (
                <div className="field division__majority">
                  <label htmlFor="division-majority">Majority needed</label>
                  <select id="division-majority" value={specialMajority} onChange={(e) => setSpecialMajority(e.target.value)}>
                    <option value="">A simple majority of those voting</option>
                    {body.standingOrders.specialMajorities.map((r) => (
                      <option key={r.name} value={r.name}>
                        {r.name}: {MAJORITY_WORDS[r.fraction]} of {BASE_WORDS[r.of]}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <label className="division__skip">
                <input type="checkbox" checked={budget} onChange={(e) => setBudget(e.target.checked)} /> A budget decision{body.standingOrders.recordedVote.forBudget ? ' (the names are recorded, as the law requires)' : ''}
              </label>
              <button type="submit" id="division-call" className="button button--primary">
                Call a division{skipBell || bellRule.seconds === 0 ? '' : ` (bell ${bellRule.seconds} s)`} <kbd>Enter</kbd>
              </button>
            </form>
          ) : (
            !shown && !tied && <p className="muted">No motion is before the meeting: move one (Alt+F) to put it to the vote.</p>
          )}
          <FormError message={error?.message} />
          {shown && divisionMotion && (
            <div className="division__result" data-testid="division-result">
              <p className="division__outcome" role="status">
                {outcome ?? 'Voting closed: counting…'}
              </p>
              {shown.tally && (
                <p className="division__counts" data-testid="division-tally">
                  <span className="way way--for">For {shown.tally.for}</span> <span className="way way--against">Against {shown.tally.against}</span> <span className="way way--abstain">Abstain {shown.tally.abstain}</span>{' '}
                  <span className="muted">· did not vote {shown.tally.notVoted}</span>
                </p>
              )}
              {shown.organisations && shown.organisations.length > 0 && organisationRule && (
                <ul className="division__organisations" data-testid="division-organisations" aria-label="Votes by organisation">
                  {shown.organisations.map((vote) => (
                    <li key={vote.organisation}>{describeOrganisationVote(vote, organisationRule)}</li>
                  ))}
                </ul>
              )}
              <p className="muted">
                {KIND_LABELS[divisionMotion.kind]}: {motionText(divisionMotion).slice(0, 160)}
                {motionText(divisionMotion).length > 160 ? '…' : ''}
                {shown.closedAt && ` Closed at ${clockTimeWithSeconds(new Date(shown.closedAt), tz)}.`}
              </p>
              {tied && (
                <div className="division__casting" role="group" aria-label={`The ${roleWordsOf(body).chair}'s casting vote`} data-testid="division-casting">
                  <p>
                    <strong>Equality of votes:</strong> ask the {roleWordsOf(body).chair} for the casting vote.
                  </p>
                  <button type="button" className="button button--small" onClick={() => casting('for')} aria-keyshortcuts="F">
                    Casting vote for <kbd>F</kbd>
                  </button>
                  <button type="button" className="button button--small" onClick={() => casting('against')} aria-keyshortcuts="A">
                    Casting vote against <kbd>A</kbd>
                  </button>
                </div>
              )}
              {shown.castingVote && <p className="muted">Decided on the {roleWordsOf(body).chair}&rsquo;s casting vote ({shown.castingVote.choice}).</p>}
              {shown.majority && (
                <p className="muted">
                  Needed {MAJORITY_WORDS[shown.majority.fraction]} of {BASE_WORDS[shown.majority.of]} ({shown.majority.name}).
                </p>
              )}
              {shown.recorded && <p className="muted">The names go in the minutes: {RECORDED_WORDS[shown.recorded]}.</p>}
              {shown.closedAt && <VoteCorrection meetingId={meeting.id} division={shown} body={body} names={names} />}
              {recorded && (
                <>
                  <div className="division__recorded-head">
                    <h3 id="division-recorded-heading">Recorded vote, as the minutes print it</h3>
                    <button
                      type="button"
                      className="mini"
                      onClick={() =>
                        void navigator.clipboard?.writeText(recorded).then(
                          () => setCopied('Copied.'),
                          () => setCopied('Could not copy: select the text instead.'),
                        )
                      }
                    >
                      Copy
                    </button>
                    <span aria-live="polite" className="muted">
                      {copied}
                    </span>
                  </div>
                  <pre className="division__recorded" data-testid="division-recorded" tabIndex={0} aria-labelledby="division-recorded-heading">
                    {recorded}
                  </pre>
                </>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
};
