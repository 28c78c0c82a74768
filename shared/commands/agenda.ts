// Commands for a meeting's agenda, before and during the meeting.
import { z } from 'zod';
import { AgendaItemKind } from '../import/agenda';
import { Id, Line, OptionalLine, orMissing } from '../values';

const page = z.int({ error: orMissing('must be a whole page number') }).min(1, { error: 'must be at least 1' }).max(100_000);

/** One agenda item as the clerk confirmed it. */
export const AgendaItemDetails = z
  .strictObject({
    number: Line(12).describe('As printed: "1", "12", "9a".'),
    title: Line(500),
    pages: z
      .strictObject({ from: page, to: page })
      .refine((p) => p.to >= p.from, { error: 'must end on or after the page it starts on', path: ['to'] })
      .optional()
      .describe('Page range of the papers, e.g. { from: 15, to: 22 }.'),
    kind: AgendaItemKind.describe('Drives the live screens: apologies, declarations, minutes, motion, exempt…'),
    proposer: OptionalLine(120).optional(),
    seconder: OptionalLine(120).optional(),
    motionTitle: OptionalLine(300).optional(),
    motionText: OptionalLine(20_000).optional(),
    description: OptionalLine(1000).optional(),
  });
export type AgendaItemDetails = z.infer<typeof AgendaItemDetails>;

export const importAgenda = z
  .strictObject({
    type: z.literal('agenda.import'),
    meetingId: Id,
    items: z.array(AgendaItemDetails).min(1, { error: 'must list at least one item' }).max(300, { error: 'must list at most 300 items' }),
    replace: z.boolean().describe('True to replace the items already there; false to add after them.'),
  })
  .describe('Load agenda items (usually read from the published pack), all or nothing.');

export const addAgendaItem = z
  .strictObject({
    type: z.literal('agenda.addItem'),
    meetingId: Id,
    item: AgendaItemDetails,
    afterItemId: Id.optional().describe('Insert after this item; at the end when omitted.'),
  })
  .describe('Add one item (e.g. urgent business). Returns itemId.');

export const updateAgendaItem = z
  .strictObject({ type: z.literal('agenda.updateItem'), meetingId: Id, itemId: Id, item: AgendaItemDetails })
  .describe("Correct an item's number, title, pages, kind or motion.");

export const moveAgendaItem = z
  .strictObject({
    type: z.literal('agenda.moveItem'),
    meetingId: Id,
    itemId: Id,
    toIndex: z.int().min(0, { error: 'must be 0 or more' }).describe('The position it moves to, 0 for first.'),
  })
  .describe('Move an item to another position in the agenda.');

export const splitAgendaItem = z
  .strictObject({
    type: z.literal('agenda.splitItem'),
    meetingId: Id,
    itemId: Id,
    firstTitle: Line(500).describe('What the item keeps.'),
    second: AgendaItemDetails.describe('The new item placed straight after it.'),
  })
  .describe('Split an item the importer ran together into two. Returns itemId of the new item.');

export const removeAgendaItem = z
  .strictObject({ type: z.literal('agenda.removeItem'), meetingId: Id, itemId: Id })
  .describe('Remove an item before the meeting (during it, withdraw or defer it instead).');

export const agendaCommands = [importAgenda, addAgendaItem, updateAgendaItem, moveAgendaItem, splitAgendaItem, removeAgendaItem] as const;
