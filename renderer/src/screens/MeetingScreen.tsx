// One meeting: its details, editable until it is closed.
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatLongDate, STATUS_LABELS } from '../../../shared/format';
import { MeetingForm, type MeetingDetails } from '../components/MeetingForm';
import { useChamber } from '../context';
import { useShortcut } from '../shortcuts';

export const MeetingScreen = ({ meetingId }: { meetingId: string }) => {
  const meeting = useChamber((s) => s.meetingsById[meetingId]);
  const notice = useChamber((s) => s.notice);
  const invoke = useChamber((s) => s.invoke);
  const navigate = useChamber((s) => s.navigate);
  const [editing, setEditing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const back = useCallback(() => navigate({ screen: 'meetings' }), [navigate]);
  useShortcut('Escape', back, !editing);
  useShortcut('e', useCallback(() => setEditing(true), []), !editing && meeting?.status !== 'closed');
  // Arriving at the screen, or leaving the form, puts the focus on the heading (the form focuses its own first field).
  useEffect(() => {
    if (!editing) heading.current?.focus();
  }, [meetingId, editing]);

  if (!meeting) {
    return (
      <main className="screen">
        <p role="status">{notice ?? 'Loading the meeting…'}</p>
        <a href="#/">Back to meetings</a>
      </main>
    );
  }

  const save = async (details: MeetingDetails) => {
    const outcome = await invoke({ type: 'meeting.updateDetails', meetingId, ...details });
    if (!outcome.ok) return outcome.error;
    setEditing(false);
    return undefined;
  };

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
      {editing ? (
        <section className="panel" aria-label="Edit meeting details">
          <MeetingForm initial={meeting} submitLabel="Save details" onSubmit={save} onCancel={() => setEditing(false)} />
        </section>
      ) : (
        <section className="panel" aria-label="Meeting details">
          <dl className="details">
            <dt>Body</dt>
            <dd>{meeting.body}</dd>
            <dt>Date</dt>
            <dd>{formatLongDate(meeting.date)}</dd>
            <dt>Start time</dt>
            <dd className="time">{meeting.startTime}</dd>
            <dt>Venue</dt>
            <dd>{meeting.venue || <span className="muted">Not set</span>}</dd>
          </dl>
          {meeting.status !== 'closed' && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit details <kbd>E</kbd>
            </button>
          )}
        </section>
      )}
    </main>
  );
};
