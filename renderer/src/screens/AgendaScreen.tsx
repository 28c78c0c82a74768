// The clerk's agenda editor for one meeting: load the items from the published pack, then
// correct, add, reorder, split and remove them before the meeting. Keyboard first.
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AgendaItemDetails } from '../../../shared/commands/agenda';
import type { ChamberError } from '../../../shared/errors';
import { formatLongDate, STATUS_LABELS } from '../../../shared/format';
import type { AgendaItem, MeetingState } from '../../../shared/state/meeting';
import { meetingTopic } from '../../../shared/topics';
import { StoreContext, useChamber, useTopic } from '../context';
import { useShortcut } from '../shortcuts';
import { ImportPanel, emptyImportDraft, type ImportDraft } from './agenda/ImportPanel';
import { ItemForm } from './agenda/ItemForm';
import { KIND_LABELS, numberAfter, pagesLabel } from './agenda/kinds';
import { SplitForm } from './agenda/SplitForm';
import './agenda.css';
import { FormError } from '../components/FormParts';

type Mode =
  | { kind: 'list' }
  | { kind: 'edit'; itemId: string }
  | { kind: 'add'; afterItemId?: string }
  | { kind: 'split'; itemId: string }
  | { kind: 'remove'; itemId: string }
  | { kind: 'import' };

const LIST: Mode = { kind: 'list' };

/** The selected item by id; when it goes (removed, or the agenda replaced) the item now at its place. */
interface Selection {
  itemId?: string;
  index: number;
}

const indexIn = (agenda: readonly AgendaItem[], selection: Selection): number => {
  if (agenda.length === 0) return -1;
  const found = agenda.findIndex((item) => item.itemId === selection.itemId);
  return found >= 0 ? found : Math.min(selection.index, agenda.length - 1);
};

/** The details of an item as the commands take them, without its id. */
const detailsOf = ({ itemId: _id, ...details }: AgendaItem): AgendaItemDetails => details;

const isInteractive = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && target.closest('button, a, input, textarea, select, summary, label, [contenteditable="true"]') !== null;

/** Enter edits the selected item, unless the focus is on something Enter already does something to. */
const useEnter = (handler: () => void, enabled: boolean) => {
  // A layout effect, like useShortcut: Enter works from the moment the list is painted.
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isInteractive(event.target)) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handler, enabled]);
};

export const AgendaScreen = ({ meetingId }: { meetingId: string }) => {
  const topic = meetingTopic(meetingId);
  const { data: meeting, missing } = useTopic(topic);
  const invoke = useChamber((s) => s.invoke);
  const navigate = useChamber((s) => s.navigate);
  const load = useChamber((s) => s.load);
  const store = useContext(StoreContext);
  const [mode, setModeOnly] = useState<Mode>(LIST);
  const [selection, setSelection] = useState<Selection>({ index: 0 });
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState('');
  const [importDraft, setImportDraft] = useState<ImportDraft>(emptyImportDraft);
  const [focusRow, setFocusRow] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const moves = useRef<Promise<void>>(Promise.resolve());
  const pendingMoves = useRef(0);
  /**
   * What the keys act on: the selection as the last key or move left it, and whether the focus is
   * on its way to the selected item. Both change the moment a key is handled, so a key handled
   * before the screen re-renders (or before the focus has moved) starts from where the one before
   * it left things, never from the last render.
   */
  const chosen = useRef<Selection>(selection);
  const focusPending = useRef(false);

  const agenda = useMemo(() => meeting?.agenda ?? [], [meeting]);
  const selectedIndex = indexIn(agenda, selection);
  const selected: AgendaItem | undefined = agenda[selectedIndex];
  const listing = mode.kind === 'list' && meeting !== undefined;
  const before = meeting?.status === 'draft' || meeting?.status === 'ready';

  /** Starting something new clears the last confirmation, so it is not read as being about the new thing. */
  const setMode = useCallback((next: Mode) => {
    if (next.kind !== 'list') setStatus('');
    setModeOnly(next);
  }, []);
  // Arriving puts the focus on the heading; coming back from a form or the import, on the selected
  // item. Layout effects: the focus moves in the same paint that shows the change (a passive effect
  // can run after the clerk's next key, which would land on <body>).
  const loaded = meeting !== undefined;
  useLayoutEffect(() => {
    if (loaded) heading.current?.focus();
  }, [meetingId, loaded]);
  useLayoutEffect(() => {
    if (focusRow === 0) return;
    focusPending.current = false;
    const row = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    if (row) row.focus();
    else heading.current?.focus();
  }, [focusRow]);

  /** Selects from a key or a move: at once for the next key, at the next render for the screen. */
  const choose = useCallback((next: Selection) => {
    chosen.current = next;
    setSelection(next);
  }, []);
  // A selection made another way (a click, a form's outcome) counts for the keys once it is shown.
  useLayoutEffect(() => {
    chosen.current = selection;
  }, [selection]);
  /** From a key or a move: the next key counts as in the list even if it comes before the focus gets there. */
  const focusSelected = useCallback(() => {
    focusPending.current = true;
    setFocusRow((n) => n + 1);
  }, []);

  // Until the list is back (the same commit that focuses the item), its keys are not listened to.
  const backToList = useCallback(() => {
    setMode(LIST);
    setFocusRow((n) => n + 1);
  }, [setMode]);

  const latest = useCallback((): MeetingState | undefined => store?.getState().topics[topic] as MeetingState | undefined, [store, topic]);

  /** The agenda as the core last sent it and the item selected in it now, which may be ahead of the last render. */
  const selectedNow = useCallback(() => {
    const items = latest()?.agenda ?? [];
    const index = indexIn(items, chosen.current);
    return { items, index, item: items[index] as AgendaItem | undefined };
  }, [latest]);

  /**
   * Selects the item `to` gives from the index selected now and the number of items; after the
   * moves already asked for (Alt+↓ then ↓ selects the item after the one moved).
   */
  const select = useCallback(
    (to: (from: number, count: number) => number) => {
      const apply = () => {
        const { items, index } = selectedNow();
        if (items.length === 0) return;
        const next = Math.max(0, Math.min(items.length - 1, to(index, items.length)));
        choose({ itemId: items[next].itemId, index: next });
        focusSelected();
      };
      if (pendingMoves.current === 0) apply();
      else moves.current = moves.current.then(apply);
    },
    [selectedNow, choose, focusSelected],
  );

  /** Runs a command, then reads the agenda back: the screen never shows the outcome without the items it changed. */
  const run = useCallback(
    async (command: Parameters<typeof invoke>[0]) => {
      const outcome = await invoke(command);
      if (outcome.ok) await load(topic);
      return outcome;
    },
    [invoke, load, topic],
  );

  /** Moves run one after another, each from the agenda as the core last sent it, so quick presses add up. */
  const move = useCallback(
    (delta: number) => {
      const itemId = selectedNow().item?.itemId;
      if (itemId === undefined) return;
      pendingMoves.current += 1;
      moves.current = moves.current.then(async () => {
        const current = latest()?.agenda ?? [];
        const from = current.findIndex((item) => item.itemId === itemId);
        if (from < 0) return;
        const to = from + delta;
        const item = current[from];
        if (to < 0 || to >= current.length) {
          setStatus(`Item ${item.number} is already ${to < 0 ? 'first' : 'last'}.`);
          return;
        }
        const outcome = await invoke({ type: 'agenda.moveItem', meetingId, itemId, toIndex: to });
        if (!outcome.ok) {
          setProblem(outcome.error.message);
          return;
        }
        await load(topic);
        setProblem(undefined);
        choose({ itemId, index: to });
        setStatus(`Item ${item.number} moved ${delta < 0 ? 'up' : 'down'}: now ${to + 1} of ${current.length}.`);
        focusSelected();
      })
        .catch((error: unknown) => setProblem(`The item could not be moved: ${(error as Error).message}`))
        .finally(() => {
          pendingMoves.current -= 1;
        });
    },
    [selectedNow, latest, invoke, meetingId, load, topic, choose, focusSelected],
  );

  const startEdit = useCallback(() => {
    const { item } = selectedNow();
    if (item) setMode({ kind: 'edit', itemId: item.itemId });
  }, [selectedNow, setMode]);
  const startAdd = useCallback(() => setMode({ kind: 'add', afterItemId: selectedNow().item?.itemId }), [selectedNow, setMode]);
  const startSplit = useCallback(() => {
    const { item } = selectedNow();
    if (item) setMode({ kind: 'split', itemId: item.itemId });
  }, [selectedNow, setMode]);
  const startRemove = useCallback(() => {
    const { item } = selectedNow();
    if (item) setMode({ kind: 'remove', itemId: item.itemId });
  }, [selectedNow, setMode]);
  const startImport = useCallback(() => {
    setProblem(undefined);
    setMode({ kind: 'import' });
  }, [setMode]);

  /**
   * The first arrow press, from the heading or a button, goes to the selected item; the next ones
   * move. A press while the screen is putting the focus on the selected item counts as in the list.
   */
  const step = useCallback(
    (delta: number) => {
      const inList = focusPending.current || (list.current?.contains(document.activeElement) ?? false);
      select((from) => (inList ? from + delta : from));
    },
    [select],
  );
  useShortcut('ArrowDown', useCallback(() => step(1), [step]), listing);
  useShortcut('ArrowUp', useCallback(() => step(-1), [step]), listing);
  useShortcut('Home', useCallback(() => select(() => 0), [select]), listing);
  useShortcut('End', useCallback(() => select((_, count) => count - 1), [select]), listing);
  useShortcut('ArrowDown', useCallback(() => move(1), [move]), { alt: true, enabled: listing && selected !== undefined });
  useShortcut('ArrowUp', useCallback(() => move(-1), [move]), { alt: true, enabled: listing && selected !== undefined });
  useEnter(startEdit, listing && selected !== undefined);
  useShortcut('n', startAdd, listing);
  useShortcut('s', startSplit, listing && selected !== undefined);
  useShortcut('Delete', startRemove, listing && selected !== undefined);
  useShortcut('Backspace', startRemove, listing && selected !== undefined);
  useShortcut('i', startImport, listing);
  // The import panel handles its own Escape (it may be asking a question first).
  useShortcut(
    'Escape',
    useCallback(() => (mode.kind === 'list' ? navigate({ screen: 'meeting', meetingId }) : backToList()), [mode.kind, navigate, meetingId, backToList]),
    mode.kind !== 'import',
  );

  if (!meeting) {
    return (
      <main className="screen">
        <p role="status">{missing ?? 'Loading the agenda…'}</p>
        <a href="#/">Back to meetings</a>
      </main>
    );
  }

  /** Runs a command; a refusal that belongs to no form is shown above the list. */
  const done = (outcome: Awaited<ReturnType<typeof invoke>>, message: string): ChamberError | undefined => {
    if (!outcome.ok) return outcome.error;
    setProblem(undefined);
    setStatus(message);
    return undefined;
  };

  const save = async (itemId: string, item: AgendaItemDetails) => {
    const error = done(await run({ type: 'agenda.updateItem', meetingId, itemId, item }), `Item ${item.number.trim()} saved.`);
    if (!error) backToList();
    return error;
  };

  const add = async (afterItemId: string | undefined, item: AgendaItemDetails) => {
    const outcome = await run({ type: 'agenda.addItem', meetingId, item, ...(afterItemId ? { afterItemId } : {}) });
    const error = done(outcome, `Item ${item.number.trim()} added.`);
    if (outcome.ok) {
      const index = afterItemId ? agenda.findIndex((i) => i.itemId === afterItemId) + 1 : agenda.length;
      setSelection({ itemId: outcome.result.ids.itemId, index });
      backToList();
    }
    return error;
  };

  const split = async (item: AgendaItem, firstTitle: string, second: AgendaItemDetails) => {
    const outcome = await run({ type: 'agenda.splitItem', meetingId, itemId: item.itemId, firstTitle, second });
    const error = done(outcome, `Item ${item.number} split: item ${second.number.trim()} added after it.`);
    if (!error) backToList();
    return error;
  };

  const remove = async (item: AgendaItem) => {
    const outcome = await run({ type: 'agenda.removeItem', meetingId, itemId: item.itemId });
    if (outcome.ok) {
      setProblem(undefined);
      setStatus(`Item ${item.number}, ${item.title}, removed.`);
      setSelection({ index: selectedIndex });
    } else setProblem(outcome.error.message);
    backToList();
  };

  const afterImport = (count: number, replace: boolean) => {
    setImportDraft(emptyImportDraft);
    setProblem(undefined);
    setSelection({ index: replace ? 0 : agenda.length });
    setStatus(`${count} ${count === 1 ? 'item' : 'items'} loaded${replace ? '' : ' after the items already there'}.`);
    backToList();
  };

  const taken = agenda.map((item) => item.number);
  const addForm = (afterItemId: string | undefined) => {
    const after = afterItemId === undefined ? undefined : agenda.findIndex((i) => i.itemId === afterItemId);
    const previous = after === undefined ? agenda[agenda.length - 1] : agenda[after];
    const next = after === undefined ? undefined : agenda[after + 1];
    return (
      <li className="agenda-entry agenda-entry--form" key="new">
        <h2 className="agenda-entry__form-heading">{previous ? `New item after item ${previous.number}` : 'First item'}</h2>
        <ItemForm
          initial={{ number: numberAfter(previous?.number, next?.number, taken), kind: 'other' }}
          guessKind
          label="New agenda item"
          submitLabel="Add the item"
          onSubmit={(item) => add(afterItemId, item)}
          onCancel={backToList}
        />
      </li>
    );
  };

  return (
    <main className="screen agenda-screen" aria-labelledby="agenda-heading">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href="#/">Meetings</a> / <a href={`#/meetings/${meetingId}`}>{meeting.title}</a> <kbd>Esc</kbd>
      </nav>
      <header className="screen__header">
        <div>
          <h1 id="agenda-heading" tabIndex={-1} ref={heading}>
            Agenda
          </h1>
          <p className="agenda-screen__meeting">
            {meeting.title}, {meeting.body} · {formatLongDate(meeting.date)} at <span className="time">{meeting.startTime}</span>
          </p>
        </div>
        <span className={`status status--${meeting.status}`}>{STATUS_LABELS[meeting.status]}</span>
      </header>
      {!before && meeting.status !== 'closed' && (
        <p className="agenda-screen__started">The meeting has started: items can still be corrected, added and moved, but not removed or replaced.</p>
      )}
      {meeting.status === 'closed' && <p className="agenda-screen__started">The meeting is closed: its agenda is part of the record and can no longer be changed.</p>}
      <FormError message={problem} />
      <p className="agenda-screen__status" role="status">
        {status}
      </p>
      {mode.kind === 'import' ? (
        <ImportPanel
          draft={importDraft}
          onDraftChange={setImportDraft}
          existing={agenda.length}
          load={(items, replace) => run({ type: 'agenda.import', meetingId, items, replace })}
          onLoaded={afterImport}
          onClose={backToList}
          meetingDate={meeting.date}
        />
      ) : (
        <section className="panel" aria-labelledby="items-heading">
          <header className="panel__header">
            <h2 id="items-heading">
              {agenda.length} {agenda.length === 1 ? 'item' : 'items'}
            </h2>
            <div className="agenda-screen__actions">
              <button type="button" className="button" onClick={startImport}>
                Load from the published pack <kbd>I</kbd>
              </button>
              <button type="button" className="button" onClick={startAdd}>
                Add an item <kbd>N</kbd>
              </button>
            </div>
          </header>
          {agenda.length === 0 && mode.kind !== 'add' ? (
            <p className="empty">
              No items yet. Press <kbd>I</kbd> to load them from the published summons and agenda, or <kbd>N</kbd> to add one.
            </p>
          ) : (
            <ol className="agenda-list" ref={list} aria-label="Agenda items">
              {mode.kind === 'add' && agenda.length === 0 && addForm(undefined)}
              {agenda.flatMap((item, index) => {
                const isSelected = index === selectedIndex;
                const row = (
                  <AgendaRow
                    key={item.itemId}
                    item={item}
                    selected={isSelected}
                    onSelect={() => setSelection({ itemId: item.itemId, index })}
                    onEdit={() => setMode({ kind: 'edit', itemId: item.itemId })}
                    actions={
                      isSelected && mode.kind === 'list' ? (
                        <div className="agenda-entry__actions" role="group" aria-label={`Item ${item.number}`}>
                          <button type="button" className="button agenda-action" onClick={startEdit}>
                            Edit <kbd>Enter</kbd>
                          </button>
                          <button type="button" className="button agenda-action" onClick={() => move(-1)} disabled={index === 0}>
                            Move up <kbd>Alt+↑</kbd>
                          </button>
                          <button type="button" className="button agenda-action" onClick={() => move(1)} disabled={index === agenda.length - 1}>
                            Move down <kbd>Alt+↓</kbd>
                          </button>
                          <button type="button" className="button agenda-action" onClick={startSplit}>
                            Split <kbd>S</kbd>
                          </button>
                          <button type="button" className="button agenda-action agenda-action--danger" onClick={startRemove}>
                            Remove <kbd>Delete</kbd>
                          </button>
                        </div>
                      ) : null
                    }
                    editForm={
                      mode.kind === 'edit' && mode.itemId === item.itemId ? (
                        <ItemForm
                          initial={item}
                          label={`Edit item ${item.number}`}
                          submitLabel="Save the item"
                          onSubmit={(details) => save(item.itemId, details)}
                          onCancel={backToList}
                        />
                      ) : undefined
                    }
                  >
                    {mode.kind === 'split' && mode.itemId === item.itemId ? (
                      <SplitForm
                        item={detailsOf(item)}
                        suggestedNumber={numberAfter(item.number, agenda[index + 1]?.number, taken)}
                        onSubmit={(firstTitle, second) => split(item, firstTitle, second)}
                        onCancel={backToList}
                      />
                    ) : mode.kind === 'remove' && mode.itemId === item.itemId ? (
                      <RemoveConfirm item={item} onConfirm={() => void remove(item)} onCancel={backToList} />
                    ) : null}
                  </AgendaRow>
                );
                return mode.kind === 'add' && mode.afterItemId === item.itemId ? [row, addForm(item.itemId)] : [row];
              })}
              {mode.kind === 'add' && mode.afterItemId === undefined && agenda.length > 0 && addForm(undefined)}
            </ol>
          )}
        </section>
      )}
      <footer className="shortcuts" aria-label="Keyboard shortcuts">
        {mode.kind === 'import' ? (
          <>
            <kbd>Ctrl+Enter</kbd> read the text · <kbd>Alt+O</kbd> open a .txt file or PDF · <kbd>Alt+L</kbd> load the items · <kbd>Esc</kbd> close
          </>
        ) : (
          <>
            <kbd>↑</kbd>/<kbd>↓</kbd> select · <kbd>Enter</kbd> edit · <kbd>Alt+↑</kbd>/<kbd>Alt+↓</kbd> move · <kbd>N</kbd> add after · <kbd>S</kbd> split ·{' '}
            <kbd>Delete</kbd> remove · <kbd>I</kbd> load from the pack · <kbd>Esc</kbd> back to the meeting
          </>
        )}
      </footer>
    </main>
  );
};

interface RowProps {
  item: AgendaItem;
  selected: boolean;
  onSelect(): void;
  onEdit(): void;
  actions: ReactNode;
  /** The edit form, shown instead of the item's details. */
  editForm?: ReactNode;
  /** A form or question shown under the item's details (split, remove). */
  children?: ReactNode;
}

const AgendaRow = ({ item, selected, onSelect, onEdit, actions, editForm, children }: RowProps) => {
  const editing = editForm !== undefined;
  const pages = pagesLabel(item.pages);
  return (
    <li
      className={`agenda-entry ${selected ? 'agenda-entry--selected' : ''} ${item.kind === 'exempt' ? 'agenda-entry--exempt' : ''}`}
      aria-current={selected ? 'true' : undefined}
      tabIndex={selected ? 0 : -1}
      data-item-id={item.itemId}
      onClick={onSelect}
      onDoubleClick={(event) => {
        if (!isInteractive(event.target)) onEdit();
      }}
    >
      {editing ? (
        <>
          <h2 className="agenda-entry__form-heading">Item {item.number}</h2>
          {editForm}
        </>
      ) : (
        <>
          <div className="agenda-entry__main">
            <span className="agenda-entry__number">{item.number}</span>
            <div className="agenda-entry__body">
              <span className="agenda-entry__title">{item.title}</span>
              <span className="agenda-entry__meta">
                <span className={`agenda-kind agenda-kind--${item.kind}`}>{KIND_LABELS[item.kind]}</span>
                {pages && <span className="agenda-entry__pages">{pages}</span>}
                {item.proposer && <span>Proposer: {item.proposer}</span>}
                {item.seconder && <span>Seconder: {item.seconder}</span>}
              </span>
              {item.motionTitle && <span className="agenda-entry__motion">Motion: {item.motionTitle}</span>}
              {item.description && <span className="agenda-entry__description">{item.description}</span>}
            </div>
          </div>
          {actions}
          {children}
        </>
      )}
    </li>
  );
};

const RemoveConfirm = ({ item, onConfirm, onCancel }: { item: AgendaItem; onConfirm(): void; onCancel(): void }) => {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="agenda-entry__confirm" role="group" aria-labelledby={`remove-${item.itemId}`}>
      <p id={`remove-${item.itemId}`}>
        Remove item {item.number}, <q>{item.title}</q>, from the agenda?
      </p>
      <div className="form-actions">
        <button type="button" className="button agenda-confirm__remove" ref={confirm} onClick={onConfirm}>
          Remove the item <kbd>Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Keep it <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
};
