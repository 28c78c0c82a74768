// Excluding the press and public: the reason, recorded and minuted, chosen from the paragraphs of
// Schedule 12A (or typed). The whole reason is shown, and selected when the field is focused, so
// typing replaces it rather than running on from its hidden end.
import { useId, useState, type FormEvent } from 'react';
import { exemptReason, SCHEDULE_12A_PARAGRAPHS } from '../../../../shared/procedure/exemptInformation';

interface Props {
  onSubmit(reason: string): void;
  onCancel(): void;
}

export const PrivateSessionForm = ({ onSubmit, onCancel }: Props) => {
  const id = useId();
  const [paragraph, setParagraph] = useState<number | 'other'>(3);
  const [reason, setReason] = useState(exemptReason(3));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason);
  };
  return (
    <form
      className="clock__confirm private-form"
      aria-label="Exclude the press and public"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-paragraph`}>Exempt information (Schedule 12A, Part 1)</label>
        <select
          id={`${id}-paragraph`}
          autoFocus
          value={paragraph}
          onChange={(e) => {
            const value = e.target.value === 'other' ? 'other' : Number(e.target.value);
            setParagraph(value);
            if (value !== 'other') setReason(exemptReason(value));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        >
          {SCHEDULE_12A_PARAGRAPHS.map((p) => (
            <option key={p.paragraph} value={p.paragraph}>
              Paragraph {p.paragraph}: {p.text}
            </option>
          ))}
          <option value="other">Another reason (type it below)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for excluding the press and public (recorded in the minutes)</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setReason(e.target.value);
            setParagraph('other');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Go into private session <kbd>Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
};
