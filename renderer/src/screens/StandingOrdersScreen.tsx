// A body's standing orders: every number the meeting screens run on, edited before the meeting.
// Save (Enter) sends the whole profile; the core's errors appear beside the field they name.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { localTimeOf } from '../../../shared/format';
import { describeQuorumCondition, quorumRequired } from '../../../shared/procedure/quorum';
import { defaultStandingOrders } from '../../../shared/procedure/standingOrders';
import { BODY_KIND_LABELS, type BodyState } from '../../../shared/state/body';
import { bodyTopic } from '../../../shared/topics';
import { useChamber, useTopic } from '../context';
import { useShortcut } from '../shortcuts';
import { firstWithError, formErrors, formKeys, mergeErrors, TextField, withLabel, type FormErrors } from './body/formParts';
import {
  blankCondition,
  CONDITION_KINDS,
  conditionField,
  parseMinutesSeconds,
  profileOf,
  readableCondition,
  type SO_FIELDS,
  soFieldOf,
  soFieldsInOrder,
  soId,
  SPEECH_ROLES,
  valuesOf,
  type ConditionValues,
  type SOValues,
  type SpeechRole,
} from './body/standingOrdersValues';
import './bodies.css';
import { FormError } from '../components/FormParts';

interface CheckProps {
  field: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
  hint?: string;
  errorLabel: string;
}

const Check = ({ field, label, checked, onChange, error, hint, errorLabel }: CheckProps) => {
  const id = soId(field);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field bo-field--check ${error ? 'field--error' : ''}`}>
      <label className="bo-choice" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {withLabel(errorLabel, error)}
        </p>
      )}
    </div>
  );
};

/** A list the clerk types one entry a line (special majorities, who presides, reasons for excluding the public). */
const LinesField = ({ field, label, value, onChange, error, hint, errorLabel }: { field: string; label: string; value: string; onChange(value: string): void; error?: string; hint: ReactNode; errorLabel: string }) => {
  const id = soId(field);
  return (
    <div className={`field ${error ? 'field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} />
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {withLabel(errorLabel, error)}
        </p>
      )}
    </div>
  );
};

interface ConditionsProps {
  conditions: ConditionValues[];
  onChange(conditions: ConditionValues[]): void;
  /** The error for a field of the form, by its name ("quorum.conditions.1.names"). */
  error(field: string): string | undefined;
  /** Whether the rule has a number: the conditions come on top of it, or instead of one. */
  withNumber: boolean;
}

/** As many as the standing orders accept (shared/procedure/standingOrders.ts). */
const MAX_CONDITIONS = 20;

/**
 * The quorum conditions of the body's terms of reference, one group of fields each: its kind, its
 * names one per line and its number, with the condition in words under it as the clerk types.
 * Alt+Q adds one and puts the focus on its kind; removing one puts the focus on the next.
 */
const QuorumConditions = ({ conditions, onChange, error, withNumber }: ConditionsProps) => {
  // Where the focus goes once the list has changed (the new condition, or the next one).
  const focusOn = useRef<string>(undefined);
  useEffect(() => {
    if (focusOn.current === undefined) return;
    document.getElementById(focusOn.current)?.focus();
    focusOn.current = undefined;
  }, [conditions.length]);
  const full = conditions.length >= MAX_CONDITIONS;
  const add = useCallback(() => {
    onChange([...conditions, blankCondition()]);
    focusOn.current = soId(conditionField(conditions.length, 'kind'));
  }, [conditions, onChange]);
  useShortcut('q', add, { alt: true, enabled: !full });
  const remove = (index: number) => {
    onChange(conditions.filter((_, i) => i !== index));
    focusOn.current = index < conditions.length - 1 ? soId(conditionField(index, 'kind')) : soId('quorum.conditions');
  };
  const change = (index: number, patch: Partial<ConditionValues>) => onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const listId = soId('quorum.conditions');
  const listError = error('quorum.conditions');

  return (
    <div className="bo-so-conditions">
      <p className="bo-so-conditions__intro">
        {conditions.length === 0
          ? 'No conditions. Add one when the body’s terms of reference require particular members present, e.g. two Independent Persons, or one from each partner.'
          : withNumber
            ? 'Conditions from the body’s terms of reference, on top of the number:'
            : 'Conditions from the body’s terms of reference: the meeting may proceed when all are met.'}
      </p>
      {conditions.map((condition, index) => {
        const kind = CONDITION_KINDS.find((k) => k.key === condition.kind) ?? CONDITION_KINDS[0];
        const kindId = soId(conditionField(index, 'kind'));
        const namesField = conditionField(index, 'names');
        const namesId = soId(namesField);
        const numberField = conditionField(index, 'number');
        const kindError = error(conditionField(index, 'kind'));
        const namesError = error(namesField);
        const readable = readableCondition(condition);
        return (
          <fieldset key={index} className="bo-so-condition" aria-describedby={`${kindId}-words`}>
            <legend>Condition {index + 1}</legend>
            <div className={`field ${kindError ? 'field--error' : ''}`}>
              <label htmlFor={kindId}>Kind of condition</label>
              <select
                id={kindId}
                value={condition.kind}
                onChange={(e) => change(index, { kind: e.target.value as ConditionValues['kind'] })}
                aria-invalid={kindError ? true : undefined}
                aria-describedby={kindError ? `${kindId}-error` : undefined}
              >
                {CONDITION_KINDS.map((k) => (
                  <option key={k.key} value={k.key}>
                    {k.label}
                  </option>
                ))}
              </select>
              {kindError && (
                <p className="field__error" id={`${kindId}-error`} role="alert">
                  {withLabel('Kind of condition', kindError)}
                </p>
              )}
            </div>
            <div className="bo-so-condition__fields">
              <div className={`field ${namesError ? 'field--error' : ''}`}>
                <label htmlFor={namesId}>{kind.names}, one per line</label>
                <textarea
                  id={namesId}
                  rows={3}
                  value={condition.names}
                  onChange={(e) => change(index, { names: e.target.value })}
                  aria-invalid={namesError ? true : undefined}
                  aria-describedby={`${namesId}-hint${namesError ? ` ${namesId}-error` : ''}`}
                />
                <p className="field__hint" id={`${namesId}-hint`}>
                  As the members&rsquo; Group, Roles or Sits for gives them, e.g. {condition.kind === 'amongRoles' ? 'Independent Person' : 'Kent County Council'}.
                </p>
                {namesError && (
                  <p className="field__error" id={`${namesId}-error`} role="alert">
                    {withLabel(kind.names, namesError)}
                  </p>
                )}
              </div>
              <TextField
                id={soId(numberField)}
                label={kind.number}
                numeric
                className="bo-field--narrow"
                value={condition.number}
                onChange={(v) => change(index, { number: v })}
                error={error(numberField)}
              />
            </div>
            <div className="bo-so-condition__foot">
              <p className="bo-so-condition__words" id={`${kindId}-words`} aria-live="polite">
                {readable ? `Needs ${describeQuorumCondition(readable)}.` : `Type the ${kind.names.toLowerCase()} and a whole number to see the condition in words.`}
              </p>
              <button type="button" className="button bo-button--small bo-button--danger-outline" onClick={() => remove(index)}>
                Remove condition {index + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        id={listId}
        className="button bo-button--small"
        onClick={add}
        aria-invalid={listError ? true : undefined}
        aria-describedby={listError ? `${listId}-error` : undefined}
        disabled={full}
      >
        Add a condition <kbd>Alt+Q</kbd>
      </button>
      {full && <p className="field__hint">The standing orders allow at most {MAX_CONDITIONS} conditions.</p>}
      {listError && (
        <p className="field__error" id={`${listId}-error`} role="alert">
          {withLabel('Quorum conditions', listError)}
        </p>
      )}
    </div>
  );
};

/** "5:00" → "5 minutes", for the clerk to see what was understood. */
const spoken = (text: string, zero = 'no limit'): string => {
  const seconds = parseMinutesSeconds(text);
  if (seconds === undefined) return '';
  if (seconds === 0) return zero;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return [m ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : '', s ? `${s} seconds` : ''].filter(Boolean).join(' ');
};

const same = (a: SOValues, b: SOValues): boolean => JSON.stringify(a) === JSON.stringify(b);

interface FormProps {
  body: BodyState;
  onLeave(): void;
}

const StandingOrdersForm = ({ body, onLeave }: FormProps) => {
  const invoke = useChamber((s) => s.invoke);
  const [values, setValues] = useState<SOValues>(() => valuesOf(body.standingOrders));
  const [errors, setErrors] = useState<FormErrors>({ byField: {} });
  const [status, setStatus] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [leaveWarned, setLeaveWarned] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const dirty = !same(values, valuesOf(body.standingOrders));
  const set = <K extends keyof SOValues>(key: K, value: SOValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setLeaveWarned(false);
  };
  const setSpeech = (role: SpeechRole, text: string) => set('speech', { ...values.speech, [role]: text });
  const error = (field: (typeof SO_FIELDS)[number]) => errors.byField[field];
  const fieldError = useCallback((field: string): string | undefined => errors.byField[field], [errors]);
  // Adding or removing a condition renumbers those after it: their errors no longer say which is which.
  const setConditions = useCallback((conditions: ConditionValues[]) => {
    setValues((v) => ({ ...v, conditions }));
    setLeaveWarned(false);
    setErrors((e) => ({ ...e, byField: Object.fromEntries(Object.entries(e.byField).filter(([field]) => !field.startsWith('quorum.conditions'))) }));
  }, []);
  const voting = body.members.filter((m) => m.active && m.voting).length;

  const reset = useCallback(() => {
    setValues(valuesOf(defaultStandingOrders(body.kind)));
    setErrors({ byField: {} });
    setStatus(`The defaults for a ${BODY_KIND_LABELS[body.kind].toLowerCase()} are filled in. Save to keep them, or leave without saving.`);
  }, [body.kind]);
  useShortcut('r', reset, { alt: true });

  const leave = () => {
    if (dirty && !leaveWarned) {
      setLeaveWarned(true);
      setStatus('There are unsaved changes. Press Enter to save them, or Esc again to leave without saving.');
      return;
    }
    onLeave();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const { standingOrders, errors: local } = profileOf(values);
    setSaving(true);
    const outcome = await invoke({ type: 'body.setStandingOrders', bodyId: body.id, standingOrders });
    setSaving(false);
    if (outcome.ok) {
      setErrors({ byField: {} });
      setLeaveWarned(false);
      setStatus(`Standing orders saved at ${localTimeOf(new Date())}.`);
      return;
    }
    const found = mergeErrors(local, formErrors(outcome.error, soFieldOf));
    setErrors(found);
    setStatus(undefined);
    const wrong = firstWithError(soFieldsInOrder(values.conditions.length), found.byField);
    const target = wrong === 'quorum' ? soId('quorum-fraction') : wrong ? soId(wrong) : undefined;
    if (target) document.getElementById(target)?.focus();
  };

  const number = (field: (typeof SO_FIELDS)[number], label: string, key: keyof SOValues, hint?: string) => (
    <TextField id={soId(field)} label={label} numeric className="bo-field--narrow" hint={hint} value={values[key] as string} onChange={(v) => set(key, v as never)} error={error(field)} />
  );

  const quorumNow = (() => {
    const { standingOrders } = profileOf(values);
    const q = standingOrders.quorum;
    const valid =
      q.kind === 'none'
        ? false
        : q.kind === 'fraction'
          ? Number.isInteger(q.numerator) && Number.isInteger(q.denominator) && q.numerator >= 1 && q.numerator <= q.denominator
          : Number.isInteger(q.count) && q.count >= 1;
    return valid ? quorumRequired(q, voting) : undefined;
  })();

  return (
    <form ref={form} id="standing-orders-form" className="bo-so-form" onSubmit={submit} onKeyDown={formKeys(leave)} noValidate aria-label={`Standing orders of ${body.name}`}>
      <fieldset className="bo-so-group">
        <legend>Division bell and voting</legend>
        {number('divisionBell.seconds', 'Division bell (seconds)', 'bellSeconds', 'Rung before a vote so members outside can return; 0 for no bell.')}
        <Check
          field="divisionBell.chairmanMaySkip"
          label="The chairman may skip the bell when satisfied that all members are present"
          errorLabel="Skipping the bell"
          checked={values.chairmanMaySkip}
          onChange={(v) => set('chairmanMaySkip', v)}
          error={error('divisionBell.chairmanMaySkip')}
        />
        {number('votingWindowSeconds', 'Voting window (seconds)', 'votingWindowSeconds', 'Time allowed for electronic voting once the vote opens.')}
        <Check
          field="castingVote"
          label="On an equality of votes the chairman has a second or casting vote"
          errorLabel="Casting vote"
          hint="Untick when a tie means the proposal is not passed."
          checked={values.castingVote}
          onChange={(v) => set('castingVote', v)}
          error={error('castingVote')}
        />
        <div className="field">
          <label htmlFor={soId('simpleMajorityOf')}>Decisions by a simple majority of</label>
          <select id={soId('simpleMajorityOf')} value={values.simpleMajorityOf} onChange={(e) => set('simpleMajorityOf', e.target.value as 'voting' | 'present')}>
            <option value="voting">those voting (abstentions do not count)</option>
            <option value="present">the members present (more than half must vote for)</option>
          </select>
        </div>
        <Check
          field="usualDecision.consensusFirst"
          label="The body seeks consensus first (an item may be adjourned and reconsidered before a vote)"
          errorLabel="The usual way of deciding"
          checked={values.consensusFirst}
          onChange={(v) => set('consensusFirst', v)}
          error={error('usualDecision.consensusFirst')}
        />
        <div className="field">
          <label htmlFor={soId('usualDecision.vote')}>Votes are usually taken by</label>
          <select id={soId('usualDecision.vote')} value={values.usualVote} onChange={(e) => set('usualVote', e.target.value as SOValues['usualVote'])}>
            <option value="electronic">an electronic vote (a division)</option>
            <option value="show_of_hands">a show of hands</option>
          </select>
        </div>
        <LinesField
          field="organisationVotes.organisations"
          label="Organisations that cast one vote, one per line"
          value={values.organisations}
          onChange={(v) => set('organisations', v)}
          error={error('organisationVotes.organisations')}
          errorLabel="Votes by organisation"
          hint={<>As the members&rsquo; &ldquo;Sits for&rdquo; names them, e.g. West Kent CCG: its representatives cast one vote together, whoever of them attends. Leave empty when every member votes as themselves.</>}
        />
        {values.organisations.trim() !== '' && (
          <div className="field">
            <label htmlFor={soId('organisationVotes.whenRepresentativesDisagree')}>When an organisation&rsquo;s representatives vote differently</label>
            <select
              id={soId('organisationVotes.whenRepresentativesDisagree')}
              value={values.whenRepresentativesDisagree}
              onChange={(e) => set('whenRepresentativesDisagree', e.target.value as SOValues['whenRepresentativesDisagree'])}
            >
              <option value="abstain">the organisation abstains</option>
              <option value="not_counted">its vote is not counted</option>
              <option value="first_listed">its first-listed representative who voted gives its vote</option>
            </select>
          </div>
        )}
      </fieldset>

      <fieldset className="bo-so-group">
        <legend>Speech limits (minutes:seconds)</legend>
        <p className="field__hint bo-so-group__hint">
          Type minutes and seconds, such as 5:00 or 2:30; 0:00 means no limit. Group leaders (Leader, Group Leader) and Cabinet Members speaking on a motion have their own limit when it is
          longer than their role’s; 0:00 there means the role’s limit applies.
        </p>
        <div className="bo-so-speeches">
          {SPEECH_ROLES.map((role) => {
            const field = `speechLimits.${role.key}` as const;
            return (
              <TextField
                key={role.key}
                id={soId(field)}
                label={role.label}
                className="bo-field--narrow"
                hint={spoken(values.speech[role.key], role.key === 'groupLeader' || role.key === 'cabinetMember' ? 'none: the role’s limit' : 'no limit') || ' '}
                value={values.speech[role.key]}
                onChange={(v) => setSpeech(role.key, v)}
                error={error(field)}
              />
            );
          })}
        </div>
      </fieldset>

      <fieldset className="bo-so-group">
        <legend>Time-limited business (minutes)</legend>
        {number('timeLimitedDebateMinutes', 'Motion for time-limited debate (minutes)', 'timeLimitedDebateMinutes', 'The whole debate, from moving to the vote.')}
        {number('questionTimeMinutes', 'Question time (minutes)', 'questionTimeMinutes', 'The fixed period for members’ questions.')}
      </fieldset>

      <fieldset className="bo-so-group" aria-describedby={error('quorum') ? `${soId('quorum')}-error` : undefined}>
        <legend>Quorum</legend>
        <div className="bo-choices bo-choices--row" role="radiogroup" aria-label="Kind of quorum rule">
          <label className="bo-choice">
            <input id={soId('quorum-fraction')} type="radio" name="quorum-kind" checked={values.quorumKind === 'fraction'} onChange={() => set('quorumKind', 'fraction')} />
            A fraction of the voting members
          </label>
          <label className="bo-choice">
            <input id={soId('quorum-fixed')} type="radio" name="quorum-kind" checked={values.quorumKind === 'fixed'} onChange={() => set('quorumKind', 'fixed')} />
            A fixed number of members
          </label>
          {(values.conditions.length > 0 || values.quorumKind === 'none') && (
            <label className="bo-choice">
              <input id={soId('quorum-none')} type="radio" name="quorum-kind" checked={values.quorumKind === 'none'} onChange={() => set('quorumKind', 'none')} />
              No number: only the conditions
            </label>
          )}
        </div>
        {error('quorum') && (
          <p className="field__error" id={`${soId('quorum')}-error`} role="alert">
            {withLabel('Quorum rule', error('quorum')!)}
          </p>
        )}
        {values.quorumKind === 'fraction' ? (
          <>
            <div className="bo-so-fraction">
              <TextField
                id={soId('quorum.numerator')}
                label="Quorum numerator"
                numeric
                value={values.numerator}
                onChange={(v) => set('numerator', v)}
                error={error('quorum.numerator')}
                errorShownElsewhere
              />
              <span className="bo-so-fraction__word" aria-hidden="true">
                in every
              </span>
              <TextField
                id={soId('quorum.denominator')}
                label="Quorum denominator"
                numeric
                value={values.denominator}
                onChange={(v) => set('denominator', v)}
                error={error('quorum.denominator')}
                errorShownElsewhere
              />
            </div>
            <p className="field__hint bo-so-fraction__hint">For example 1 in every 4: a quarter of the voting members, the legal minimum for a full council.</p>
            {(['quorum.numerator', 'quorum.denominator'] as const).map(
              (field) =>
                error(field) && (
                  <p key={field} className="field__error bo-so-fraction__error" id={`${soId(field)}-error`} role="alert">
                    {withLabel(field === 'quorum.numerator' ? 'Quorum numerator' : 'Quorum denominator', error(field)!)}
                  </p>
                ),
            )}
          </>
        ) : values.quorumKind === 'fixed' ? (
          number('quorum.count', 'Quorum (number of members)', 'count')
        ) : null}
        <QuorumConditions conditions={values.conditions} onChange={setConditions} error={fieldError} withNumber={values.quorumKind !== 'none'} />
        <p className="bo-so-result" aria-live="polite">
          {values.quorumKind === 'none' ? (
            'The meeting may proceed when the conditions are met, whatever the number present.'
          ) : quorumNow === undefined ? (
            'Correct the numbers to see the quorum.'
          ) : voting === 0 ? (
            'There are no voting members yet: import them to see how many must be present.'
          ) : (
            <>
              With {voting} voting {voting === 1 ? 'member' : 'members'} now, <strong>{quorumNow}</strong> must be present.
            </>
          )}
        </p>
        <Check
          field="quorum.composition"
          label="Also require a minimum from each of some groups (e.g. partner organisations)"
          errorLabel="Composition"
          checked={values.composition}
          onChange={(v) => set('composition', v)}
        />
        {values.composition && (
          <div className="bo-so-composition">
            <div className={`field ${error('quorum.composition.groups') ? 'field--error' : ''}`}>
              <label htmlFor={soId('quorum.composition.groups')}>Groups, one per line</label>
              <textarea
                id={soId('quorum.composition.groups')}
                rows={3}
                value={values.groups}
                onChange={(e) => set('groups', e.target.value)}
                aria-invalid={error('quorum.composition.groups') ? true : undefined}
                aria-describedby={`${soId('quorum.composition.groups')}-hint${error('quorum.composition.groups') ? ` ${soId('quorum.composition.groups')}-error` : ''}`}
              />
              <p className="field__hint" id={`${soId('quorum.composition.groups')}-hint`}>
                As written in the members’ Group column. Ctrl+Enter saves from here.
              </p>
              {error('quorum.composition.groups') && (
                <p className="field__error" id={`${soId('quorum.composition.groups')}-error`} role="alert">
                  {withLabel('Groups', error('quorum.composition.groups')!)}
                </p>
              )}
            </div>
            {number('quorum.composition.minimumEach', 'Minimum from each group', 'minimumEach')}
          </div>
        )}
      </fieldset>

      <fieldset className="bo-so-group">
        <legend>Virtual attendance</legend>
        <Check
          field="virtualAttendanceCounts.quorum"
          label="Members attending virtually count towards the quorum"
          errorLabel="Virtual attendance"
          hint="English law requires physical presence at a formal meeting."
          checked={values.virtualQuorum}
          onChange={(v) => set('virtualQuorum', v)}
          error={error('virtualAttendanceCounts.quorum')}
        />
        <Check
          field="virtualAttendanceCounts.voting"
          label="Members attending virtually may vote"
          errorLabel="Virtual voting"
          checked={values.virtualVoting}
          onChange={(v) => set('virtualVoting', v)}
          error={error('virtualAttendanceCounts.voting')}
        />
        <Check
          field="virtualAttendanceCounts.atChairsDiscretion"
          label="Virtual attendance counts at the Chair’s discretion (ruled at each meeting)"
          errorLabel="The Chair’s discretion"
          hint="The clerk records the Chair’s ruling on the live screen (Alt+Shift+V); until the Chair rules, members attending virtually do not count. Leave the two boxes above unticked."
          checked={values.virtualDiscretion}
          onChange={(v) => set('virtualDiscretion', v)}
          error={error('virtualAttendanceCounts.atChairsDiscretion')}
        />
      </fieldset>

      <fieldset className="bo-so-group">
        <legend>Deputies</legend>
        <div className={`field ${error('deputies') ? 'field--error' : ''}`}>
          <label htmlFor={soId('deputies')}>Someone may attend in a member&rsquo;s place</label>
          <select
            id={soId('deputies')}
            value={values.deputies}
            onChange={(e) => set('deputies', e.target.value as SOValues['deputies'])}
            aria-invalid={error('deputies') ? true : undefined}
            aria-describedby={error('deputies') ? `${soId('deputies')}-error` : undefined}
          >
            <option value="substitutes">as a substitute named in the membership</option>
            <option value="alternates">as an alternate, with notice</option>
            <option value="none">never: no deputies</option>
          </select>
          {error('deputies') && (
            <p className="field__error" id={`${soId('deputies')}-error`} role="alert">
              {withLabel('Deputies', error('deputies')!)}
            </p>
          )}
        </div>
        {values.deputies === 'alternates' &&
          number('deputies.noticeWorkingDays', 'Notice of an alternate (working days before the meeting)', 'noticeWorkingDays', 'Monday to Friday; bank holidays are not taken out.')}
      </fieldset>

      <fieldset className="bo-so-group">
        <legend>Recorded votes</legend>
        <Check
          field="recordedVote.always"
          label="Record every vote by name"
          errorLabel="Recorded votes"
          checked={values.recordedAlways}
          onChange={(v) => set('recordedAlways', v)}
          error={error('recordedVote.always')}
        />
        <Check field="recordedVote.onRequest" label="Members may ask for a recorded vote" errorLabel="Recorded votes" checked={values.onRequest} onChange={(v) => set('onRequest', v)} />
        {values.onRequest && number('recordedVote.onRequestOf', 'Members needed to ask for one', 'onRequestOf')}
        <Check
          field="recordedVote.forBudget"
          label="Always record budget decisions"
          errorLabel="Budget votes"
          checked={values.forBudget}
          onChange={(v) => set('forBudget', v)}
          error={error('recordedVote.forBudget')}
        />
        <div className="field">
          <label htmlFor={soId('recordedVote.nameStyle')}>Names in recorded votes</label>
          <select id={soId('recordedVote.nameStyle')} value={values.nameStyle} onChange={(e) => set('nameStyle', e.target.value as SOValues['nameStyle'])}>
            <option value="title_initial_surname">Title, initial and surname (Mr M Angell)</option>
            <option value="title_surname">Title and surname (Mr Angell)</option>
          </select>
        </div>
      </fieldset>

      <fieldset className="bo-so-group">
        <legend>Divisions</legend>
        <Check
          field="divisionResults.countsShownLive"
          label="Show the counts while the vote is open (names only after the close)"
          errorLabel="Division results"
          checked={values.countsShownLive}
          onChange={(v) => set('countsShownLive', v)}
          error={error('divisionResults.countsShownLive')}
        />
        <Check
          field="divisionResults.votesFinalOnceCast"
          label="A vote is final once cast"
          errorLabel="Division results"
          checked={values.votesFinalOnceCast}
          onChange={(v) => set('votesFinalOnceCast', v)}
          error={error('divisionResults.votesFinalOnceCast')}
        />
        <Check
          field="divisionResults.closeWhenAllVoted"
          label="Close the vote as soon as every member who may vote has voted"
          errorLabel="Division results"
          checked={values.closeWhenAllVoted}
          onChange={(v) => set('closeWhenAllVoted', v)}
          error={error('divisionResults.closeWhenAllVoted')}
        />
        <LinesField
          field="presidingOrder"
          label="Who presides, in order, one per line"
          value={values.presidingOrder}
          onChange={(v) => set('presidingOrder', v)}
          error={error('presidingOrder')}
          errorLabel="Who presides"
          hint={<>From the body&rsquo;s terms of reference, a role or what a member sits for on each line, e.g. Chairman, then Leader of Medway Council, then ICB Chair. Chamber applies it as each item is taken up (the first present and not withdrawn from the item presides). Leave empty to record who presides yourself.</>}
        />
        <LinesField
          field="specialMajorities"
          label="Special majorities, one per line"
          value={values.specialMajorities}
          onChange={(v) => set('specialMajorities', v)}
          error={error('specialMajorities')}
          errorLabel="Special majorities"
          hint={<>Decisions that need more than a simple majority, e.g. “Suspension of standing orders: two-thirds of those present” (two-thirds or three-quarters; of those voting, of those present, or of the whole membership). The chairman names the rule when calling the division.</>}
        />
        <LinesField
          field="exclusionReasons"
          label="Reasons the press and public may be excluded, one per line"
          value={values.exclusionReasons}
          onChange={(v) => set('exclusionReasons', v)}
          error={error('exclusionReasons')}
          errorLabel="Reasons for excluding the public"
          hint={<>Leave empty for a council and its committees: the paragraphs of Schedule 12A are offered. A joint committee whose terms list their own reasons (the Public Bodies (Admission to Meetings) Act 1960) writes them here, as the minutes should give them.</>}
        />
      </fieldset>

      <div className="bo-so-footer">
        <FormError message={errors.summary} />
        <p className="bo-so-status" role="status">
          {status ?? (dirty ? 'Unsaved changes.' : '')}
        </p>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            Save standing orders <kbd>Enter</kbd>
          </button>
          <button type="button" className="button" onClick={reset}>
            Reset to defaults for a {BODY_KIND_LABELS[body.kind].toLowerCase()} <kbd>Alt+R</kbd>
          </button>
          <button type="button" className="button" onClick={leave}>
            Back to {body.name} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </form>
  );
};

export const StandingOrdersScreen = ({ bodyId }: { bodyId: string }) => {
  const { data: body, missing } = useTopic(bodyTopic(bodyId));
  const navigate = useChamber((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = body !== undefined;
  const back = useCallback(() => navigate({ screen: 'body', bodyId }), [navigate, bodyId]);

  useEffect(() => heading.current?.focus(), [bodyId, loaded]);
  // With the focus on the heading (on arrival), Escape goes back; inside the form, the form decides.
  useShortcut(
    'Escape',
    useCallback(
      (event: KeyboardEvent) => {
        if (!(event.target instanceof Node && document.getElementById('standing-orders-form')?.contains(event.target))) back();
      },
      [back],
    ),
  );

  if (!body) {
    return (
      <main className="screen bo-screen">
        <p role="status">{missing ?? 'Loading the standing orders…'}</p>
        <a href="#/bodies">Back to bodies and members</a>
      </main>
    );
  }

  return (
    <main
      className="screen bo-screen"
      aria-labelledby="so-heading"
      onKeyDown={(event) => {
        // Enter on the heading (where the focus lands) saves, as it does in the form.
        if (event.key === 'Enter' && event.target === heading.current) {
          event.preventDefault();
          (document.getElementById('standing-orders-form') as HTMLFormElement | null)?.requestSubmit();
        }
      }}
    >
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href="#/bodies">Bodies and members</a> › <a href={`#/bodies/${bodyId}`}>{body.name}</a> <kbd>Esc</kbd>
      </nav>
      <header className="screen__header">
        <h1 id="so-heading" tabIndex={-1} ref={heading}>
          Standing orders: {body.name}
        </h1>
        <span className="status status--ready">{BODY_KIND_LABELS[body.kind]}</span>
      </header>
      <p className="muted bo-so-intro">
        The numbers the meeting screens run on. Check them against {body.name}’s own standing orders before the meeting; a motion to suspend standing orders can still change a
        limit for one item.
      </p>
      <StandingOrdersForm key={body.id} body={body} onLeave={back} />
      <footer className="shortcuts" aria-label="Keyboard shortcuts">
        <kbd>Tab</kbd> next field · <kbd>Enter</kbd> save · <kbd>Alt+Q</kbd> add a quorum condition · <kbd>Alt+R</kbd> defaults for this kind · <kbd>Esc</kbd> back to {body.name}
      </footer>
    </main>
  );
};
