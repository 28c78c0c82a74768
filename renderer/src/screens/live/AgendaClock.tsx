// The agenda clock, always in view: the item being taken and its clock (stopped while adjourned),
// and the keys that move the meeting on: start, end the item, take the next, adjourn and resume,
// private session, close. Each key runs in turn, deciding from the meeting as recorded after the
// one before, so Alt+E then Alt+N at once ends the item and takes the next.
import { useCallback, useContext, useRef, useState } from 'react';
import type { Command } from '../../../../shared/commands';
import type { MeetingState } from '../../../../shared/state/meeting';
import { isPrivate, spellClock } from '../../../../shared/state/meetingLive';
import { clockTime } from '../../../../shared/time';
import { meetingTopic } from '../../../../shared/topics';
import { FormError } from '../../components/FormParts';
import { StoreContext, useTimeZone } from '../../context';
import { ElapsedTime, TimeOfDay } from '../../components/ElapsedTime';
import { useShortcut } from '../../shortcuts';
import { PrivateSessionForm } from './PrivateSessionForm';
import { useCommand } from './useCommand';

/** `exclusionReasons`: the body's own reasons for excluding the public, where its terms list them (else Schedule 12A). */
export const AgendaClock = ({ meeting, exclusionReasons }: { meeting: MeetingState; exclusionReasons?: readonly string[] }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const [excluding, setExcluding] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const meetingId = meeting.id;
  const current = meeting.agenda.find((i) => i.itemId === meeting.currentItemId);
  const currentProgress = current ? meeting.progress[current.itemId] : undefined;
  const privateNow = isPrivate(meeting);
  const before = meeting.status === 'draft' || meeting.status === 'ready';
  const running = meeting.status === 'in_progress';
  const adjourned = meeting.status === 'adjourned';
  const nextItem = meeting.agenda.find((i) => !meeting.progress[i.itemId]);

  const store = useContext(StoreContext);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const topic = meetingTopic(meetingId);
  const inTurn = useCallback(
    (decide: (m: MeetingState) => Command | undefined | 'private' | 'close') => {
      queue.current = queue.current
        .then(async () => {
          const latest = (store?.getState().topics[topic] as MeetingState | undefined) ?? meeting;
          const command = decide(latest);
          if (command === 'private') setExcluding(true);
          else if (command === 'close') setConfirmClose(true);
          else if (command && (await send(command))) await store?.getState().load(topic);
        })
        .catch(() => undefined);
    },
    [store, topic, send, meeting],
  );
  const start = useCallback(() => inTurn((m) => (m.status === 'draft' || m.status === 'ready' ? { type: 'meeting.start', meetingId } : undefined)), [inTurn, meetingId]);
  const endItem = useCallback(() => inTurn((m) => (m.currentItemId ? { type: 'item.end', meetingId, itemId: m.currentItemId } : undefined)), [inTurn, meetingId]);
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
  const close = useCallback(() => inTurn((m) => (m.status === 'in_progress' && !m.currentItemId ? 'close' : undefined)), [inTurn]);

  const live = meeting.status !== 'closed';
  useShortcut('s', start, { alt: true, enabled: live });
  useShortcut('e', endItem, { alt: true, enabled: live });
  useShortcut('n', takeNext, { alt: true, enabled: live });
  useShortcut('j', adjourn, { alt: true, enabled: live });
  useShortcut('p', togglePrivate, { alt: true, enabled: live });
  useShortcut('c', close, { alt: true, enabled: live });

  const status =
    meeting.status === 'closed' && meeting.closedAt
      ? `Closed at ${clockTime(meeting.closedAt, tz)}.`
      : adjourned
        ? `Adjourned at ${clockTime(meeting.adjournments[meeting.adjournments.length - 1].from, tz)}.`
        : running && meeting.startedAt && !current
          ? `Started at ${clockTime(meeting.startedAt, tz)}.`
          : before
            ? 'Not started.'
            : '';

  return (
    <section className="clock" aria-labelledby="clock-heading">
      <header className="clock__header">
        <h2 id="clock-heading">Agenda clock</h2>
        <p className="clock__status" aria-live="polite">
          {status}
          {privateNow && <strong className="clock__private"> Private session: press and public excluded.</strong>}
        </p>
        <span className="clock__now time" aria-label="Time now">
          <TimeOfDay timeZone={tz} seconds />
        </span>
      </header>
      {current && currentProgress ? (
        <div className="clock__current" data-testid="current-item">
          <p className="clock__title">
            <span className="clock__label">Now taking</span> {current.number}. {current.title}
          </p>
          <p className="clock__elapsed time" aria-label="Time on this item">
            <ElapsedTime {...spellClock(currentProgress.periods)} />
            {adjourned && <span className="clock__paused"> stopped while adjourned</span>}
          </p>
        </div>
      ) : (
        running && (
          <p className="clock__current clock__current--none">
            No item being taken.{nextItem ? ` Next: ${nextItem.number}. ${nextItem.title}` : ' Every item has been dealt with.'}
          </p>
        )
      )}
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
          <button type="button" className="button" onClick={close}>
            Close the meeting <kbd>Alt+C</kbd>
          </button>
        )}
      </div>
      <FormError message={error?.message} />
      {excluding && (
        <PrivateSessionForm
          reasons={exclusionReasons}
          onCancel={() => setExcluding(false)}
          onSubmit={async (reason) => {
            if (await send({ type: 'session.private', meetingId, reason })) setExcluding(false);
          }}
        />
      )}
      {confirmClose && (
        <div className="clock__confirm" role="alertdialog" aria-labelledby="close-question" onKeyDown={(e) => e.key === 'Escape' && setConfirmClose(false)}>
          <p id="close-question">Close the meeting now? After the close, every change is a correction with a reason.</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              autoFocus
              onClick={() => void send({ type: 'meeting.close', meetingId }).then(() => setConfirmClose(false))}
            >
              Close the meeting <kbd>Enter</kbd>
            </button>
            <button type="button" className="button" onClick={() => setConfirmClose(false)}>
              Keep it open <kbd>Esc</kbd>
            </button>
          </div>
        </div>
      )}
    </section>
  );
};
