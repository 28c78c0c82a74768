// Small pieces the body screens share: a labelled text field with its hint and error, errors from
// the core placed beside the fields they name, Enter-to-save for every kind of control, and a
// confirmation panel.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { withLabel } from '../../components/formErrors';
import { FormError } from '../../components/FormParts';
export { formErrors, mergeErrors, withLabel, type FormErrors } from '../../components/formErrors';

const isSubmitOnEnter = (target: EventTarget): boolean =>
  target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && ['checkbox', 'radio'].includes(target.type));

/**
 * Enter saves from any control of the form, not only from text fields (a checkbox, a radio
 * button or a list would otherwise ignore it), Ctrl+Enter from a multi-line field; Escape cancels.
 */
export const formKeys = (onCancel: () => void) => (event: KeyboardEvent<HTMLFormElement>) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  } else if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && isSubmitOnEnter(event.target)) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
};

/** The id of the first field that has an error, in the order given. */
export const firstWithError = (order: readonly string[], byField: Record<string, string>): string | undefined =>
  order.find((field) => byField[field] !== undefined);

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  numeric?: boolean;
  className?: string;
  list?: string;
  /** The parent shows the error (with id `${id}-error`) somewhere with more room. */
  errorShownElsewhere?: boolean;
}

/** A labelled one-line field; the hint and the error sit under it and describe it. */
export const TextField = ({ id, label, value, onChange, error, hint, inputRef, numeric, className, list, errorShownElsewhere }: TextFieldProps) => {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        autoComplete="off"
        spellCheck={false}
        inputMode={numeric ? 'numeric' : undefined}
        list={list}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && !errorShownElsewhere && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {withLabel(label, error)}
        </p>
      )}
    </div>
  );
};

interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
  problem?: string;
}

/** Asks before something is taken away. Enter (on the focused button) confirms; Escape keeps. */
export const Confirm = ({ title, children, confirmLabel, onConfirm, onCancel, busy, problem }: ConfirmProps) => {
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => button.current?.focus(), []);
  return (
    <section
      className="bo-confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <div id={`${id}-text`}>{children}</div>
      <FormError message={problem} />
      <div className="form-actions">
        <button type="button" ref={button} className="button bo-button--danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Keep <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
};
