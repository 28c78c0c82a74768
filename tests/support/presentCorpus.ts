// The PRESENT-paragraph corpus (tests/fixtures/present/): each paragraph read by the importer and
// compared name by name with what is expected by hand (<name>.expected.json), and its IN
// ATTENDANCE paragraph, where it has one, officer by officer.
//
// A name is exact when every part (title, forenames, initials, surname, honours, role as the
// minutes write it) is as expected and the importer did not flag it; flagged when the importer
// flagged it for the clerk to check; wrong when it differs unflagged, is missing or extra, or was
// expected to be flagged and was not. An officer is exact when read with the expected job title;
// flagged when expected without one and named in the importer's warnings.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInAttendance } from '../../shared/import/inAttendance';
import { formatMemberName } from '../../shared/import/memberNames';
import { parsePresentParagraph } from '../../shared/import/presentParagraph';
import type { CorpusReport } from './corpusReport';

export const PRESENT_CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/present');

export interface ExpectedName {
  title: string;
  forenames?: string;
  initials: string[];
  surname: string;
  honours: string[];
  /** As the minutes write it: "Chairman", "Chair", "Mayor", "Deputy Chairman"… */
  role?: string;
  flagged: boolean;
}

export interface ExpectedOfficer {
  name: string;
  /** Absent when the paragraph gives none: the officer must then be named in the warnings. */
  jobTitle?: string;
  flagged: boolean;
}

export interface ExpectedParagraph {
  description: string;
  names: ExpectedName[];
  officers?: ExpectedOfficer[];
}

export type EntryResult = 'exact' | 'flagged' | 'wrong';

export interface FileResult {
  file: string;
  names: { expected?: ExpectedName; read: string; result: EntryResult; why?: string }[];
  officers: { expected: ExpectedOfficer; result: EntryResult; why?: string }[];
}

export const presentCorpusFiles = (): string[] =>
  readdirSync(PRESENT_CORPUS)
    .filter((file) => file.endsWith('.txt'))
    .sort();

const describeName = (name: Omit<ExpectedName, 'flagged'>): string => {
  const given = name.forenames ?? name.initials.join(' ');
  const core = [name.title, given, name.surname].filter((part) => part !== '').join(' ');
  const written = [core, ...name.honours].join(', ');
  return name.role === undefined ? written : `${written} (${name.role})`;
};

const sameName = (read: Omit<ExpectedName, 'flagged'>, expected: ExpectedName): string | undefined => {
  const differences: string[] = [
    ...(['title', 'forenames', 'surname', 'role'] as const).filter((field) => (read[field] ?? '') !== (expected[field] ?? '')),
    ...(['initials', 'honours'] as const).filter((field) => read[field].join(' ') !== expected[field].join(' ')),
  ];
  return differences.length === 0 ? undefined : `differs in ${differences.join(', ')}`;
};

/** Reads one corpus file and compares it with its expected names and officers. */
export const checkPresentFile = (file: string): FileResult => {
  const text = readFileSync(path.join(PRESENT_CORPUS, file), 'utf8');
  const expected = JSON.parse(readFileSync(path.join(PRESENT_CORPUS, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as ExpectedParagraph;
  const result: FileResult = { file, names: [], officers: [] };
  const read = parsePresentParagraph(text);
  const members = 'error' in read ? [] : read.members;
  const count = Math.max(members.length, expected.names.length);
  for (let index = 0; index < count; index += 1) {
    const want = expected.names[index];
    const member = members[index];
    if (member === undefined) {
      result.names.push({ expected: want, read: '(nothing)', result: 'wrong', why: 'error' in read ? read.error.message : 'not read: fewer names than the paragraph has' });
      continue;
    }
    const entry = 'error' in read ? undefined : read.entries[index];
    const got = { ...member, role: entry?.roleAsWritten ?? member.role };
    const shown = describeName(got);
    const flagged = (entry?.checks.length ?? 0) > 0;
    if (want === undefined) {
      result.names.push({ read: shown, result: flagged ? 'flagged' : 'wrong', why: 'more names read than the paragraph has' });
      continue;
    }
    const difference = sameName(got, want);
    if (flagged) result.names.push({ expected: want, read: shown, result: 'flagged', why: entry?.checks.join(' ') });
    else if (difference !== undefined) result.names.push({ expected: want, read: shown, result: 'wrong', why: difference });
    else if (want.flagged) result.names.push({ expected: want, read: shown, result: 'wrong', why: 'should have been flagged for checking' });
    else result.names.push({ expected: want, read: formatMemberName(member), result: 'exact' });
  }
  if (expected.officers !== undefined) {
    const officers = parseInAttendance(text);
    for (const want of expected.officers) {
      if ('error' in officers) {
        result.officers.push({ expected: want, result: 'wrong', why: officers.error.message });
        continue;
      }
      const found = officers.officers.find((officer) => officer.name === want.name);
      const warned = (officers.warnings ?? []).some((warning) => warning.text.includes(want.name));
      if (want.jobTitle !== undefined && found?.jobTitle === want.jobTitle) result.officers.push({ expected: want, result: 'exact' });
      else if (warned) result.officers.push({ expected: want, result: 'flagged', why: (officers.warnings ?? []).find((warning) => warning.text.includes(want.name))?.message });
      else result.officers.push({ expected: want, result: 'wrong', why: found === undefined ? 'not read' : `read as "${found.jobTitle}"` });
    }
  }
  return result;
};

export const presentCorpusReport = (): CorpusReport => {
  const report: CorpusReport = { corpus: 'PRESENT paragraphs', files: 0, entries: 0, exact: 0, flagged: 0, wrong: 0, details: [] };
  for (const file of presentCorpusFiles()) {
    const result = checkPresentFile(file);
    report.files += 1;
    for (const name of result.names) {
      report.entries += 1;
      report[name.result] += 1;
      if (name.result !== 'exact') {
        const wanted = name.expected === undefined ? '(no one)' : describeName(name.expected);
        report.details.push(`${file}: ${name.result}: expected ${wanted}, read ${name.read}${name.why ? ` (${name.why})` : ''}`);
      }
    }
    for (const officer of result.officers) {
      report.entries += 1;
      report[officer.result] += 1;
      if (officer.result !== 'exact') {
        report.details.push(`${file}: officer ${officer.result}: ${officer.expected.name}${officer.why ? ` (${officer.why})` : ''}`);
      }
    }
  }
  return report;
};
