// An item read from the pack, once the clerk has checked it, as agenda.import takes it.
import type { AgendaItemDetails } from '../commands/agenda';
import type { AgendaItemDraft } from './agenda';

export const agendaItemFromDraft = ({ confidence: _c, note: _n, ...item }: AgendaItemDraft): AgendaItemDetails => {
  const details: AgendaItemDetails = { number: item.number, title: item.title, kind: item.kind };
  if (item.pages) details.pages = item.pages;
  for (const key of ['proposer', 'seconder', 'motionTitle', 'motionText', 'description'] as const) {
    if (item[key]) details[key] = item[key];
  }
  return details;
};
