// One paragraph of the minutes in the editor: its number, its words, how it stands against the
// record, and what the clerk may do with it. A paragraph whose record changed since the clerk
// edited it shows what Chamber wrote then, what it writes now and the clerk's words side by side.
import type { MinutesBlock } from '../../../../shared/minutes/model';
import { BlockText } from './BlockText';
import { blockElementId, STATUS_BADGES } from './blockStatus';
import { ParagraphEditor } from './ParagraphEditor';

export type BlockTask = 'edit' | 'add';

export interface BlockActions {
  focus(): void;
  startEdit(): void;
  startAdd(): void;
  cancel(): void;
  save(text: string): Promise<boolean>;
  add(text: string): Promise<boolean>;
  strike(): void;
  useGenerated(): void;
  keepEdit(): void;
}

interface Props {
  block: MinutesBlock;
  focused: boolean;
  task?: BlockTask;
  readOnly: boolean;
  actions: BlockActions;
}

const Compare = ({ block }: { block: MinutesBlock }) => (
  <div className="mblock__compare" role="group" aria-label="The record changed since you edited this paragraph">
    <section>
      <h4>Chamber wrote, when you edited</h4>
      <p>{block.editedFrom}</p>
    </section>
    <section>
      <h4>Chamber writes now</h4>
      <p>{block.generated}</p>
    </section>
    <section>
      <h4>Your words</h4>
      <p>{block.text}</p>
    </section>
  </div>
);

export const MinuteBlock = ({ block, focused, task, readOnly, actions }: Props) => {
  const { badge, explains } = STATUS_BADGES[block.status];
  const isFlag = block.kind === 'flag';
  const isVote = block.kind === 'recordedVote';
  const struck = block.status === 'struck';
  const clerksWords = block.status === 'edited' || block.status === 'changed' || block.status === 'orphaned';
  const canEdit = !readOnly && block.editable && !isFlag && !isVote;
  const showActions = !readOnly && !isFlag && (focused || block.status === 'changed' || block.status === 'orphaned');

  return (
    <li
      id={blockElementId(block.key)}
      className={`mblock mblock--${block.kind} mblock--${block.status}${focused ? ' mblock--focused' : ''}`}
      tabIndex={focused ? 0 : -1}
      data-key={block.key}
      data-status={block.status}
      aria-current={focused ? 'true' : undefined}
      onFocus={(e) => {
        if (e.target === e.currentTarget) actions.focus();
      }}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget || !(e.target as HTMLElement).closest('button, textarea, input, a')) actions.focus();
      }}
    >
      {block.number !== undefined && <span className="mblock__number">({block.number})</span>}
      <div className="mblock__body">
        {isFlag ? (
          <div className="mblock__flag">
            <strong>For the clerk, not printed: </strong>
            {block.text}
          </div>
        ) : task === 'edit' ? (
          <ParagraphEditor label="The paragraph in your words" initial={block.text} saveLabel="Save" onSave={actions.save} onCancel={actions.cancel} />
        ) : (
          <div className={struck ? 'mblock__struck' : undefined}>
            <BlockText block={block} />
          </div>
        )}
        {isVote && !readOnly && <p className="mblock__note muted">Correct the vote in the division (the live screen’s Division panel), with a reason.</p>}
        {block.status === 'changed' && task !== 'edit' && <Compare block={block} />}
        {block.status === 'orphaned' && task !== 'edit' && <p className="mblock__note">What this paragraph was about is no longer in the record.</p>}
        {showActions && task !== 'edit' && (
          <div className="mblock__actions">
            {block.status === 'changed' || block.status === 'orphaned' ? (
              <>
                <button type="button" className="button button--small" onClick={actions.keepEdit}>
                  Keep my edit
                </button>
                {block.status === 'changed' && (
                  <button type="button" className="button button--small" onClick={actions.useGenerated}>
                    Use the new text
                  </button>
                )}
              </>
            ) : null}
            {canEdit && !struck && (
              <button type="button" className="button button--small" onClick={actions.startEdit}>
                Edit <kbd>Enter</kbd>
              </button>
            )}
            {!struck && (
              <button type="button" className="button button--small" onClick={actions.startAdd}>
                Add a paragraph after <kbd>Ctrl+Shift+Enter</kbd>
              </button>
            )}
            {canEdit && !struck && (
              <button type="button" className="button button--small" onClick={actions.strike}>
                Strike <kbd>Delete</kbd>
              </button>
            )}
            {struck && (
              <button type="button" className="button button--small" onClick={actions.useGenerated}>
                Restore
              </button>
            )}
            {clerksWords && block.status !== 'changed' && (
              <button type="button" className="button button--small" onClick={actions.useGenerated}>
                Use Chamber’s words
              </button>
            )}
          </div>
        )}
        {task === 'add' && <ParagraphEditor label="A new paragraph after this one" initial="" saveLabel="Add the paragraph" onSave={actions.add} onCancel={actions.cancel} />}
      </div>
      {!isFlag && (
        <p className="mblock__meta">
          <span className={`badge badge--${block.status}`} title={explains}>
            {badge}
          </span>
          <span className="visually-hidden"> {explains}</span>
        </p>
      )}
    </li>
  );
};
