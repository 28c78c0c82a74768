// The agenda corpus (tests/fixtures/agendas/): agendas of many councils and layouts written by hand,
// each <name>.txt beside <name>.expected.json with its items as a clerk would enter them. Each is
// read by the importer and compared item by item: exact (number, title and page range as expected,
// flagged only where expected), flagged (the importer marked it unsure for the clerk to check), or
// wrong (anything else: a different item read as sure, an item missing or invented, a warning
// missing or unexpected).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAgenda, type AgendaImport, type AgendaItemDraft } from '../../shared/import/agenda';
import type { CorpusReport } from './corpusReport';

const here = path.dirname(fileURLToPath(import.meta.url));
export const AGENDA_CORPUS = path.resolve(here, '../fixtures/agendas');

export interface ExpectedAgendaItem {
  number: string;
  title: string;
  pages?: { from: number; to: number };
  unsure?: true;
}

export interface ExpectedAgenda {
  layout: string;
  meetingDate?: string;
  items: ExpectedAgendaItem[];
  /** Each a substring of one warning; no other warnings are expected. */
  warnings?: string[];
}

export interface AgendaCorpusEntry {
  name: string;
  text: string;
  expected: ExpectedAgenda;
}

/** Every agenda in the corpus with what is expected of it, by name. */
export const agendaCorpusEntries = (): AgendaCorpusEntry[] =>
  readdirSync(AGENDA_CORPUS)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.txt'.length);
      const text = readFileSync(path.join(AGENDA_CORPUS, file), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(AGENDA_CORPUS, `${name}.expected.json`), 'utf8')) as ExpectedAgenda;
      return { name, text, expected };
    });

export const readCorpusAgenda = (entry: AgendaCorpusEntry): AgendaImport =>
  parseAgenda(entry.text, entry.expected.meetingDate === undefined ? {} : { meetingDate: entry.expected.meetingDate });

export type ItemVerdict = 'exact' | 'flagged' | 'wrong';

const describeItem = (item: { number: string; title: string; pages?: { from: number; to: number } } | undefined): string =>
  item === undefined ? 'nothing' : `${item.number}. "${item.title}"${item.pages === undefined ? '' : ` (pages ${item.pages.from}-${item.pages.to})`}`;

const samePages = (a: ExpectedAgendaItem['pages'], b: AgendaItemDraft['pages']): boolean =>
  a === undefined ? b === undefined : b !== undefined && a.from === b.from && a.to === b.to;

/** How one item came out against what was expected. */
export const itemVerdict = (expected: ExpectedAgendaItem | undefined, actual: AgendaItemDraft | undefined): ItemVerdict => {
  if (expected === undefined || actual === undefined) return 'wrong';
  const same = expected.number === actual.number && expected.title === actual.title && samePages(expected.pages, actual.pages);
  const unsure = actual.confidence === 'unsure' && (actual.note ?? '') !== '';
  if (same && unsure === (expected.unsure === true)) return 'exact';
  return unsure ? 'flagged' : 'wrong';
};

/**
 * Each file read (by `read`: from its text, or from the PDF made of it) and compared; counts by
 * item, one details line for each item not exact.
 */
export const agendaCorpusReportOf = (corpus: string, read: (entry: AgendaCorpusEntry) => AgendaImport): CorpusReport => {
  const report: CorpusReport = { corpus, files: 0, entries: 0, exact: 0, flagged: 0, wrong: 0, details: [] };
  for (const entry of agendaCorpusEntries()) {
    report.files += 1;
    const expected = entry.expected;
    report.entries += expected.items.length + (expected.warnings?.length ?? 0);
    const result = read(entry);
    if ('error' in result) {
      report.wrong += expected.items.length + (expected.warnings?.length ?? 0);
      report.details.push(`${entry.name}: no items read: ${result.error.message}`);
      continue;
    }
    const count = Math.max(expected.items.length, result.items.length);
    for (let index = 0; index < count; index += 1) {
      const want = expected.items[index];
      const got = result.items[index];
      const verdict = itemVerdict(want, got);
      if (want === undefined) {
        report.wrong += 1;
        report.details.push(`${entry.name}: item ${describeItem(got)} was read but is not on the agenda`);
        continue;
      }
      report[verdict] += 1;
      if (verdict !== 'exact') {
        const flag = got?.confidence === 'unsure' ? ` [unsure: ${got.note ?? ''}]` : ' [sure]';
        const expectedFlag = want.unsure === true ? ' [unsure]' : '';
        report.details.push(`${entry.name}: ${verdict}: expected ${describeItem(want)}${expectedFlag}, read ${describeItem(got)}${got === undefined ? '' : flag}`);
      }
    }
    const messages = result.warnings.map((warning) => warning.message);
    const matched = new Set<number>();
    for (const want of expected.warnings ?? []) {
      const at = messages.findIndex((message, index) => !matched.has(index) && message.includes(want));
      if (at === -1) {
        report.wrong += 1;
        report.details.push(`${entry.name}: wrong: the warning "${want}" was not given`);
      } else {
        matched.add(at);
        report.exact += 1;
      }
    }
    messages.forEach((message, index) => {
      if (matched.has(index)) return;
      report.wrong += 1;
      report.details.push(`${entry.name}: wrong: an unexpected warning: "${message}"`);
    });
  }
  return report;
};

/** The corpus read from its text, as pasted. */
export const agendaCorpusReport = (): CorpusReport => agendaCorpusReportOf('Agendas (text)', readCorpusAgenda);
