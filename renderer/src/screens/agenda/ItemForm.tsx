// One agenda item's details, for correcting an item or adding one. Errors appear beside the field.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AgendaItemDetails } from '../../../../shared/commands/agenda';
import type { ChamberError } from '../../../../shared/errors';
import { guessItemKind, type AgendaItemKind } from '../../../../shared/import/agenda';
import { controlProps, Field } from './Field';
import { errorsByField, KIND_LABELS, KINDS, pagesFromText } from './kinds';
import { FormError } from '../../components/FormParts';

interface Values {
  number: string;
  title: string;
  pagesFrom: string;
  pagesTo: string;
  kind: AgendaItemKind;
  proposer: string;
  seconder: string;
  motionTitle: string;
  motionText: string;
  description: string;
}

const TEXT_FIELDS = ['proposer', 'seconder', 'motionTitle', 'motionText', 'description'] as const;
const FIELD_NAMES = ['number', 'title', 'pages.from', 'pages.to', 'pages', 'kind', ...TEXT_FIELDS];

const valuesOf = (item: Partial<AgendaItemDetails>): Values => ({
  number: item.number ?? '',
  title: item.title ?? '',
  pagesFrom: item.pages ? String(item.pages.from) : '',
  pagesTo: item.pages ? String(item.pages.to) : '',
  kind: item.kind ?? 'other',
  proposer: item.proposer ?? '',
  seconder: item.seconder ?? '',
  motionTitle: item.motionTitle ?? '',
  motionText: item.motionText ?? '',
  description: item.description ?? '',
});

/** What the form sends: empty optional fields are left out; the core trims and checks the rest. */
const detailsOf = (values: Values): { details: AgendaItemDetails; errors: Record<string, string> } => {
  const { pages, errors } = pagesFromText(values.pagesFrom, values.pagesTo);
  const details: AgendaItemDetails = { number: values.number, title: values.title, kind: values.kind, ...(pages ? { pages } : {}) };
  for (const key of TEXT_FIELDS) if (values[key].trim() !== '') details[key] = values[key];
  return { details, errors };
};

interface Props {
  initial: Partial<AgendaItemDetails>;
  /** For a new item: the kind follows the title until the clerk chooses one. */
  guessKind?: boolean;
  label: string;
  submitLabel: string;
  onSubmit(item: AgendaItemDetails): Promise<ChamberError | undefined>;
  onCancel(): void;
}

export const ItemForm = ({ initial, guessKind = false, label, submitLabel, onSubmit, onCancel }: Props) => {
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [kindChosen, setKindChosen] = useState(!guessKind);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => first.current?.focus(), []);

  const set = (key: keyof Values, value: string) =>
    setValues((v) => ({ ...v, [key]: value, ...(key === 'title' && !kindChosen ? { kind: guessItemKind(value) } : {}) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const { details, errors: typed } = detailsOf(values);
    let byField: Record<string, string> = typed;
    let rest: string | undefined;
    if (Object.keys(typed).length === 0) {
      setSaving(true);
      const error = await onSubmit(details);
      setSaving(false);
      if (!error) return;
      ({ fields: byField, rest } = errorsByField(error, 'item.', FIELD_NAMES));
      if (byField.pages) byField['pages.to'] ??= byField.pages;
    }
    setErrors(byField);
    setSummary(rest);
    const wrong = FIELD_NAMES.find((name) => byField[name]);
    if (wrong) form.current?.querySelector<HTMLElement>(`[data-field="${wrong}"]`)?.focus();
  };

  /** Ctrl+Enter saves from anywhere, including the text boxes where Enter starts a new line. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  const field = (name: keyof Values, errorKey: string, text: string, options: { hint?: string; className?: string; wide?: boolean } = {}) => {
    const fieldId = `${id}-${name}`;
    const error = errors[errorKey];
    return (
      <Field id={fieldId} label={text} error={error} hint={options.hint} className={options.className}>
        {options.wide ? (
          <textarea
            {...controlProps(fieldId, error, options.hint)}
            data-field={errorKey}
            rows={name === 'motionText' ? 5 : 2}
            value={values[name]}
            onChange={(e) => set(name, e.target.value)}
          />
        ) : (
          <input
            {...controlProps(fieldId, error, options.hint)}
            ref={name === 'number' ? first : undefined}
            data-field={errorKey}
            type="text"
            autoComplete="off"
            inputMode={name === 'pagesFrom' || name === 'pagesTo' ? 'numeric' : undefined}
            value={values[name]}
            onChange={(e) => set(name, e.target.value)}
          />
        )}
      </Field>
    );
  };

  const kindId = `${id}-kind`;
  return (
    <form className="agenda-form" ref={form} onSubmit={submit} onKeyDown={onKeyDown} aria-label={label} noValidate>
      {field('number', 'number', 'Number', { hint: 'As printed: 9 or 9a', className: 'agenda-form__number' })}
      {field('title', 'title', 'Title', { className: 'agenda-form__title' })}
      {field('pagesFrom', 'pages.from', 'Pages from', { className: 'agenda-form__page' })}
      {field('pagesTo', 'pages.to', 'Pages to', { hint: 'Empty for one page', className: 'agenda-form__page' })}
      <Field id={kindId} label="Kind of item" error={errors.kind} className="agenda-form__kind">
        <select
          {...controlProps(kindId, errors.kind)}
          data-field="kind"
          value={values.kind}
          onChange={(e) => {
            setKindChosen(true);
            setValues((v) => ({ ...v, kind: e.target.value as AgendaItemKind }));
          }}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </Field>
      {field('proposer', 'proposer', 'Proposer', { className: 'agenda-form__half' })}
      {field('seconder', 'seconder', 'Seconder', { className: 'agenda-form__half' })}
      {field('motionTitle', 'motionTitle', 'Motion title', { className: 'agenda-form__full' })}
      {field('motionText', 'motionText', 'Motion text', { className: 'agenda-form__full', wide: true })}
      {field('description', 'description', 'Description', { className: 'agenda-form__full', wide: true, hint: 'e.g. To receive apologies for absence.' })}
      <FormError message={summary} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {submitLabel} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
        <span className="muted agenda-form__note">
          In a text box, <kbd>Ctrl+Enter</kbd> saves
        </span>
      </div>
    </form>
  );
};
