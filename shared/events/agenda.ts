// Facts about a meeting's agenda.
import { z } from 'zod';
import { AgendaItemDetails } from '../commands/agenda';
import { Id } from '../values';

export const AgendaItemRecord = AgendaItemDetails.extend({ itemId: Id });

export const agendaEventSchemas = {
  'agenda.imported': z.strictObject({ meetingId: Id, items: z.array(AgendaItemRecord), replace: z.boolean() }),
  'agenda.itemAdded': z.strictObject({ meetingId: Id, item: AgendaItemRecord, afterItemId: Id.optional() }),
  'agenda.itemChanged': z.strictObject({ meetingId: Id, itemId: Id, item: AgendaItemDetails }),
  'agenda.itemMoved': z.strictObject({ meetingId: Id, itemId: Id, toIndex: z.int() }),
  'agenda.itemSplit': z.strictObject({ meetingId: Id, itemId: Id, firstTitle: z.string(), newItem: AgendaItemRecord }),
  'agenda.itemRemoved': z.strictObject({ meetingId: Id, itemId: Id }),
} as const;
