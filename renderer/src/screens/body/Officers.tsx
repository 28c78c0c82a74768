// Officers in attendance: council staff listed in the minutes, never counted for quorum or votes.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OfficerDetails } from '../../../../shared/commands/body';
import type { ChamberError } from '../../../../shared/errors';
import { parseInAttendance } from '../../../../shared/import/inAttendance';
import type { Officer } from '../../../../shared/state/body';
import { Confirm, formKeys, TextField, useCommandForm } from './formParts';
import { FormActions, FormError } from '../../components/FormParts';

export type OfficerTask = { kind: 'add' } | { kind: 'import' } | { kind: 'edit'; officerId: string } | { kind: 'remove'; officerId: string };

export type OfficerCommand =
  | { type: 'officer.add'; officer: OfficerDetails }
  | { type: 'officer.import'; officers: OfficerDetails[] }
  | { type: 'officer.update'; officerId: string; officer: OfficerDetails }
  | { type: 'officer.remove'; officerId: string };

/** Officers from the IN ATTENDANCE paragraph of earlier minutes: read, shown, then imported together. */
const ImportOfficers = ({ onImport, onCancel }: { onImport(officers: OfficerDetails[]): Promise<ChamberError | undefined>; onCancel(): void }) => {
  const [text, setText] = useState('');
  const [read, setRead] = useState<OfficerDetails[]>();
  const [notes, setNotes] = useState<{ text: string; message: string }[]>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  // Once read, the list is checked and Enter imports it.
  useEffect(() => {
    if (read) importButton.current?.focus();
  }, [read]);

  const check = () => {
    const result = parseInAttendance(text);
    if ('error' in result) {
      setRead(undefined);
      setNotes([]);
      setProblem(result.error.message);
    } else {
      setRead(result.officers);
      setNotes(result.warnings ?? []);
      setProblem(undefined);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!read) return check();
    setBusy(true);
    const error = await onImport(read);
    setBusy(false);
    setProblem(error?.message);
  };

  return (
    <form className="bo-officer-form" onSubmit={submit} onKeyDown={formKeys(onCancel)} aria-label="Import officers from minutes">
      <div className="field">
        <label htmlFor="in-attendance">Paste the IN ATTENDANCE paragraph</label>
        <textarea id="in-attendance" rows={4} autoFocus value={text} onChange={(e) => { setText(e.target.value); setRead(undefined); }} />
      </div>
      {read && (
        <>
          <p>{read.length} officers read:</p>
          <ul aria-label="Officers to import">
            {read.map((o) => (
              <li key={o.name}>
                {o.name} <span className="muted">({o.jobTitle})</span>
              </li>
            ))}
          </ul>
          {notes.length > 0 && (
            <div className="bo-warnings">
              <h4>
                {notes.length} {notes.length === 1 ? 'thing' : 'things'} to check
              </h4>
              <ul>
                {notes.map((note, index) => (
                  <li key={index}>
                    “{note.text}” — {note.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      <FormError message={problem} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} ref={importButton}>
          {read ? `Import ${read.length} officers` : 'Read the paragraph'} <kbd>{read ? 'Enter' : 'Ctrl+Enter'}</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
};

interface FormProps {
  officer?: Officer;
  onSubmit(officer: OfficerDetails): Promise<ChamberError | undefined>;
  onCancel(): void;
}

const FIELDS = ['name', 'jobTitle'] as const;

const OfficerForm = ({ officer, onSubmit, onCancel }: FormProps) => {
  const [values, setValues] = useState<OfficerDetails>({ name: officer?.name ?? '', jobTitle: officer?.jobTitle ?? '' });
  const { errors, saving, first, id, submit } = useCommandForm(FIELDS, (path) => {
    const field = path.replace(/^officer\./, '');
    return (FIELDS as readonly string[]).includes(field) ? field : undefined;
  });

  return (
    <form className="bo-officer-form" onSubmit={(e) => void submit(e, () => onSubmit(values))} onKeyDown={formKeys(onCancel)} noValidate aria-label={officer ? `Edit ${officer.name}` : 'Add an officer'}>
      <TextField id={`${id}-name`} inputRef={first} label="Officer’s name" hint="As the minutes write it, e.g. Mr B Watts" value={values.name} onChange={(name) => setValues((v) => ({ ...v, name }))} error={errors.byField.name} />
      <TextField
        id={`${id}-jobTitle`}
        label="Job title"
        hint="e.g. General Counsel"
        value={values.jobTitle}
        onChange={(jobTitle) => setValues((v) => ({ ...v, jobTitle }))}
        error={errors.byField.jobTitle}
      />
      <FormError message={errors.summary} />
      <FormActions submitLabel={officer ? 'Save officer' : 'Add officer'} saving={saving} onCancel={onCancel} />
    </form>
  );
};

interface Props {
  bodyName: string;
  officers: readonly Officer[];
  task?: OfficerTask;
  onTask(task: OfficerTask | undefined, focusAfter?: string): void;
  invoke(command: OfficerCommand): Promise<ChamberError | undefined>;
  /** The shortcut that adds one, shown on the button. */
  addKey: string;
}

export const officerRowId = (officerId: string) => `officer-${officerId}`;

export const Officers = ({ bodyName, officers, task, onTask, invoke, addKey }: Props) => {
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const current = officers.filter((o) => o.active);
  const named = (officerId: string) => current.find((o) => o.id === officerId);

  if (task?.kind === 'import') {
    return (
      <ImportOfficers
        onCancel={() => onTask(undefined, 'import-officers')}
        onImport={async (list) => {
          const error = await invoke({ type: 'officer.import', officers: list });
          if (!error) onTask(undefined, 'add-officer');
          return error;
        }}
      />
    );
  }

  if (task?.kind === 'add' || task?.kind === 'edit') {
    const officer = task.kind === 'edit' ? named(task.officerId) : undefined;
    return (
      <OfficerForm
        officer={officer}
        onCancel={() => onTask(undefined, task.kind === 'edit' ? officerRowId(task.officerId) : 'add-officer')}
        onSubmit={async (details) => {
          const error = await invoke(task.kind === 'edit' ? { type: 'officer.update', officerId: task.officerId, officer: details } : { type: 'officer.add', officer: details });
          if (!error) onTask(undefined, task.kind === 'edit' ? officerRowId(task.officerId) : 'add-officer');
          return error;
        }}
      />
    );
  }

  if (task?.kind === 'remove') {
    const officer = named(task.officerId);
    return (
      <Confirm
        title={`Remove ${officer?.name ?? 'this officer'}?`}
        confirmLabel="Remove officer"
        busy={busy}
        problem={problem}
        onCancel={() => {
          setProblem(undefined);
          onTask(undefined, officerRowId(task.officerId));
        }}
        onConfirm={async () => {
          setBusy(true);
          const error = await invoke({ type: 'officer.remove', officerId: task.officerId });
          setBusy(false);
          setProblem(error?.message);
          if (!error) onTask(undefined, 'add-officer');
        }}
      >
        <p>
          {officer?.name}, {officer?.jobTitle}, will no longer be listed as attending {bodyName}. Minutes already written keep them.
        </p>
      </Confirm>
    );
  }

  return (
    <>
      {current.length === 0 ? (
        <p className="muted">No officers yet. The minutes list them under IN ATTENDANCE.</p>
      ) : (
        <table className="bo-officers-table">
          <caption className="bo-visually-hidden">Officers in attendance at {bodyName}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Job title</th>
              <th scope="col">
                <span className="bo-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {current.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{o.jobTitle}</td>
                <td>
                  <div className="bo-row-actions">
                    <button
                      type="button"
                      className="button bo-button--small"
                      id={officerRowId(o.id)}
                      onClick={() => onTask({ kind: 'edit', officerId: o.id })}
                      onKeyDown={(e) => e.key === 'Delete' && onTask({ kind: 'remove', officerId: o.id })}
                      aria-label={`Edit ${o.name}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button bo-button--small bo-button--danger-outline"
                      onClick={() => onTask({ kind: 'remove', officerId: o.id })}
                      aria-label={`Remove ${o.name}`}
                    >
                      Remove
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" id="add-officer" className="button" onClick={() => onTask({ kind: 'add' })}>
          Add officer <kbd>{addKey}</kbd>
        </button>
        <button type="button" id="import-officers" className="button" onClick={() => onTask({ kind: 'import' })}>
          Import from minutes (IN ATTENDANCE)
        </button>
      </div>
    </>
  );
};
