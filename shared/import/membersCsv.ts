// Members from a spreadsheet saved as CSV, or from the PRESENT paragraph of earlier minutes,
// turned into what member.import takes. Every problem names its line and column; nothing is
// half-read. The CSV itself is split into cells by a CSV library on the calling side.
import { MemberDetails, MemberRoleName } from '../commands/body';
import type { ParsedMemberName } from './memberNames';

export const MEMBER_CSV_COLUMNS = [
  { name: 'title', required: false, help: 'Mr, Mrs, Ms, Miss, Dr, Sir…' },
  { name: 'forenames', required: false, help: 'Given names written in full, if any' },
  { name: 'initials', required: false, help: 'e.g. "M J" or "MJ"' },
  { name: 'surname', required: true, help: 'e.g. Harrison' },
  { name: 'honours', required: false, help: 'e.g. "MBE" or "CBE TD"' },
  { name: 'group', required: false, help: 'Political group, e.g. Conservative' },
  { name: 'roles', required: false, help: 'Separated by ";": Chairman; Vice-Chairman; Leader; Deputy Leader; Group Leader; Cabinet Member' },
  { name: 'voting', required: false, help: 'yes or no (blank means yes)' },
] as const;

export const MEMBERS_CSV_TEMPLATE = [
  MEMBER_CSV_COLUMNS.map((c) => c.name).join(','),
  'Mr,,M J,Harrison,,Conservative,Chairman,yes',
  'Mrs,,A D,Allen,MBE,Conservative,,yes',
  'Sir,Paul,,Carter,CBE,Conservative,Leader,yes',
  'Ms,,J,Meade,,Labour,,yes',
  '',
].join('\r\n');

export type MembersRead = { members: MemberDetails[] } | { error: { message: string; line?: number; field?: string } };

const splitList = (cell: string, by: RegExp): string[] => cell.split(by).map((s) => s.trim()).filter(Boolean);

const yesNo = (cell: string): boolean | undefined => {
  const v = cell.trim().toLowerCase();
  if (v === '' || ['yes', 'y', 'true', '1', 'voting'].includes(v)) return true;
  if (['no', 'n', 'false', '0', 'non-voting', 'co-opted'].includes(v)) return false;
  return undefined;
};

const roleOf = (text: string): MemberRoleName | undefined =>
  MemberRoleName.options.find((r) => r.toLowerCase() === text.toLowerCase().replace(/^vice chairman$/, 'vice-chairman'));

/** Rows as split by the CSV reader, the first being the header. Lines are 1-based. */
export const membersFromCsvRows = (rows: readonly (readonly string[])[]): MembersRead => {
  const nonEmpty = rows.map((cells, index) => ({ cells, line: index + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return { error: { message: 'The file is empty: it needs a header line and one line per member.' } };
  const [header, ...body] = nonEmpty;
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const known = new Set<string>(MEMBER_CSV_COLUMNS.map((c) => c.name));
  const unknown = columns.filter((c) => c && !known.has(c));
  if (unknown.length) {
    return {
      error: {
        line: header.line,
        message: `Line ${header.line}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}. The columns are ${MEMBER_CSV_COLUMNS.map((c) => c.name).join(', ')}.`,
      },
    };
  }
  if (!columns.includes('surname')) {
    return { error: { line: header.line, field: 'surname', message: `Line ${header.line}: there is no "surname" column. Download the template to see the columns.` } };
  }
  if (body.length === 0) return { error: { message: 'The file has a header but no members.' } };
  if (body.length > 500) return { error: { message: `The file lists ${body.length} members; at most 500 can be imported at once.` } };
  const members: MemberDetails[] = [];
  for (const { cells, line } of body) {
    if (cells.length > columns.length) {
      return { error: { line, message: `Line ${line}: ${cells.length} values for ${columns.length} columns. Is there a comma inside a name without quotation marks?` } };
    }
    const cell = (name: string) => (cells[columns.indexOf(name)] ?? '').trim();
    const voting = yesNo(cell('voting'));
    if (voting === undefined) return { error: { line, field: 'voting', message: `Line ${line}, voting: "${cell('voting')}" should be yes or no.` } };
    const roleTexts = splitList(cell('roles'), /[;,]/);
    const roles = roleTexts.map(roleOf);
    const badRole = roleTexts.find((_, i) => roles[i] === undefined);
    if (badRole !== undefined) {
      return { error: { line, field: 'roles', message: `Line ${line}, roles: "${badRole}" is not a role Chamber knows (${MemberRoleName.options.join(', ')}).` } };
    }
    const forenames = cell('forenames');
    const candidate = {
      title: cell('title').replace(/\.$/, ''),
      ...(forenames ? { forenames } : {}),
      initials: cell('initials').replace(/[.\s]/g, '').toUpperCase().split('').filter(Boolean),
      surname: cell('surname'),
      honours: splitList(cell('honours'), /[\s;,]+/).map((h) => h.replace(/\./g, '').toUpperCase()),
      group: cell('group'),
      roles: roles as MemberRoleName[],
      voting,
    };
    const parsed = MemberDetails.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue.path[0] ?? '');
      return { error: { line, field, message: `Line ${line}, ${field}: ${issue.message}.` } };
    }
    members.push(parsed.data);
  }
  return { members };
};

/** A name from a PRESENT paragraph as a member: voting, no group yet, Chairman and Vice-Chairman kept. */
export const memberFromPresentName = (name: ParsedMemberName): MemberDetails => ({
  title: name.title,
  ...(name.forenames ? { forenames: name.forenames } : {}),
  initials: name.initials,
  surname: name.surname,
  honours: name.honours,
  group: '',
  roles: name.role ? [name.role] : [],
  voting: true,
});
