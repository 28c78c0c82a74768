// Small pieces the body screens share: a labelled text field with its hint and error, errors from
// the core placed beside the fields they name, Enter-to-save for every kind of control, and a
// confirmation panel.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { ChamberError } from '../../../../shared/errors';
import type { BodyKind } from '../../../../shared/procedure/standingOrders';
import { BODY_KIND_LABELS } from '../../../../shared/state/body';
import { formErrors, mergeErrors, withLabel, type FormErrors } from '../../components/formErrors';
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

/**
 * What every form that sends one command shares: its errors, whether it is saving, focus on its
 * first field when it opens, and on the first field the core found wrong after a refusal.
 * `fieldOf` turns the core's path into the form's field; field ids are `${id}-${field}`.
 */
export const useCommandForm = <F extends string>(fields: readonly F[], fieldOf: (path: string) => string | undefined) => {
  const [errors, setErrors] = useState<FormErrors>({ byField: {} });
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => first.current?.focus(), []);

  /** Send, then place any refusal beside its fields; `local` holds problems found on this side. */
  const submit = async (event: FormEvent, send: () => Promise<ChamberError | undefined>, local: Record<string, string> = {}) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const error = await send();
    setSaving(false);
    if (!error) return;
    const found = mergeErrors(local, formErrors(error, fieldOf));
    setErrors(found);
    const wrong = firstWithError(fields, found.byField);
    if (wrong) document.getElementById(`${id}-${wrong}`)?.focus();
  };

  return { errors, saving, first, id, submit };
};

/** The kind of body, with a line saying what choosing it does. */
export const KindSelect = ({ id, value, onChange, hint, error }: { id: string; value: BodyKind; onChange(kind: BodyKind): void; hint: string; error?: string }) => (
  <div className={`field ${error ? 'field--error' : ''}`}>
    <label htmlFor={id}>Kind of body</label>
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as BodyKind)} aria-describedby={`${id}-hint`}>
      {(Object.keys(BODY_KIND_LABELS) as BodyKind[]).map((k) => (
        <option key={k} value={k}>
          {BODY_KIND_LABELS[k]}
        </option>
      ))}
    </select>
    <p className="field__hint" id={`${id}-hint`}>
      {hint}
    </p>
    {error && (
      <p className="field__error" role="alert">
        {withLabel('Kind of body', error)}
      </p>
    )}
  </div>
);
