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
  /** The whole number of seats, vacancies included; null for one per voting member listed. */
  seats: number | null;
}

interface Props {
  body: BodyState;
  onSubmit(details: BodyDetails): Promise<ChamberError | undefined>;
  onCancel(): void;
}

const FIELDS = ['name', 'kind', 'next', 'seats'] as const;

export const BodyDetailsForm = ({ body, onSubmit, onCancel }: Props) => {
  const [name, setName] = useState(body.name);
  const [kind, setKind] = useState<BodyKind>(body.kind);
  const [next, setNext] = useState(String(body.nextMinuteNumber));
  const [seats, setSeats] = useState(body.seats === undefined ? '' : String(body.seats));
  const { errors, saving, first, id, submit } = useCommandForm(FIELDS, (path) =>
    path === 'name' || path === 'kind' || path === 'seats' ? path : path === 'next' || path === 'nextMinuteNumber' ? 'next' : undefined,
  );

  const save = (event: FormEvent) => {
    const number = /^\s*\d+\s*$/.test(next) ? Number(next) : Number.NaN;
    const seatCount = seats.trim() === '' ? null : /^\s*\d+\s*$/.test(seats) ? Number(seats) : Number.NaN;
    const local: Record<string, string> = {
      ...(Number.isNaN(number) ? { next: 'must be a whole number, such as 219' } : {}),
      ...(Number.isNaN(seatCount) ? { seats: 'must be a whole number, such as 81, or empty' } : {}),
    };
    void submit(
      event,
      () => onSubmit({ name, kind, next: Number.isNaN(number) ? (next as unknown as number) : number, seats: Number.isNaN(seatCount) ? (seats as unknown as number) : seatCount }),
      local,
    );
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
      <TextField
        id={`${id}-seats`}
        label="Seats (vacancies included)"
        numeric
        hint="The quorum is reckoned on every seat, filled or not. Leave empty to count one seat per voting member listed."
        value={seats}
        onChange={setSeats}
        error={errors.byField.seats}
        className="bo-field--narrow"
      />
      <FormError message={errors.summary} />
      <FormActions submitLabel="Save details" saving={saving} onCancel={onCancel} />
    </form>
  );
};
