// The core's refusals placed beside the fields they name, for every form in the renderer.
import type { ChamberError } from '../../../shared/errors';
import { issueSentence } from '../../../shared/validationMessages';

/** "must not be empty" becomes "Surname must not be empty"; a whole sentence from the core stays as it is. */
export const withLabel = (label: string, message: string): string => (/^\p{Ll}/u.test(message) ? `${label} ${message}` : message);

export interface FormErrors {
  byField: Record<string, string>;
  /** What belongs to no field on the form, shown above its buttons. */
  summary?: string;
}

/**
 * Places the core's errors (details.issues, or details.field with the message) on the form's
 * fields. `fieldOf` turns the core's path ("member.initials.0") into the form's field
 * ("initials"), or undefined when the form has no such field.
 */
export const formErrors = (error: ChamberError, fieldOf: (path: string) => string | undefined): FormErrors => {
  const issues = error.details.issues ?? (error.details.field !== undefined ? [{ field: error.details.field, message: error.message }] : []);
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    // A problem with no field on this form, as a sentence that names its field in words ("Item 4's title must not be empty.").
    if (field === undefined) unplaced.push(error.details.issues ? issueSentence(issue) : issue.message);
    else byField[field] ??= issue.message;
  }
  if (issues.length === 0) return { byField, summary: error.message };
  return { byField, summary: unplaced.length ? unplaced.join(' ') : undefined };
};

/** Merges errors found on this side (wording the clerk will recognise wins) with the core's. */
export const mergeErrors = (local: Record<string, string>, core: FormErrors): FormErrors => ({
  byField: { ...core.byField, ...local },
  summary: core.summary,
});

