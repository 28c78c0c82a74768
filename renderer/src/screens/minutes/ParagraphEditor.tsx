// The clerk's words for one paragraph, typed in a textarea: Ctrl+Enter saves, Escape cancels (and
// goes no further: it never leaves the screen).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface Props {
  label: string;
  initial: string;
  saveLabel: string;
  onSave(text: string): Promise<boolean>;
  onCancel(): void;
}

export const ParagraphEditor = ({ label, initial, saveLabel, onSave, onCancel }: Props) => {
  const id = useId();
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const saved = await onSave(text);
    // When refused, the clerk keeps what they typed and the refusal shows beside it.
    if (!saved) setSaving(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      void save();
    }
  };

  return (
    <div className="mblock__editor">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={area}
        value={text}
        rows={Math.min(14, Math.max(3, Math.ceil(text.length / 80) + text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-keyshortcuts="Control+Enter Escape"
      />
      <div className="mblock__actions">
        <button type="button" className="button button--primary button--small" onClick={() => void save()} disabled={saving}>
          {saveLabel} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
};
