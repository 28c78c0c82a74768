// The clerk's notes on the item being taken: saved a moment after they stop typing, and when they
// leave the item, so nothing typed is lost.
import { useEffect, useRef, useState } from 'react';
import type { MeetingState } from '../../../../shared/state/meeting';
import { useCommand } from './useCommand';

const SAVE_AFTER_MS = 800;

export const ItemNotes = ({ meeting, itemId }: { meeting: MeetingState; itemId: string }) => {
  const { send, error } = useCommand();
  const [text, setText] = useState(meeting.notes[itemId] ?? '');
  const [saved, setSaved] = useState<string>();
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string }>(undefined);

  const save = (value: string) => {
    void send({ type: 'item.note', meetingId: meeting.id, itemId, text: value }).then((ok) => ok && setSaved(new Date().toTimeString().slice(0, 8)));
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
