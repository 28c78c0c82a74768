// What the records office changed in a meeting pack, in the clerk's words: the meeting's details,
// the agenda item by item, the expected apologies, the members and officers, the standing orders.
// Compared as states (before and after), not as events, so five edits to one title read as one
// change. Pure: no Node, no DOM.
import type { BodyState, Member } from '../state/body';
import { memberDisplayNames } from '../state/body';
import type { AgendaItem, MeetingState } from '../state/meeting';
import { formatPackDate } from '../format';

/** A pack's two states: the body and the meeting (either may be absent before the first pull). */
export interface PackStates {
  body?: BodyState;
  meeting?: MeetingState;
}

const quoted = (text: string): string => `"${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`;
const itemName = (item: Pick<AgendaItem, 'number' | 'title'>): string => `item ${item.number} ${quoted(item.title)}`;
const pagesWords = (item: AgendaItem): string => (item.pages ? `pages ${item.pages.from}–${item.pages.to}` : 'no pages');

/** What changed in one agenda item, kept by id: its number, title, pages, kind, motion, description. */
const itemChanges = (before: AgendaItem, after: AgendaItem): string[] => {
  const parts: string[] = [];
  if (before.number !== after.number) parts.push(`renumbered ${before.number} → ${after.number}`);
  if (before.title !== after.title) parts.push(`retitled ${quoted(after.title)}`);
  if ((before.pages?.from ?? 0) !== (after.pages?.from ?? 0) || (before.pages?.to ?? 0) !== (after.pages?.to ?? 0)) parts.push(`now ${pagesWords(after)}`);
  if (before.kind !== after.kind) parts.push(`now a ${after.kind.replace(/_/g, ' ')} item`);
  if ((before.motionText ?? '') !== (after.motionText ?? '') || (before.motionTitle ?? '') !== (after.motionTitle ?? '')) parts.push('its motion reworded');
  if ((before.proposer ?? '') !== (after.proposer ?? '') || (before.seconder ?? '') !== (after.seconder ?? '')) parts.push('its proposer or seconder changed');
  if ((before.description ?? '') !== (after.description ?? '')) parts.push('its description changed');
  return parts.length ? [`Agenda ${itemName(before)}: ${parts.join('; ')}.`] : [];
};

const agendaChanges = (before: readonly AgendaItem[], after: readonly AgendaItem[]): string[] => {
  const lines: string[] = [];
  const was = new Map(before.map((item) => [item.itemId, item]));
  const now = new Map(after.map((item) => [item.itemId, item]));
  for (const item of after) {
    const old = was.get(item.itemId);
    lines.push(...(old ? itemChanges(old, item) : [`Agenda ${itemName(item)} added.`]));
  }
  for (const item of before) if (!now.has(item.itemId)) lines.push(`Agenda ${itemName(item)} removed.`);
  // The order, only when the same items stand in another order (additions and removals say enough).
  const kept = after.filter((item) => was.has(item.itemId)).map((item) => item.itemId);
  const keptBefore = before.filter((item) => now.has(item.itemId)).map((item) => item.itemId);
  if (kept.join() !== keptBefore.join()) lines.push('The agenda items were put in another order.');
  return lines;
};

const memberChanges = (before: readonly Member[], after: readonly Member[]): string[] => {
  const lines: string[] = [];
  const names = memberDisplayNames(after);
  const namesBefore = memberDisplayNames(before);
  const was = new Map(before.map((m) => [m.id, m]));
  for (const m of after) {
    const old = was.get(m.id);
    if (!old) {
      if (m.active) lines.push(`${names[m.id]} added as a member.`);
    } else if (old.active && !m.active) lines.push(`${namesBefore[m.id]} no longer a member.`);
    else if (!old.active && m.active) lines.push(`${names[m.id]} a member again.`);
    else if (m.active && JSON.stringify({ ...old, addedAt: '' }) !== JSON.stringify({ ...m, addedAt: '' })) {
      lines.push(namesBefore[m.id] === names[m.id] ? `${names[m.id]}'s details changed.` : `${namesBefore[m.id]} now ${names[m.id]}.`);
    }
  }
  return lines;
};

const bodyChanges = (before: BodyState | undefined, after: BodyState): string[] => {
  if (!before) return [`The body ${quoted(after.name)}: ${after.members.filter((m) => m.active).length} members, ${after.officers.filter((o) => o.active).length} officers.`];
  const lines: string[] = [];
  if (before.name !== after.name) lines.push(`The body is now called ${quoted(after.name)}.`);
  lines.push(...memberChanges(before.members, after.members));
  const officers = (body: BodyState) => JSON.stringify(body.officers.filter((o) => o.active));
  if (officers(before) !== officers(after)) lines.push('The officers listed changed.');
  if (JSON.stringify(before.standingOrders) !== JSON.stringify(after.standingOrders)) lines.push('The standing orders changed.');
  if ((before.seats ?? 0) !== (after.seats ?? 0)) lines.push(after.seats ? `The body now has ${after.seats} seats.` : 'The number of seats is no longer set.');
  if (JSON.stringify(before.minutesStyle ?? null) !== JSON.stringify(after.minutesStyle ?? null)) lines.push("The minutes' house style changed.");
  if (before.nextMinuteNumber !== after.nextMinuteNumber) lines.push(`The next minute number is now ${after.nextMinuteNumber}.`);
  return lines;
};

const meetingChanges = (before: MeetingState | undefined, after: MeetingState, names: Readonly<Record<string, string>>): string[] => {
  if (!before) return [`The meeting ${quoted(after.title)} on ${formatPackDate(after.date)} at ${after.startTime}: ${after.agenda.length} agenda item${after.agenda.length === 1 ? '' : 's'}.`];
  const lines: string[] = [];
  const details: string[] = [];
  if (before.title !== after.title) details.push(`the title is now ${quoted(after.title)}`);
  if (before.date !== after.date) details.push(`the date is now ${formatPackDate(after.date)}`);
  if (before.startTime !== after.startTime) details.push(`it now starts at ${after.startTime}`);
  if (before.venue !== after.venue) details.push(`the venue is now ${quoted(after.venue)}`);
  if (details.length) {
    const sentence = details.join('; ');
    lines.push(`${sentence[0].toUpperCase()}${sentence.slice(1)}.`);
  }
  lines.push(...agendaChanges(before.agenda, after.agenda));
  const expected = (m: MeetingState) => new Set(m.expectedApologies.map((a) => a.memberId));
  const was = expected(before);
  const now = expected(after);
  for (const id of now) if (!was.has(id)) lines.push(`Apologies expected from ${names[id] ?? 'a member'}.`);
  for (const id of was) if (!now.has(id)) lines.push(`Apologies no longer expected from ${names[id] ?? 'a member'}.`);
  if (before.status !== after.status) lines.push(after.status === 'ready' ? 'The meeting was marked ready.' : `The meeting is now ${after.status}.`);
  return lines;
};

/**
 * What changed between two copies of a pack, in words, body first. Nothing changed: an empty list.
 * `before` is the common point (what this laptop took, or nothing); `after` the office's copy.
 */
export const packChanges = (before: PackStates, after: PackStates): string[] => {
  const lines: string[] = [];
  if (after.body) lines.push(...bodyChanges(before.body, after.body));
  // Names as the office's copy has them; a member only the earlier copy knew, as it had them.
  const names = { ...memberDisplayNames(before.body?.members ?? []), ...memberDisplayNames(after.body?.members ?? []) };
  if (after.meeting) lines.push(...meetingChanges(before.meeting, after.meeting, names));
  return lines;
};
