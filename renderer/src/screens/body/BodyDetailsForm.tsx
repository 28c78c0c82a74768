// A body's name, kind and the number its next minute will take.
import { useState, type FormEvent } from 'react';
import type { ChamberError } from '../../../../shared/errors';
import type { BodyKind } from '../../../../shared/procedure/standingOrders';
import type { BodyState } from '../../../../shared/state/body';
import { formKeys, KindSelect, TextField, useCommandForm } from './formParts';
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
  const { errors, saving, first, id, submit } = useCommandForm(FIELDS, (path) =>
    path === 'name' || path === 'kind' ? path : path === 'next' || path === 'nextMinuteNumber' ? 'next' : undefined,
  );

  const save = (event: FormEvent) => {
    const number = /^\s*\d+\s*$/.test(next) ? Number(next) : Number.NaN;
    const local: Record<string, string> = Number.isNaN(number) ? { next: 'must be a whole number, such as 219' } : {};
    void submit(event, () => onSubmit({ name, kind, next: Number.isNaN(number) ? (next as unknown as number) : number }), local);
  };

  return (
    <form className="bo-details-form" onSubmit={save} onKeyDown={formKeys(onCancel)} noValidate aria-label="Edit the body’s details">
      <TextField id={`${id}-name`} inputRef={first} label="Name" hint="e.g. Kent County Council, Planning Applications Committee" value={name} onChange={setName} error={errors.byField.name} />
      <KindSelect id={`${id}-kind`} value={kind} onChange={setKind} hint="Changing the kind keeps the standing orders as they are." error={errors.byField.kind} />
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
