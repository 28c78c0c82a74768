// Decisions about the minutes: the clerk's edits to the draft (checked against the draft as
// Chamber writes it now, whose words each edit keeps beside the clerk's), the previous minutes
// approved, the numbers confirmed (the body's sequence moves on in the same transaction) and the
// body's house style. Edits are allowed while the meeting runs and after it closes, until the
// minutes' numbers are confirmed.
import { notFound, refused } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { formatShortDate } from '../../../shared/format';
import { draftMinutes } from '../../../shared/minutes/draft';
import type { MinutesBlock } from '../../../shared/minutes/model';
import type { BodyState } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import { withBody, withMeeting } from './lookups';
import type { Decision, HandlerContext, Handlers, StateView } from './types';

type MinutesCommand = 'minutes.editParagraph' | 'minutes.addParagraph' | 'minutes.strikeParagraph' | 'minutes.keepEdit' | 'minutes.useGenerated' | 'minutes.approvePrevious' | 'minutes.confirm' | 'body.setMinutesStyle';

const bodyOf = (view: StateView, meeting: MeetingState): BodyState | undefined => (meeting.bodyId ? view.body(meeting.bodyId) : undefined);

/**
 * The blocks of the part of the draft a key names, by key: what an edit is checked against. Only
 * that minute (or the front matter) is written, so an edit costs what one minute costs, whatever
 * the length of the day.
 */
const blocksOf = (view: StateView, meeting: MeetingState, key: string, ctx: HandlerContext): Map<string, { block: MinutesBlock; minuteKey?: string }> => {
  const body = bodyOf(view, meeting);
  const found = new Map<string, { block: MinutesBlock; minuteKey?: string }>();
  const itemId = key.startsWith('item:') ? key.split(':')[1] : undefined;
  const item = itemId ? meeting.agenda.find((i) => i.itemId === itemId) : undefined;
  if (itemId && !item) return found;
  const doc = draftMinutes(meeting, body, {
    timeZone: ctx.timeZone,
    record: item?.kind === 'exempt' ? 'confidential' : 'public',
    itemIds: item ? [item.itemId] : [],
    front: !item,
  });
  for (const block of doc.front) found.set(block.key, { block });
  for (const minute of doc.minutes) for (const block of minute.blocks) found.set(block.key, { block, minuteKey: minute.key });
  return found;
};

/** The minutes may be edited until their numbers are confirmed. */
const withEditableMinutes = (view: StateView, meetingId: string, ctx: HandlerContext, decide: (meeting: MeetingState) => Decision): Decision =>
  withMeeting(
    view,
    meetingId,
    (meeting) => {
      if (meeting.minutesConfirmed) {
        return { error: refused(`The minutes of ${meeting.title} on ${formatShortDate(meeting.date)} were confirmed; they can no longer be edited.`, 'meetingId') };
      }
      return decide(meeting);
    },
    { allowClosed: true, ctx },
  );

const withBlock = (
  view: StateView,
  meeting: MeetingState,
  key: string,
  ctx: HandlerContext,
  decide: (found: { block: MinutesBlock; minuteKey?: string }) => Decision,
): Decision => {
  const found = blocksOf(view, meeting, key, ctx).get(key);
  if (!found) return { error: notFound('There is no such paragraph in the draft minutes (the record may have changed: read the draft again).', 'key', key) };
  return decide(found);
};

export const minutesHandlers: Handlers<MinutesCommand> = {
  'minutes.editParagraph': (view, { meetingId, key, text }, ctx) =>
    withEditableMinutes(view, meetingId, ctx, (meeting) =>
      withBlock(view, meeting, key, ctx, ({ block }) => {
        if (!block.editable) return { error: refused(block.kind === 'recordedVote' ? 'A recorded vote is not typed over: correct the vote in the division, with a reason.' : 'That line is a note for the clerk, not part of the minutes: it cannot be edited.', 'key') };
        if (block.text === text && block.status !== 'struck') return { events: [] };
        return { events: [{ stream: streams.meeting(meetingId), type: 'minutes.paragraphEdited', payload: { meetingId, key, text, generated: block.generated } }] };
      }),
    ),

  'minutes.addParagraph': (view, { meetingId, after, text }, ctx) =>
    withEditableMinutes(view, meetingId, ctx, (meeting) =>
      withBlock(view, meeting, after, ctx, ({ minuteKey }) => {
        const key = `${minuteKey ?? 'front'}:clerk:${ctx.newId()}`;
        return { events: [{ stream: streams.meeting(meetingId), type: 'minutes.paragraphAdded', payload: { meetingId, key, after, text } }], ids: { key } };
      }),
    ),

  'minutes.strikeParagraph': (view, { meetingId, key }, ctx) =>
    withEditableMinutes(view, meetingId, ctx, (meeting) =>
      withBlock(view, meeting, key, ctx, ({ block }) => {
        if (block.kind === 'flag') return { error: refused('That line is a note for the clerk, not part of the minutes: it is never printed.', 'key') };
        if (block.status === 'struck') return { events: [] };
        return { events: [{ stream: streams.meeting(meetingId), type: 'minutes.paragraphStruck', payload: { meetingId, key, generated: block.generated } }] };
      }),
    ),

  'minutes.keepEdit': (view, { meetingId, key }, ctx) =>
    withEditableMinutes(view, meetingId, ctx, (meeting) => {
      if (!meeting.minutesEdits[key]) return { error: notFound('That paragraph has not been edited.', 'key', key) };
      return withBlock(view, meeting, key, ctx, ({ block }) => {
        if (block.status !== 'changed' && block.status !== 'orphaned') return { events: [] };
        return { events: [{ stream: streams.meeting(meetingId), type: 'minutes.editKept', payload: { meetingId, key, generated: block.generated } }] };
      });
    }),

  'minutes.useGenerated': (view, { meetingId, key }, ctx) =>
    withEditableMinutes(view, meetingId, ctx, (meeting) => {
      if (!meeting.minutesEdits[key]) return { events: [] };
      return { events: [{ stream: streams.meeting(meetingId), type: 'minutes.generatedRestored', payload: { meetingId, key } }] };
    }),

  'minutes.approvePrevious': (view, { meetingId, itemId, heldOn, corrections }, ctx) =>
    withEditableMinutes(view, meetingId, ctx, (meeting) => {
      if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound('That item is not on the agenda.', 'itemId', itemId) };
      if (heldOn >= meeting.date) return { error: refused(`The previous meeting must have been held before this one (${formatShortDate(meeting.date)}).`, 'heldOn') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'minutes.previousApproved', payload: { meetingId, itemId, heldOn, ...(corrections ? { corrections } : {}) } }] };
    }),

  'minutes.confirm': (view, { meetingId }, ctx) =>
    withEditableMinutes(view, meetingId, ctx, (meeting) => {
      if (meeting.status !== 'closed') return { error: refused('Close the meeting before confirming its minutes.', 'meetingId') };
      const body = bodyOf(view, meeting);
      if (!body) return { error: refused('This meeting has no body, so its minutes have no sequence of numbers.', 'meetingId') };
      const numbers = draftMinutes(meeting, body, { timeZone: ctx.timeZone }).numbers;
      if (!numbers) return { error: refused('No item was taken at this meeting: there are no minutes to number.', 'meetingId') };
      return {
        events: [
          { stream: streams.meeting(meetingId), type: 'minutes.confirmed', payload: { meetingId, first: numbers.first, last: numbers.last, time: ctx.now } },
          { stream: streams.body(body.id), type: 'body.nextMinuteNumberSet', payload: { bodyId: body.id, next: numbers.last + 1 } },
        ],
      };
    }),

  'body.setMinutesStyle': (view, { bodyId, style }) =>
    withBody(view, bodyId, () => ({ events: [{ stream: streams.body(bodyId), type: 'body.minutesStyleChanged', payload: { bodyId, style } }] })),
};
