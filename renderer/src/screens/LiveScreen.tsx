// The clerk's screen for the whole meeting, designed for a 1366×768 laptop first: the attendance
// board on the left (25 members and more in view), the agenda clock and the item being taken always
// in view on the right, and everything else one key away in the panels beneath it (Alt+A agenda,
// Alt+F debate, Alt+U division, Alt+I interests, Alt+H chair, Alt+O in attendance, Alt+R corrections, Alt+L members' devices; Alt+D opens
// the chamber display and Alt+W the chairman's view; Alt+Shift+V records the Chair's ruling on
// virtual attendance, where the body leaves it to the Chair). Nothing scrolls but the
// lists themselves. While the meeting runs, Esc never leaves: it clears a search or closes a form.
import { roleWordsOf } from '../../../shared/minutes/style';
import { useCallback, useState } from 'react';
import { formatLongDate, STATUS_LABELS } from '../../../shared/format';
import { substantiveMotion } from '../../../shared/procedure/debate';
import { bodyTopic, meetingTopic } from '../../../shared/topics';
import { useChamber, useTopic } from '../context';
import { useShortcut } from '../shortcuts';
import { AgendaClock } from './live/AgendaClock';
import { AgendaList } from './live/AgendaList';
import { AlsoPresentPanel } from './live/AlsoPresentPanel';
import { AttendanceBoard } from './live/AttendanceBoard';
import { AttendanceCorrection } from './live/AttendanceCorrection';
import { ChairPanel } from './live/ChairPanel';
import { DebatePanel } from './live/DebatePanel';
import { DeclarationsPanel } from './live/DeclarationsPanel';
import { DivisionPanel } from './live/DivisionPanel';
import { LiveTabs, type LiveTab } from './live/LiveTabs';
import { MemberDevicesPanel } from './live/MemberDevicesPanel';
import { meetingQuorum } from '../../../shared/procedure/attendance';
import { QuorumIndicator, QuorumMissing } from './live/QuorumIndicator';
import './live/live.css';

declare global {
  interface Window {
    /** Desktop-only abilities of the Electron shell; absent in browser mode. */
    chamberShell?: { openDisplay(meetingId: string): void; openChairman?(meetingId: string): void };
  }
}

export const openChamberDisplay = (meetingId: string): void => {
  if (window.chamberShell) window.chamberShell.openDisplay(meetingId);
  else window.open(`#/display/${meetingId}`, 'chamber-display', 'noopener');
};

/** The chairman's view: its own window in Electron, a page beside the clerk's in browser mode. */
export const openChairmansView = (meetingId: string): void => {
  if (window.chamberShell?.openChairman) window.chamberShell.openChairman(meetingId);
  else window.open(`#/chair/${meetingId}`, 'chamber-chairman');
};

export const LiveScreen = ({ meetingId }: { meetingId: string }) => {
  const { data: meeting, missing } = useTopic(meetingTopic(meetingId));
  const { data: body } = useTopic(meeting?.bodyId ? bodyTopic(meeting.bodyId) : undefined);
  const navigate = useChamber((s) => s.navigate);
  const [tab, setTab] = useState('agenda');
  const sitting = meeting?.status === 'in_progress' || meeting?.status === 'adjourned';

  useShortcut('/', useCallback(() => document.getElementById('attendance-search')?.focus(), []));
  useShortcut('t', useCallback(() => {
    setTab('agenda');
    requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('.agenda-live textarea')?.focus());
  }, []), { alt: true });
  useShortcut('d', useCallback(() => openChamberDisplay(meetingId), [meetingId]), { alt: true });
  useShortcut('w', useCallback(() => openChairmansView(meetingId), [meetingId]), { alt: true });
  // Every Alt+letter is taken on this screen: the minutes are Alt+Shift+M (and the Chair's ruling
  // on virtual attendance Alt+Shift+V, in the attendance board).
  useShortcut('m', useCallback(() => navigate({ screen: 'minutes', meetingId }), [navigate, meetingId]), { alt: true, shift: true });
  // Esc leaves for the meeting's page only when the meeting is not sitting; while it sits, Esc
  // takes the focus back to the attendance search (fields and forms clear themselves first).
  useShortcut(
    'Escape',
    useCallback(() => {
      if (sitting) document.getElementById('attendance-search')?.focus();
      else navigate({ screen: 'meeting', meetingId });
    }, [sitting, navigate, meetingId]),
  );

  if (!meeting || !body) {
    return (
      <main className="screen">
        <p role="status">{missing ?? 'Loading the meeting…'}</p>
      </main>
    );
  }

  // Reckoned once a render, for the indicator and the line of what its conditions find missing.
  const quorum = meetingQuorum(meeting, body);
  const debating = meeting.currentItemId !== undefined && substantiveMotion(meeting, meeting.currentItemId) !== undefined;
  const tabs: LiveTab[] = [
    { id: 'agenda', label: 'Agenda', key: 'a', content: <AgendaList meeting={meeting} />, focus: 'agenda-live-list' },
    // Debate: to the motion's words when none is before the meeting yet, else to the speakers' list.
    {
      id: 'debate',
      label: 'Debate',
      key: 'f',
      content: <DebatePanel meeting={meeting} body={body} onDivision={() => setTab('division')} />,
      focus: debating ? 'debate-speaker' : 'motion-wording',
      // Alt+Q: a point of order, a personal explanation or an officer's advice; Alt+V: what happens to the motion.
      also: [
        { key: 'q', focus: 'interruption-kind' },
        { key: 'v', focus: 'motion-action' },
      ],
    },
    // Division: the grid's search while one is being taken, else the button that calls one.
    { id: 'division', label: 'Division', key: 'u', content: <DivisionPanel meeting={meeting} body={body} />, focus: meeting.openDivisionId ? 'division-search' : 'division-call' },
    { id: 'interests', label: 'Interests', key: 'i', content: <DeclarationsPanel meeting={meeting} body={body} />, focus: 'declaration-member' },
    { id: 'chair', label: 'Chair', key: 'h', content: <ChairPanel meeting={meeting} body={body} />, focus: 'chair-member' },
    { id: 'attendance', label: 'Officers', key: 'o', content: <AlsoPresentPanel meeting={meeting} body={body} /> },
    { id: 'corrections', label: 'Corrections', key: 'r', content: <AttendanceCorrection meeting={meeting} body={body} />, focus: 'correct-member' },
    { id: 'devices', label: 'Members’ devices', key: 'l', content: <MemberDevicesPanel meeting={meeting} body={body} />, focus: meeting.memberVoting ? 'device-member' : 'devices-voting' },
  ];

  return (
    <main className="live" aria-labelledby="live-heading">
      <div className="live__top">
      <header className="live__header">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <a href={`#/meetings/${meetingId}`}>{meeting.title}</a>
          {!sitting && <kbd>Esc</kbd>}
          {' · '}
          <a href={`#/minutes/${meetingId}`} aria-keyshortcuts="Alt+Shift+M" title="Minutes (Alt+Shift+M)">
            Minutes
          </a>
        </nav>
        <h1 id="live-heading">
          {meeting.body}: {formatLongDate(meeting.date)}
        </h1>
        <span className={`status status--${meeting.status}`}>{STATUS_LABELS[meeting.status]}</span>
        <QuorumIndicator meeting={meeting} quorum={quorum} />
        <button type="button" className="button button--small" onClick={() => openChamberDisplay(meetingId)}>
          Chamber display <kbd>Alt+D</kbd>
        </button>
        <button type="button" className="button button--small" onClick={() => openChairmansView(meetingId)}>
          {roleWordsOf(body).chair}&rsquo;s view <kbd>Alt+W</kbd>
        </button>
      </header>
      <QuorumMissing meeting={meeting} quorum={quorum} />
      </div>
      <div className="live__body">
        <AttendanceBoard meeting={meeting} body={body} />
        <div className="live__side">
          <AgendaClock meeting={meeting} exclusionReasons={body.standingOrders.exclusionReasons} />
          <LiveTabs tabs={tabs} selected={tab} onSelect={setTab} />
        </div>
      </div>
    </main>
  );
};
