// The agenda clock: start the meeting, take items in or out of order, adjourn and resume,
// private session, close. Each item's times come from the record; the clock is derived.
import { useCallback, useContext, useRef, useState } from 'react';
import type { Command } from '../../../../shared/commands';
import { meetingTopic } from '../../../../shared/topics';
import { formatElapsed } from '../../../../shared/format';
import type { MeetingState } from '../../../../shared/state/meeting';
import { isPrivate, itemElapsedMs } from '../../../../shared/state/meetingLive';
import { clockTime, clockTimeWithSeconds } from '../../../../shared/time';
import { StoreContext, useTimeZone } from '../../context';
import { useNow } from '../../hooks';
import { useShortcut } from '../../shortcuts';
import { ItemNotes, NotesAfterClose } from './ItemNotes';
import { useCommand } from './useCommand';
import { FormError } from '../../components/FormParts';

const EXEMPT_REASON = 'Exempt information under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972';

const PROGRESS_LABELS = { running: 'Being taken', done: 'Taken', deferred: 'Deferred', withdrawn: 'Withdrawn' } as const;

export const AgendaClock = ({ meeting }: { meeting: MeetingState }) => {
  const { send, error } = useCommand();
  const now = useNow();
  const tz = useTimeZone();
  const formatClockTime = (iso: string) => clockTime(iso, tz);
  const [privateReason, setPrivateReason] = useState<string>();
  const [confirmClose, setConfirmClose] = useState(false);
  const meetingId = meeting.id;
  const current = meeting.agenda.find((i) => i.itemId === meeting.currentItemId);
  const currentProgress = current ? meeting.progress[current.itemId] : undefined;
  const privateNow = isPrivate(meeting);
  const before = meeting.status === 'draft' || meeting.status === 'ready';
  const running = meeting.status === 'in_progress';
  const adjourned = meeting.status === 'adjourned';
  const nextItem = meeting.agenda.find((i) => !meeting.progress[i.itemId]);

  // The clock's keys run one after another, each deciding from the meeting as recorded after the
  // one before (read back, not as last drawn): Alt+E then Alt+N at once ends the item, then takes
  // the next; no key is lost because the screen had not caught up.
  const store = useContext(StoreContext);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const topic = meetingTopic(meetingId);
  const inTurn = useCallback(
    (decide: (m: MeetingState) => Command | undefined | 'private') => {
      queue.current = queue.current
        .then(async () => {
          const latest = (store?.getState().topics[topic] as MeetingState | undefined) ?? meeting;
          const command = decide(latest);
          if (command === 'private') setPrivateReason(EXEMPT_REASON);
          else if (command && (await send(command))) await store?.getState().load(topic);
        })
        .catch(() => undefined);
    },
    [store, topic, send, meeting],
  );
  const start = useCallback(() => inTurn((m) => (m.status === 'draft' || m.status === 'ready' ? { type: 'meeting.start', meetingId } : undefined)), [inTurn, meetingId]);
  const endItem = useCallback(
    () => inTurn((m) => (m.currentItemId ? { type: 'item.end', meetingId, itemId: m.currentItemId } : undefined)),
    [inTurn, meetingId],
  );
  const takeNext = useCallback(
    () =>
      inTurn((m) => {
        const next = m.agenda.find((i) => !m.progress[i.itemId]);
        return m.status === 'in_progress' && !m.currentItemId && next ? { type: 'item.start', meetingId, itemId: next.itemId } : undefined;
      }),
    [inTurn, meetingId],
  );
  const adjourn = useCallback(
    () =>
      inTurn((m) =>
        m.status === 'adjourned' ? { type: 'meeting.resume', meetingId } : m.status === 'in_progress' ? { type: 'meeting.adjourn', meetingId, reason: '' } : undefined,
      ),
    [inTurn, meetingId],
  );
  const togglePrivate = useCallback(
    () => inTurn((m) => (m.status !== 'in_progress' && m.status !== 'adjourned' ? undefined : isPrivate(m) ? { type: 'session.public', meetingId } : 'private')),
    [inTurn, meetingId],
  );

  const live = meeting.status !== 'closed';
  useShortcut('s', start, { alt: true, enabled: live });
  useShortcut('e', endItem, { alt: true, enabled: live });
  useShortcut('n', takeNext, { alt: true, enabled: live });
  useShortcut('j', adjourn, { alt: true, enabled: live });
  useShortcut('p', togglePrivate, { alt: true, enabled: live });
  useShortcut('c', useCallback(() => setConfirmClose(true), []), { alt: true, enabled: running && !current });


  return (
    <section className="panel clock" aria-labelledby="clock-heading">
      <header className="panel__header">
        <h2 id="clock-heading">Agenda</h2>
        <span className="clock__now time" aria-label="Time now">
          {clockTimeWithSeconds(now, tz)}
        </span>
      </header>
      <FormError message={error?.message} />
      <div className="clock__controls">
        {before && (
          <button type="button" className="button button--primary" onClick={start}>
            Start the meeting <kbd>Alt+S</kbd>
          </button>
        )}
        {current && (
          <button type="button" className="button button--primary" onClick={endItem}>
            End item {current.number} <kbd>Alt+E</kbd>
          </button>
        )}
        {running && !current && nextItem && (
          <button type="button" className="button button--primary" onClick={takeNext}>
            Take item {nextItem.number} <kbd>Alt+N</kbd>
          </button>
        )}
        {(running || adjourned) && (
          <button type="button" className="button" onClick={adjourn}>
            {adjourned ? 'Resume' : 'Adjourn'} <kbd>Alt+J</kbd>
          </button>
        )}
        {(running || adjourned) && (
          <button type="button" className="button" onClick={togglePrivate}>
            {privateNow ? 'Readmit press and public' : 'Exclude press and public'} <kbd>Alt+P</kbd>
          </button>
        )}
        {running && !current && (
          <button type="button" className="button" onClick={() => setConfirmClose(true)}>
            Close the meeting <kbd>Alt+C</kbd>
          </button>
        )}
      </div>
      {privateReason !== undefined && (
        <form
          className="clock__confirm"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ type: 'session.private', meetingId, reason: privateReason }).then((ok) => ok && setPrivateReason(undefined));
          }}
        >
          <div className="field">
            <label htmlFor="private-reason">Reason for excluding the press and public (recorded in the minutes)</label>
            <input id="private-reason" autoFocus value={privateReason} onChange={(e) => setPrivateReason(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              Go into private session <kbd>Enter</kbd>
            </button>
            <button type="button" className="button" onClick={() => setPrivateReason(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {confirmClose && (
        <div className="clock__confirm" role="alertdialog" aria-labelledby="close-question">
          <p id="close-question">Close the meeting now? Attendance can then only be corrected, with a reason.</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              autoFocus
              onClick={() => void send({ type: 'meeting.close', meetingId }).then(() => setConfirmClose(false))}
            >
              Close the meeting
            </button>
            <button type="button" className="button" onClick={() => setConfirmClose(false)}>
              Keep it open
            </button>
          </div>
        </div>
      )}
      <p className="clock__status" aria-live="polite">
        {meeting.status === 'closed' && meeting.closedAt && `Closed at ${formatClockTime(meeting.closedAt)}.`}
        {adjourned && `Adjourned at ${formatClockTime(meeting.adjournments[meeting.adjournments.length - 1].from)}.`}
        {privateNow && ' In private session: press and public excluded.'}
        {running && meeting.startedAt && !current && ` Started at ${formatClockTime(meeting.startedAt)}.`}
      </p>
      {current && currentProgress && (
        <div className="clock__current" data-testid="current-item">
          <p className="clock__label">Now taking</p>
          <p className="clock__title">
            {current.number}. {current.title}
          </p>
          <p className="clock__elapsed time" aria-label="Time on this item">
            {formatElapsed(itemElapsedMs(currentProgress, now.getTime()))}
            {adjourned && <span className="clock__paused"> stopped while adjourned</span>}
          </p>
        </div>
      )}
      <ol className="clock__items" aria-label="Agenda items">
        {meeting.agenda.map((item) => {
          const progress = meeting.progress[item.itemId];
          const taken = progress?.periods ?? [];
          return (
            <li key={item.itemId} className={`clock__item clock__item--${progress?.state ?? 'pending'}`}>
              <span className="clock__number">{item.number}.</span>
              <span className="clock__itemtitle">{item.title}</span>
              <span className="clock__times time">
                {taken.map((p) => `${formatClockTime(p.from)}–${p.to ? formatClockTime(p.to) : ''}`).join(', ')}
                {progress && progress.state !== 'running' && ` ${PROGRESS_LABELS[progress.state]}`}
              </span>
              {running && !current && progress?.state !== 'deferred' && progress?.state !== 'withdrawn' && (
                <button type="button" className="mini" onClick={() => void send({ type: 'item.start', meetingId, itemId: item.itemId })}>
                  Take
                </button>
              )}
              {!progress && meeting.status !== 'closed' && (
                <>
                  <button type="button" className="mini" onClick={() => void send({ type: 'item.defer', meetingId, itemId: item.itemId, reason: '' })}>
                    Defer
                  </button>
                  <button type="button" className="mini" onClick={() => void send({ type: 'item.withdraw', meetingId, itemId: item.itemId, reason: '' })}>
                    Withdrawn
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {current && <ItemNotes meeting={meeting} itemId={current.itemId} key={current.itemId} />}
      {meeting.status === 'closed' && <NotesAfterClose meeting={meeting} />}
    </section>
  );
};
