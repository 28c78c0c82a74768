// The full council of 22 October 2015 as test data: the 74 members PRESENT and the 9 whose
// apologies were reported, the agenda of its next meeting, all from tests/fixtures/packs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemberDetails } from '../../shared/commands/body';
import { parseAgenda } from '../../shared/import/agenda';
import { agendaItemFromDraft } from '../../shared/import/agendaItems';
import { memberFromPresentName } from '../../shared/import/membersCsv';
import { parsePresentParagraph } from '../../shared/import/presentParagraph';

const packs = fileURLToPath(new URL('../fixtures/packs/', import.meta.url));
export const pack = (name: string): string => readFileSync(join(packs, name), 'utf8');

/** "The Director of Governance and Law reported apologies from Mr Baldock, Mrs Brivio, …" */
export const KCC_2015_APOLOGIES = [
  ['Mr', 'Baldock'],
  ['Mrs', 'Brivio'],
  ['Mr', 'Chittenden'],
  ['Mrs', 'Dagger'],
  ['Mr', 'King'],
  ['Mr', 'Koowaree'],
  ['Mr', 'Latchford'],
  ['Mr', 'MacDowall'],
  ['Mr', 'Truelove'],
] as const;

export const kcc2015PresentMembers = (): MemberDetails[] => {
  const parsed = parsePresentParagraph(pack('kcc-2015-present.txt'));
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.members.map(memberFromPresentName);
};

export const kcc2015ApologyMembers = (): MemberDetails[] =>
  KCC_2015_APOLOGIES.map(([title, surname]) => ({ title, initials: [], surname, honours: [], group: '', roles: [], voting: true }));

/** All 83 members: the PRESENT list in its order, then those who sent apologies. */
export const kcc2015Membership = (): MemberDetails[] => [...kcc2015PresentMembers(), ...kcc2015ApologyMembers()];

export const kcc2015AgendaItems = () => {
  const parsed = parseAgenda(pack('kcc-2015-agenda.txt'));
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.items.map(agendaItemFromDraft);
};
