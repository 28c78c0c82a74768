// Commands of the minutes: the clerk's edits to the draft (block by block), what only the clerk
// can say (the previous meeting's minutes approved, with any corrections), the body's house style,
// and confirming the minutes' numbers (the body's sequence moves on). The draft itself is never a
// command: it is written from the record (shared/minutes/draft.ts) whenever it is read.
import { z } from 'zod';
import { MinutesStyle } from '../minutes/style';
import { CalendarDate, CONTROL_CHARACTERS, Id, OptionalLine, orMissing } from '../values';

/** The longest paragraph the clerk may type: a long resolution with its schedule. */
export const MAX_MINUTES_PARAGRAPH = 100_000;

/** A paragraph's key in the draft, as the draft gives it ("item:<id>:motion:<id>:moved"). */
export const BlockKey = z
  .string({ error: orMissing('must be the key of a paragraph of the draft minutes') })
  .max(300, { error: 'must be at most 300 characters' })
  .regex(/^[a-z]+(?::[A-Za-z0-9-]+)*$/, { error: 'must be the key of a paragraph of the draft minutes' });

/** Words of the minutes as the clerk types them: any text a council writes, but no control characters (they break Word). */
export const MinutesText = z
  .string({ error: orMissing('must be text') })
  .max(MAX_MINUTES_PARAGRAPH, { error: 'must be at most 100,000 characters' })
  .refine((s) => !CONTROL_CHARACTERS.test(s), { error: 'must not contain control characters (they cannot be written into Word)' })
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(z.string().min(1, { error: 'must not be empty (strike the paragraph out instead)' }));

export const editMinutesParagraph = z
  .strictObject({ type: z.literal('minutes.editParagraph'), meetingId: Id, key: BlockKey, text: MinutesText.describe('The paragraph as the clerk wrote it.') })
  .describe("Replace a paragraph of the draft minutes with the clerk's words. Chamber keeps what it had written, so a later change in the record shows beside the edit.");

export const addMinutesParagraph = z
  .strictObject({ type: z.literal('minutes.addParagraph'), meetingId: Id, after: BlockKey.describe('The paragraph it follows.'), text: MinutesText })
  .describe('Add a paragraph of the clerk\'s own after a paragraph of the draft minutes (the new key is returned as ids.key).');

export const strikeMinutesParagraph = z
  .strictObject({ type: z.literal('minutes.strikeParagraph'), meetingId: Id, key: BlockKey })
  .describe('Strike a paragraph out of the minutes (it stays in the editor, struck, and can be restored).');

export const keepMinutesEdit = z
  .strictObject({ type: z.literal('minutes.keepEdit'), meetingId: Id, key: BlockKey })
  .describe("Keep the clerk's words for a paragraph whose record changed since they edited it: the change is noted as seen.");

export const restoreGeneratedParagraph = z
  .strictObject({ type: z.literal('minutes.useGenerated'), meetingId: Id, key: BlockKey })
  .describe("Drop the clerk's edit (or strike, or added paragraph) and use Chamber's words from the record.");

export const approvePreviousMinutes = z
  .strictObject({
    type: z.literal('minutes.approvePrevious'),
    meetingId: Id,
    itemId: Id.describe('The agenda item of the previous minutes.'),
    heldOn: CalendarDate.describe('The date of the meeting whose minutes were approved.'),
    corrections: OptionalLine(2000).optional().describe('"the word "Residents" being replaced by "Refugee" in …": written after "subject to".'),
  })
  .describe('Record that the minutes of the previous meeting were approved as a correct record, with any corrections.');

export const confirmMinutes = z
  .strictObject({ type: z.literal('minutes.confirm'), meetingId: Id })
  .describe("Confirm the minutes' numbers: the meeting keeps them and the body's next minute number moves on past them. Edits are refused afterwards.");

export const setMinutesStyle = z
  .strictObject({ type: z.literal('body.setMinutesStyle'), bodyId: Id, style: MinutesStyle })
  .describe("Replace the body's house style for its minutes (every template).");

export const minutesCommands = [editMinutesParagraph, addMinutesParagraph, strikeMinutesParagraph, keepMinutesEdit, restoreGeneratedParagraph, approvePreviousMinutes, confirmMinutes, setMinutesStyle] as const;

