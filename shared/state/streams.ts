// The kinds of stream in the log and how each turns events into state. One place, used by the
// core (dispatch, rebuild, verify) and by screens applying pushed changes.
import type { RecordedEvent } from '../events';
import { bodyChanges, bodyShape, type BodyState } from './body';
import { meetingChanges, meetingShape, type MeetingState } from './meeting';
import { Draft, type Change, type Shape } from './parts';
import { settingsChanges, settingsShape, type SettingsState } from './settings';

export interface StreamKind<S extends object> {
  shape: Shape;
  /** What an event changes; the stream's `seq` (and a meeting's `updatedAt`) are stamped on top. */
  changes(state: S | undefined, event: RecordedEvent): Change[];
  stamp(event: RecordedEvent): Record<string, unknown>;
}

const meetingKind: StreamKind<MeetingState> = {
  shape: meetingShape,
  changes: meetingChanges,
  stamp: (e) => ({ seq: e.seq, updatedAt: e.at }),
};
const bodyKind: StreamKind<BodyState> = { shape: bodyShape, changes: bodyChanges, stamp: (e) => ({ seq: e.seq }) };
const settingsKind: StreamKind<SettingsState> = { shape: settingsShape, changes: settingsChanges, stamp: (e) => ({ seq: e.seq }) };

const kinds: Record<string, StreamKind<object>> = {
  meeting: meetingKind as StreamKind<object>,
  body: bodyKind as StreamKind<object>,
  settings: settingsKind as StreamKind<object>,
};

export const streamKindName = (stream: string): string => stream.slice(0, Math.max(0, stream.indexOf(':')));

/** The kind of a stream ("meeting:<id>" is a meeting); undefined for a stream nobody knows. */
export const streamKind = (stream: string): StreamKind<object> | undefined => kinds[streamKindName(stream)];

/** The changes one event makes, with the stamp, or none if the stream does not exist yet and the event does not create it. */
export const eventChanges = (kind: StreamKind<object>, state: object | undefined, event: RecordedEvent): Change[] => {
  const changes = kind.changes(state, event);
  if (!state && changes.length === 0) return [];
  return [...changes, { op: 'head', fields: kind.stamp(event) }];
};

/** A stream's state from its whole history (replay). */
export const replayStream = <S extends object>(stream: string, events: readonly RecordedEvent[]): S | undefined => {
  const kind = streamKind(stream);
  if (!kind) throw new Error(`no state is kept for stream ${stream}`);
  let draft: Draft<object> | undefined;
  for (const event of events) {
    const changes = eventChanges(kind, draft?.state, event);
    if (changes.length === 0) continue;
    draft ??= new Draft<object>(undefined, kind.shape);
    draft.apply(changes);
  }
  return draft?.state as S | undefined;
};
