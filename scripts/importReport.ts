// npm run import-report: how the importers read their corpora (agendas as pasted text and as the
// PDFs LibreOffice makes of them, PRESENT paragraphs): a table of files and entries exact, flagged
// for the clerk and wrong, then a line for each entry not exact. Exits with 1 when anything is
// wrong. The PDF row needs LibreOffice (soffice); without it, it says it was skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAgenda, type AgendaImport } from '../shared/import/agenda';
import { agendaCorpusEntries, agendaCorpusReport, agendaCorpusReportOf } from '../tests/support/agendaCorpus';
import type { CorpusReport } from '../tests/support/corpusReport';
import { convertToPdf, libreOffice, readPdfAsTheAppDoes } from '../tests/support/pdfAgenda';
import { presentCorpusReport } from '../tests/support/presentCorpus';

/** The corpus through PDF: each agenda made a PDF by LibreOffice, read as the app reads it, then parsed. */
const pdfReport = async (): Promise<CorpusReport | string> => {
  const office = libreOffice();
  if (!office.met) return `Agendas (PDF): skipped: ${office.reason}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'chamber-import-report-'));
  try {
    const entries = agendaCorpusEntries();
    const pdfs = convertToPdf(dir, Object.fromEntries(entries.map((entry) => [`${entry.name}.txt`, entry.text])));
    const read = new Map<string, AgendaImport>();
    for (const entry of entries) {
      const pdf = await readPdfAsTheAppDoes(pdfs[`${entry.name}.txt`]);
      read.set(entry.name, 'error' in pdf ? { error: { message: pdf.error } } : parseAgenda(pdf.text, entry.expected.meetingDate === undefined ? {} : { meetingDate: entry.expected.meetingDate }));
    }
    return agendaCorpusReportOf('Agendas (PDF)', (entry) => read.get(entry.name)!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const pdf = await pdfReport();
const reports: CorpusReport[] = [agendaCorpusReport(), ...(typeof pdf === 'string' ? [] : [pdf]), presentCorpusReport()];
if (typeof pdf === 'string') console.log(`${pdf}\n`);

const columns = ['Corpus', 'Files', 'Entries', 'Exact', 'Flagged', 'Wrong'] as const;
const rows = reports.map((report) => [report.corpus, ...[report.files, report.entries, report.exact, report.flagged, report.wrong].map(String)]);
const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index].length)));
const line = (cells: readonly string[]): string => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');

console.log(line(columns));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of rows) console.log(line(row));
for (const report of reports) {
  if (report.details.length === 0) continue;
  console.log(`\n${report.corpus}:`);
  for (const detail of report.details) console.log(`  ${detail}`);
}
const wrong = reports.reduce((sum, report) => sum + report.wrong, 0);
console.log(wrong === 0 ? '\nNothing wrong.' : `\n${wrong} wrong.`);
process.exitCode = wrong === 0 ? 0 : 1;
