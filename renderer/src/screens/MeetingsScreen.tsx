// The meetings list: every meeting on this laptop, the latest first; create one with N.
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { formatShortDate, localDateOf, STATUS_LABELS } from '../../../shared/format';
import { MeetingForm, type MeetingDetails } from '../components/MeetingForm';
import { useChamber, useTopic } from '../context';
import { useShortcut } from '../shortcuts';

const blankMeeting = (): MeetingDetails => ({ bodyId: '', title: '', date: localDateOf(new Date()), startTime: '10:00', venue: '' });

/** Up and Down move between the links of a list. */
export const moveFocusInList = (event: KeyboardEvent, list: HTMLElement | null) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...(list?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  links[Math.max(0, Math.min(links.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  event.preventDefault();
};

export const MeetingsScreen = () => {
  const { data: meetings } = useTopic('meetings');
  const { data: bodies } = useTopic('bodies');
  const invoke = useChamber((s) => s.invoke);
  const navigate = useChamber((s) => s.navigate);
  const [creating, setCreating] = useState(false);
  const list = useRef<HTMLUListElement>(null);

  useShortcut('n', useCallback(() => setCreating(true), []), !creating);

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
        <h1 id="meetings-heading">Meetings</h1>
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
        <ul className="meeting-list" ref={list} onKeyDown={(e) => moveFocusInList(e, list.current)} aria-label="Meetings, latest first">
          {meetings.map((m) => (
            <li key={m.id}>
              <a className="meeting-row" href={`#/meetings/${m.id}`}>
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
