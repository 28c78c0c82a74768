// The meetings list: every meeting on this laptop, the latest first; ↑/↓ move, Enter opens, N creates.
import { useCallback, useContext, useLayoutEffect, useRef, useState } from 'react';
import { formatShortDate, localDateOf, STATUS_LABELS } from '../../../shared/format';
import type { MeetingSummary } from '../../../shared/state/meeting';
import { MeetingForm, type MeetingDetails } from '../components/MeetingForm';
import { StoreContext, useChamber, useTopic } from '../context';
import { useShortcut } from '../shortcuts';

const blankMeeting = (): MeetingDetails => ({ bodyId: '', title: '', date: localDateOf(new Date()), startTime: '10:00', venue: '' });

export const MeetingsScreen = () => {
  const { data: meetings } = useTopic('meetings');
  const { data: bodies } = useTopic('bodies');
  const invoke = useChamber((s) => s.invoke);
  const navigate = useChamber((s) => s.navigate);
  const store = useContext(StoreContext);
  const [creating, setCreating] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /**
   * What the keys act on: the meeting the last key chose, and whether the focus is still on its
   * way there (its row not drawn yet). Both change the moment a key is handled, so keys handled
   * before the list re-renders each start from where the one before left, never from a render.
   */
  const chosen = useRef<string | undefined>(undefined);
  const focusPending = useRef(false);
  /** Keys pressed before the list first arrived, run in order once it has. */
  const waiting = useRef<(() => void)[]>([]);

  useShortcut('n', useCallback(() => setCreating(true), []), !creating);

  // Arriving, or leaving the new-meeting form, puts the focus on the heading, in the same paint.
  useLayoutEffect(() => {
    if (!creating) heading.current?.focus();
  }, [creating]);

  /** The list as the core last sent it, which may be ahead of the last render. */
  const latest = useCallback(() => store?.getState().topics.meetings as MeetingSummary[] | undefined, [store]);

  /** The meeting the keys are on now, or undefined when the focus is not in the list. */
  const current = useCallback((): string | undefined => {
    if (focusPending.current) return chosen.current;
    const active = document.activeElement;
    return active instanceof HTMLElement && list.current?.contains(active) ? active.dataset.meetingId : undefined;
  }, []);

  /** Focuses the chosen meeting's row, or once it is drawn (the layout effect below). */
  const focusChosen = useCallback(() => {
    const rows = [...(list.current?.querySelectorAll<HTMLAnchorElement>('a[data-meeting-id]') ?? [])];
    const row = rows.find((a) => a.dataset.meetingId === chosen.current);
    focusPending.current = row === undefined;
    row?.focus();
  }, []);

  // Each render of a new list: the focus lands on the row chosen, then keys that waited for the list run.
  useLayoutEffect(() => {
    if (meetings === undefined) return;
    if (focusPending.current) focusChosen();
    for (const key of waiting.current.splice(0)) key();
  }, [meetings, focusChosen]);

  /** ↓/↑: from outside the list, to the latest meeting; in it, one row, stopping at either end. */
  const step = useCallback(
    (delta: number) => {
      const apply = () => {
        const items = latest() ?? [];
        if (items.length === 0) return;
        const index = items.findIndex((m) => m.id === current());
        const next = index < 0 ? 0 : Math.max(0, Math.min(items.length - 1, index + delta));
        chosen.current = items[next].id;
        focusChosen();
      };
      if (latest() === undefined) waiting.current.push(apply);
      else apply();
    },
    [latest, current, focusChosen],
  );
  useShortcut('ArrowDown', useCallback(() => step(1), [step]), !creating);
  useShortcut('ArrowUp', useCallback(() => step(-1), [step]), !creating);

  /** Enter opens the meeting the keys are on, even one whose row is not focused yet; elsewhere Enter does what it does. */
  const open = useCallback((): false | void => {
    const go = () => {
      const meetingId = current();
      if (meetingId !== undefined) navigate({ screen: 'meeting', meetingId });
    };
    if (latest() === undefined && waiting.current.length > 0) {
      waiting.current.push(go);
      return;
    }
    if (current() === undefined) return false;
    go();
  }, [latest, current, navigate]);
  useShortcut('Enter', open, !creating);

  const create = async (details: MeetingDetails) => {
    const outcome = await invoke({ type: 'meeting.create', ...details });
    if (!outcome.ok) return outcome.error;
    setCreating(false);
    navigate({ screen: 'meeting', meetingId: outcome.result.ids.meetingId });
    return undefined;
  };

  return (
    <main className="screen" aria-labelledby="meetings-heading">
      <header className="screen__header">
        <h1 id="meetings-heading" tabIndex={-1} ref={heading}>
          Meetings
        </h1>
        {!creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New meeting <kbd>N</kbd>
          </button>
        )}
      </header>
      {creating && (
        <section className="panel" aria-labelledby="new-meeting-heading">
          <h2 id="new-meeting-heading">New meeting</h2>
          {bodies && bodies.length === 0 ? (
            <p>
              A meeting belongs to a body (the council, a committee or a panel). <a href="#/bodies">Create the body first</a>{' '}
              <kbd>Alt+B</kbd>.
            </p>
          ) : bodies ? (
            <MeetingForm initial={blankMeeting()} bodies={bodies} submitLabel="Create meeting" onSubmit={create} onCancel={() => setCreating(false)} />
          ) : null}
        </section>
      )}
      {meetings === undefined ? (
        <p aria-live="polite">Loading meetings…</p>
      ) : meetings.length === 0 ? (
        <p className="empty">No meetings yet. Press N to create the first one.</p>
      ) : (
        <ul className="meeting-list" ref={list} aria-label="Meetings, latest first">
          {meetings.map((m) => (
            <li key={m.id}>
              <a className="meeting-row" href={`#/meetings/${m.id}`} data-meeting-id={m.id}>
                <span className="meeting-row__when">
                  {formatShortDate(m.date)} <span className="time">{m.startTime}</span>
                </span>
                <span className="meeting-row__what">
                  <strong>{m.title}</strong>
                  <span className="muted">
                    {m.body}
                    {m.venue ? ` · ${m.venue}` : ''}
                  </span>
                </span>
                <span className={`status status--${m.status}`}>{STATUS_LABELS[m.status]}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <footer className="shortcuts" aria-label="Keyboard shortcuts">
        <kbd>N</kbd> new meeting · <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Alt+B</kbd> bodies and members
      </footer>
    </main>
  );
};
