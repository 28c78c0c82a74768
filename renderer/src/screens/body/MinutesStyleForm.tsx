// The body's house style for its minutes: every sentence Chamber writes them in, as a template
// with {placeholders}, each with an example of how it reads filled in, a warning for a placeholder
// the sentence does not offer, the words of motions rewritten into decisions, and a way back to
// the house style Chamber ships.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChamberError } from '../../../../shared/errors';
import { DEFAULT_MINUTES_STYLE, fillTemplate, minutesStyleOf, unknownPlaceholders, type MinutesStyle } from '../../../../shared/minutes/style';
import type { BodyState } from '../../../../shared/state/body';
import { FormError } from '../../components/FormParts';
import { formErrors, formKeys } from './formParts';
import { exampleValues, STYLE_FIELDS, type StyleField } from './minutesStyleFields';

interface Props {
  body: BodyState;
  onSave(style: MinutesStyle): Promise<ChamberError | undefined>;
  onCancel(): void;
}

const TemplateField = ({ field, style, error, onChange }: { field: StyleField; style: MinutesStyle; error?: string; onChange(value: string): void }) => {
  const id = `style-${field.key}`;
  const value = style[field.key];
  const offered = Object.keys(field.placeholders);
  const unknown = unknownPlaceholders(value, offered);
  return (
    <div className={`field style-field${DEFAULT_MINUTES_STYLE[field.key].length > 50 ? ' style-field--wide' : ''}${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      <input id={id} type="text" value={value} spellCheck onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint ${id}-preview${unknown.length ? ` ${id}-unknown` : ''}${error ? ` ${id}-error` : ''}`} />
      <p className="field__hint" id={`${id}-hint`}>
        {offered.length === 0
          ? 'No placeholders: the words as they are.'
          : offered.map((name, i) => (
              <span key={name}>
                {i > 0 && '; '}
                <code>{`{${name}}`}</code> {field.placeholders[name]}
              </span>
            ))}
      </p>
      <p className="style-field__preview" id={`${id}-preview`}>
        <span className="style-field__eg">Reads: </span>
        {fillTemplate(value, exampleValues(field, style)) || <em>(nothing)</em>}
      </p>
      {unknown.length > 0 && (
        <p className="style-field__warning" id={`${id}-unknown`}>
          {unknown.map((n) => `{${n}}`).join(', ')} {unknown.length === 1 ? 'is' : 'are'} not offered by this sentence and would be printed as typed.
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
};

export const MinutesStyleForm = ({ body, onSave, onCancel }: Props) => {
  const [style, setStyle] = useState<MinutesStyle>(() => minutesStyleOf(body));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const set = <K extends keyof MinutesStyle>(key: K, value: MinutesStyle[K]) => setStyle((s) => ({ ...s, [key]: value }));
  const rewrites = style.resolvedRewrites;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const error = await onSave(style);
    setSaving(false);
    if (!error) return;
    const placed = formErrors(error, (path) => {
      const match = /^style\.([a-zA-Z]+)/.exec(path);
      return match && match[1] !== 'resolvedRewrites' ? match[1] : match ? 'resolvedRewrites' : undefined;
    });
    setErrors(placed.byField);
    setSummary(placed.summary ?? (Object.keys(placed.byField).length ? 'Some sentences need changing: see the messages beside them.' : undefined));
  };

  const restore = () => {
    setStyle(DEFAULT_MINUTES_STYLE);
    setErrors({});
    setNotice('The house style is back in the form. Save to keep it.');
  };

  return (
    <form className="style-form" onSubmit={(e) => void submit(e)} onKeyDown={formKeys(onCancel)} aria-labelledby="style-form-heading">
      <h3 id="style-form-heading" tabIndex={-1} ref={heading}>
        The sentences of {body.name}’s minutes
      </h3>
      <p className="muted">
        Each sentence is filled from the record: a word in braces, such as <code>{'{mover}'}</code>, is replaced by what it names. The example under each shows how it
        reads.
      </p>
      {notice && (
        <p className="bo-notice" role="status">
          {notice}
        </p>
      )}
      <div className="style-form__fields">
        {STYLE_FIELDS.map((field) => (
          <TemplateField key={field.key} field={field} style={style} error={errors[field.key]} onChange={(value) => set(field.key, value)} />
        ))}
      </div>
      <fieldset className="style-rewrites">
        <legend>Motions rewritten as decisions</legend>
        <p className="field__hint">
          After “RESOLVED that”, the start of a motion’s words is rewritten, the first that matches: “The County Council is asked to agree” becomes “the County
          Council agrees”.
        </p>
        {rewrites.map((rewrite, i) => (
          <div key={i} className="style-rewrites__row">
            <div className="field">
              <label htmlFor={`rewrite-${i}-from`}>Words {i + 1}</label>
              <input id={`rewrite-${i}-from`} value={rewrite.from} onChange={(e) => set('resolvedRewrites', rewrites.map((r, j) => (j === i ? { ...r, from: e.target.value } : r)))} />
            </div>
            <div className="field">
              <label htmlFor={`rewrite-${i}-to`}>become</label>
              <input id={`rewrite-${i}-to`} value={rewrite.to} onChange={(e) => set('resolvedRewrites', rewrites.map((r, j) => (j === i ? { ...r, to: e.target.value } : r)))} />
            </div>
            <button type="button" className="button bo-button--small" onClick={() => set('resolvedRewrites', rewrites.filter((_, j) => j !== i))} aria-label={`Remove rewrite ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="button bo-button--small" onClick={() => set('resolvedRewrites', [...rewrites, { from: '', to: '' }])}>
          Add a rewrite
        </button>
        {errors.resolvedRewrites && (
          <p className="field__error" role="alert">
            {errors.resolvedRewrites}
          </p>
        )}
      </fieldset>
      <FormError message={summary} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          Save the house style <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="button" className="button bo-form-actions__end" onClick={restore}>
          Restore the house style
        </button>
      </div>
    </form>
  );
};
