// The PRESENT paragraphs of other councils (tests/fixtures/present/): every name read exactly, or
// flagged for the clerk to check where the expected list says it must be; none merged or dropped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePresentParagraph } from '../../shared/import/presentParagraph';
import { checkPresentFile, PRESENT_CORPUS, presentCorpusFiles, presentCorpusReport, type ExpectedParagraph } from '../support/presentCorpus';

describe('the PRESENT corpus', () => {
  it('has at least 10 paragraphs, and some IN ATTENDANCE ones', () => {
    const files = presentCorpusFiles();
    expect(files.length).toBeGreaterThanOrEqual(10);
    const withOfficers = files.filter((file) => {
      const expected = JSON.parse(readFileSync(path.join(PRESENT_CORPUS, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as ExpectedParagraph;
      return (expected.officers?.length ?? 0) > 0;
    });
    expect(withOfficers.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(presentCorpusFiles())('%s', (file) => {
    it('reads as many names as the paragraph lists, each exact or flagged where expected', () => {
      const result = checkPresentFile(file);
      const read = parsePresentParagraph(readFileSync(path.join(PRESENT_CORPUS, file), 'utf8'));
      const expected = JSON.parse(readFileSync(path.join(PRESENT_CORPUS, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as ExpectedParagraph;
      expect('error' in read ? read.error : read.members.length).toBe(expected.names.length);
      expect(result.names.map((name) => `${name.read}: ${name.result}`)).toEqual(
        expected.names.map((name, index) => `${result.names[index].read}: ${name.flagged ? 'flagged' : 'exact'}`),
      );
      expect(result.officers.map((officer) => `${officer.expected.name}: ${officer.result}`)).toEqual(
        (expected.officers ?? []).map((officer) => `${officer.name}: ${officer.flagged ? 'flagged' : 'exact'}`),
      );
    });
  });

  it('reports none wrong', () => {
    const report = presentCorpusReport();
    expect(report.files).toBe(presentCorpusFiles().length);
    expect(report.entries).toBe(report.exact + report.flagged + report.wrong);
    expect(report.details.filter((line) => / wrong: /.test(line))).toEqual([]);
    expect(report.wrong).toBe(0);
  });
});

describe('the role words of the paragraph', () => {
  it('keeps "Chair" and "Vice-Chair" for a body whose chair is styled so, as the Chairman and Vice-Chairman offices', () => {
    const read = parsePresentParagraph(readFileSync(path.join(PRESENT_CORPUS, 'parish-council.txt'), 'utf8'));
    if ('error' in read) throw new Error(read.error.message);
    expect(read.members.slice(0, 2).map((member) => member.role)).toEqual(['Chairman', 'Vice-Chairman']);
    expect(read.roleWords).toEqual({ chairman: 'Chair', viceChairman: 'Vice-Chair' });
  });

  it('reads the Mayor and Deputy Mayor as the Chairman and Vice-Chairman, and the Leader as Leader', () => {
    const read = parsePresentParagraph(readFileSync(path.join(PRESENT_CORPUS, 'london-borough.txt'), 'utf8'));
    if ('error' in read) throw new Error(read.error.message);
    expect(read.members.slice(0, 4).map((member) => member.role)).toEqual(['Chairman', 'Vice-Chairman', 'Leader', 'Deputy Leader']);
    expect(read.roleWords).toEqual({ chairman: 'Mayor', viceChairman: 'Deputy Mayor' });
  });

  it('has no role words of its own for the Kent paragraph, which writes Chairman and Vice-Chairman', () => {
    const read = parsePresentParagraph(readFileSync(path.join(PRESENT_CORPUS, '../packs/kcc-2015-present.txt'), 'utf8'));
    if ('error' in read) throw new Error(read.error.message);
    expect(read.roleWords).toEqual({});
    expect(read.entries.every((entry) => entry.checks.length === 0)).toBe(true);
  });
});
