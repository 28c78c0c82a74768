// "Load from the published pack": paste the summons text or open a .txt file or the PDF, check what was
// read in an editable preview (unsure items highlighted, the importer's warnings by line), then
// load the items with agenda.import.
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { AgendaItemDetails } from '../../../../shared/commands/agenda';
import { parseAgenda, type AgendaItemDraft, type AgendaItemKind, type ImportWarning } from '../../../../shared/import/agenda';
import { agendaItemFromDraft } from '../../../../shared/import/agendaItems';
import type { InvokeResult } from '../../../../shared/api';
import { useShortcut } from '../../shortcuts';
import { controlProps, Field } from './Field';
import { KIND_LABELS, KINDS, pagesFromText } from './kinds';
import { readTextFile } from './readTextFile';
import { FormError } from '../../components/FormParts';

export interface PreviewRow {
  key: number;
  include: boolean;
  number: string;
  title: string;
  pagesFrom: string;
  pagesTo: string;
  kind: AgendaItemKind;
  /** What the importer read, for the proposer, seconder, motion and note. */
  draft: AgendaItemDraft;
}

export interface ImportDraft {
  text: string;
  /** The file the text came from, when it was opened rather than pasted. */
  source?: string;
  /** Why nothing could be read: a refused file or the parser's error. */
  problem?: string;
  reading?: { rows: PreviewRow[]; warnings: ImportWarning[] };
}

export const emptyImportDraft: ImportDraft = { text: '' };

const rowOf = (draft: AgendaItemDraft, key: number): PreviewRow => ({
  key,
  include: true,
  number: draft.number,
  title: draft.title,
  pagesFrom: draft.pages ? String(draft.pages.from) : '',
  pagesTo: draft.pages ? String(draft.pages.to) : '',
  kind: draft.kind,
  draft,
});

/** Reads the text into a preview, or says why it cannot. */
export const readDraft = (text: string, source?: string, meetingDate?: string): ImportDraft => {
  if (text.trim() === '') return { text, source, problem: 'There is nothing to read yet: paste the summons and agenda text, or open a .txt file.' };
  const parsed = parseAgenda(text, { meetingDate });
  if ('error' in parsed) {
    const { message, line } = parsed.error;
    return { text, source, problem: line === undefined ? message : `${message} (line ${line})` };
  }
  return { text, source, reading: { rows: parsed.items.map(rowOf), warnings: parsed.warnings } };
};

type RowField = 'number' | 'title' | 'pages.from' | 'pages.to' | 'kind';
const ROW_FIELDS: readonly RowField[] = ['number', 'title', 'pages.from', 'pages.to', 'kind'];

interface Props {
  draft: ImportDraft;
  onDraftChange(update: (draft: ImportDraft) => ImportDraft): void;
  /** How many items the agenda has now: when it has some, ask whether to replace or add. */
  existing: number;
  load(items: AgendaItemDetails[], replace: boolean): Promise<InvokeResult>;
  onLoaded(count: number, replace: boolean): void;
  onClose(): void;
  /** The meeting's date ("2026-03-10"): the reading warns when the summons is for another day. */
  meetingDate?: string;
}

export const ImportPanel = ({ draft, onDraftChange, existing, load, onLoaded, onClose, meetingDate }: Props) => {
  const id = useId();
  const textBox = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [asking, setAsking] = useState(false);
  const [loading, setLoading] = useState(false);
  const [focusPreview, setFocusPreview] = useState(0);
  /** The file being read: a PDF of a whole pack can take a few seconds. */
  const [opening, setOpening] = useState<string>();
  const reading = draft.reading;
  const included = reading?.rows.filter((row) => row.include) ?? [];
  const unsure = reading?.rows.filter((row) => row.draft.confidence === 'unsure').length ?? 0;

  // Opening the panel puts the focus in the text box, or on the preview when there is one.
  useEffect(() => {
    if (previewHeading.current) previewHeading.current.focus();
    else textBox.current?.focus();
  }, []);
  useEffect(() => {
    if (focusPreview > 0) previewHeading.current?.focus();
  }, [focusPreview]);
  useEffect(() => {
    if (asking) firstChoice.current?.focus();
  }, [asking]);

  const read = (text: string, source?: string) => {
    const next = readDraft(text, source, meetingDate);
    onDraftChange(() => next);
    setErrors({});
    setSummary(undefined);
    setAsking(false);
    if (next.reading) setFocusPreview((n) => n + 1);
  };

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setOpening(file.name);
    const result = await readTextFile(file).finally(() => setOpening(undefined));
    input.value = '';
    if ('error' in result) {
      onDraftChange((d) => ({ text: d.text, problem: result.error }));
      setAsking(false);
      return;
    }
    read(result.text, file.name);
  };

  const setRow = (key: number, change: Partial<PreviewRow>) =>
    onDraftChange((d) =>
      d.reading ? { ...d, reading: { ...d.reading, rows: d.reading.rows.map((row) => (row.key === key ? { ...row, ...change } : row)) } } : d,
    );

  const focusField = (key: number, field: RowField) => table.current?.querySelector<HTMLElement>(`[data-cell="${key}-${field}"]`)?.focus();

  const send = async (replace: boolean) => {
    setAsking(false);
    const byField: Record<string, string> = {};
    const items = included.map((row) => {
      const { pages, errors: typed } = pagesFromText(row.pagesFrom, row.pagesTo);
      for (const [field, message] of Object.entries(typed)) byField[`${row.key}.${field}`] = message;
      const { pages: _read, ...rest } = row.draft;
      return agendaItemFromDraft({ ...rest, number: row.number, title: row.title, kind: row.kind, ...(pages ? { pages } : {}) });
    });
    let rest: string | undefined;
    if (Object.keys(byField).length === 0) {
      setLoading(true);
      const outcome = await load(items, replace);
      setLoading(false);
      if (outcome.ok) {
        onLoaded(items.length, replace);
        return;
      }
      // "items.3.title" names the fourth item loaded, which is the fourth row ticked.
      for (const issue of outcome.error.details.issues ?? [{ field: outcome.error.details.field ?? '', message: outcome.error.message }]) {
        const match = /^items\.(\d+)\.(.+)$/.exec(issue.field);
        const row = match ? included[Number(match[1])] : undefined;
        const field = match?.[2] === 'pages' ? 'pages.to' : match?.[2];
        if (row && field && (ROW_FIELDS as readonly string[]).includes(field)) byField[`${row.key}.${field}`] ??= issue.message;
        else rest ??= outcome.error.message;
      }
    }
    setErrors(byField);
    setSummary(rest);
    const first = included.flatMap((row) => ROW_FIELDS.filter((field) => byField[`${row.key}.${field}`]).map((field) => [row.key, field] as const))[0];
    if (first) focusField(first[0], first[1]);
  };

  const start = () => {
    if (loading || included.length === 0) return;
    if (existing > 0) setAsking(true);
    else void send(true);
  };

  const escape = useCallback(() => (asking ? setAsking(false) : onClose()), [asking, onClose]);
  useShortcut('Escape', escape);
  useShortcut('o', useCallback(() => fileInput.current?.click(), []), { alt: true });
  // These change with every edit in the preview, so they are registered afresh on each render.
  useShortcut('l', () => start(), { alt: true, enabled: reading !== undefined });
  useShortcut('r', () => void send(true), asking);
  useShortcut('a', () => void send(false), asking);

  const onTextKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      read(draft.text);
    }
  };

  const textId = `${id}-text`;
  const fileId = `${id}-file`;
  const problemId = `${id}-problem`;
  const textHint = 'Copy the agenda pages of the PDF and paste them here: Chamber reads them at once. After changing the text, Ctrl+Enter reads it again.';
  return (
    <section className="panel pack-import" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Load from the published pack</h2>
      <p className="muted pack-import__intro">
        Chamber finds the agenda in the summons and reads its numbered items, page ranges, proposers, seconders and motions. Check what it read
        before loading: where it is unsure, it says so.
      </p>
      <div className="pack-import__source">
        <Field id={textId} label="Summons and agenda text" hint={textHint} className="pack-import__text">
          <textarea
            {...controlProps(textId, undefined, textHint)}
            ref={textBox}
            rows={7}
            spellCheck={false}
            value={draft.text}
            onChange={(e) => {
              const text = e.target.value;
              onDraftChange((d) => ({ ...d, text, source: undefined }));
            }}
            onKeyDown={onTextKey}
            onPaste={(e) => {
              // Pasting into the empty box reads at once; pasting into text already there waits for Ctrl+Enter.
              const pasted = e.clipboardData.getData('text/plain');
              if (draft.text.trim() !== '' || pasted.trim() === '') return;
              e.preventDefault();
              read(pasted);
            }}
          />
        </Field>
        <div className="field pack-import__file">
          <label htmlFor={fileId}>Or open the summons as a .txt file or a PDF</label>
          <input id={fileId} ref={fileInput} type="file" accept=".txt,.pdf,text/plain,application/pdf" aria-describedby={`${fileId}-hint`} onChange={(e) => void openFile(e)} />
          <p className="field__hint" id={`${fileId}-hint`}>
            Plain text up to 5 MB, or the summons as a PDF up to 30 MB (its text is read; a scan has none). <kbd>Alt+O</kbd> opens the file chooser.
          </p>
          {opening !== undefined && (
            <p className="field__hint" role="status">
              Reading “{opening}”…
            </p>
          )}
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={() => read(draft.text)}>
          Read the agenda <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Open a .txt file or PDF <kbd>Alt+O</kbd>
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
      {draft.problem && (
        <div className="pack-import__problem" id={problemId} role="alert">
          <strong>Nothing was loaded.</strong> {draft.problem}
        </div>
      )}
      {reading && (
        <section className="pack-import__preview" aria-labelledby={`${id}-preview-heading`}>
          <h3 id={`${id}-preview-heading`} tabIndex={-1} ref={previewHeading}>
            {reading.rows.length} {reading.rows.length === 1 ? 'item' : 'items'} read{draft.source ? ` from ${draft.source}` : ''}
          </h3>
          <p className="pack-import__summary">
            {unsure > 0
              ? `${unsure} ${unsure === 1 ? 'item needs' : 'items need'} checking: highlighted below with what to check. `
              : 'Chamber is sure of every item. '}
            Correct numbers, titles, pages and kinds here; untick an item to leave it out. Proposers, seconders and motions can be corrected
            after loading.
          </p>
          {reading.warnings.length > 0 && (
            <div className="pack-import__warnings" role="note" aria-label="Warnings from reading the pack">
              <h4>Also check</h4>
              <ul>
                {reading.warnings.map((warning, index) => (
                  <li key={index}>
                    {warning.line !== undefined && <strong>Line {warning.line}: </strong>}
                    {warning.message}
                    {warning.text && <span className="muted"> (“{warning.text.slice(0, 120)}”)</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="pack-preview__scroll">
            <table className="pack-preview" ref={table}>
              <caption className="agenda-sr-only">Agenda items read from the pack</caption>
              <thead>
                <tr>
                  <th scope="col">Load</th>
                  <th scope="col">No.</th>
                  <th scope="col">Title</th>
                  <th scope="col">Pages</th>
                  <th scope="col">Kind</th>
                </tr>
              </thead>
              <tbody>
                {reading.rows.map((row) => (
                  <PreviewLine key={row.key} row={row} id={`${id}-row-${row.key}`} errors={errors} onChange={(change) => setRow(row.key, change)} />
                ))}
              </tbody>
            </table>
          </div>
          <FormError message={summary} />
          {asking ? (
            <div className="pack-import__ask" role="group" aria-labelledby={`${id}-ask`}>
              <p id={`${id}-ask`}>
                The agenda already has {existing} {existing === 1 ? 'item' : 'items'}. Replace {existing === 1 ? 'it' : 'them'} with these {included.length},
                or add these after {existing === 1 ? 'it' : 'them'}?
              </p>
              <div className="form-actions">
                <button type="button" className="button button--primary" ref={firstChoice} onClick={() => void send(true)}>
                  Replace the agenda <kbd>R</kbd>
                </button>
                <button type="button" className="button" onClick={() => void send(false)}>
                  Add after the {existing} {existing === 1 ? 'item' : 'items'} <kbd>A</kbd>
                </button>
                <button type="button" className="button" onClick={() => setAsking(false)}>
                  Cancel <kbd>Esc</kbd>
                </button>
              </div>
            </div>
          ) : (
            <div className="form-actions">
              <button type="button" className="button button--primary" disabled={loading || included.length === 0} onClick={start}>
                Load {included.length} {included.length === 1 ? 'item' : 'items'} <kbd>Alt+L</kbd>
              </button>
            </div>
          )}
        </section>
      )}
    </section>
  );
};

interface LineProps {
  row: PreviewRow;
  id: string;
  errors: Record<string, string>;
  onChange(change: Partial<PreviewRow>): void;
}

/** One row of the preview: what was read, editable, with the importer's note when it was unsure. */
const PreviewLine = ({ row, id, errors, onChange }: LineProps) => {
  const { draft } = row;
  const name = `item ${draft.number}`;
  const error = (field: RowField) => errors[`${row.key}.${field}`];
  const described = (field: RowField, extra?: string) => [error(field) ? `${id}-${field}-error` : undefined, extra].filter(Boolean).join(' ') || undefined;
  const noteId = draft.note ? `${id}-note` : undefined;
  const problem = (field: RowField, label: string) =>
    error(field) && (
      <p className="field__error" id={`${id}-${field}-error`}>
        {label} {error(field)}
      </p>
    );
  const extras = [
    draft.proposer && `Proposer: ${draft.proposer}`,
    draft.seconder && `Seconder: ${draft.seconder}`,
    draft.motionTitle && `Motion: ${draft.motionTitle}`,
    draft.motionText && `motion text read (${draft.motionText.split(/\s+/).length} words)`,
    draft.description && draft.description,
  ].filter(Boolean);
  const cell = (field: RowField) => ({
    'data-cell': `${row.key}-${field}`,
    'aria-invalid': error(field) ? true : undefined,
  });
  return (
    <tr className={`pack-preview__row ${draft.confidence === 'unsure' ? 'pack-preview__row--unsure' : ''} ${row.include ? '' : 'pack-preview__row--left-out'}`}>
      <td className="pack-preview__include">
        <input type="checkbox" checked={row.include} aria-label={`Load ${name}`} onChange={(e) => onChange({ include: e.target.checked })} />
      </td>
      <td className="pack-preview__number">
        <input
          type="text"
          autoComplete="off"
          {...cell('number')}
          aria-label={`Number, ${name}`}
          aria-describedby={described('number')}
          value={row.number}
          onChange={(e) => onChange({ number: e.target.value })}
        />
        {problem('number', 'Number')}
      </td>
      <td className="pack-preview__title">
        {/* A text box that grows with the title, so long titles can be read whole; a title is one line. */}
        <textarea
          rows={1}
          {...cell('title')}
          aria-label={`Title, ${name}`}
          aria-describedby={described('title', noteId)}
          value={row.title}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          onChange={(e) => onChange({ title: e.target.value.replace(/\s*[\r\n]+\s*/g, ' ') })}
        />
        {problem('title', 'Title')}
        {extras.length > 0 && <p className="pack-preview__extras">{extras.join(' · ')}</p>}
        {draft.note && (
          <p className="pack-preview__note" id={noteId}>
            <strong>Check:</strong> {draft.note}
          </p>
        )}
      </td>
      <td className="pack-preview__pages">
        <span className="pack-preview__page-pair">
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            {...cell('pages.from')}
            aria-label={`Pages from, ${name}`}
            aria-describedby={described('pages.from')}
            value={row.pagesFrom}
            onChange={(e) => onChange({ pagesFrom: e.target.value })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            {...cell('pages.to')}
            aria-label={`Pages to, ${name}`}
            aria-describedby={described('pages.to')}
            value={row.pagesTo}
            onChange={(e) => onChange({ pagesTo: e.target.value })}
          />
        </span>
        {problem('pages.from', 'Pages from')}
        {problem('pages.to', 'Pages to')}
      </td>
      <td className="pack-preview__kind">
        <select {...cell('kind')} aria-label={`Kind, ${name}`} aria-describedby={described('kind')} value={row.kind} onChange={(e) => onChange({ kind: e.target.value as AgendaItemKind })}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        {problem('kind', 'Kind')}
      </td>
    </tr>
  );
};
