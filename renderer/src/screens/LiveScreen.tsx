// The clerk's main screen during a meeting: attendance, quorum, the agenda clock, declarations,
// the chair. Everything shown is the record; reopening Chamber brings the clerk back here.
import { useCallback } from 'react';
import { formatLongDate, STATUS_LABELS } from '../../../shared/format';
import { bodyTopic, meetingTopic } from '../../../shared/topics';
import { useChamber, useTopic } from '../context';
import { useShortcut } from '../shortcuts';
import { AgendaClock } from './live/AgendaClock';
import { AlsoPresentPanel } from './live/AlsoPresentPanel';
import { AttendanceCorrection } from './live/AttendanceCorrection';
import { AttendanceBoard } from './live/AttendanceBoard';
import { ChairPanel } from './live/ChairPanel';
import { DeclarationsPanel } from './live/DeclarationsPanel';
import { QuorumIndicator } from './live/QuorumIndicator';
import './live/live.css';

declare global {
  interface Window {
    /** Desktop-only abilities of the Electron shell; absent in browser mode. */
    chamberShell?: { openDisplay(meetingId: string): void };
  }
}

export const openChamberDisplay = (meetingId: string): void => {
  if (window.chamberShell) window.chamberShell.openDisplay(meetingId);
  else window.open(`#/display/${meetingId}`, 'chamber-display', 'noopener');
};

export const LiveScreen = ({ meetingId }: { meetingId: string }) => {
  const { data: meeting, missing } = useTopic(meetingTopic(meetingId));
  const { data: body } = useTopic(meeting?.bodyId ? bodyTopic(meeting.bodyId) : undefined);
  const navigate = useChamber((s) => s.navigate);

  useShortcut('/', useCallback(() => document.getElementById('attendance-search')?.focus(), []));
  useShortcut('d', useCallback(() => openChamberDisplay(meetingId), [meetingId]), { alt: true });
  useShortcut('Escape', useCallback(() => navigate({ screen: 'meeting', meetingId }), [navigate, meetingId]));

  if (!meeting || !body) {
    return (
      <main className="screen">
        <p role="status">{missing ?? 'Loading the meeting…'}</p>
      </main>
    );
  }

  return (
    <main className="screen screen--wide live" aria-labelledby="live-heading">
      <header className="live__header">
        <div>
          <nav className="breadcrumb" aria-label="Breadcrumb">
            <a href={`#/meetings/${meetingId}`}>{meeting.title}</a> <kbd>Esc</kbd>
          </nav>
          <h1 id="live-heading">
            {meeting.body}: {formatLongDate(meeting.date)}
          </h1>
        </div>
        <span className={`status status--${meeting.status}`}>{STATUS_LABELS[meeting.status]}</span>
        <QuorumIndicator meeting={meeting} body={body} />
        <button type="button" className="button" onClick={() => openChamberDisplay(meetingId)}>
          Chamber display <kbd>Alt+D</kbd>
        </button>
      </header>
      <div className="live__grid">
        <AttendanceBoard meeting={meeting} body={body} />
        <div className="live__side">
          <AgendaClock meeting={meeting} />
          {meeting.status === 'closed' && <AttendanceCorrection meeting={meeting} body={body} />}
          {(meeting.status === 'in_progress' || meeting.status === 'adjourned') && (
            <details className="panel">
              <summary>Correct a time recorded wrongly</summary>
              <AttendanceCorrection meeting={meeting} body={body} />
            </details>
          )}
          <ChairPanel meeting={meeting} body={body} />
          <DeclarationsPanel meeting={meeting} body={body} />
          <AlsoPresentPanel meeting={meeting} body={body} />
        </div>
      </div>
    </main>
  );
};
