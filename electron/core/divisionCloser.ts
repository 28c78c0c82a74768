// The core closes a division's voting window by itself when its time is up, whether or not any
// screen is open: after every committed change to a meeting, and at start-up, a division open in
// a sitting meeting has a timer for its closing. When it fires, `division.close` is dispatched with
// the time the window closed (closesAt), not the time the timer fired. A division whose closing
// passed while the app was down (a crash, a power cut) is closed at once on opening, at closesAt.
// A paused division has no timer: its closing is not known until it resumes.
import type { MeetingState } from '../../shared/state/meeting';
import { closesAtMs, divisionPhase, openDivision } from '../../shared/procedure/division';
import type { Dispatcher } from './dispatcher';

export interface DivisionTimers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** Real timers that do not keep the process alive. */
export const realTimers: DivisionTimers = {
  set: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DivisionCloser {
  /** Close every division in the given meetings (default: all those with a timer or open at start) whose window ended by now, at its closing time. Returns the divisions closed. */
  closeDue(): string[];
  /** When each meeting's open division is due to close (ms since the epoch), for the timers set. */
  scheduled(): ReadonlyMap<string, number>;
  stop(): void;
}

export const startDivisionCloser = (
  dispatcher: Pick<Dispatcher, 'dispatch' | 'read' | 'subscribe'>,
  /** `liveMeetingIds`: the sitting meetings that may have a division open (read at start-up and by closeDue). */
  options: { now: () => Date; liveMeetingIds: () => string[]; timers?: DivisionTimers },
): DivisionCloser => {
  const timers = options.timers ?? realTimers;
  const pending = new Map<string, { handle: unknown; closesAt: number; divisionId: string }>();
  let stopped = false;

  const meetingOf = (meetingId: string): MeetingState | undefined => {
    const read = dispatcher.read(`meeting:${meetingId}`);
    return read.ok ? (read.data as MeetingState) : undefined;
  };

  const clear = (meetingId: string) => {
    const entry = pending.get(meetingId);
    if (entry) timers.clear(entry.handle);
    pending.delete(meetingId);
  };

  /** The open division of a sitting meeting and when it closes; undefined when there is nothing to time (none, closed meeting, paused). */
  const due = (meeting: MeetingState | undefined, nowMs: number): { divisionId: string; closesAt: number } | undefined => {
    if (!meeting || meeting.status === 'closed') return undefined;
    const division = openDivision(meeting);
    if (!division || division.closedAt !== undefined) return undefined;
    if (division.pauses.some((p) => p.to === undefined) || divisionPhase(division, nowMs) === 'paused') return undefined;
    return { divisionId: division.id, closesAt: closesAtMs(division) };
  };

  const schedule = (meetingId: string) => {
    if (stopped) return;
    const next = due(meetingOf(meetingId), options.now().getTime());
    const current = pending.get(meetingId);
    if (current && next && current.closesAt === next.closesAt && current.divisionId === next.divisionId) return;
    clear(meetingId);
    if (!next) return;
    const delay = Math.max(0, next.closesAt - options.now().getTime());
    const handle = timers.set(() => fire(meetingId), delay);
    pending.set(meetingId, { handle, ...next });
  };

  /** Close the meeting's division if its time is up; otherwise (a clock behind the timer) wait again. */
  const closeIfDue = (meetingId: string): string | undefined => {
    const nowMs = options.now().getTime();
    const next = due(meetingOf(meetingId), nowMs);
    if (!next || nowMs < next.closesAt) return undefined;
    const outcome = dispatcher.dispatch({ type: 'division.close', meetingId, divisionId: next.divisionId, time: new Date(next.closesAt).toISOString() });
    return outcome.ok ? next.divisionId : undefined;
  };

  const fire = (meetingId: string) => {
    if (stopped) return;
    pending.delete(meetingId);
    closeIfDue(meetingId);
    schedule(meetingId);
  };

  const unsubscribe = dispatcher.subscribe((update) => {
    if (update.topic.startsWith('meeting:')) schedule(update.topic.slice('meeting:'.length));
  });

  const closeDue = (): string[] => {
    const closed: string[] = [];
    for (const meetingId of new Set([...options.liveMeetingIds(), ...pending.keys()])) {
      const id = closeIfDue(meetingId);
      if (id) closed.push(id);
      schedule(meetingId);
    }
    return closed;
  };

  // At start-up: close what expired while the app was down, and time what is still open.
  closeDue();

  return {
    closeDue,
    scheduled: () => new Map([...pending].map(([meetingId, p]) => [meetingId, p.closesAt])),
    stop: () => {
      stopped = true;
      unsubscribe();
      for (const meetingId of [...pending.keys()]) clear(meetingId);
    },
  };
};
