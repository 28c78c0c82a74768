// Importing a body's members: from the PRESENT paragraph of earlier minutes, or from a spreadsheet
// saved as CSV. The clerk sees the list as it was read (count, names, roles, warnings with their
// line numbers) and confirms it before anything is saved; member.import is all or nothing.
import { useId, useLayoutEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { MemberDetails } from '../../../../shared/commands/body';
import type { ChamberError } from '../../../../shared/errors';
import { fieldWords } from '../../../../shared/fieldNames';
import type { ImportWarning } from '../../../../shared/import/agenda';
import { MEMBER_CSV_COLUMNS, MEMBERS_CSV_TEMPLATE, memberFromPresentName, membersFromCsvRows } from '../../../../shared/import/membersCsv';
import { parsePresentParagraph, type PresentParagraph } from '../../../../shared/import/presentParagraph';
import { minutesStyleOf, type MinutesStyle } from '../../../../shared/minutes/style';
import { memberFullName, memberKey, type BodyState } from '../../../../shared/state/body';
import { fieldIssues } from '../../../../shared/validationMessages';
import { readCsv } from '../../import/readCsv';
import { useShortcut } from '../../shortcuts';

export type ImportSource = 'present_paragraph' | 'csv';

interface Candidate {
  member: MemberDetails;
  /** The CSV line it came from. */
  line?: number;
  problem?: string;
  /** What the clerk should check in a name read from the PRESENT paragraph ("no title", "two names run together?"). */
  checks?: string[];
  /** The PRESENT paragraph's word for the role, where it is not Chamber's ("Chair", "Mayor"). */
  roleAsWritten?: string;
}

type Checked =
  | { error: { message: string; line?: number } }
  | { candidates: Candidate[]; warnings: ImportWarning[]; problems: string[]; roleWords?: PresentParagraph['roleWords'] };

const SOURCE_LABELS: Record<ImportSource, string> = {
  present_paragraph: 'the PRESENT paragraph of earlier minutes',
  csv: 'a spreadsheet saved as CSV',
};

const TEMPLATE_NAME = 'chamber-members-template.csv';
let templateUrl: string | undefined;
/** One small Blob for the life of the page: the link stays valid however often it is used. */
const templateHref = (): string =>
  (templateUrl ??= URL.createObjectURL(new Blob([MEMBERS_CSV_TEMPLATE], { type: 'text/csv;charset=utf-8' })));

const where = (candidate: Candidate, index: number): string => (candidate.line !== undefined ? `Line ${candidate.line}` : `Name ${index + 1}`);

/**
 * A member's field and what is wrong with it, in words, to follow "Line 3, Mr M Harrison: ":
 * "initials.0" and "must be one capital letter" → "initial 1 must be one capital letter".
 */
const problemOf = (field: string, message: string): string => {
  if (!/^\p{Ll}/u.test(message)) return message.replace(/\.$/, '');
  const words = fieldWords(field);
  return `${words ? words.charAt(0).toLowerCase() + words.slice(1) : 'this entry'} ${message}`;
};

const listOfNames = (names: readonly string[]): string =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

/** Reads the text and checks the list against the schema, itself and the body's current members. */
const check = (source: ImportSource, text: string, body: BodyState): Checked => {
  let candidates: Candidate[];
  let warnings: ImportWarning[] = [];
  let roleWords: PresentParagraph['roleWords'] | undefined;
  if (source === 'present_paragraph') {
    const read = parsePresentParagraph(text);
    if ('error' in read) return read;
    candidates = read.members.map((name, index) => {
      const { checks, roleAsWritten } = read.entries[index];
      return { member: memberFromPresentName(name), ...(checks.length > 0 ? { checks } : {}), ...(roleAsWritten === undefined ? {} : { roleAsWritten }) };
    });
    // Notes on a name are shown beside it; here, the parts left out as not names.
    warnings = read.warnings.filter((warning) => warning.member === undefined);
    roleWords = read.roleWords;
  } else {
    const cells = readCsv(text);
    if ('error' in cells) return cells;
    const read = membersFromCsvRows(cells.rows);
    if ('error' in read) return read;
    // The same lines membersFromCsvRows read: non-empty ones after the header.
    const lines = cells.rows
      .map((row, index) => ({ row, line: index + 1 }))
      .filter(({ row }) => row.some((cell) => cell.trim() !== ''))
      .slice(1)
      .map(({ line }) => line);
    candidates = read.members.map((member, index) => ({ member, line: lines[index] }));
  }
  const problems: string[] = [];
  candidates.forEach((candidate, index) => {
    const parsed = MemberDetails.safeParse(candidate.member);
    if (!parsed.success) {
      const [issue] = fieldIssues(parsed.error);
      candidate.problem = problemOf(issue.field, issue.message);
      problems.push(`${where(candidate, index)}, ${memberFullName(candidate.member)}: ${candidate.problem}.`);
    }
  });
  const current = new Set(body.members.filter((m) => m.active).map(memberKey));
  const already = candidates.filter((c) => current.has(memberKey(c.member)));
  for (const c of already) c.problem ??= 'already a member';
  if (already.length) {
    const all = already.length === candidates.length;
    problems.push(
      `${all ? `All ${already.length}` : already.length} of these ${already.length === 1 ? 'name is' : 'names are'} already ${already.length === 1 ? 'a member' : 'members'} of ${body.name}: ${listOfNames(already.map((c) => memberFullName(c.member)))}.`,
    );
  }
  const seen = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    const key = memberKey(candidate.member);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, index);
      return;
    }
    candidate.problem ??= 'listed twice';
    problems.push(`${memberFullName(candidate.member)} is listed twice (${where(candidates[earlier], earlier)} and ${where(candidate, index).toLowerCase()}).`);
  });
  return { candidates, warnings, problems, ...(roleWords === undefined ? {} : { roleWords }) };
};

/** The body's house style with the paragraph's words for the chair, or undefined when they are already the body's. */
const styleWithRoleWords = (body: BodyState, roleWords: PresentParagraph['roleWords'] | undefined): MinutesStyle | undefined => {
  const style = minutesStyleOf(body);
  const chairman = roleWords?.chairman ?? style.chairman;
  const viceChairman = roleWords?.viceChairman ?? style.viceChairman;
  return chairman === style.chairman && viceChairman === style.viceChairman ? undefined : { ...style, chairman, viceChairman };
};

/** Selects a line of the text, so the clerk lands on what needs correcting. */
const selectLine = (area: HTMLTextAreaElement | null, line: number | undefined) => {
  if (!area) return;
  area.focus();
  if (line === undefined) return;
  const lines = area.value.split(/\r\n|\n|\r/);
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
};

/** "members.3.initials.0" → the fourth entry and its field. */
const describeRefusal = (error: ChamberError, candidates: readonly Candidate[]): { index?: number; message: string } => {
  const issue = error.details.issues?.[0] ?? { field: error.details.field ?? '', message: error.message };
  const match = /^members\.(\d+)(?:\.(.+))?$/.exec(issue.field);
  const index = match ? Number(match[1]) : undefined;
  const candidate = index !== undefined ? candidates[index] : undefined;
  let message = error.message;
  if (candidate && error.details.issues) message = `${where(candidate, index!)}, ${memberFullName(candidate.member)}: ${problemOf(match![2] ?? '', issue.message)}.`;
  else if (candidate && candidate.line !== undefined) message = `Line ${candidate.line}: ${error.message}`;
  return { index, message: /nothing was imported/i.test(message) ? message : `${message} Nothing was imported.` };
};

interface Props {
  body: BodyState;
  onImport(source: ImportSource, members: MemberDetails[]): Promise<ChamberError | undefined>;
  /** Saves the body's house style: the PRESENT paragraph's words for the chair ("Chair", "Mayor"), when the clerk keeps them. */
  onMinutesStyle?(style: MinutesStyle): Promise<ChamberError | undefined>;
  onDone(count: number, source: ImportSource): void;
  onCancel(): void;
}

export const ImportMembers = ({ body, onImport, onMinutesStyle, onDone, onCancel }: Props) => {
  const [source, setSource] = useState<ImportSource>('present_paragraph');
  const [texts, setTexts] = useState<Record<ImportSource, string>>({ present_paragraph: '', csv: '' });
  const [fileName, setFileName] = useState<string>();
  const [checked, setChecked] = useState<Checked>();
  const [previewing, setPreviewing] = useState(false);
  const [refusal, setRefusal] = useState<{ index?: number; message: string }>();
  const [saving, setSaving] = useState(false);
  const [keepRoleWords, setKeepRoleWords] = useState(true);
  const area = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const template = useRef<HTMLAnchorElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const text = texts[source];
  const readError = checked && 'error' in checked ? checked.error : undefined;
  const list = checked && !('error' in checked) ? checked : undefined;
  const canImport = list !== undefined && list.problems.length === 0 && list.candidates.length > 0;
  const newStyle = list && source === 'present_paragraph' && onMinutesStyle ? styleWithRoleWords(body, list.roleWords) : undefined;

  // A layout effect: after a file is read the preview and the focus on its Import button come in
  // one paint, so Enter pressed the moment the preview shows imports (it used to land on <body>).
  useLayoutEffect(() => {
    if (!previewing) area.current?.focus();
    else if (canImport) confirm.current?.focus();
    else previewHeading.current?.focus();
    // Only when the step changes: not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewing]);

  const runCheck = (from: ImportSource, value: string) => {
    const result = check(from, value, body);
    setChecked(result);
    setRefusal(undefined);
    if ('error' in result) {
      setPreviewing(false);
      selectLine(area.current, result.error.line);
    } else setPreviewing(true);
  };

  const chooseSource = (next: ImportSource) => {
    setSource(next);
    setChecked(undefined);
    setPreviewing(false);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const value = await chosen.text();
    setFileName(chosen.name);
    setTexts((t) => ({ ...t, csv: value }));
    runCheck('csv', value);
    event.target.value = '';
  };

  const confirmImport = async () => {
    if (!list || !canImport || saving) return;
    setSaving(true);
    let error = await onImport(source, list.candidates.map((c) => c.member));
    if (!error && newStyle && keepRoleWords && onMinutesStyle) error = await onMinutesStyle(newStyle);
    setSaving(false);
    if (!error) {
      onDone(list.candidates.length, source);
      return;
    }
    setRefusal(describeRefusal(error, list.candidates));
    previewHeading.current?.focus();
  };

  const onTextKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runCheck(source, text);
    }
  };

  const onPanelKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    if (previewing) setPreviewing(false);
    else onCancel();
  };

  useShortcut('o', () => file.current?.click(), { alt: true, enabled: source === 'csv' && !previewing });
  useShortcut('t', () => template.current?.click(), { alt: true, enabled: source === 'csv' && !previewing });

  if (previewing && list) {
    const count = list.candidates.length;
    const toCheck = list.candidates.filter((c) => c.checks !== undefined).length;
    return (
      <section className="bo-import" aria-labelledby={`${id}-preview`} onKeyDown={onPanelKey}>
        <h3 id={`${id}-preview`} ref={previewHeading} tabIndex={-1}>
          {count} {count === 1 ? 'member' : 'members'} read from {source === 'csv' ? (fileName ?? 'the CSV') : 'the PRESENT paragraph'}
        </h3>
        {source === 'present_paragraph' && (
          <p className="bo-import-count" id={`${id}-count`}>
            <strong>
              {count} {count === 1 ? 'name' : 'names'} read; {toCheck} to check
            </strong>
            {toCheck > 0 ? ': each is marked “Check” below with the reason. Compare them with the minutes before importing.' : '.'}
          </p>
        )}
        <p className="muted">Check the list. Nothing is saved until you import it; if anything is wrong, nothing is imported.</p>
        {(list.problems.length > 0 || refusal) && (
          <div className="bo-problem" role="alert">
            <p>
              <strong>Nothing can be imported{refusal ? '' : ' yet'}.</strong> Importing is all or nothing; correct the text and check it again.
            </p>
            <ul>
              {refusal && <li>{refusal.message}</li>}
              {list.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {list.warnings.length > 0 && (
          <div className="bo-warnings">
            <h4>
              {source === 'present_paragraph'
                ? `${list.warnings.length} ${list.warnings.length === 1 ? 'part' : 'parts'} not read as ${list.warnings.length === 1 ? 'a name' : 'names'}, left out`
                : `${list.warnings.length} ${list.warnings.length === 1 ? 'thing' : 'things'} to check`}
            </h4>
            <ul>
              {list.warnings.map((w, index) => (
                <li key={index}>
                  {w.line !== undefined && <strong>Line {w.line}: </strong>}“{w.text}” — {w.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <ol className="bo-import-list" aria-label="Members to import">
          {list.candidates.map((c, index) => {
            const problem = refusal?.index === index ? 'refused' : c.problem;
            return (
              <li key={index} className={problem ? 'bo-import-list__problem' : c.checks ? 'bo-import-list__check' : undefined}>
                <span className="bo-import-list__name">{memberFullName(c.member)}</span>
                {c.member.roles.map((role) => (
                  <span key={role} className={`bo-role bo-role--${role === 'Chairman' ? 'chair' : role === 'Vice-Chairman' ? 'vice' : 'other'}`}>
                    {c.roleAsWritten ?? role}
                  </span>
                ))}
                {c.member.group && <span className="muted"> {c.member.group}</span>}
                {!c.member.voting && <span className="bo-badge bo-badge--nonvoting">Non-voting</span>}
                {problem && <span className="bo-import-list__why"> — {problem}</span>}
                {c.checks && (
                  <span className="bo-import-list__checks">
                    {' '}
                    — <strong>Check:</strong> {c.checks.join(' ')}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        {newStyle && (
          <div className="field">
            <label className="bo-choice">
              <input type="checkbox" checked={keepRoleWords} onChange={(e) => setKeepRoleWords(e.target.checked)} />
              Write “{newStyle.chairman}” and “{newStyle.viceChairman}” in the minutes of {body.name}, as this paragraph does (the house style now says “
              {minutesStyleOf(body).chairman}” and “{minutesStyleOf(body).viceChairman}”)
            </label>
          </div>
        )}
        <div className="form-actions">
          {canImport && !refusal && (
            <button type="button" ref={confirm} className="button button--primary" onClick={() => void confirmImport()} disabled={saving}>
              Import {count} {count === 1 ? 'member' : 'members'} into {body.name} <kbd>Enter</kbd>
            </button>
          )}
          <button type="button" className="button" onClick={() => setPreviewing(false)}>
            Back to the text <kbd>Esc</kbd>
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel the import
          </button>
        </div>
      </section>
    );
  }

  const areaId = `${id}-text`;
  return (
    <section className="bo-import" aria-labelledby={`${id}-title`} onKeyDown={onPanelKey}>
      <h3 id={`${id}-title`}>Import members into {body.name}</h3>
      <fieldset className="bo-choices bo-choices--row">
        <legend>Where is the list?</legend>
        {(Object.keys(SOURCE_LABELS) as ImportSource[]).map((s) => (
          <label key={s} className="bo-choice">
            <input type="radio" name={`${id}-source`} value={s} checked={source === s} onChange={() => chooseSource(s)} />
            {s === 'present_paragraph' ? 'PRESENT paragraph of earlier minutes' : 'Spreadsheet saved as CSV'}
          </label>
        ))}
      </fieldset>
      <div className={source === 'csv' ? 'bo-import__csv' : undefined}>
        <div>
          {source === 'csv' && (
            <div className="field">
              <label htmlFor={`${id}-file`}>
                Choose a CSV file <kbd>Alt+O</kbd>
              </label>
              <input id={`${id}-file`} ref={file} type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
              {fileName && <p className="field__hint">Read {fileName}; its text is below.</p>}
            </div>
          )}
          <div className={`field ${readError ? 'field--error' : ''}`}>
            <label htmlFor={areaId}>{source === 'csv' ? 'Or paste the CSV text' : 'Paste the PRESENT paragraph'}</label>
            <textarea
              id={areaId}
              ref={area}
              className="bo-import__text"
              rows={source === 'csv' ? 9 : 10}
              spellCheck={false}
              value={text}
              onChange={(e) => setTexts((t) => ({ ...t, [source]: e.target.value }))}
              onKeyDown={onTextKey}
              aria-invalid={readError ? true : undefined}
              aria-describedby={`${areaId}-hint${readError ? ` ${areaId}-error` : ''}`}
            />
            <p className="field__hint" id={`${areaId}-hint`}>
              {source === 'csv'
                ? 'One line per member, with a header line naming the columns.'
                : 'From “PRESENT:” to the last name, as in the minutes: “Mr M J Harrison (Chairman) … Mr M A Wickham and Mrs Z Wiltshire”. Anything from IN ATTENDANCE on is left out.'}
            </p>
            {readError && (
              <p className="field__error" id={`${areaId}-error`} role="alert">
                {readError.line !== undefined && !/^Line \d/.test(readError.message) ? `Line ${readError.line}: ` : ''}
                {readError.message} Nothing has been imported.
              </p>
            )}
          </div>
        </div>
        {source === 'csv' && (
          <aside className="bo-import__help" aria-labelledby={`${id}-columns`}>
            <p>
              <a ref={template} href={templateHref()} download={TEMPLATE_NAME}>
                Download the CSV template
              </a>{' '}
              <kbd>Alt+T</kbd>
            </p>
            <table className="bo-columns-table">
              <caption id={`${id}-columns`}>The columns</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">What to put</th>
                </tr>
              </thead>
              <tbody>
                {MEMBER_CSV_COLUMNS.map((c) => (
                  <tr key={c.name}>
                    <th scope="row">
                      <code>{c.name}</code>
                      {c.required && <span className="bo-required"> (required)</span>}
                    </th>
                    <td>{c.help}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </aside>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={() => runCheck(source, text)}>
          Check the list <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
};
