// The meeting's details, for creating a meeting and for editing one. Errors appear beside the field.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChamberError } from '../../../shared/errors';
import { formatDateInput, parseDateInput, parseTimeInput } from '../../../shared/format';
import type { BodySummary } from '../../../shared/state/body';
import { formErrors, mergeErrors } from './formErrors';
import { FormActions, FormError } from './FormParts';

export interface MeetingDetails {
  bodyId: string;
  title: string;
  date: string;
  startTime: string;
  venue: string;
}

interface Props {
  initial: MeetingDetails;
  bodies: readonly BodySummary[];
  submitLabel: string;
  onSubmit(details: MeetingDetails): Promise<ChamberError | undefined>;
  onCancel(): void;
}

const FIELDS: { name: keyof MeetingDetails; label: string; hint?: string }[] = [
  { name: 'bodyId', label: 'Body' },
  { name: 'title', label: 'Meeting title', hint: 'e.g. County Council' },
  { name: 'date', label: 'Date', hint: 'Day first, e.g. 22/10/2015 or 22/10/15' },
  { name: 'startTime', label: 'Start time (24-hour)', hint: 'e.g. 10:00 or 14:30' },
  { name: 'venue', label: 'Venue', hint: 'e.g. Council Chamber, Sessions House, County Hall, Maidstone' },
];

/** Dates and times are typed as the clerk writes them and sent to the core in ISO form. */
const toDetails = (values: MeetingDetails): { details: MeetingDetails; errors: Record<string, string> } => {
  const date = parseDateInput(values.date);
  const startTime = parseTimeInput(values.startTime);
  const errors: Record<string, string> = {};
  if (!date) errors.date = 'must be a real date, written day first, such as 22/10/2015';
  if (!startTime) errors.startTime = 'must be a time such as 10:00 or 14:30';
  return { details: { ...values, date: date ?? values.date, startTime: startTime ?? values.startTime }, errors };
};

export const MeetingForm = ({ initial, bodies, submitLabel, onSubmit, onCancel }: Props) => {
  const [values, setValues] = useState<MeetingDetails>({
    bodyId: initial.bodyId || bodies[0]?.id || '',
    title: initial.title,
    date: initial.date && formatDateInput(initial.date),
    startTime: initial.startTime,
    venue: initial.venue,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [saving, setSaving] = useState(false);
  const firstField = useRef<HTMLSelectElement>(null);
  const formId = useId();

  useEffect(() => firstField.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    // Always ask the core, so every field's problem shows at once; our own wording for
    // dates and times wins, as the clerk typed them day first.
    const { details, errors: typed } = toDetails(values);
    const error = await onSubmit(details);
    setSaving(false);
    if (!error) return;
    const placed = mergeErrors(typed, formErrors(error, (path) => (FIELDS.some((f) => f.name === path) ? path : undefined)));
    setErrors(placed.byField);
    // A problem that belongs to no field on this form is still shown, above the buttons.
    const firstWrong = FIELDS.find((f) => placed.byField[f.name]);
    setSummary(placed.summary);
    if (firstWrong) document.getElementById(`${formId}-${firstWrong.name}`)?.focus();
  };

  /**
   * Esc cancels the form and goes no further: the screen behind re-renders before the key reaches
   * the window, and its own Esc (back to the meetings list) must not take it as well.
   */
  const cancelOnEscape = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className="meeting-form" onSubmit={submit} onKeyDown={cancelOnEscape} noValidate>
      {FIELDS.map((field) => {
        const id = `${formId}-${field.name}`;
        const error = errors[field.name];
        return (
          <div className={`field ${error ? 'field--error' : ''}`} key={field.name}>
            <label htmlFor={id}>{field.label}</label>
            {field.name === 'bodyId' ? (
              <select
                id={id}
                ref={firstField}
                name="bodyId"
                value={values.bodyId}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setValues({ ...values, bodyId: e.target.value })}
              >
                {bodies.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={field.name}
                type="text"
                autoComplete="off"
                value={values[field.name]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : field.hint ? `${id}-hint` : undefined}
                onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              />
            )}
            {error ? (
              <p className="field__error" id={`${id}-error`} role="alert">
                {field.label} {error}
              </p>
            ) : field.hint ? (
              <p className="field__hint" id={`${id}-hint`}>
                {field.hint}
              </p>
            ) : null}
          </div>
        );
      })}
      <FormError message={summary} />
      <FormActions submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
    </form>
  );
};
