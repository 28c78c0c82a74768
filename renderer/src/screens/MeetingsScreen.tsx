// The meetings list: every meeting on this laptop, the next first; create one with N.
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { formatShortDate, localDateOf, STATUS_LABELS } from '../../../shared/format';
import { MeetingForm, type MeetingDetails } from '../components/MeetingForm';
import { useChamber } from '../context';
import { useShortcut } from '../shortcuts';

const blankMeeting = (): MeetingDetails => ({ body: '', title: '', date: localDateOf(new Date()), startTime: '10:00', venue: '' });

export const MeetingsScreen = () => {
  const meetings = useChamber((s) => s.meetings);
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

  const moveFocus = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[Math.max(0, Math.min(links.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
    event.preventDefault();
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
          <MeetingForm initial={blankMeeting()} submitLabel="Create meeting" onSubmit={create} onCancel={() => setCreating(false)} />
        </section>
      )}
      {meetings === undefined ? (
        <p aria-live="polite">Loading meetings…</p>
      ) : meetings.length === 0 ? (
        <p className="empty">No meetings yet. Press N to create the first one.</p>
      ) : (
        <ul className="meeting-list" ref={list} onKeyDown={moveFocus} aria-label="Meetings, newest first">
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
        <kbd>N</kbd> new meeting · <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> open
      </footer>
    </main>
  );
};
