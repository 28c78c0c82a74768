// One meeting before it runs: details, agenda at a glance, expected apologies, ready or not.
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ChamberError } from '../../../shared/errors';
import { formatLongDate, STATUS_LABELS } from '../../../shared/format';
import { describeInterval, proposedNextDate } from '../../../shared/procedure/nextMeeting';
import type { MeetingState } from '../../../shared/state/meeting';
import { bodyTopic, meetingTopic } from '../../../shared/topics';
import { MeetingForm, type MeetingDetails } from '../components/MeetingForm';
import { StoreContext, useChamber, useTopic } from '../context';
import { ExpectedApologies } from './ExpectedApologies';
import { useShortcut } from '../shortcuts';
import { FormError } from '../components/FormParts';

type Mode = 'view' | 'edit' | 'copy';

export const MeetingScreen = ({ meetingId }: { meetingId: string }) => {
  const topic = meetingTopic(meetingId);
  const { data: meeting, missing } = useTopic(topic);
  const { data: bodies } = useTopic('bodies');
  // The body's other meetings, for the date the copy form proposes.
  const { data: meetings, missing: meetingsMissing } = useTopic('meetings');
  const { data: body } = useTopic(meeting?.bodyId ? bodyTopic(meeting.bodyId) : undefined);
  const invoke = useChamber((s) => s.invoke);
  const navigate = useChamber((s) => s.navigate);
  const load = useChamber((s) => s.load);
  const store = useContext(StoreContext);
  const toggles = useRef<Promise<void>>(Promise.resolve());
  const [mode, setMode] = useState<Mode>('view');
  const [problem, setProblem] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const viewing = mode === 'view';
  const preparing = meeting?.status === 'draft' || meeting?.status === 'ready';

  /**
   * R (or the button) turns a draft ready or a ready meeting back to draft. Presses run one after
   * another, each from the status the one before left (read back from the core), not the status
   * last rendered: two quick presses come back to where they started.
   */
  const toggleReady = useCallback(() => {
    toggles.current = toggles.current
      .then(async () => {
        const status = (store?.getState().topics[topic] as MeetingState | undefined)?.status;
        if (status !== 'draft' && status !== 'ready') return;
        const outcome = await invoke({ type: 'meeting.setReady', meetingId, ready: status !== 'ready' });
        setProblem(outcome.ok ? undefined : outcome.error.message);
        if (outcome.ok) await load(topic);
      })
      .catch((error: unknown) => setProblem(`The meeting could not be marked: ${(error as Error).message}`));
  }, [store, topic, invoke, meetingId, load]);

  useShortcut('Escape', useCallback(() => navigate({ screen: 'meetings' }), [navigate]), viewing);
  // While the copy form waits for the body's other meetings, Esc still leaves it.
  useShortcut('Escape', useCallback(() => setMode('view'), []), mode === 'copy' && !meetings && !meetingsMissing);
  useShortcut('e', useCallback(() => setMode('edit'), []), viewing && meeting?.status !== 'closed');
  useShortcut('a', useCallback(() => navigate({ screen: 'agenda', meetingId }), [navigate, meetingId]), viewing);
  useShortcut('c', useCallback(() => setMode('copy'), []), viewing);
  useShortcut('l', useCallback(() => navigate({ screen: 'live', meetingId }), [navigate, meetingId]), viewing && !!meeting?.bodyId);
  useShortcut('r', toggleReady, viewing && preparing);
  useShortcut('m', useCallback(() => navigate({ screen: 'minutes', meetingId }), [navigate, meetingId]), viewing);
  // Arriving at the screen, or leaving a form, puts the focus on the heading (forms focus their first field).
  const loaded = meeting !== undefined;
  useEffect(() => {
    if (viewing && loaded) heading.current?.focus();
  }, [meetingId, viewing, loaded]);

  if (!meeting) {
    return (
      <main className="screen">
        <p role="status">{missing ?? 'Loading the meeting…'}</p>
        <a href="#/">Back to meetings</a>
      </main>
    );
  }

  const save = async (details: MeetingDetails): Promise<ChamberError | undefined> => {
    const outcome = await invoke({ type: 'meeting.updateDetails', meetingId, ...details });
    if (!outcome.ok) return outcome.error;
    setMode('view');
    return undefined;
  };

  const copy = async (details: MeetingDetails): Promise<ChamberError | undefined> => {
    const outcome = await invoke({ type: 'meeting.copy', fromMeetingId: meetingId, date: details.date, startTime: details.startTime });
    if (!outcome.ok) return outcome.error;
    setMode('view');
    navigate({ screen: 'meeting', meetingId: outcome.result.ids.meetingId });
    return undefined;
  };

  /** The body's usual interval after this meeting, once the other meetings are known (or cannot be). */
  const proposed = meetings || meetingsMissing ? proposedNextDate(meeting, meetings ?? []) : undefined;

  const bodyChoices = bodies?.length ? bodies : meeting.bodyId ? [{ id: meeting.bodyId, name: meeting.body, kind: 'committee' as const, memberCount: 0 }] : [];

  return (
    <main className="screen" aria-labelledby="meeting-heading">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href="#/">Meetings</a> <kbd>Esc</kbd>
      </nav>
      <header className="screen__header">
        <h1 id="meeting-heading" tabIndex={-1} ref={heading}>
          {meeting.title}
        </h1>
        <span className={`status status--${meeting.status}`}>{STATUS_LABELS[meeting.status]}</span>
      </header>
      <FormError message={problem} />
      {mode === 'edit' ? (
        <section className="panel" aria-label="Edit meeting details">
          <MeetingForm initial={{ ...meeting, bodyId: meeting.bodyId ?? '' }} bodies={bodyChoices} submitLabel="Save details" onSubmit={save} onCancel={() => setMode('view')} />
        </section>
      ) : mode === 'copy' ? (
        <section className="panel" aria-labelledby="copy-heading">
          <h2 id="copy-heading">Next meeting of {meeting.body}</h2>
          <p className="muted">
            Same title and venue. The agenda repeats the standing items, with the minutes of this meeting, and carries forward the business deferred or not
            reached; items taken or withdrawn are left off.
          </p>
          {proposed ? (
            <>
              <p id="copy-date-proposed">
                Proposed for {formatLongDate(proposed.date)}: {describeInterval(proposed.days)} after this meeting,{' '}
                {proposed.previous
                  ? `as this meeting was after the one on ${formatLongDate(proposed.previous)}.`
                  : `as ${meeting.body} has no earlier meeting here.`}{' '}
                Change the date or time if need be.
              </p>
              <MeetingForm
                initial={{ ...meeting, bodyId: meeting.bodyId ?? '', date: proposed.date }}
                bodies={bodyChoices}
                submitLabel="Create the next meeting"
                onSubmit={copy}
                onCancel={() => setMode('view')}
              />
            </>
          ) : (
            <p role="status">Finding when {meeting.body} usually meets…</p>
          )}
        </section>
      ) : (
        <>
          <section className="panel" aria-label="Meeting details">
            <dl className="details">
              <dt>Body</dt>
              <dd>{meeting.bodyId ? <a href={`#/bodies/${meeting.bodyId}`}>{meeting.body}</a> : meeting.body}</dd>
              <dt>Date</dt>
              <dd>{formatLongDate(meeting.date)}</dd>
              <dt>Start time</dt>
              <dd className="time">{meeting.startTime}</dd>
              <dt>Venue</dt>
              <dd>{meeting.venue || <span className="muted">Not set</span>}</dd>
              <dt>Members</dt>
              <dd>{body ? `${body.members.filter((m) => m.active).length} members of ${body.name}` : '…'}</dd>
            </dl>
            <div className="form-actions">
              {meeting.bodyId && (
                <a className="button button--primary" href={`#/meetings/${meetingId}/live`}>
                  {preparing ? 'Run the meeting' : meeting.status === 'closed' ? 'The record' : 'Back to the meeting'} <kbd>L</kbd>
                </a>
              )}
              {meeting.status !== 'closed' && (
                <button type="button" className="button" onClick={() => setMode('edit')}>
                  Edit details <kbd>E</kbd>
                </button>
              )}
              {preparing && (
                <button type="button" className="button" onClick={toggleReady}>
                  {meeting.status === 'ready' ? 'Back to draft' : 'Mark ready'} <kbd>R</kbd>
                </button>
              )}
              <a className="button" href={`#/minutes/${meetingId}`}>
                Minutes <kbd>M</kbd>
              </a>
              <button type="button" className="button" onClick={() => setMode('copy')}>
                Copy as next meeting <kbd>C</kbd>
              </button>
            </div>
          </section>
          <section className="panel" aria-labelledby="agenda-heading">
            <header className="panel__header">
              <h2 id="agenda-heading">Agenda</h2>
              <a className="button" href={`#/meetings/${meetingId}/agenda`}>
                {meeting.agenda.length ? 'Edit the agenda' : 'Load the agenda'} <kbd>A</kbd>
              </a>
            </header>
            {meeting.agenda.length === 0 ? (
              <p className="muted">No items yet. Load them from the published summons and agenda.</p>
            ) : (
              <ol className="agenda-summary">
                {meeting.agenda.map((item) => (
                  <li key={item.itemId}>
                    <span className="agenda-summary__number">{item.number}.</span> {item.title}
                    {item.pages && (
                      <span className="muted">
                        {' '}
                        (Pages {item.pages.from} - {item.pages.to})
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
          {body && <ExpectedApologies meeting={meeting} body={body} />}
        </>
      )}
      <footer className="shortcuts" aria-label="Keyboard shortcuts">
        <kbd>L</kbd> run the meeting · <kbd>E</kbd> edit · <kbd>A</kbd> agenda · <kbd>R</kbd> ready · <kbd>C</kbd> copy · <kbd>M</kbd> minutes · <kbd>Esc</kbd> meetings
      </footer>
    </main>
  );
};
