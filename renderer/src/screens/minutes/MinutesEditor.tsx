// The minutes, a paragraph at a time: the heading, the front matter (PRESENT and the rest), then
// each minute with its heading and paragraphs. Keyboard first: ↑/↓ (or K/J) move between
// paragraphs, Enter edits the one in focus, Ctrl+Enter saves, Escape cancels, Ctrl+Shift+Enter
// adds a paragraph after it, Delete strikes it out.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Command } from '../../../../shared/commands';
import type { MinutesBlock, MinutesDocument } from '../../../../shared/minutes/model';
import type { MeetingState } from '../../../../shared/state/meeting';
import { FormError } from '../../components/FormParts';
import { useCommand } from '../live/useCommand';
import { blockElementId } from './blockStatus';
import { MinuteBlock, type BlockActions, type BlockTask } from './MinuteBlock';
import { PreviousMinutesForm } from './PreviousMinutesForm';

interface Props {
  doc: MinutesDocument;
  meeting: MeetingState;
  readOnly: boolean;
  /** The key of the paragraph in focus, kept by the screen (so the attention links can move it). */
  focusedKey?: string;
  onFocusKey(key: string): void;
}

const focusBlock = (key: string) => requestAnimationFrame(() => document.getElementById(blockElementId(key))?.focus());

const isField = (target: EventTarget): boolean => target instanceof HTMLElement && ['TEXTAREA', 'INPUT', 'SELECT'].includes(target.tagName);

export const MinutesEditor = ({ doc, meeting, readOnly, focusedKey, onFocusKey }: Props) => {
  const { run, error } = useCommand();
  const [task, setTask] = useState<{ key: string; kind: BlockTask }>();
  const meetingId = meeting.id;
  /** A paragraph to focus as soon as it is shown: one just added arrives with the core's update, a moment after the reply. */
  const pending = useRef<string>(undefined);

  /** Every block in reading order: what ↑ and ↓ move through. */
  const order = useMemo<MinutesBlock[]>(() => [...doc.front, ...doc.minutes.flatMap((m) => m.blocks)], [doc]);
  const focused = order.find((b) => b.key === focusedKey) ?? order[0];
  useEffect(() => {
    const key = pending.current;
    if (key === undefined) return;
    const element = document.getElementById(blockElementId(key));
    if (!element) return;
    pending.current = undefined;
    element.focus();
  }, [order]);

  const send = useCallback(
    async (command: Command): Promise<boolean> => {
      const outcome = await run(command);
      return outcome.ok;
    },
    [run],
  );

  const actionsFor = (block: MinutesBlock): BlockActions => ({
    focus: () => onFocusKey(block.key),
    startEdit: () => {
      if (readOnly || !block.editable) return;
      onFocusKey(block.key);
      setTask({ key: block.key, kind: 'edit' });
    },
    startAdd: () => {
      if (readOnly) return;
      onFocusKey(block.key);
      setTask({ key: block.key, kind: 'add' });
    },
    cancel: () => {
      setTask(undefined);
      focusBlock(block.key);
    },
    save: async (text) => {
      const ok = await send({ type: 'minutes.editParagraph', meetingId, key: block.key, text });
      if (ok) {
        setTask(undefined);
        focusBlock(block.key);
      }
      return ok;
    },
    add: async (text) => {
      const outcome = await run({ type: 'minutes.addParagraph', meetingId, after: block.key, text });
      if (!outcome.ok) return false;
      setTask(undefined);
      const key = (outcome.result.ids as Record<string, string> | undefined)?.key ?? block.key;
      onFocusKey(key);
      pending.current = key;
      focusBlock(key);
      return true;
    },
    strike: () => void send({ type: 'minutes.strikeParagraph', meetingId, key: block.key }).then(() => focusBlock(block.key)),
    useGenerated: () => void send({ type: 'minutes.useGenerated', meetingId, key: block.key }).then(() => focusBlock(block.key)),
    keepEdit: () => void send({ type: 'minutes.keepEdit', meetingId, key: block.key }).then(() => focusBlock(block.key)),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!focused || event.altKey || isField(event.target) || task) return;
    const index = order.indexOf(focused);
    const move = (by: number) => {
      const next = order[Math.max(0, Math.min(order.length - 1, index + by))];
      onFocusKey(next.key);
      focusBlock(next.key);
    };
    const onBlock = event.target instanceof HTMLElement && event.target.id === blockElementId(focused.key);
    const plain = !event.ctrlKey && !event.metaKey && !event.shiftKey;
    const actions = actionsFor(focused);
    if (plain && (event.key === 'ArrowDown' || event.key === 'j')) move(1);
    else if (plain && (event.key === 'ArrowUp' || event.key === 'k')) move(-1);
    else if (plain && event.key === 'Home') move(-order.length);
    else if (plain && event.key === 'End') move(order.length);
    else if (onBlock && plain && event.key === 'Enter') actions.startEdit();
    else if (onBlock && event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.shiftKey) actions.startAdd();
    else if (onBlock && plain && event.key === 'Delete' && !readOnly && focused.editable && focused.status !== 'struck') actions.strike();
    else return;
    event.preventDefault();
  };

  const renderBlocks = (blocks: readonly MinutesBlock[], label: string) => (
    <ol className="mblocks" aria-label={label}>
      {blocks.map((block) => (
        <MinuteBlock
          key={block.key}
          block={block}
          focused={block.key === focused?.key}
          task={task?.key === block.key ? task.kind : undefined}
          readOnly={readOnly}
          actions={actionsFor(block)}
        />
      ))}
    </ol>
  );

  return (
    <div className="minutes-doc" onKeyDown={onKeyDown}>
      <FormError message={error?.message} />
      <h2 className="minutes-doc__heading">{doc.heading}</h2>
      {doc.front.length > 0 && renderBlocks(doc.front, 'Who was present')}
      {doc.sectionHeading && <h3 className="minutes-doc__section">{doc.sectionHeading}</h3>}
      {doc.minutes.map((minute) => {
        const item = meeting.agenda.find((i) => i.itemId === minute.itemId);
        return (
          <section key={minute.key} className={`minute${minute.exempt ? ' minute--exempt' : ''}`} aria-labelledby={`heading-${minute.key}`}>
            <h3 id={`heading-${minute.key}`} className="minute__heading">
              {minute.heading}
            </h3>
            {renderBlocks(minute.blocks, `Minute ${minute.number}`)}
            {item?.kind === 'minutes' && !readOnly && <PreviousMinutesForm meeting={meeting} itemId={minute.itemId} />}
          </section>
        );
      })}
      {order.length === 0 && <p className="muted">Nothing is recorded yet: the minutes are written as the meeting is recorded.</p>}
    </div>
  );
};
