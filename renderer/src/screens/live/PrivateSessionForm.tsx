// Excluding the press and public: the reason, recorded and minuted, chosen from the paragraphs of
// Schedule 12A (or typed). The whole reason is shown, and selected when the field is focused, so
// typing replaces it rather than running on from its hidden end.
import { useId, useState, type FormEvent } from 'react';
import { exemptReason, SCHEDULE_12A_PARAGRAPHS } from '../../../../shared/procedure/exemptInformation';

interface Props {
  /** The body's own reasons (its terms of reference); absent: the paragraphs of Schedule 12A. */
  reasons?: readonly string[];
  onSubmit(reason: string): void;
  onCancel(): void;
}

/** The choices offered: the body's own reasons, or Schedule 12A's paragraphs, each with the reason the minutes give. */
const choicesOf = (reasons: readonly string[] | undefined): { value: number; label: string; reason: string }[] =>
  reasons?.length
    ? reasons.map((reason, index) => ({ value: index + 1, label: reason, reason }))
    : SCHEDULE_12A_PARAGRAPHS.map((p) => ({ value: p.paragraph, label: `Paragraph ${p.paragraph}: ${p.text}`, reason: exemptReason(p.paragraph) }));

export const PrivateSessionForm = ({ reasons, onSubmit, onCancel }: Props) => {
  const id = useId();
  const choices = choicesOf(reasons);
  const first = reasons?.length ? choices[0] : (choices.find((c) => c.value === 3) ?? choices[0]);
  const [paragraph, setParagraph] = useState<number | 'other'>(first.value);
  const [reason, setReason] = useState(first.reason);
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
        <label htmlFor={`${id}-paragraph`}>{reasons?.length ? 'Reason, from the body’s terms of reference' : 'Exempt information (Schedule 12A, Part 1)'}</label>
        <select
          id={`${id}-paragraph`}
          autoFocus
          value={paragraph}
          onChange={(e) => {
            const value = e.target.value === 'other' ? 'other' : Number(e.target.value);
            setParagraph(value);
            if (value !== 'other') setReason(choices.find((c) => c.value === value)?.reason ?? '');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
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
