// A labelled field with its problem (or a hint) beside it, as every Chamber form shows them.
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}

/** The attributes the control inside a Field needs so that its problem is read out with it. */
export const controlProps = (id: string, error: string | undefined, hint?: string) => ({
  id,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

export const Field = ({ id, label, error, hint, className, children }: FieldProps) => (
  <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
    <label htmlFor={id}>{label}</label>
    {children}
    {error ? (
      <p className="field__error" id={`${id}-error`} role="alert">
        {label} {error}
      </p>
    ) : hint ? (
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    ) : null}
  </div>
);
