// The attendance board: type part of a name, then one key for the state. Every member of the
// body in surname order, each with every stay on the record, and counts that agree with the rows
// and with the quorum (a member withdrawn from the item being taken shows as withdrawn). Voting
// members first; non-voting members (co-opted, advisers) in their own section after them, as they
// never count for the quorum. Where virtual attendance is at the Chair's discretion, the ruling
// in force, and Alt+Shift+V to record one.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { InvokeResult } from '../../../../shared/api';
import type { Command } from '../../../../shared/commands';
import { parseDateInput, parseTimeInput } from '../../../../shared/format';
import { attendanceCounts, attendanceStanding, type AttendanceStanding } from '../../../../shared/procedure/attendance';
import { deputiesOf } from '../../../../shared/procedure/deputies';
import { roleInWords, roleWordsOf } from '../../../../shared/minutes/style';
import { memberDisplayNames, type BodyState, type Member } from '../../../../shared/state/body';
import { findMembers } from '../../../../shared/state/memberSearch';
import type { MeetingState } from '../../../../shared/state/meeting';
import { isHere, type MemberAttendance } from '../../../../shared/state/meetingLive';
import { clockTime } from '../../../../shared/time';
import { useTimeZone } from '../../context';
import { useNow } from '../../hooks';
import { useCommand } from './useCommand';
import { VirtualAttendanceRuling } from './VirtualAttendanceRuling';
import { FormError } from '../../components/FormParts';

type Action = 'present' | 'virtual' | 'apologies' | 'absent' | 'left';

const ACTIONS: { action: Action; key: string; label: string; short: string }[] = [
  { action: 'present', key: '1', label: 'Present', short: 'P' },
  { action: 'virtual', key: '2', label: 'Virtual', short: 'V' },
  { action: 'apologies', key: '3', label: 'Apologies', short: 'Ap' },
  { action: 'absent', key: '4', label: 'Absent', short: 'Ab' },
  { action: 'left', key: '5', label: 'Left', short: 'L' },
];

const STATE_LABELS: Record<Action, string> = {
  present: 'Present',
  virtual: 'Virtual',
  apologies: 'Apologies',
  absent: 'Absent',
  left: 'Left',
};

/** How each standing reads, in the rows and the counts. */
export const STANDING_LABELS: Record<AttendanceStanding, string> = {
  present: 'Present',
  virtual: 'Virtual',
  withdrawn: 'Withdrawn',
  left: 'Left',
  attended: 'Attended',
  apologies: 'Apologies',
  absent: 'Absent',
  unmarked: 'Not marked',
};

/** Counts always shown, even at 0, so the clerk sees the same line throughout. */
const ALWAYS_COUNTED: readonly AttendanceStanding[] = ['present', 'apologies', 'absent'];

/** "arrived 10:42", "left 12:30", "10:00–11:15, back 11:40": every stay after the start, as recorded. */
const timeNote = (meeting: MeetingState, a: MemberAttendance | undefined, tz: string): string => {
  if (!a || a.stays.length === 0) return '';
  const started = meeting.startedAt;
  if (a.stays.length === 1) {
    const [stay] = a.stays;
    const late = started && stay.from > started;
    const closedWith = meeting.status === 'closed' && stay.to === meeting.closedAt;
    return [late ? `arrived ${clockTime(stay.from, tz)}` : '', stay.to && !closedWith ? `left ${clockTime(stay.to, tz)}` : ''].filter(Boolean).join(', ');
  }
  return a.stays.map((s, i) => `${i === 0 ? '' : 'back '}${clockTime(s.from, tz)}–${s.to ? clockTime(s.to, tz) : ''}`).join(', ');
};

/** What the record now says of a member after a command, in the words of the announcement. */
const recordedSummary = (recorded: readonly string[], name: string, action: Action, time: string | undefined): string => {
  if (recorded.length === 0) return `${name}: already ${STATE_LABELS[action].toLowerCase()}; nothing changed.`;
  if (recorded.includes('attendance.corrected')) return `${name}: arrival corrected to ${time}.`;
  const when = time ? ` at ${time}` : '';
  const quorum = recorded.includes('quorum.lost') ? ' The meeting is now inquorate.' : recorded.includes('quorum.regained') ? ' The meeting is quorate again.' : '';
  return `${name}: ${STATE_LABELS[action].toLowerCase()}${when}.${quorum}`;
};

/** The time field, its placeholder the time now (renewed each minute by itself, not by the board). */
const TimeField = ({ timeZone, value, onChange }: { timeZone: string; value: string; onChange(value: string): void }) => {
  const now = useNow(15_000);
  return (
    <input id="attendance-time" type="text" inputMode="numeric" autoComplete="off" placeholder={`now ${clockTime(now, timeZone)}`} value={value} onChange={(e) => onChange(e.target.value)} />
  );
};
TimeField.displayName = 'TimeField';

export const AttendanceBoard = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { run, error } = useCommand();
  const tz = useTimeZone();
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [timeText, setTimeText] = useState('');
  const [announcement, setAnnouncement] = useState('');
  /** An alternate's mark waiting for the date notice was received. */
  const [pending, setPending] = useState<{ member: Member; action: Action }>();
  const [noticeDate, setNoticeDate] = useState('');
  const search = useRef<HTMLInputElement>(null);
  /** Marks are sent one after another, in the order of the keys (present, then left, stays so). */
  const marks = useRef<Promise<unknown>>(Promise.resolve());
  /** Counts what the clerk types in the search and time boxes: has anything been typed since a mark? */
  const typing = useRef(0);
  const closed = meeting.status === 'closed';

  // Current members, and any former member with attendance at this meeting; in surname order.
  const members = useMemo(() => body.members.filter((m) => m.active || meeting.attendance[m.id]), [body.members, meeting.attendance]);
  const names = useMemo(() => memberDisplayNames(body.members), [body.members]);
  // Voting members, then non-voting ones: the order the rows are shown and the arrow keys move in.
  const matches = useMemo(() => {
    const found = findMembers(members, names, query.trim());
    return [...found.filter((m) => m.voting), ...found.filter((m) => !m.voting)];
  }, [members, names, query]);
  const currentNumber = meeting.agenda.find((i) => i.itemId === meeting.currentItemId)?.number;
  const selected = query ? matches[Math.min(highlight, matches.length - 1)] : undefined;
  const counts = attendanceCounts(meeting, body);

  /**
   * Where the body takes alternates only with notice, an alternate first recorded in a member's
   * place at this meeting needs the date notice was received: the mark waits for it.
   */
  const deputies = deputiesOf(body.standingOrders);
  const needsNotice = (member: Member, action: Action): boolean =>
    deputies.kind === 'alternates' &&
    member.substituteFor !== undefined &&
    (action === 'present' || action === 'virtual') &&
    meeting.attendance[member.id]?.inPlaceOf !== member.substituteFor;

  const mark = async (member: Member, action: Action, notice?: { received?: string }) => {
    if (!notice && needsNotice(member, action)) {
      setPending({ member, action });
      setNoticeDate('');
      return;
    }
    setPending(undefined);
    // A typed time is sent as it was typed (24-hour, local): the core places it on the day the meeting is sitting.
    const time = timeText.trim() ? parseTimeInput(timeText) : undefined;
    if (timeText.trim() && !time) {
      setAnnouncement('The time must be written like 10:42.');
      return;
    }
    // The key ends this search at once: what the clerk types while the mark is being saved is the
    // next name, and is kept (clearing the box when the reply came wiped it).
    const before = { query, highlight, timeText, typing: typing.current };
    setQuery('');
    setHighlight(0);
    setTimeText('');
    const command: Command =
      action === 'left'
        ? { type: 'attendance.depart', meetingId: meeting.id, memberId: member.id, ...(time ? { time } : {}) }
        : {
            type: 'attendance.mark',
            meetingId: meeting.id,
            memberId: member.id,
            state: action,
            ...(time ? { time } : {}),
            // A committee substitute present stands in for the member named in the membership.
            ...(member.substituteFor && (action === 'present' || action === 'virtual') ? { inPlaceOf: member.substituteFor } : {}),
            ...(notice?.received ? { noticeReceived: notice.received } : {}),
          };
    const sent: Promise<InvokeResult> = marks.current.then(() => run(command));
    marks.current = sent.then((o) => o.ok).catch(() => false);
    const outcome = await sent;
    if (outcome.ok) {
      setAnnouncement(recordedSummary(outcome.result.recorded, names[member.id], action, time));
      search.current?.focus();
    } else {
      setAnnouncement(`${names[member.id]}: not recorded.`);
      // Nothing typed since: the search comes back as it was, to correct and try again.
      if (typing.current === before.typing) {
        setQuery(before.query);
        setHighlight(before.highlight);
        setTimeText(before.timeText);
      }
    }
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const action = ACTIONS.find((a) => a.key === event.key)?.action ?? (event.key === 'Enter' ? 'present' : undefined);
    if (action && selected) {
      event.preventDefault();
      void mark(selected, action);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight((h) => Math.max(0, Math.min(matches.length - 1, h + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Escape' && (query || timeText)) {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
      setTimeText('');
    }
  };

  const shown = (Object.keys(STANDING_LABELS) as AttendanceStanding[]).filter((k) => k !== 'unmarked' && (counts.total[k] > 0 || ALWAYS_COUNTED.includes(k)));
  const roleWords = roleWordsOf(body);
  const voting = matches.filter((m) => m.voting);
  const nonVoting = matches.filter((m) => !m.voting);

  const row = (member: Member) => {
    const a = meeting.attendance[member.id];
    const standing = attendanceStanding(meeting, member.id);
    const note = timeNote(meeting, a, tz);
    const label = standing === 'withdrawn' && currentNumber ? `Withdrawn from item ${currentNumber}` : STANDING_LABELS[standing];
    return (
      <tr key={member.id} className={member === selected ? 'is-selected' : undefined} aria-selected={member === selected}>
        <th scope="row">
          {names[member.id]}
          {member.roles.length > 0 && <span className="muted"> ({member.roles.map((role) => roleInWords(role, roleWords)).join(', ')})</span>}
          {a?.inPlaceOf && <span className="muted"> for {names[a.inPlaceOf]}</span>}
        </th>
        <td>{member.group}</td>
        <td>
          <span className={`pill pill--${standing}`}>{label}</span>
          {note && <span className="muted attendance__note"> {note}</span>}
        </td>
        {!closed && (
          <td className="attendance__actions">
            {ACTIONS.map(({ action, label: actionLabel, short }) => (
              <button
                key={action}
                type="button"
                className="mini"
                title={`${actionLabel}: ${names[member.id]}`}
                aria-pressed={standing === action}
                disabled={action === 'left' && !isHere(a)}
                onClick={() => void mark(member, action)}
              >
                {short}
                <span className="visually-hidden">
                  {' '}
                  {actionLabel}: {names[member.id]}
                </span>
              </button>
            ))}
          </td>
        )}
      </tr>
    );
  };

  return (
    <section className="panel attendance" aria-labelledby="attendance-heading">
      <header className="attendance__header">
        <h2 id="attendance-heading">Attendance</h2>
        <p className="attendance__counts" data-testid="attendance-counts">
          {shown.map((k) => (
            <span key={k} className={`count count--${k}`}>
              {STANDING_LABELS[k]} {counts.total[k]}
            </span>
          ))}
          {counts.total.unmarked > 0 && <span className="count count--unmarked">Not marked {counts.total.unmarked}</span>}
        </p>
      </header>
      <VirtualAttendanceRuling meeting={meeting} body={body} />
      {!closed && (
        <div className="attendance__find">
          <div className="field attendance__search">
            <label htmlFor="attendance-search">
              Find member <kbd>/</kbd>
            </label>
            <input
              id="attendance-search"
              ref={search}
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={query}
              placeholder="Type part of a name"
              aria-describedby="attendance-keys"
              aria-controls="attendance-list"
              onChange={(e) => {
                typing.current += 1;
                setQuery(e.target.value);
                setHighlight(0);
              }}
              onKeyDown={onSearchKey}
            />
          </div>
          <div className="field attendance__time">
            <label htmlFor="attendance-time">Time</label>
            <TimeField
              timeZone={tz}
              value={timeText}
              onChange={(value) => {
                typing.current += 1;
                setTimeText(value);
              }}
            />
          </div>
        </div>
      )}
      {pending && !closed && (
        <form
          className="attendance__notice"
          aria-label="Notice of an alternate"
          onSubmit={(e) => {
            e.preventDefault();
            // A date as the clerk types it (22/10/2015, 22 Oct 2015); left empty, the core says notice is needed.
            const received = noticeDate.trim() ? parseDateInput(noticeDate) : undefined;
            if (noticeDate.trim() && !received) {
              setAnnouncement('The date notice was received must be written like 02/12/2026.');
              return;
            }
            void mark(pending.member, pending.action, { received });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setPending(undefined);
              search.current?.focus();
            }
          }}
        >
          <div className="field">
            <label htmlFor="alternate-notice">
              Notice that {names[pending.member.id]} attends for {pending.member.substituteFor ? names[pending.member.substituteFor] : 'a member'} received on
            </label>
            <input
              id="alternate-notice"
              type="text"
              autoFocus
              autoComplete="off"
              placeholder="dd/mm/yyyy"
              value={noticeDate}
              onChange={(e) => setNoticeDate(e.target.value)}
              aria-describedby="alternate-notice-hint"
            />
          </div>
          <button type="submit" className="button button--primary button--small">
            Record <kbd>Enter</kbd>
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setPending(undefined);
              search.current?.focus();
            }}
          >
            Cancel <kbd>Esc</kbd>
          </button>
          <p className="field__hint" id="alternate-notice-hint">
            {deputies.kind === 'alternates' &&
              `By its terms, an alternate attends only with notice at least ${deputies.noticeWorkingDays} working day${deputies.noticeWorkingDays === 1 ? '' : 's'} before the meeting (Monday to Friday).`}
          </p>
        </form>
      )}
      <p className="attendance__announce" aria-live="polite" data-testid="attendance-announce">
        {/* After the close, the last mark's news is old: nothing is said. */}
        {closed ? '' : announcement}
      </p>
      <FormError message={error?.message} />
      <div className="attendance__list" id="attendance-list" role="region" aria-label="Members" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Group</th>
              <th scope="col">Attendance</th>
              {!closed && <th scope="col">Mark</th>}
            </tr>
          </thead>
          <tbody data-testid="attendance-rows">{voting.map(row)}</tbody>
          {nonVoting.length > 0 && (
            <tbody data-testid="attendance-rows-non-voting" aria-labelledby="attendance-non-voting">
              <tr className="attendance__section">
                <th scope="colgroup" colSpan={closed ? 3 : 4} id="attendance-non-voting">
                  Non-voting members
                </th>
              </tr>
              {nonVoting.map(row)}
            </tbody>
          )}
        </table>
        {matches.length === 0 && <p className="muted">No member matches “{query}”.</p>}
        <details className="attendance__groups">
          <summary>By group</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Group</th>
                {shown.map((k) => (
                  <th scope="col" key={k}>
                    {STANDING_LABELS[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.entries(counts.byGroup).map(([group, c]) => (
                <tr key={group}>
                  <th scope="row">{group}</th>
                  {shown.map((k) => (
                    <td key={k}>{c[k]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
      {!closed && (
        <p id="attendance-keys" className="attendance__keys">
          <kbd>↑</kbd>
          <kbd>↓</kbd> choose · <kbd>Enter</kbd>/<kbd>1</kbd> present · <kbd>2</kbd> virtual · <kbd>3</kbd> apologies · <kbd>4</kbd> absent · <kbd>5</kbd> left · <kbd>Esc</kbd> clear
        </p>
      )}
    </section>
  );
};
