// The clerk's notes on the item being taken: saved a moment after they stop typing, and when they
// leave the item, so nothing typed is lost. After the meeting closes, notes change only by a
// correction with its reason.
import { useEffect, useRef, useState } from 'react';
import type { MeetingState } from '../../../../shared/state/meeting';
import { clockTimeWithSeconds } from '../../../../shared/time';
import { useTimeZone } from '../../context';
import { FormError } from '../../components/FormParts';
import { useCommand } from './useCommand';

const SAVE_AFTER_MS = 800;

export const ItemNotes = ({ meeting, itemId }: { meeting: MeetingState; itemId: string }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const [text, setText] = useState(meeting.notes[itemId] ?? '');
  const [saved, setSaved] = useState<string>();
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string }>(undefined);

  const save = (value: string) => {
    void send({ type: 'item.note', meetingId: meeting.id, itemId, text: value }).then((ok) => ok && setSaved(clockTimeWithSeconds(new Date(), tz)));
  };
  const flush = () => {
    if (!pending.current) return;
    clearTimeout(pending.current.timer);
    save(pending.current.text);
    pending.current = undefined;
  };
  useEffect(() => () => flush(), []); // eslint-disable-line react-hooks/exhaustive-deps -- save what is pending when the item changes

  return (
    <div className="field notes">
      <label htmlFor={`notes-${itemId}`}>Notes on this item</label>
      <textarea
        id={`notes-${itemId}`}
        rows={5}
        value={text}
        onBlur={flush}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          if (pending.current) clearTimeout(pending.current.timer);
          pending.current = { text: value, timer: setTimeout(flush, SAVE_AFTER_MS) };
        }}
      />
      <p className="field__hint" aria-live="polite">
        {error ? error.message : saved ? `Saved at ${saved}` : 'Saved as you type.'}
      </p>
    </div>
  );
};

/** After the close: each item's notes as recorded, and a correction (new text and why) for any of them. */
export const NotesAfterClose = ({ meeting }: { meeting: MeetingState }) => {
  const { send, error } = useCommand();
  const [editing, setEditing] = useState<{ itemId: string; text: string; reason: string }>();
  const items = meeting.agenda.filter((i) => meeting.notes[i.itemId] !== undefined || meeting.progress[i.itemId]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="closed-notes-heading" className="closed-notes">
      <h3 id="closed-notes-heading">Notes</h3>
      {items.map((item) =>
        editing?.itemId === item.itemId ? (
          <form
            key={item.itemId}
            className="clock__confirm"
            onSubmit={(e) => {
              e.preventDefault();
              void send({
                type: 'correction.record',
                meetingId: meeting.id,
                reason: editing.reason,
                change: { type: 'item.note', meetingId: meeting.id, itemId: item.itemId, text: editing.text },
              }).then((ok) => ok && setEditing(undefined));
            }}
          >
            <div className="field notes">
              <label htmlFor={`closed-notes-${item.itemId}`}>
                Notes on item {item.number}. {item.title}
              </label>
              <textarea id={`closed-notes-${item.itemId}`} rows={4} autoFocus value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`closed-notes-reason-${item.itemId}`}>Why are they corrected? (recorded)</label>
              <input id={`closed-notes-reason-${item.itemId}`} value={editing.reason} onChange={(e) => setEditing({ ...editing, reason: e.target.value })} />
            </div>
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                Record the correction
              </button>
              <button type="button" className="button" onClick={() => setEditing(undefined)}>
                Cancel
              </button>
            </div>
            <FormError message={error?.message} />
          </form>
        ) : (
          <div key={item.itemId} className="closed-notes__item">
            <p>
              <strong>
                {item.number}. {item.title}
              </strong>{' '}
              <button type="button" className="mini" onClick={() => setEditing({ itemId: item.itemId, text: meeting.notes[item.itemId] ?? '', reason: '' })}>
                Correct<span className="visually-hidden"> the notes on item {item.number}</span>
              </button>
            </p>
            <p className="closed-notes__text">{meeting.notes[item.itemId] || <span className="muted">No notes.</span>}</p>
          </div>
        ),
      )}
    </section>
  );
};
