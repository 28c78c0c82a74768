// A body's name, kind and the number its next minute will take.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChamberError } from '../../../../shared/errors';
import type { BodyKind } from '../../../../shared/procedure/standingOrders';
import { BODY_KIND_LABELS, type BodyState } from '../../../../shared/state/body';
import { firstWithError, formErrors, formKeys, mergeErrors, TextField, withLabel, type FormErrors } from './formParts';
import { FormError, FormActions } from '../../components/FormParts';

export interface BodyDetails {
  name: string;
  kind: BodyKind;
  /** A whole number, or what the clerk typed when it is not one (the core then says why). */
  next: number;
}

interface Props {
  body: BodyState;
  onSubmit(details: BodyDetails): Promise<ChamberError | undefined>;
  onCancel(): void;
}

const FIELDS = ['name', 'kind', 'next'] as const;

export const BodyDetailsForm = ({ body, onSubmit, onCancel }: Props) => {
  const [name, setName] = useState(body.name);
  const [kind, setKind] = useState<BodyKind>(body.kind);
  const [next, setNext] = useState(String(body.nextMinuteNumber));
  const [errors, setErrors] = useState<FormErrors>({ byField: {} });
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    const number = /^\s*\d+\s*$/.test(next) ? Number(next) : Number.NaN;
    if (Number.isNaN(number)) local.next = 'must be a whole number, such as 219';
    setSaving(true);
    const error = await onSubmit({ name, kind, next: Number.isNaN(number) ? (next as unknown as number) : number });
    setSaving(false);
    if (!error) return;
    const found = mergeErrors(local, formErrors(error, (path) => (path === 'name' || path === 'kind' ? path : path === 'next' || path === 'nextMinuteNumber' ? 'next' : undefined)));
    setErrors(found);
    const wrong = firstWithError(FIELDS, found.byField);
    if (wrong) document.getElementById(`${id}-${wrong}`)?.focus();
  };

  return (
    <form className="bo-details-form" onSubmit={submit} onKeyDown={formKeys(onCancel)} noValidate aria-label="Edit the body’s details">
      <TextField id={`${id}-name`} inputRef={first} label="Name" hint="e.g. Kent County Council, Planning Applications Committee" value={name} onChange={setName} error={errors.byField.name} />
      <div className={`field ${errors.byField.kind ? 'field--error' : ''}`}>
        <label htmlFor={`${id}-kind`}>Kind of body</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as BodyKind)} aria-describedby={`${id}-kind-hint`}>
          {(Object.keys(BODY_KIND_LABELS) as BodyKind[]).map((k) => (
            <option key={k} value={k}>
              {BODY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <p className="field__hint" id={`${id}-kind-hint`}>
          Changing the kind keeps the standing orders as they are.
        </p>
        {errors.byField.kind && (
          <p className="field__error" role="alert">
            {withLabel('Kind of body', errors.byField.kind)}
          </p>
        )}
      </div>
      <TextField
        id={`${id}-next`}
        label="Next minute number"
        numeric
        hint="Minutes are numbered across meetings: the next meeting’s first minute takes this number."
        value={next}
        onChange={setNext}
        error={errors.byField.next}
        className="bo-field--narrow"
      />
      <FormError message={errors.summary} />
      <FormActions submitLabel="Save details" saving={saving} onCancel={onCancel} />
    </form>
  );
};
