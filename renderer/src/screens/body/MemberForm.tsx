// Adding or correcting one member: the name as minutes write it, group, roles, voting, substitute.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MemberRoleName, type MemberDetails } from '../../../../shared/commands/body';
import type { ChamberError } from '../../../../shared/errors';
import { memberFullName, type Member } from '../../../../shared/state/body';
import { firstWithError, formErrors, formKeys, mergeErrors, TextField, withLabel, type FormErrors } from './formParts';
import { FormError } from '../../components/FormParts';

interface Values {
  title: string;
  forenames: string;
  initials: string;
  surname: string;
  knownAs: string;
  honours: string;
  group: string;
  /** What the member sits for, separated by semicolons. */
  sitsFor: string;
  roles: MemberRoleName[];
  voting: boolean;
  substituteFor: string;
}

const FIELD_ORDER = ['title', 'forenames', 'initials', 'surname', 'knownAs', 'honours', 'group', 'sitsFor', 'roles', 'voting', 'substituteFor'] as const;

const LABELS: Record<(typeof FIELD_ORDER)[number], string> = {
  title: 'Title',
  forenames: 'Forenames',
  initials: 'Initials',
  surname: 'Surname',
  knownAs: 'Known as',
  honours: 'Honours',
  group: 'Political group',
  sitsFor: 'Sits for',
  roles: 'Roles',
  voting: 'Voting',
  substituteFor: 'Substitute for',
};

const valuesOf = (member: MemberDetails | undefined): Values => ({
  title: member?.title ?? '',
  forenames: member?.forenames ?? '',
  initials: member?.initials.join(' ') ?? '',
  surname: member?.surname ?? '',
  knownAs: member?.knownAs ?? '',
  honours: member?.honours.join(' ') ?? '',
  group: member?.group ?? '',
  sitsFor: (member?.sitsFor ?? []).join('; '),
  roles: member?.roles ?? [],
  voting: member?.voting ?? true,
  substituteFor: member?.substituteFor ?? '',
});

/** What the clerk typed, as the command takes it; with our own wording for what cannot be read. */
export const detailsOf = (values: Values): { member: MemberDetails; errors: Record<string, string> } => {
  const errors: Record<string, string> = {};
  const initialsText = values.initials.replace(/[.,\s]/g, '');
  if (!/^\p{L}*$/u.test(initialsText)) errors.initials = 'must be letters, such as M J';
  const honours = values.honours
    .split(/[\s,;]+/)
    .map((h) => h.replace(/\./g, '').toUpperCase())
    .filter(Boolean);
  const forenames = values.forenames.trim();
  const knownAs = values.knownAs.trim();
  const sitsFor = values.sitsFor
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    member: {
      title: values.title.trim().replace(/\.$/, ''),
      ...(forenames ? { forenames } : {}),
      initials: [...initialsText.toUpperCase()],
      surname: values.surname,
      ...(knownAs ? { knownAs } : {}),
      honours,
      group: values.group.trim(),
      ...(sitsFor.length ? { sitsFor } : {}),
      roles: MemberRoleName.options.filter((role) => values.roles.includes(role)),
      voting: values.voting,
      ...(values.substituteFor ? { substituteFor: values.substituteFor } : {}),
    },
    errors,
  };
};

/** "member.initials.0" → "initials"; "member" alone (a duplicate, say) belongs to the whole form. */
const fieldOf = (path: string): string | undefined => {
  const [head, field] = path.split('.');
  return head === 'member' && field && (FIELD_ORDER as readonly string[]).includes(field) ? field : undefined;
};

interface Props {
  /** The member being corrected; none when adding. */
  member?: Member;
  bodyName: string;
  /** Current members, for the substitute list (the member being edited is left out). */
  members: readonly Member[];
  groups: readonly string[];
  onSubmit(member: MemberDetails): Promise<ChamberError | undefined>;
  onCancel(): void;
  /** Offered when correcting a member. */
  onRemove?(): void;
}

export const MemberForm = ({ member, bodyName, members, groups, onSubmit, onCancel, onRemove }: Props) => {
  const [values, setValues] = useState<Values>(() => valuesOf(member));
  const [errors, setErrors] = useState<FormErrors>({ byField: {} });
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => first.current?.focus(), []);

  const preview = (() => {
    const { member: details } = detailsOf(values);
    return details.surname.trim() ? memberFullName({ ...details, surname: details.surname.trim() }) : '';
  })();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const { member: details, errors: local } = detailsOf(values);
    const error = await onSubmit(details);
    setSaving(false);
    if (!error) return;
    const merged = mergeErrors(local, formErrors(error, fieldOf));
    setErrors(merged);
    const wrong = firstWithError(FIELD_ORDER, merged.byField);
    if (wrong === 'roles') document.getElementById(fieldId('roles-Chairman'))?.focus();
    else if (wrong === 'voting') document.getElementById(fieldId('voting'))?.focus();
    else if (wrong) document.getElementById(fieldId(wrong))?.focus();
  };

  const error = (name: keyof typeof LABELS) => errors.byField[name];
  const keys = formKeys(onCancel);
  const substitutes = members.filter((m) => m.active && m.id !== member?.id);

  return (
    <form
      className="bo-member-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (onRemove && event.altKey && event.key === 'Delete') {
          event.preventDefault();
          onRemove();
        } else keys(event);
      }}
      noValidate aria-label={member ? `Edit ${memberFullName(member)}` : 'Add a member'}>
      <div className="bo-member-form__names">
        <TextField id={fieldId('title')} inputRef={first} label={LABELS.title} hint="Mr, Mrs, Ms, Dr, Sir…" value={values.title} onChange={(v) => set('title', v)} error={error('title')} className="bo-field--narrow" />
        <TextField
          id={fieldId('forenames')}
          label={LABELS.forenames}
          hint="Only when minutes write them in full, as in “Sir Paul Carter”"
          value={values.forenames}
          onChange={(v) => set('forenames', v)}
          error={error('forenames')}
        />
        <TextField id={fieldId('initials')} label={LABELS.initials} hint="e.g. M J" value={values.initials} onChange={(v) => set('initials', v)} error={error('initials')} className="bo-field--narrow" />
        <TextField id={fieldId('surname')} label={LABELS.surname} value={values.surname} onChange={(v) => set('surname', v)} error={error('surname')} />
        <TextField
          id={fieldId('knownAs')}
          label={LABELS.knownAs}
          hint="Only when not the first name: “M” for Mr P M Hill, known as Mike"
          value={values.knownAs}
          onChange={(v) => set('knownAs', v)}
          error={error('knownAs')}
          className="bo-field--narrow"
        />
        <TextField id={fieldId('honours')} label={LABELS.honours} hint="e.g. MBE, or CBE TD" value={values.honours} onChange={(v) => set('honours', v)} error={error('honours')} className="bo-field--narrow" />
      </div>
      <p className="bo-member-form__preview" aria-live="polite">
        Minutes will write: <strong>{preview || '…'}</strong>
      </p>
      <div className="bo-member-form__more">
        <TextField
          id={fieldId('group')}
          label={LABELS.group}
          hint="e.g. Conservative; leave empty when none"
          list={`${id}-groups`}
          value={values.group}
          onChange={(v) => set('group', v)}
          error={error('group')}
        />
        <datalist id={`${id}-groups`}>
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <TextField
          id={fieldId('sitsFor')}
          label={LABELS.sitsFor}
          hint="Under the body's terms of reference, as its quorum names them: organisation, area or capacity, separated by semicolons (e.g. Kent and Medway ICB; East Kent area). Usually empty."
          value={values.sitsFor}
          onChange={(v) => set('sitsFor', v)}
          error={error('sitsFor')}
        />
        <fieldset className={`bo-choices ${error('roles') ? 'field--error' : ''}`} aria-describedby={error('roles') ? fieldId('roles-error') : undefined}>
          <legend>{LABELS.roles}</legend>
          {MemberRoleName.options.map((role) => (
            <label key={role} className="bo-choice">
              <input
                type="checkbox"
                id={fieldId(`roles-${role.replace(/\s/g, '-')}`)}
                checked={values.roles.includes(role)}
                onChange={(e) => set('roles', e.target.checked ? [...values.roles, role] : values.roles.filter((r) => r !== role))}
              />
              {role}
            </label>
          ))}
          {error('roles') && (
            <p className="field__error" id={fieldId('roles-error')} role="alert">
              {withLabel(LABELS.roles, error('roles')!)}
            </p>
          )}
        </fieldset>
        <div className="bo-member-form__side">
          <div className={`field ${error('voting') ? 'field--error' : ''}`}>
            <label className="bo-choice">
              <input type="checkbox" id={fieldId('voting')} checked={values.voting} onChange={(e) => set('voting', e.target.checked)} aria-describedby={fieldId('voting-hint')} />
              Voting member
            </label>
            <p className="field__hint" id={fieldId('voting-hint')}>
              Untick for a non-voting or co-opted member.
            </p>
            {error('voting') && (
              <p className="field__error" role="alert">
                {withLabel(LABELS.voting, error('voting')!)}
              </p>
            )}
          </div>
          <div className={`field ${error('substituteFor') ? 'field--error' : ''}`}>
            <label htmlFor={fieldId('substituteFor')}>{LABELS.substituteFor}</label>
            <select
              id={fieldId('substituteFor')}
              value={values.substituteFor}
              onChange={(e) => set('substituteFor', e.target.value)}
              aria-invalid={error('substituteFor') ? true : undefined}
              aria-describedby={error('substituteFor') ? fieldId('substituteFor-error') : undefined}
            >
              <option value="">Not a substitute</option>
              {substitutes.map((m) => (
                <option key={m.id} value={m.id}>
                  {memberFullName(m)}
                </option>
              ))}
            </select>
            {error('substituteFor') && (
              <p className="field__error" id={fieldId('substituteFor-error')} role="alert">
                {withLabel(LABELS.substituteFor, error('substituteFor')!)}
              </p>
            )}
          </div>
        </div>
      </div>
      <FormError message={errors.summary} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {member ? 'Save member' : `Add to ${bodyName}`} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
        {onRemove && (
          <button type="button" className="button bo-button--danger-outline bo-form-actions__end" onClick={onRemove}>
            Remove from {bodyName}… <kbd>Alt+Del</kbd>
          </button>
        )}
      </div>
    </form>
  );
};
