// Every agenda of the corpus (tests/fixtures/agendas/) read exactly as its clerk would enter it:
// number, title and page range of each item, the items the clerk must check flagged with a note,
// and the warnings expected, no others.
import { describe, expect, it } from 'vitest';
import { agendaCorpusEntries, agendaCorpusReport, readCorpusAgenda } from '../support/agendaCorpus';

const entries = agendaCorpusEntries();

describe('the agenda corpus', () => {
  it('has at least 12 agendas, each with items expected', () => {
    expect(entries.length).toBeGreaterThanOrEqual(12);
    for (const entry of entries) expect(entry.expected.items.length, entry.name).toBeGreaterThan(0);
  });

  it.each(entries.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const result = readCorpusAgenda(entry);
    if ('error' in result) throw new Error(`${entry.name}: ${result.error.message}`);
    expect(result.items.map(({ number, title, pages }) => ({ number, title, ...(pages === undefined ? {} : { pages }) }))).toEqual(
      entry.expected.items.map(({ number, title, pages }) => ({ number, title, ...(pages === undefined ? {} : { pages }) })),
    );
    expect(result.items.map((item) => item.confidence === 'unsure')).toEqual(entry.expected.items.map((item) => item.unsure === true));
    for (const item of result.items) if (item.confidence === 'unsure') expect(item.note, `item ${item.number}`).toMatch(/\w/);
    const messages = result.warnings.map((warning) => warning.message);
    expect(messages).toHaveLength(entry.expected.warnings?.length ?? 0);
    for (const want of entry.expected.warnings ?? []) expect(messages.some((message) => message.includes(want)), want).toBe(true);
  });

  it('the import report finds nothing wrong', () => {
    const report = agendaCorpusReport();
    expect(report.files).toBe(entries.length);
    expect(report.details.filter((line) => line.includes('wrong') || line.includes('not on the agenda') || line.includes('no items read'))).toEqual([]);
    expect(report.wrong).toBe(0);
    expect(report.exact + report.flagged).toBe(report.entries);
  });
});
