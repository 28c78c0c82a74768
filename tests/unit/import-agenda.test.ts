import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AgendaItemDraft, guessItemKind, MAX_IMPORT_CHARACTERS, parseAgenda, type AgendaImport } from '../../shared/import/agenda';
import { kcc2015Agenda } from '../fixtures/kcc-2015-agenda';
import { kcc2021Agenda } from '../fixtures/kcc-2021-agenda';
import { describeWhere, originalPacks, SEEDS } from '../support/skips';

const here = path.dirname(fileURLToPath(import.meta.url));
const packs = path.resolve(here, '../fixtures/packs');
const readPack = (name: string): string => readFileSync(path.join(packs, name), 'utf8');

const itemsOf = (result: AgendaImport): AgendaItemDraft[] => {
  if ('error' in result) throw new Error(`expected items, got the error "${result.error.message}"`);
  return result.items;
};

const errorOf = (result: AgendaImport): string => {
  if (!('error' in result)) throw new Error(`expected an error, got ${result.items.length} items`);
  return result.error.message;
};

const expectAgendaOfBothPacks = (text2015: () => string, text2021: () => string): void => {
  it('reads the 13 items of the 2015 agenda: inline page ranges, the motion printed under item 13', () => {
    const result = parseAgenda(text2015());
    expect(itemsOf(result)).toEqual(kcc2015Agenda);
    expect(itemsOf(result)).toHaveLength(13);
    expect(result).toMatchObject({ warnings: [] });
  });

  it('reads the 12 items of the 2021 agenda: wrapped titles, page ranges on their own line, the motion printed after the agenda', () => {
    const result = parseAgenda(text2021());
    expect(itemsOf(result)).toEqual(kcc2021Agenda);
    expect(itemsOf(result)).toHaveLength(12);
    expect(result).toMatchObject({ warnings: [] });
  });

  it('gives drafts that match the AgendaItemDraft schema', () => {
    for (const item of [...itemsOf(parseAgenda(text2015())), ...itemsOf(parseAgenda(text2021()))]) {
      expect(AgendaItemDraft.safeParse(item).success).toBe(true);
    }
  });
};

describe('parseAgenda on the agenda pages of the two Kent packs', () => {
  expectAgendaOfBothPacks(
    () => readPack('kcc-2015-agenda.txt'),
    () => readPack('kcc-2021-agenda.txt'),
  );
});

describeWhere(originalPacks(), 'parseAgenda on the full original packs (agenda, reports and minutes)', () => {
  expectAgendaOfBothPacks(
    () => readFileSync(path.join(SEEDS, 'kcc-2015-12-10-agenda-and-2015-10-22-minutes.txt'), 'utf8'),
    () => readFileSync(path.join(SEEDS, 'kcc-2021-12-16-agenda.txt'), 'utf8'),
  );
});

describe('parseAgenda reads structure, not one layout', () => {
  it('finds a plain AGENDA heading and stops at the officer who signs the summons', () => {
    const text = [
      'Summons to a meeting of the Planning Committee',
      'AGENDA',
      '1. Apologies and Substitutes',
      '2. Minutes of the last meeting (Pages 1 - 6)',
      '3. Land at Church Lane, Ashford (Page 7)',
      '',
      'Jane Smith',
      'Democratic Services Manager',
      '',
      '1. Introduction',
      '2. The site',
    ].join('\n');
    expect(itemsOf(parseAgenda(text))).toEqual([
      { number: '1', title: 'Apologies and Substitutes', kind: 'apologies', confidence: 'sure' },
      { number: '2', title: 'Minutes of the last meeting', pages: { from: 1, to: 6 }, kind: 'minutes', confidence: 'sure' },
      { number: '3', title: 'Land at Church Lane, Ashford', pages: { from: 7, to: 7 }, kind: 'report', confidence: 'sure' },
    ]);
  });

  it('ends the agenda where a new numbered list starts, even with no signature', () => {
    const text = ['A G E N D A', '1. Apologies', '2. Budget 2026/27 (Pages 3 - 40)', '', 'From: The Leader', '1. Background', '2. Detail'].join('\n');
    expect(itemsOf(parseAgenda(text)).map((item) => item.number)).toEqual(['1', '2']);
    const withoutCover = ['A G E N D A', '1. Apologies', '2. Budget 2026/27 (Pages 3 - 40)', '', '1. Background', '2. Detail'].join('\n');
    expect(itemsOf(parseAgenda(withoutCover)).map((item) => item.number)).toEqual(['1', '2']);
  });

  it('joins wrapped titles with single spaces and joins a word broken at a hyphen', () => {
    const text = ['AGENDA', '', '1.  Election of Vice-', 'Chairman  ', '', '2. Report   of the', '   Corporate Director', '(Pages 5 – 9)'].join('\r\n');
    expect(itemsOf(parseAgenda(text))).toEqual([
      { number: '1', title: 'Election of Vice-Chairman', kind: 'election', confidence: 'sure' },
      { number: '2', title: 'Report of the Corporate Director', pages: { from: 5, to: 9 }, kind: 'report', confidence: 'sure' },
    ]);
  });

  it('reads sub-items such as 9a and 9(b)', () => {
    const text = ['AGENDA', '8. Questions', '9. Reports', '9a. Treasury Management (Pages 1 - 4)', '9(b) Pay Policy (Pages 5 - 8)', '10. Urgent Business'].join('\n');
    expect(itemsOf(parseAgenda(text)).map((item) => [item.number, item.title])).toEqual([
      ['8', 'Questions'],
      ['9', 'Reports'],
      ['9a', 'Treasury Management'],
      ['9b', 'Pay Policy'],
      ['10', 'Urgent Business'],
    ]);
    expect(itemsOf(parseAgenda(text))[0]).toMatchObject({ confidence: 'unsure', note: expect.stringMatching(/starts at 8/) });
  });

  it('marks an item unsure when the numbering jumps', () => {
    const items = itemsOf(parseAgenda(['AGENDA', '1. Apologies', '2. Minutes', '4. Questions'].join('\n')));
    expect(items.map((item) => item.number)).toEqual(['1', '2', '4']);
    expect(items[2]).toMatchObject({ confidence: 'unsure', note: expect.stringMatching(/jumps from 2 to 4/) });
  });

  it('leaves out a repeated item line with a warning', () => {
    const result = parseAgenda(['AGENDA', '1. Apologies', '2. Minutes', '2. Minutes', '3. Questions'].join('\n'));
    expect(itemsOf(result).map((item) => item.number)).toEqual(['1', '2', '3']);
    expect(result).toMatchObject({ warnings: [{ line: 4, message: expect.stringMatching(/printed twice/) }] });
  });

  it('reads an agenda pasted without its heading, with a warning', () => {
    const result = parseAgenda('1. Apologies for Absence\n2. Declarations of Interest\n3. Questions');
    expect(itemsOf(result).map((item) => item.kind)).toEqual(['apologies', 'declarations', 'questions']);
    expect(result).toMatchObject({ warnings: [{ line: 1, message: expect.stringMatching(/No AGENDA heading/) }] });
  });

  it('marks items after an EXEMPT ITEMS heading as exempt', () => {
    const text = ['AGENDA', '1. Apologies', '2. Questions', '', 'EXEMPT ITEMS', '', '3. Property Disposal (Pages 9 - 12)'].join('\n');
    expect(itemsOf(parseAgenda(text))[2]).toEqual({ number: '3', title: 'Property Disposal', pages: { from: 9, to: 12 }, kind: 'exempt', confidence: 'sure' });
  });

  it('reads proposer and seconder lines in their usual forms', () => {
    const text = [
      'AGENDA',
      '1. Motion on Bus Services',
      'Proposed by: Mr A Smith, seconded by Mrs B Jones',
      '',
      '2. Notice of Motion - Libraries',
      'Mover: Cllr C Brown',
      'Seconder: Cllr D Green',
      '',
      'Motion: That this Council keeps every library open.',
      '',
      '3. Motion for Time Limited Debate',
      'Ms E White will move and Mr F Black will second.',
    ].join('\n');
    const items = itemsOf(parseAgenda(text));
    expect(items.map(({ proposer, seconder }) => [proposer, seconder])).toEqual([
      ['Mr A Smith', 'Mrs B Jones'],
      ['Cllr C Brown', 'Cllr D Green'],
      ['Ms E White', 'Mr F Black'],
    ]);
    expect(items[1]).toMatchObject({ kind: 'motion', motionTitle: 'Libraries', motionText: 'That this Council keeps every library open.' });
  });

  it('numbers several motions printed after one motions item 2a, 2b, and marks them unsure', () => {
    const text = [
      'AGENDA',
      '1. Questions',
      '2. Motions for Time Limited Debate',
      '',
      'Motion for Time Limited Debate - Potholes',
      'Proposer: Mr A Road',
      'Seconder: Mrs B Lane',
      'Motion',
      'This Council will fill every pothole.',
      '',
      'Motion for Time Limited Debate - Street Lights',
      'Proposer: Mr C Lamp',
      'Seconder: Mrs D Post',
      '',
      '"This Council will keep the lights on."',
    ].join('\n');
    const items = itemsOf(parseAgenda(text));
    expect(items.map((item) => item.number)).toEqual(['1', '2', '2a', '2b']);
    expect(items[2]).toMatchObject({ motionTitle: 'Potholes', proposer: 'Mr A Road', seconder: 'Mrs B Lane', motionText: 'This Council will fill every pothole.', confidence: 'unsure' });
    expect(items[3]).toMatchObject({ motionTitle: 'Street Lights', proposer: 'Mr C Lamp', motionText: 'This Council will keep the lights on.', confidence: 'unsure' });
  });

  it('says when a quoted motion is never closed', () => {
    const items = itemsOf(parseAgenda(['AGENDA', '1. Motion', 'Mr A will propose and Mr B will second.', '', '"This Council resolves', 'to do good.'].join('\n')));
    expect(items[0]).toMatchObject({ confidence: 'unsure', note: expect.stringMatching(/closing quotation mark/) });
    expect(items[0].motionText).toBe('This Council resolves to do good.');
  });

  it('does not take a numbered list inside a quoted motion for agenda items', () => {
    const text = ['AGENDA', '1. Apologies', '2. Motion', 'Mr A will propose and Mr B will second.', '"This Council:', '1. notes X;', '2. resolves Y."', '3. Urgent Business'].join('\n');
    const items = itemsOf(parseAgenda(text));
    expect(items.map((item) => item.number)).toEqual(['1', '2', '3']);
    expect(items[1].motionText).toBe('This Council:\n1. notes X;\n2. resolves Y.');
  });

  it('keeps a short text printed under an item as its description', () => {
    const text = ['AGENDA', '1. Apologies for Absence', 'To receive apologies for absence.', '', '2. Minutes', '', 'To approve the minutes of the meeting', 'held on 4 May 2026.', 'Pages 1 - 6'].join('\n');
    expect(itemsOf(parseAgenda(text))).toEqual([
      { number: '1', title: 'Apologies for Absence', description: 'To receive apologies for absence.', kind: 'apologies', confidence: 'sure' },
      { number: '2', title: 'Minutes', description: 'To approve the minutes of the meeting held on 4 May 2026.', pages: { from: 1, to: 6 }, kind: 'minutes', confidence: 'sure' },
    ]);
  });

  it('marks an item unsure when there is more text under it than a description', () => {
    const prose = Array.from({ length: 5 }, (_, index) => `Paragraph ${index + 1} of something that is not part of an agenda.\n`);
    const items = itemsOf(parseAgenda(['AGENDA', '1. Apologies', '', ...prose, '2. Minutes'].join('\n')));
    expect(items[0]).toMatchObject({ confidence: 'unsure', note: expect.stringMatching(/not read \(line 4/) });
    expect(items[0].description).toBeUndefined();
    expect(items[1]).toMatchObject({ number: '2', confidence: 'sure' });
  });

  it('reads a committee agenda with parts, descriptions under titles and a private part', () => {
    const text = [
      'AGENDA',
      '',
      'Part I - Items considered in public',
      '',
      '1. Apologies for Absence',
      '',
      '2. Declarations of Interest',
      'Members are reminded of their duty to declare any interests.',
      '',
      '3. Minutes',
      'To confirm the minutes of the meeting held on',
      '12 March 2024.',
      '(Pages 5 - 10)',
      '',
      '4. Local Plan Review',
      '(Pages 11 - 40)',
      '',
      'Part II - Items considered in private',
      '',
      '5. Sale of Land at Mill Lane',
      '(Pages 41 - 50)',
      '',
      'Democratic Services Officer',
    ].join('\n');
    expect(itemsOf(parseAgenda(text))).toEqual([
      { number: '1', title: 'Apologies for Absence', kind: 'apologies', confidence: 'sure' },
      { number: '2', title: 'Declarations of Interest', description: 'Members are reminded of their duty to declare any interests.', kind: 'declarations', confidence: 'sure' },
      { number: '3', title: 'Minutes', description: 'To confirm the minutes of the meeting held on 12 March 2024.', pages: { from: 5, to: 10 }, kind: 'minutes', confidence: 'sure' },
      { number: '4', title: 'Local Plan Review', pages: { from: 11, to: 40 }, kind: 'report', confidence: 'sure' },
      { number: '5', title: 'Sale of Land at Mill Lane', pages: { from: 41, to: 50 }, kind: 'exempt', confidence: 'sure' },
    ]);
  });

  it('reads an agenda laid out as a table, the number on its own line', () => {
    const text = ['AGENDA', 'Item', 'Title', '1', 'Apologies for Absence', '2', 'Budget Monitoring', 'Pages 3 - 12', '3', 'Urgent Business'].join('\n');
    expect(itemsOf(parseAgenda(text))).toEqual([
      { number: '1', title: 'Apologies for Absence', kind: 'apologies', confidence: 'sure' },
      { number: '2', title: 'Budget Monitoring', pages: { from: 3, to: 12 }, kind: 'report', confidence: 'sure' },
      { number: '3', title: 'Urgent Business', kind: 'urgent_business', confidence: 'sure' },
    ]);
  });

  it('reads a page range printed without brackets at the end of the title', () => {
    expect(itemsOf(parseAgenda('AGENDA\n1. Treasury Management Strategy Pages 15 - 22'))[0]).toMatchObject({
      title: 'Treasury Management Strategy',
      pages: { from: 15, to: 22 },
    });
  });
});

describe('parseAgenda refuses what it cannot read, with a message', () => {
  it('refuses text with no agenda', () => {
    expect(errorOf(parseAgenda(''))).toMatch(/No agenda was found/);
    expect(errorOf(parseAgenda('Minutes of the meeting held on 1 May.\nAll present.'))).toMatch(/No agenda was found/);
  });

  it('refuses a heading with no numbered items under it', () => {
    expect(errorOf(parseAgenda('AGENDA\n\nTo follow.'))).toMatch(/No agenda was found|not followed by numbered items/);
  });

  it('refuses text over the size limit', () => {
    expect(errorOf(parseAgenda('x'.repeat(MAX_IMPORT_CHARACTERS + 1)))).toMatch(/too large to import/);
  });

  it('refuses binary data such as a PDF file pasted as bytes', () => {
    expect(errorOf(parseAgenda('%PDF-1.7\n\u0000\u0001\u0002stream'))).toMatch(/binary data/);
    expect(errorOf(parseAgenda('\u0001\u0002\u0003\u0004AGENDA\n1. Apologies'))).toMatch(/does not look like text/);
  });

  it('refuses a value that is not text', () => {
    expect(errorOf(parseAgenda(42 as unknown as string))).toMatch(/must be text/);
  });
});

describe('guessItemKind', () => {
  it.each([
    ['Apologies for Absence', 'apologies'],
    ['Election of Chairman', 'election'],
    ['Election of Vice-Chairman', 'election'],
    ['Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the agenda', 'declarations'],
    ['Minutes of the meeting held on 4 November 2021 and, if in order, to be approved as a correct record', 'minutes'],
    ["Chairman's Announcements", 'announcements'],
    ['Questions', 'questions'],
    ['Report by Leader of the Council (Oral)', 'leaders_report'],
    ["Leader's Report", 'leaders_report'],
    ['Governance Refresh Plan', 'report'],
    ['Motion(s) for Time Limited Debate', 'time_limited_motion'],
    ['Notice of Motion', 'motion'],
    ['Urgent Business', 'urgent_business'],
    ['Exclusion of the Press and Public', 'exempt'],
    ['Dependent Carers’ Allowance', 'other'],
  ] as const)('%s → %s', (title, kind) => {
    expect(guessItemKind(title)).toBe(kind);
  });
});

describe('guessing kinds from titles', () => {
  it('takes only declarations of interest as declarations', async () => {
    const { guessItemKind } = await import('../../shared/import/agenda');
    expect(guessItemKind("Chairman's declaration of acceptance of office")).toBe('other');
    expect(guessItemKind('Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the agenda')).toBe('declarations');
    expect(guessItemKind('Declarations of Interest')).toBe('declarations');
  });
});

describe('page ranges', () => {
  it('takes two ranges on one title line out of the title, keeps the first and says so', async () => {
    const { parseAgenda } = await import('../../shared/import/agenda');
    const result = parseAgenda('A G E N D A\n\n1. Apologies for Absence\n\n2. Application 21/0042 Land at Mill Lane (Pages 7 - 20) (Pages 21 - 30)\n');
    if ('error' in result) throw new Error(result.error.message);
    expect(result.items[1]).toMatchObject({
      title: 'Application 21/0042 Land at Mill Lane',
      pages: { from: 7, to: 20 },
      confidence: 'unsure',
      note: expect.stringContaining('two page ranges'),
    });
  });
});

describe("parseAgenda reads other councils' layouts", () => {
  it('takes what follows a title on a web page as text under it, with or without a full stop', () => {
    const text = ['Items', 'No.\tItem', '', '1.\t', 'Apologies', '', '2.\t', 'Budget 2026/27 pdf icon PDF 400 KB', 'Report of the Director of Finance', '', 'Additional documents:', 'Appendix A pdf icon PDF 20 KB'].join('\n');
    expect(itemsOf(parseAgenda(text))).toEqual([
      { number: '1', title: 'Apologies', kind: 'apologies', confidence: 'sure' },
      { number: '2', title: 'Budget 2026/27', description: 'Report of the Director of Finance', kind: 'report', confidence: 'sure' },
    ]);
  });

  it('joins a long PDF title line to the next even when the title ends with a full stop', () => {
    const text = ['AGENDA', '1. Report of the Cabinet Member for Adult Social Care and Public', 'Health Recommendations to Council.', '(Pages 3 - 9)'].join('\n');
    expect(itemsOf(parseAgenda(text))[0]).toMatchObject({
      title: 'Report of the Cabinet Member for Adult Social Care and Public Health Recommendations to Council',
      pages: { from: 3, to: 9 },
    });
  });

  it('keeps lettered sub-paragraphs as the description of their item', () => {
    const text = ['AGENDA', '1. Finance.', 'a) To approve the payments.', 'b) To note the bank reconciliation.', '2. Planning.'].join('\n');
    expect(itemsOf(parseAgenda(text))[0]).toMatchObject({ title: 'Finance', description: 'a) To approve the payments.\nb) To note the bank reconciliation.' });
  });

  it('flags an item numbered again and reads on past it', () => {
    const items = itemsOf(parseAgenda(['AGENDA', '1. Apologies', '2. Minutes', '2. Questions', '3. Urgent Business'].join('\n')));
    expect(items.map((item) => [item.number, item.title, item.confidence])).toEqual([
      ['1', 'Apologies', 'sure'],
      ['2', 'Minutes', 'sure'],
      ['2', 'Questions', 'unsure'],
      ['3', 'Urgent Business', 'sure'],
    ]);
    expect(items[2].note).toMatch(/numbered 2 again/);
  });

  it('reads the meeting date from the summons in its usual forms, not the date it was sent', () => {
    const agenda = ['AGENDA', '1. Apologies', '2. Minutes'];
    const warningsFor = (top: string[], meetingDate: string): string[] => {
      const result = parseAgenda([...top, ...agenda].join('\n'), { meetingDate });
      if ('error' in result) throw new Error(result.error.message);
      return result.warnings.map((warning) => warning.message);
    };
    expect(warningsFor(['Despatched: Wednesday 14 October 2015', 'Thursday 22nd October 2015 at 7pm'], '2015-10-22')).toEqual([]);
    expect(warningsFor(['Date: 22/10/2015'], '2015-10-22')).toEqual([]);
    expect(warningsFor(['Date: 22 Oct 2015'], '2015-10-29')).toEqual([
      'This summons is for Thursday 22 October 2015, but the meeting is on Thursday 29 October 2015: is it the right pack?',
    ]);
    expect(warningsFor(['Council meeting'], '2015-10-29')).toEqual([]);
    expect(warningsFor(['Date: 22/10/2015'], 'not a date')).toEqual([]);
  });

  it('refuses an AGENDA heading over a single line without a number', () => {
    expect(errorOf(parseAgenda('AGENDA\n\nTo follow.'))).toMatch(/No agenda was found/);
  });
});

describe("the import panel's reading", () => {
  it("passes the meeting's date, so a summons for another day is among the warnings", async () => {
    const { readDraft } = await import('../../renderer/src/screens/agenda/ImportPanel');
    const text = 'Summons to the County Council on Thursday, 19 November 2015\n\nAGENDA\n1. Apologies\n2. Minutes';
    expect(readDraft(text, undefined, '2015-10-22').reading?.warnings.map((warning) => warning.message)).toEqual([
      'This summons is for Thursday 19 November 2015, but the meeting is on Thursday 22 October 2015: is it the right pack?',
    ]);
    expect(readDraft(text, undefined, '2015-11-19').reading?.warnings).toEqual([]);
  });
});
