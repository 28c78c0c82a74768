// The agenda during the meeting: every item with its times and how it stands. ↑/↓ choose an item;
// Enter or T takes it; D defers and W withdraws it, each after a confirmation with the reason; U
// puts a deferred or withdrawn item back. A deferral or withdrawal can be undone (Alt+Z) at once:
// the undo is itself on the record.
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { MeetingState } from '../../../../shared/state/meeting';
import { clockTime } from '../../../../shared/time';
import { FormError } from '../../components/FormParts';
import { useTimeZone } from '../../context';
import { useShortcut } from '../../shortcuts';
import { ItemNotes, NotesAfterClose } from './ItemNotes';
import { useCommand } from './useCommand';

const PROGRESS_LABELS = { running: 'Being taken', done: 'Taken', deferred: 'Deferred', withdrawn: 'Withdrawn' } as const;

type Action = 'defer' | 'withdraw' | 'reinstate';
const ACTION_WORDS: Record<Action, { verb: string; done: string; hint: string }> = {
  defer: { verb: 'Defer', done: 'deferred', hint: 'e.g. "Report not ready; to the next meeting"' },
  withdraw: { verb: 'Withdraw', done: 'withdrawn', hint: 'e.g. "Withdrawn by the proposer"' },
  reinstate: { verb: 'Put back', done: 'put back on the agenda', hint: 'e.g. "Deferred in error"' },
};

export const AgendaList = ({ meeting }: { meeting: MeetingState }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const meetingId = meeting.id;
  const agenda = meeting.agenda;
  const running = meeting.status === 'in_progress';
  const closed = meeting.status === 'closed';
  const [selected, setSelected] = useState(() => Math.max(0, agenda.findIndex((i) => i.itemId === meeting.currentItemId)));
  const latest = useRef(selected);
  const [confirming, setConfirming] = useState<{ action: Action; itemId: string; reason: string }>();
  const [undo, setUndo] = useState<{ itemId: string; number: string; done: string }>();
  const [status, setStatus] = useState('');
  const list = useRef<HTMLOListElement>(null);

  const itemAt = (index: number) => agenda[Math.max(0, Math.min(agenda.length - 1, index))];
  const move = (delta: number) => {
    const next = Math.max(0, Math.min(agenda.length - 1, latest.current + delta));
    latest.current = next;
    setSelected(next);
  };
  const take = (index: number) => {
    const item = itemAt(index);
    if (item) void send({ type: 'item.start', meetingId, itemId: item.itemId });
  };
  const ask = (action: Action, index: number) => {
    const item = itemAt(index);
    if (!item || closed) return;
    const state = meeting.progress[item.itemId]?.state;
    if (action === 'reinstate' ? state !== 'deferred' && state !== 'withdrawn' : state === 'running' || state === 'deferred' || state === 'withdrawn') {
      setStatus(action === 'reinstate' ? `Item ${item.number} is not deferred or withdrawn.` : `Item ${item.number} is ${PROGRESS_LABELS[state!].toLowerCase()}: it cannot be ${ACTION_WORDS[action].done} now.`);
      return;
    }
    setConfirming({ action, itemId: item.itemId, reason: '' });
  };
  const confirm = async () => {
    if (!confirming) return;
    const { action, itemId, reason } = confirming;
    const item = agenda.find((i) => i.itemId === itemId);
    const type = action === 'defer' ? 'item.defer' : action === 'withdraw' ? 'item.withdraw' : 'item.reinstate';
    if (await send({ type, meetingId, itemId, reason })) {
      setConfirming(undefined);
      setStatus(`Item ${item?.number} ${ACTION_WORDS[action].done}.`);
      setUndo(action === 'reinstate' ? undefined : { itemId, number: item?.number ?? '', done: ACTION_WORDS[action].done });
      list.current?.focus();
    }
  };
  const undoLast = useCallback(() => {
    if (!undo) return false;
    void send({ type: 'item.reinstate', meetingId, itemId: undo.itemId, reason: `Undone: ${undo.done} in error` }).then((ok) => {
      if (!ok) return;
      setStatus(`Item ${undo.number} is back on the agenda (the undo is recorded).`);
      setUndo(undefined);
    });
  }, [undo, send, meetingId]);
  useShortcut('z', undoLast, { alt: true, enabled: undo !== undefined });

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') move(event.key === 'ArrowDown' ? 1 : -1);
    else if (event.key === 'Home') move(-agenda.length);
    else if (event.key === 'End') move(agenda.length);
    else if ((event.key === 'Enter' || key === 't') && running && !meeting.currentItemId) take(latest.current);
    else if (key === 'd') ask('defer', latest.current);
    else if (key === 'w') ask('withdraw', latest.current);
    else if (key === 'u') ask('reinstate', latest.current);
    else return;
    event.preventDefault();
  };

  const current = meeting.agenda.find((i) => i.itemId === meeting.currentItemId);
  const chosen = itemAt(selected);

  return (
    <div className="agenda-live">
      {current && <ItemNotes meeting={meeting} itemId={current.itemId} key={current.itemId} />}
      <p id="agenda-live-keys" className="field__hint">
        <kbd>↑</kbd>/<kbd>↓</kbd> choose · <kbd>Enter</kbd> take · <kbd>D</kbd> defer · <kbd>W</kbd> withdraw · <kbd>U</kbd> put back
        {undo && (
          <>
            {' '}
            · <kbd>Alt+Z</kbd> undo: item {undo.number} {undo.done}
          </>
        )}
      </p>
      <p className="agenda-live__status" aria-live="polite" data-testid="agenda-status">
        {status}
      </p>
      <FormError message={error?.message} />
      {confirming && (
        <form
          className="clock__confirm"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setConfirming(undefined);
              list.current?.focus();
            }
          }}
        >
          <div className="field">
            <label htmlFor="agenda-action-reason">
              {ACTION_WORDS[confirming.action].verb} item {agenda.find((i) => i.itemId === confirming.itemId)?.number}: why? (recorded)
            </label>
            <input
              id="agenda-action-reason"
              autoFocus
              placeholder={ACTION_WORDS[confirming.action].hint}
              value={confirming.reason}
              onChange={(e) => setConfirming({ ...confirming, reason: e.target.value })}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {ACTION_WORDS[confirming.action].verb} <kbd>Enter</kbd>
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(undefined);
                list.current?.focus();
              }}
            >
              Cancel <kbd>Esc</kbd>
            </button>
          </div>
        </form>
      )}
      <ol
        id="agenda-live-list"
        ref={list}
        className="clock__items"
        aria-label="Agenda items"
        aria-describedby="agenda-live-keys"
        aria-activedescendant={chosen ? `agenda-live-${chosen.itemId}` : undefined}
        role="listbox"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {agenda.map((item, index) => {
          const progress = meeting.progress[item.itemId];
          const isChosen = index === selected;
          return (
            <li
              key={item.itemId}
              id={`agenda-live-${item.itemId}`}
              role="option"
              aria-selected={isChosen}
              className={`clock__item clock__item--${progress?.state ?? 'pending'} ${isChosen ? 'is-selected' : ''}`}
              onClick={() => {
                latest.current = index;
                setSelected(index);
              }}
            >
              <span className="clock__number">{item.number}.</span>
              <span className="clock__itemtitle">{item.title}</span>
              <span className="clock__times time">
                {(progress?.periods ?? []).map((p) => `${clockTime(p.from, tz)}–${p.to ? clockTime(p.to, tz) : ''}`).join(', ')}
                {progress && progress.state !== 'running' && ` ${PROGRESS_LABELS[progress.state]}`}
                {progress?.reason ? ` (${progress.reason})` : ''}
              </span>
            </li>
          );
        })}
      </ol>
      {chosen && !closed && (
        <div className="agenda-live__actions" aria-label={`Item ${chosen.number}`} role="group">
          {running && !meeting.currentItemId && meeting.progress[chosen.itemId]?.state !== 'deferred' && meeting.progress[chosen.itemId]?.state !== 'withdrawn' && (
            <button type="button" className="mini" onClick={() => take(selected)}>
              Take item {chosen.number} <kbd>Enter</kbd>
            </button>
          )}
          {meeting.progress[chosen.itemId]?.state === 'deferred' || meeting.progress[chosen.itemId]?.state === 'withdrawn' ? (
            <button type="button" className="mini" onClick={() => ask('reinstate', selected)}>
              Put back… <kbd>U</kbd>
            </button>
          ) : (
            meeting.progress[chosen.itemId]?.state !== 'running' && (
              <>
                <button type="button" className="mini" onClick={() => ask('defer', selected)}>
                  Defer… <kbd>D</kbd>
                </button>
                <button type="button" className="mini" onClick={() => ask('withdraw', selected)}>
                  Withdraw… <kbd>W</kbd>
                </button>
              </>
            )
          )}
        </div>
      )}
      {closed && <NotesAfterClose meeting={meeting} />}
    </div>
  );
};
