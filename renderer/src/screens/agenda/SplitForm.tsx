// Splitting an item the importer ran together: what the item keeps, and the new item after it.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AgendaItemDetails } from '../../../../shared/commands/agenda';
import type { ChamberError } from '../../../../shared/errors';
import { guessItemKind, type AgendaItemKind } from '../../../../shared/import/agenda';
import { controlProps, Field } from './Field';
import { errorsByField, KIND_LABELS, KINDS, pagesFromText } from './kinds';
import { FormError, FormActions } from '../../components/FormParts';

const FIELD_NAMES = ['firstTitle', 'second.number', 'second.title', 'second.pages.from', 'second.pages.to', 'second.pages', 'second.kind'];

interface Props {
  item: AgendaItemDetails;
  suggestedNumber: string;
  onSubmit(firstTitle: string, second: AgendaItemDetails): Promise<ChamberError | undefined>;
  onCancel(): void;
}

export const SplitForm = ({ item, suggestedNumber, onSubmit, onCancel }: Props) => {
  const [firstTitle, setFirstTitle] = useState(item.title);
  const [number, setNumber] = useState(suggestedNumber);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AgendaItemKind>('other');
  const [kindChosen, setKindChosen] = useState(false);
  const [pagesFrom, setPagesFrom] = useState('');
  const [pagesTo, setPagesTo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const { pages, errors: typed } = pagesFromText(pagesFrom, pagesTo);
    let byField: Record<string, string> = Object.fromEntries(Object.entries(typed).map(([key, message]) => [`second.${key}`, message]));
    let rest: string | undefined;
    if (Object.keys(byField).length === 0) {
      setSaving(true);
      const error = await onSubmit(firstTitle, { number, title, kind, ...(pages ? { pages } : {}) });
      setSaving(false);
      if (!error) return;
      ({ fields: byField, rest } = errorsByField(error, '', FIELD_NAMES));
      if (byField['second.pages']) byField['second.pages.to'] ??= byField['second.pages'];
    }
    setErrors(byField);
    setSummary(rest);
    const wrong = FIELD_NAMES.find((name) => byField[name]);
    if (wrong) form.current?.querySelector<HTMLElement>(`[data-field="${wrong}"]`)?.focus();
  };

  const input = (name: string, label: string, value: string, onChange: (value: string) => void, options: { hint?: string; className?: string } = {}) => {
    const fieldId = `${id}-${name.replace(/\./g, '-')}`;
    return (
      <Field id={fieldId} label={label} error={errors[name]} hint={options.hint} className={options.className}>
        <input
          {...controlProps(fieldId, errors[name], options.hint)}
          ref={name === 'firstTitle' ? first : undefined}
          data-field={name}
          type="text"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </Field>
    );
  };

  const kindId = `${id}-kind`;
  return (
    <form className="agenda-form" ref={form} onSubmit={submit} aria-label={`Split item ${item.number}`} noValidate>
      <p className="agenda-form__full muted">Item {item.number} keeps the first part of what the importer ran together; the rest becomes a new item.</p>
      {input('firstTitle', `Item ${item.number} keeps the title`, firstTitle, setFirstTitle, { className: 'agenda-form__full' })}
      <fieldset className="agenda-form__full agenda-form__group">
        <legend>The new item, straight after item {item.number}</legend>
        <div className="agenda-form">
          {input('second.number', 'Number', number, setNumber, { className: 'agenda-form__number', hint: 'e.g. 9a' })}
          {input(
            'second.title',
            'Title',
            title,
            (value) => {
              setTitle(value);
              if (!kindChosen) setKind(guessItemKind(value));
            },
            { className: 'agenda-form__title' },
          )}
          {input('second.pages.from', 'Pages from', pagesFrom, setPagesFrom, { className: 'agenda-form__page' })}
          {input('second.pages.to', 'Pages to', pagesTo, setPagesTo, { className: 'agenda-form__page', hint: 'Empty for one page' })}
          <Field id={kindId} label="Kind of item" error={errors['second.kind']} className="agenda-form__kind">
            <select
              {...controlProps(kindId, errors['second.kind'])}
              data-field="second.kind"
              value={kind}
              onChange={(e) => {
                setKindChosen(true);
                setKind(e.target.value as AgendaItemKind);
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>
      <FormError message={summary} />
      <FormActions submitLabel="Split the item" saving={saving} onCancel={onCancel} />
    </form>
  );
};
