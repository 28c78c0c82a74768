// Pieces every form shares: the problem that belongs to no field, the Save and Cancel buttons,
// and a choice of member by the name the minutes use.

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

