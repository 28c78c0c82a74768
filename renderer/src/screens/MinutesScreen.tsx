// The minutes of a meeting: Chamber's draft from the record, in the body's house style, with the
// clerk's edits laid over it, a paragraph at a time. The draft is written again whenever the
// meeting or its body changes, so it follows the meeting live. Export and print beside it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatLongDate, STATUS_LABELS } from '../../../shared/format';
import { draftMinutes } from '../../../shared/minutes/draft';
import type { MinutesRecord } from '../../../shared/minutes/model';
import { bodyTopic, meetingTopic } from '../../../shared/topics';
import { useChamber, useTimeZone, useTopic } from '../context';
import { useShortcut } from '../shortcuts';
import { AttentionSummary } from './minutes/AttentionSummary';
import { blockElementId } from './minutes/blockStatus';
import { ConfirmNumbers } from './minutes/ConfirmNumbers';
import { ExportPanel } from './minutes/ExportPanel';
import { MinutesEditor } from './minutes/MinutesEditor';
import './minutes/minutes.css';

export const MinutesScreen = ({ meetingId }: { meetingId: string }) => {
  const { data: meeting, missing } = useTopic(meetingTopic(meetingId));
  const { data: body } = useTopic(meeting?.bodyId ? bodyTopic(meeting.bodyId) : undefined);
  const timeZone = useTimeZone();
  const navigate = useChamber((s) => s.navigate);
  const [focusedKey, setFocusedKey] = useState<string>();
  /** The public minutes, or the confidential record of the exempt items (edited the same way). */
  const [record, setRecord] = useState<MinutesRecord>('public');
  const heading = useRef<HTMLHeadingElement>(null);

  // Written again only when the meeting or the body (a new object on each change), the time zone or the record shown changes.
  const doc = useMemo(() => (meeting ? draftMinutes(meeting, body, { timeZone, ...(record === 'confidential' ? { record } : {}) }) : undefined), [meeting, body, timeZone, record]);
  const publicDoc = useMemo(() => (record === 'public' ? doc : meeting ? draftMinutes(meeting, body, { timeZone }) : undefined), [record, doc, meeting, body, timeZone]);
  const hasExempt = meeting?.agenda.some((item) => item.kind === 'exempt') ?? false;

  useShortcut('Escape', useCallback(() => navigate({ screen: 'meeting', meetingId }), [navigate, meetingId]));

  const loaded = doc !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, meetingId]);

  // ↓ or J from outside the minutes (the heading on arrival) goes to the paragraph in focus.
  const intoMinutes = useCallback(() => {
    if (document.activeElement?.closest('.minutes-doc, .minutes__side')) return false;
    const current = document.querySelector<HTMLElement>('.mblock[tabindex="0"]');
    if (!current) return false;
    current.focus();
  }, []);
  useShortcut('ArrowDown', intoMinutes);
  useShortcut('j', intoMinutes);

  const goTo = useCallback((key: string) => {
    setFocusedKey(key);
    requestAnimationFrame(() => {
      const el = document.getElementById(blockElementId(key));
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    });
  }, []);

  if (!meeting || !doc) {
    return (
      <main className="screen">
        <p role="status">{missing ?? 'Loading the minutes…'}</p>
        <a href="#/">Back to meetings</a>
      </main>
    );
  }

  const readOnly = doc.confirmed;
  const sitting = meeting.status === 'in_progress' || meeting.status === 'adjourned';

  return (
    <main className="screen screen--wide minutes" aria-labelledby="minutes-heading">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={`#/meetings/${meetingId}`}>{meeting.title}</a> <kbd>Esc</kbd>
        {' · '}
        <a href={`#/meetings/${meetingId}/live`}>{sitting ? 'Back to the live screen' : 'The record'}</a>
      </nav>
      <header className="screen__header">
        <h1 id="minutes-heading" tabIndex={-1} ref={heading}>
          Minutes: {meeting.body}, {formatLongDate(meeting.date)}
        </h1>
        <span className={`status status--${meeting.status}`}>{STATUS_LABELS[meeting.status]}</span>
      </header>
      <div className="minutes__layout">
        <div className="minutes__main">
          {readOnly ? (
            <p className="minutes-readonly" role="note">
              These minutes’ numbers were confirmed{doc.numbers ? ` (minutes ${doc.numbers.first} to ${doc.numbers.last})` : ''}: they are read-only.
            </p>
          ) : (
            <>
              {sitting && <p className="muted minutes-live-note">The meeting is sitting: the draft follows the record as it is made.</p>}
              <AttentionSummary doc={doc} onGo={goTo} />
            </>
          )}
          {(hasExempt || record === 'confidential') && (
            <fieldset className="minutes-record">
              <legend>Show</legend>
              <label>
                <input type="radio" name="minutes-record" checked={record === 'public'} onChange={() => setRecord('public')} /> The minutes
              </label>
              <label>
                <input type="radio" name="minutes-record" checked={record === 'confidential'} onChange={() => setRecord('confidential')} /> The confidential record (exempt items)
              </label>
            </fieldset>
          )}
          <section className="panel minutes__paper" aria-label={record === 'confidential' ? 'The confidential record' : 'The minutes'}>
            <MinutesEditor doc={doc} meeting={meeting} readOnly={readOnly} focusedKey={focusedKey} onFocusKey={setFocusedKey} />
          </section>
          <footer className="shortcuts" aria-label="Keyboard shortcuts">
            <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>K</kbd>/<kbd>J</kbd> move · <kbd>Enter</kbd> edit · <kbd>Ctrl+Enter</kbd> save · <kbd>Esc</kbd> cancel ·{' '}
            <kbd>Ctrl+Shift+Enter</kbd> add a paragraph after · <kbd>Delete</kbd> strike
          </footer>
        </div>
        <aside className="minutes__side" aria-label="Minutes actions">
          <ConfirmNumbers doc={doc} meeting={meeting} />
          {body && publicDoc && <ExportPanel doc={publicDoc} meeting={meeting} body={body} timeZone={timeZone} />}
        </aside>
      </div>
    </main>
  );
};
