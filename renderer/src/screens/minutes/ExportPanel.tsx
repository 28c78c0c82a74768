// Export the minutes: the whole minutes, the decisions only or the confidential record, as Word,
// HTML, Markdown or plain text; printed (or saved as PDF); and the records office's CSVs. An
// export runs in a worker and reports its progress; the screen stays usable meanwhile.
import { useId, useState } from 'react';
import { draftMinutes } from '../../../../shared/minutes/draft';
import { decisionsOnly, type MinutesDocument, type MinutesFormat, type MinutesVariant } from '../../../../shared/minutes/model';
import { attendanceCsv, votesCsv } from '../../../../shared/minutes/recordsOffice';
import type { BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { downloadBlob, exportMinutes } from '../../minutes/exportMinutes';
import { printMinutes } from './printMinutes';

const FORMATS: { format: MinutesFormat; label: string }[] = [
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'html', label: 'HTML' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'text', label: 'Plain text' },
];

const VARIANTS: { variant: MinutesVariant; label: string; hint: string }[] = [
  { variant: 'full', label: 'The minutes', hint: 'Everything but the exempt items.' },
  { variant: 'decisions', label: 'Decisions only', hint: 'Each minute’s resolutions and votes, for publishing the same day.' },
  { variant: 'confidential', label: 'Confidential record', hint: 'The exempt items, not for publication.' },
];

interface Props {
  doc: MinutesDocument;
  meeting: MeetingState;
  body: BodyState;
  timeZone: string;
}

interface Running {
  what: string;
  done: number;
  total: number;
}

export const ExportPanel = ({ doc, meeting, body, timeZone }: Props) => {
  const id = useId();
  const [variant, setVariant] = useState<MinutesVariant>('full');
  const [running, setRunning] = useState<Running>();
  const [done, setDone] = useState<string>();
  const [problem, setProblem] = useState<string>();

  const documentFor = (which: MinutesVariant): MinutesDocument =>
    which === 'confidential' ? draftMinutes(meeting, body, { timeZone, record: 'confidential' }) : which === 'decisions' ? decisionsOnly(doc) : doc;

  /** Starts the export and returns at once: the worker reports progress, and the file is offered when it is ready. */
  const start = (format: MinutesFormat, label: string) => {
    const what = `${VARIANTS.find((v) => v.variant === variant)?.label ?? 'The minutes'} as ${label}`;
    setProblem(undefined);
    setDone(undefined);
    setRunning({ what, done: 0, total: 1 });
    exportMinutes(documentFor(variant), format, (doneSoFar, total) => setRunning({ what, done: doneSoFar, total }))
      .then(({ blob, fileName }) => {
        downloadBlob(blob, fileName);
        setDone(`${what}: ${fileName} is ready.`);
      })
      .catch((error: unknown) => setProblem(`${what} could not be written: ${(error as Error).message}`))
      .finally(() => setRunning(undefined));
  };

  const csv = (kind: 'attendance' | 'votes') => {
    setProblem(undefined);
    try {
      const text = kind === 'attendance' ? attendanceCsv(meeting, body, timeZone) : votesCsv(meeting, body, timeZone);
      const fileName = `${body.name} ${meeting.date} ${kind}.csv`;
      downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
      setDone(`${fileName} is ready.`);
    } catch (error) {
      setProblem(`The ${kind} file could not be written: ${(error as Error).message}`);
    }
  };

  const print = () => {
    setProblem(undefined);
    printMinutes(`${body.name} ${meeting.date} minutes.pdf`).then(
      (saved) => saved && setDone(saved),
      (error: unknown) => setProblem(`The minutes could not be printed: ${(error as Error).message}`),
    );
  };

  return (
    <section className="panel minutes-export" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Export</h2>
      <fieldset className="minutes-export__variants">
        <legend>What to export</legend>
        {VARIANTS.map((v) => (
          <label key={v.variant} className="minutes-export__variant">
            <input type="radio" name={`${id}-variant`} value={v.variant} checked={variant === v.variant} onChange={() => setVariant(v.variant)} />
            <span>
              {v.label} <span className="muted">{v.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="minutes-export__buttons">
        {FORMATS.map((f) => (
          <button key={f.format} type="button" className="button button--small" onClick={() => start(f.format, f.label)} disabled={running !== undefined}>
            {f.label}
          </button>
        ))}
      </div>
      <div className="minutes-export__buttons">
        <button type="button" className="button button--small" onClick={print}>
          Print or save as PDF
        </button>
      </div>
      <h3>For the records office</h3>
      <div className="minutes-export__buttons">
        <button type="button" className="button button--small" onClick={() => csv('attendance')}>
          Attendance (CSV)
        </button>
        <button type="button" className="button button--small" onClick={() => csv('votes')}>
          Votes (CSV)
        </button>
      </div>
      {running && (
        <div className="minutes-export__progress">
          <label htmlFor={`${id}-progress`}>Writing {running.what}…</label>
          <progress id={`${id}-progress`} value={running.done} max={Math.max(1, running.total)} />
        </div>
      )}
      <div role="status" className="minutes-export__done">
        {done}
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
};
