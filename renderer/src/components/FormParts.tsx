// Pieces every form shares: the problem that belongs to no field, the Save and Cancel buttons,
// and a choice of member by the name the minutes use.
import type { Member } from '../../../shared/state/body';

/** A refusal shown above the form's buttons; nothing when there is none. */
export const FormError = ({ message }: { message?: string }) =>
  message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;

export const FormActions = ({ submitLabel, saving = false, onCancel }: { submitLabel: string; saving?: boolean; onCancel(): void }) => (
  <div className="form-actions">
    <button type="submit" className="button button--primary" disabled={saving}>
      {submitLabel} <kbd>Enter</kbd>
    </button>
    <button type="button" className="button" onClick={onCancel}>
      Cancel <kbd>Esc</kbd>
    </button>
  </div>
);

interface MemberSelectProps {
  id: string;
  label: string;
  members: readonly Member[];
  names: Record<string, string>;
  value: string;
  onChange(memberId: string): void;
  /** What the empty choice says. */
  placeholder?: string;
}

/** Members in surname order, by the short names that keep them apart. */
export const MemberSelect = ({ id, label, members, names, value, onChange, placeholder = 'Choose…' }: MemberSelectProps) => (
  <div className="field">
    <label htmlFor={id}>{label}</label>
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {[...members]
        .sort((a, b) => a.surname.localeCompare(b.surname))
        .map((m) => (
          <option key={m.id} value={m.id}>
            {names[m.id]}
          </option>
        ))}
    </select>
  </div>
);
