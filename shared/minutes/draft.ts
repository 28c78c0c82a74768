// The draft minutes, written from the record in the body's house style, with the clerk's edits laid
// over them. Pure: no Node, no DOM; the screens, the exporters and the core's edit decisions all
// call this one function, so they agree.
//
// Decisions:
// - One minute per agenda item taken, in the order taken (its first spell), numbered on from the
//   body's next minute number (or the numbers confirmed); the exempt items take their numbers in
//   the same sequence but appear only in the confidential record.
// - Every paragraph has a key naming its source ("item:<itemId>:motion:<motionId>:moved"), so the
//   clerk's edit stays with it; an edit keeps what Chamber had written, and when Chamber would now
//   write something else the block is 'changed' and shows both.
// - Nothing is invented: a motion with no outcome once its item is over, or an item with nothing
//   recorded, is a 'flag' for the clerk, never minutes text.
// - Names are the names at the meeting (kept at the close), so a later rename leaves them be.
import type { MemberDetails, OfficerDetails } from '../commands/body';
import type { MotionKind } from '../commands/debate';
import { formatLongDate, formatPackDate, joinWithAnd } from '../format';
import { divisionVotes } from '../procedure/division';
import { describeOrganisationVote } from '../procedure/organisationVotes';
import { bySurnameForVote, outcomeWords, recordedVoteNames, type VoteWay } from '../procedure/recordedVote';
import type { BodyState, Member } from '../state/body';
import { memberDisplayNames, memberFullName } from '../state/body';
import type { MeetingState } from '../state/meeting';
import type { Division } from '../state/meetingDivision';
import type { Motion } from '../state/meetingDebate';
import type { AgendaItem } from '../state/meeting';
import { clockTime } from '../time';
import type { BlockKind, Minute, MinutesBlock, MinutesDocument, MinutesRecord, RecordedVoteLists } from './model';
import { fillTemplate, minutesStyleOf, type MinutesStyle } from './style';

export interface DraftOptions {
  /** The meeting's time zone: times are written in it. */
  timeZone: string;
  /** Public minutes (default) or the confidential record of the exempt items. */
  record?: MinutesRecord;
  /** Only these items' minutes (and no front matter unless `front`): to regenerate one minute. */
  itemIds?: readonly string[];
  /** With `itemIds`: the front matter too. */
  front?: boolean;
}

/** A block as generated, before the clerk's edits are laid over it. */
interface Raw {
  key: string;
  kind: BlockKind;
  text: string;
  vote?: RecordedVoteLists;
  label?: string;
  labelInline?: boolean;
  /** Text with "{paragraph}" to fill with the number of the block keyed here, once numbered. */
  refersTo?: string;
}

const NUMBERED: readonly BlockKind[] = ['paragraph', 'resolution'];

const KIND_WORD: Record<MotionKind, string> = { substantive: 'motion', amendment: 'amendment', procedural: 'procedural motion' };

const DECLARATION_KIND: Record<string, string> = {
  disclosable_pecuniary: 'a disclosable pecuniary interest',
  other_significant: 'an other significant interest',
  other: 'an interest',
};

/** "A, B and C" (shared/format.ts, where the quorum's words use it too). */
export { joinWithAnd };

const capitaliseFirst = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** The motion's words as the decision: the body's rewrites applied to the start, the full stop and quotation marks trimmed. */
export const resolutionWords = (text: string, style: MinutesStyle): string => {
  let words = text.trim().replace(/^[“"]+/, '').replace(/[”"]+$/, '').trim();
  for (const { from, to } of style.resolvedRewrites) {
    if (words.toLowerCase().startsWith(from.toLowerCase())) {
      words = to + words.slice(from.length);
      break;
    }
  }
  // "The County Council is asked to comment …" with no rewrite of the body's: "RESOLVED that the County Council …".
  return words.replace(/^\s+/, '').replace(/^(The|This|That)\b/, (w) => w.toLowerCase());
};

interface Context {
  meeting: MeetingState;
  body: BodyState | undefined;
  style: MinutesStyle;
  timeZone: string;
  members: Map<string, MemberDetails & { id: string }>;
  officers: Map<string, OfficerDetails>;
  shortNames: Readonly<Record<string, string>>;
  voteNames: Record<string, string>;
}

/**
 * Worked out once per set of inputs and kept while they are the same objects (a state's parts are
 * replaced, never changed, when the record changes): the names, and the comings and goings, which
 * would otherwise be worked out from the whole day each time one paragraph is edited.
 */
const remembered = <K extends object, V>(cache: WeakMap<K, { deps: readonly unknown[]; value: V }>, key: K, deps: readonly unknown[], compute: () => V): V => {
  const known = cache.get(key);
  if (known && known.deps.length === deps.length && known.deps.every((d, i) => d === deps[i])) return known.value;
  const value = compute();
  cache.set(key, { deps, value });
  return value;
};

type Names = Pick<Context, 'members' | 'officers' | 'shortNames' | 'voteNames'>;
const namesCache = new WeakMap<object, { deps: readonly unknown[]; value: Names }>();
const NO_BODY: readonly Member[] = [];

const namesOf = (meeting: MeetingState, body: BodyState | undefined): Names => {
  const kept = meeting.namesAtMeeting ?? undefined;
  const bodyMembers: readonly Member[] = body?.members ?? NO_BODY;
  const nameStyle = body?.standingOrders.recordedVote.nameStyle ?? 'title_initial_surname';
  return remembered(namesCache, bodyMembers, [kept, body?.officers, nameStyle], () => {
    // Names as they were at the meeting (kept at the close); members added since keep their own.
    const asAtMeeting: Member[] = kept ? bodyMembers.map((m) => (kept.members[m.id] ? { ...m, ...kept.members[m.id] } : m)) : [...bodyMembers];
    return {
      members: new Map(asAtMeeting.map((m) => [m.id, m])),
      officers: new Map<string, OfficerDetails>((body?.officers ?? []).map((o) => [o.id, kept?.officers[o.id] ?? o])),
      shortNames: memberDisplayNames(asAtMeeting),
      voteNames: recordedVoteNames(asAtMeeting, nameStyle),
    };
  });
};

const contextOf = (meeting: MeetingState, body: BodyState | undefined, timeZone: string): Context => ({
  meeting,
  body,
  style: minutesStyleOf(body),
  timeZone,
  ...namesOf(meeting, body),
});

/** A member as the minutes name them in a sentence: "Mr Vye"; the Chairman and Vice-Chairman by their office. */
const memberInSentence = (ctx: Context, memberId: string | undefined): string => {
  if (!memberId) return 'a member';
  const m = ctx.members.get(memberId);
  if (m?.roles.includes('Chairman')) return `the ${ctx.style.chairman}`;
  if (m?.roles.includes('Vice-Chairman')) return `the ${ctx.style.viceChairman}`;
  return ctx.shortNames[memberId] ?? 'a member no longer on the body';
};

const sentence = (template: string, values: Record<string, string | number | undefined>): string => capitaliseFirst(fillTemplate(template, values));

const time = (ctx: Context, instant: string): string => timeOf(instant, ctx.timeZone);

/** The items taken, in the order taken (their first spell). */
const takenCache = new WeakMap<object, { deps: readonly unknown[]; value: AgendaItem[] }>();
const itemsTaken = (meeting: MeetingState): AgendaItem[] =>
  remembered(takenCache, meeting.agenda, [meeting.progress], () =>
    meeting.agenda
      .filter((i) => (meeting.progress[i.itemId]?.periods.length ?? 0) > 0)
      .sort((a, b) => meeting.progress[a.itemId].periods[0].from.localeCompare(meeting.progress[b.itemId].periods[0].from)),
  );

/** The entries of a list (motions, rulings) by item, kept while the list is the same. */
const byItemCache = new WeakMap<object, { deps: readonly unknown[]; value: Map<string, unknown[]> }>();
const entriesOfItem = <T extends { itemId: string }>(list: readonly T[], itemId: string): T[] =>
  (remembered(byItemCache, list, [], () => {
    const index = new Map<string, T[]>();
    for (const entry of list) index.set(entry.itemId, [...(index.get(entry.itemId) ?? []), entry]);
    return index as Map<string, unknown[]>;
  }).get(itemId) ?? []) as T[];

/**
 * Which item was being taken at an instant: the spells of the items taken, in order, searched by
 * halves; between items, the next one taken (after the last, the last).
 */
const itemFinder = (meeting: MeetingState, taken: readonly AgendaItem[]): ((instant: string) => string | undefined) => {
  const spells = taken
    .flatMap((i) => meeting.progress[i.itemId].periods.map((p) => ({ itemId: i.itemId, from: p.from, to: p.to })))
    .sort((a, b) => a.from.localeCompare(b.from));
  return (instant) => {
    if (spells.length === 0) return undefined;
    let lo = 0;
    let hi = spells.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spells[mid].from <= instant) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0 && (spells[found].to === undefined || instant < (spells[found].to as string))) return spells[found].itemId;
    return (spells[found + 1] ?? spells[spells.length - 1]).itemId;
  };
};

// ---- Front matter: PRESENT, ALSO PRESENT, IN ATTENDANCE -------------------------------------------

const frontBlocks = (ctx: Context, hasItem: (kind: string) => boolean): Raw[] => {
  const { meeting, style } = ctx;
  const attended = Object.entries(meeting.attendance)
    .filter(([, a]) => (a.state === 'present' || a.state === 'virtual') && a.stays.length > 0)
    .map(([id, a]) => ({ id, a, m: ctx.members.get(id) }))
    .filter((x): x is { id: string; a: (typeof x)['a']; m: MemberDetails & { id: string } } => x.m !== undefined);
  const written = (x: (typeof attended)[number]): string => {
    let name = memberFullName(x.m);
    if (x.a.inPlaceOf) name = fillTemplate(style.substitute, { name, for: ctx.shortNames[x.a.inPlaceOf] ?? 'a member' });
    if (x.a.state === 'virtual') name = fillTemplate(style.virtual, { name });
    return name;
  };
  const chairman = attended.filter((x) => x.m.roles.includes('Chairman'));
  const vice = attended.filter((x) => x.m.roles.includes('Vice-Chairman') && !x.m.roles.includes('Chairman'));
  const rest = attended.filter((x) => !chairman.includes(x) && !vice.includes(x)).sort((p, q) => bySurnameForVote(p.m, q.m));
  const blocks: Raw[] = [];
  const present: Raw[] = [
    ...chairman.map((x) => ({ key: 'front:present:chairman', kind: 'attendance' as const, text: `${written(x)} (${style.chairman})` })),
    ...vice.map((x) => ({ key: 'front:present:vice', kind: 'attendance' as const, text: `${written(x)} (${style.viceChairman})` })),
    ...(rest.length ? [{ key: 'front:present', kind: 'attendance' as const, text: joinWithAnd(rest.map(written)) }] : []),
  ];
  if (present.length) blocks.push({ ...present[0], label: 'PRESENT:' }, ...present.slice(1));
  if (meeting.others.length) {
    blocks.push({ key: 'front:also', kind: 'attendance', label: 'ALSO PRESENT:', labelInline: true, text: joinWithAnd(meeting.others.map((o) => (o.capacity ? `${o.name} (${o.capacity})` : o.name))) });
  }
  const officers = meeting.officersPresent.map((id) => ctx.officers.get(id)).filter((o): o is OfficerDetails => o !== undefined);
  if (officers.length) {
    blocks.push({ key: 'front:officers', kind: 'attendance', label: 'IN ATTENDANCE:', labelInline: true, text: joinWithAnd(officers.map((o) => `${o.name} (${o.jobTitle})`)) });
  }
  // The Chair's rulings on virtual attendance (a body that leaves it to the Chair), each as made.
  for (const ruling of meeting.virtualAttendanceRulings ?? []) {
    const text = fillTemplate(style.virtualRuling, {
      chair: style.chairman,
      time: clockTime(ruling.time, ctx.timeZone),
      ruling: ruling.counts ? 'would count towards the quorum and could vote' : 'would not count towards the quorum or vote',
    });
    const reason = ruling.reason.trim().replace(/[.\s]+$/, '');
    blocks.push({ key: `front:virtualRuling:${ruling.id}`, kind: 'paragraph', text: reason ? `${text} ${reason.replace(/^./, (c) => c.toUpperCase())}.` : text });
  }
  // Where the agenda has no item for them, apologies and declarations are minuted here.
  if (!hasItem('apologies')) blocks.push(apologiesBlock(ctx, 'front:apologies'));
  if (!hasItem('declarations')) blocks.push(...declarationBlocks(ctx, 'front:declarations'));
  return blocks;
};

const apologiesBlock = (ctx: Context, key: string): Raw => {
  const sent = Object.entries(ctx.meeting.attendance)
    .filter(([, a]) => a.state === 'apologies')
    .map(([id]) => ctx.members.get(id))
    .filter((m): m is MemberDetails & { id: string } => m !== undefined)
    .sort(bySurnameForVote)
    .map((m) => ctx.shortNames[m.id]);
  if (sent.length === 0) return { key, kind: 'paragraph', text: ctx.style.noApologies };
  return { key, kind: 'paragraph', text: sentence(ctx.style.apologies, { reporter: ctx.style.apologiesReporter, names: joinWithAnd(sent) }) };
};

const declarationBlocks = (ctx: Context, key: string): Raw[] => {
  const { meeting, style } = ctx;
  if (meeting.declarations.length === 0) return [{ key, kind: 'paragraph', text: style.noDeclarations }];
  return meeting.declarations.map((d) => {
    const item = meeting.agenda.find((i) => i.itemId === d.itemId);
    const text = sentence(style.declaration, {
      member: memberInSentence(ctx, d.memberId),
      kind: DECLARATION_KIND[d.kind] ?? 'an interest',
      item: item ? `item ${item.number} (${item.title})` : 'an item',
      description: d.description.replace(/[.\s]+$/, ''),
    });
    return { key: `${key}:${d.id}`, kind: 'paragraph' as const, text: d.withdraws ? `${text} They withdrew from the meeting for that item.` : text };
  });
};

// ---- An item's minute ----------------------------------------------------------------------------

const recordedVoteLists = (ctx: Context, division: Division, kind: MotionKind): RecordedVoteLists | undefined => {
  if (!division.result || division.result === 'tied_no_casting_vote' || division.closedAt === undefined) return undefined;
  const votes = divisionVotes(ctx.meeting, division.id);
  const ways: RecordedVoteLists['ways'] = (['for', 'against', 'abstain'] as VoteWay[]).map((way) => {
    const voters = Object.keys(votes)
      .filter((id) => votes[id] === way)
      .map((id) => ctx.members.get(id))
      .filter((m): m is MemberDetails & { id: string } => m !== undefined)
      .sort(bySurnameForVote);
    return { heading: way === 'for' ? 'For' : way === 'against' ? 'Against' : 'Abstain', count: voters.length, names: voters.map((m) => ctx.voteNames[m.id]) };
  });
  return { ways, outcome: outcomeWords(kind, division.result) };
};

const voteListsText = (lists: RecordedVoteLists): string =>
  [...lists.ways.flatMap((w) => [`${w.heading} (${w.count})`, ...(w.names.length ? [w.names.join(', ')] : [])]), lists.outcome].join('\n');

const wordsOf = (motion: Motion, which: 'first' | 'last'): string => motion.versions[which === 'first' ? 0 : motion.versions.length - 1]?.text ?? '';

const quoted = (text: string): string => {
  const t = text.trim();
  return /^[“"]/.test(t) ? t : `“${t}”`;
};

/**
 * The paragraphs of one motion, in two parts placed by time: who moved it and its words (when
 * moved), and how it was decided (when decided), so a closure moved and voted on in the middle
 * of a debate falls between the motion and its vote. A procedural motion put at once is one part.
 */
const motionBlocks = (ctx: Context, motion: Motion, itemDone: boolean): { at: string; blocks: Raw[] }[] => {
  const blocks = motionParagraphs(ctx, motion, itemDone);
  const decided = motion.outcome?.time ?? motion.movedAt;
  if (motion.kind === 'procedural') return [{ at: motion.movedAt, blocks }];
  const moved = blocks.filter((b) => b.key.endsWith(':moved') || b.key.endsWith(':words'));
  return [
    { at: motion.movedAt, blocks: moved },
    { at: decided, blocks: blocks.filter((b) => !moved.includes(b)) },
  ];
};

const motionParagraphs = (ctx: Context, motion: Motion, itemDone: boolean): Raw[] => {
  const { style, meeting } = ctx;
  const base = `item:${motion.itemId}:motion:${motion.id}`;
  const kind = KIND_WORD[motion.kind];
  const mover = memberInSentence(ctx, motion.moverId);
  const seconder = motion.seconderId ? memberInSentence(ctx, motion.seconderId) : undefined;
  const division = motion.outcome?.divisionId ? meeting.divisions.findLast((d) => d.id === motion.outcome?.divisionId) : undefined;
  const lists = division && division.recorded ? recordedVoteLists(ctx, division, motion.kind) : undefined;
  const chair = `the ${style.chairman}`;
  const blocks: Raw[] = [];
  if (motion.kind === 'procedural') {
    // Quoted within the sentence: "the procedural motion “that the question be put”".
    const words = wordsOf(motion, 'first').trim().replace(/^[“"]|[”"]$/g, '').replace(/\.$/, '').replace(/^That\b/, 'that');
    let text = sentence(seconder ? style.proceduralMoved : style.movedUnseconded, { mover, seconder, motion: words });
    if (!seconder) text = `${text} “${words}”`;
    if (lists) text = `${text}, ${fillTemplate(style.putToRecordedVote, { chair })}`;
    blocks.push({ key: `${base}:moved`, kind: 'paragraph', text });
  } else {
    const template = motion.kind === 'amendment' ? (seconder ? style.amendmentMoved : style.movedUnseconded) : seconder ? style.moved : style.movedUnseconded;
    blocks.push({ key: `${base}:moved`, kind: 'paragraph', text: sentence(template, { mover, seconder }) });
    blocks.push({ key: `${base}:words`, kind: 'quotation', text: quoted(wordsOf(motion, 'first')) });
    if (lists) {
      blocks.push({ key: `${base}:put`, kind: 'paragraph', text: sentence(style.putMotionToRecordedVote, { chair, kind, paragraph: '{paragraph}' }), refersTo: `${base}:moved` });
    }
  }
  // Where organisations vote as one, the counts are theirs: say how each voted, under the names.
  const rule = ctx.body?.standingOrders.organisationVotes;
  const byOrganisation: Raw[] =
    division?.organisations?.length && rule
      ? [{ key: `item:${motion.itemId}:division:${division.id}:organisations`, kind: 'paragraph', text: `Votes by organisation: ${division.organisations.map((vote) => describeOrganisationVote(vote, rule)).join('; ')}.` }]
      : [];
  if (lists && division) {
    blocks.push({ key: `item:${motion.itemId}:division:${division.id}:vote`, kind: 'recordedVote', text: voteListsText(lists), vote: lists }, ...byOrganisation);
    return blocks;
  }
  const o = motion.outcome;
  if (motion.status === 'withdrawn') blocks.push({ key: `${base}:outcome`, kind: 'paragraph', text: sentence(style.withdrawn, { kind }) });
  else if (!o) {
    if (itemDone) blocks.push({ key: `${base}:flag`, kind: 'flag', text: `No outcome was recorded for the ${kind} moved by ${mover}: record it, or write what happened.` });
  } else if (o.how === 'without_vote') {
    blocks.push({ key: `${base}:outcome`, kind: 'paragraph', text: sentence(o.result === 'carried' ? style.agreedWithoutVote : style.lostWithoutVote, { kind }) });
  } else if (o.how === 'unanimous') {
    blocks.push({ key: `${base}:outcome`, kind: 'paragraph', text: sentence(o.result === 'carried' ? style.agreedUnanimously : style.lostWithoutVote, { kind }) });
  } else {
    // A division's counts are its tally, as corrected after the close.
    const counts = division?.tally ? { for: division.tally.for, against: division.tally.against, abstained: division.tally.abstain } : { for: o.for ?? 0, against: o.against ?? 0, abstained: o.abstained ?? 0 };
    const template = o.how === 'show_of_hands' ? style.showOfHands : style.divisionCounts;
    blocks.push({ key: `${base}:outcome`, kind: 'paragraph', text: sentence(template, { kind, result: o.result, ...counts }) }, ...byOrganisation);
  }
  return blocks;
};

const itemBlocks = (ctx: Context, item: AgendaItem, moves: readonly Raw[]): Raw[] => {
  const { meeting, style } = ctx;
  const base = `item:${item.itemId}`;
  const progress = meeting.progress[item.itemId];
  const itemDone = progress.state !== 'running';
  const blocks: Raw[] = [];
  // Who presided, where it was not the Chairman.
  const start = progress.periods[0].from;
  const chair = meeting.chair.filter((c) => c.since <= start).at(-1);
  if (chair && chair.capacity !== 'chairman') blocks.push({ key: `${base}:presided`, kind: 'subheading', text: sentence(style.presided, { member: ctx.shortNames[chair.memberId] ?? 'a member' }) });
  if (item.kind === 'apologies') blocks.push(apologiesBlock(ctx, `${base}:apologies`));
  if (item.kind === 'declarations') blocks.push(...declarationBlocks(ctx, `${base}:declarations`));
  const previous = meeting.previousMinutes[item.itemId];
  if (previous) {
    const date = formatPackDate(previous.heldOn);
    blocks.push({ key: `${base}:previous`, kind: 'resolution', text: previous.corrections ? fillTemplate(style.previousMinutesCorrected, { date, corrections: previous.corrections }) : fillTemplate(style.previousMinutes, { date }) });
  }
  // The clerk's notes: a paragraph each (blank lines between), "# " for a sub-heading.
  const note = meeting.notes[item.itemId]?.trim();
  if (note) {
    note.split(/\n\s*\n/).forEach((para, i) => {
      const text = para.trim();
      if (text.startsWith('#')) blocks.push({ key: `${base}:note:${i}`, kind: 'subheading', text: text.replace(/^#+\s*/, '') });
      else if (text) blocks.push({ key: `${base}:note:${i}`, kind: 'paragraph', text });
    });
  }
  // Motions in the order moved, arrivals and departures, rulings: in the order they happened.
  const timed: { at: string; blocks: Raw[] }[] = [];
  const motions = entriesOfItem(meeting.motions, item.itemId);
  for (const motion of motions) timed.push(...motionBlocks(ctx, motion, itemDone));
  for (const ruling of entriesOfItem(meeting.rulings, item.itemId)) {
    timed.push({ at: ruling.at, blocks: [{ key: `${base}:ruling:${ruling.id}`, kind: 'paragraph', text: ruling.text }] });
  }
  for (const move of moves) timed.push({ at: move.refersTo ?? '', blocks: [{ ...move, refersTo: undefined }] });
  timed.sort((a, b) => a.at.localeCompare(b.at));
  for (const t of timed) blocks.push(...t.blocks);
  // The decisions: each substantive motion carried, in its words as finally carried.
  for (const motion of motions.filter((m) => m.kind === 'substantive' && m.status === 'carried')) {
    blocks.push({ key: `item:${item.itemId}:motion:${motion.id}:resolved`, kind: 'resolution', text: fillTemplate(style.resolved, { text: resolutionWords(wordsOf(motion, 'last'), style) }) });
  }
  if (blocks.length === 0 && itemDone) blocks.push({ key: `${base}:flag`, kind: 'flag', text: 'Nothing was recorded for this item: add a note or a paragraph saying what happened.' });
  return blocks;
};

/**
 * Late arrivals and early departures, by the item they happened in (refersTo carries the instant,
 * for ordering); worked out for the whole day once and kept (see `remembered`). Keys name the
 * item, so an edit stays with its minute.
 */
const comingsAndGoings = (ctx: Context, taken: readonly AgendaItem[]): Map<string, Raw[]> => {
  const { meeting, style } = ctx;
  const byItem = new Map<string, Raw[]>();
  const started = meeting.startedAt;
  if (!started || taken.length === 0) return byItem;
  const itemAt = itemFinder(meeting, taken);
  const note = (instant: string, what: 'arrival' | 'departure', memberId: string, n: number) => {
    const itemId = itemAt(instant);
    if (!itemId) return;
    const member = ctx.shortNames[memberId] ?? 'a member';
    const text = sentence(what === 'arrival' ? style.arrived : style.departed, { member, time: time(ctx, instant) });
    const raws = byItem.get(itemId) ?? [];
    raws.push({ key: `item:${itemId}:${what}:${memberId}:${n}`, kind: 'paragraph', text, refersTo: instant });
    byItem.set(itemId, raws);
  };
  for (const [memberId, a] of Object.entries(meeting.attendance)) {
    if (!ctx.members.has(memberId)) continue;
    a.stays.forEach((stay, i) => {
      if (stay.from > started) note(stay.from, 'arrival', memberId, i);
      if (stay.to && (!meeting.closedAt || stay.to < meeting.closedAt)) note(stay.to, 'departure', memberId, i);
    });
  }
  return byItem;
};

const movesCache = new WeakMap<object, { deps: readonly unknown[]; value: Map<string, Raw[]> }>();

/**
 * Clock times already written, by time zone and instant: a day's comings and goings are written
 * again each time a minute is drafted, and Intl's formatting is the slow part. Bounded.
 */
const writtenTimes = new Map<string, string>();
const timeOf = (instant: string, timeZone: string): string => {
  const key = `${timeZone}|${instant}`;
  let written = writtenTimes.get(key);
  if (written === undefined) {
    if (writtenTimes.size > 20_000) writtenTimes.clear();
    written = clockTime(instant, timeZone);
    writtenTimes.set(key, written);
  }
  return written;
};

// ---- The clerk's edits laid over ---------------------------------------------------------------

const overlay = (ctx: Context, raws: readonly Raw[], used: Set<string>): MinutesBlock[] => {
  const edits = ctx.meeting.minutesEdits ?? {};
  const added = Object.values(edits).filter((e) => e.after !== undefined);
  const out: MinutesBlock[] = [];
  const placeAfter = (key: string) => {
    for (const e of added.filter((x) => x.after === key).sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key))) {
      if (used.has(e.key)) continue;
      used.add(e.key);
      out.push({ key: e.key, kind: 'paragraph', text: e.text, status: e.struck ? 'struck' : 'added', generated: '', editable: true, editedAt: e.at });
      placeAfter(e.key);
    }
  };
  for (const raw of raws) {
    used.add(raw.key);
    const edit = edits[raw.key];
    const editable = raw.kind !== 'recordedVote' && raw.kind !== 'flag';
    const block: MinutesBlock = { key: raw.key, kind: raw.kind, text: raw.text, status: 'generated', generated: raw.text, editable, ...(raw.vote ? { vote: raw.vote } : {}), ...(raw.label ? { label: raw.label } : {}), ...(raw.labelInline ? { labelInline: true } : {}) };
    if (edit && editable) {
      block.editedFrom = edit.generated;
      block.editedAt = edit.at;
      if (edit.struck) block.status = 'struck';
      else {
        block.text = edit.text;
        block.status = edit.generated === raw.text ? 'edited' : 'changed';
      }
    }
    out.push(block);
    placeAfter(raw.key);
  }
  return out;
};

/** Number the paragraphs of a minute that has more than one, and fill references to them. */
const numberBlocks = (blocks: MinutesBlock[], raws: readonly Raw[]): { blocks: MinutesBlock[]; numbered: boolean } => {
  const countable = blocks.filter((b) => NUMBERED.includes(b.kind) && b.status !== 'struck');
  const numbered = countable.length > 1;
  const numbers = new Map<string, number>();
  if (numbered) countable.forEach((b, i) => numbers.set(b.key, i + 1));
  const refs = new Map(raws.filter((r) => r.refersTo).map((r) => [r.key, r.refersTo as string]));
  return {
    numbered,
    blocks: blocks.map((b) => {
      const ref = refs.get(b.key);
      const n = numbers.get(b.key);
      let next = n === undefined ? b : { ...b, number: n };
      if (ref) {
        const filled = b.generated.replace('{paragraph}', String(numbers.get(ref) ?? 1));
        const status = b.status === 'edited' || b.status === 'changed' ? (b.editedFrom === filled ? 'edited' : 'changed') : b.status;
        next = { ...next, generated: filled, status, ...(b.status === 'generated' ? { text: filled } : {}) };
      }
      return next;
    }),
  };
};

/** The draft minutes of a meeting, written from its record in the body's house style, with the clerk's edits laid over. */
export const draftMinutes = (meeting: MeetingState, body: BodyState | undefined, options: DraftOptions): MinutesDocument => {
  const ctx = contextOf(meeting, body, options.timeZone);
  const { style } = ctx;
  const record = options.record ?? 'public';
  const taken = itemsTaken(meeting);
  const first = meeting.minutesConfirmed?.first ?? body?.nextMinuteNumber ?? 1;
  const hasItem = (kind: string) => meeting.agenda.some((i) => i.kind === kind);
  const used = new Set<string>();
  const only = options.itemIds ? new Set(options.itemIds) : undefined;
  // Every item's comings and goings, kept while the attendance, the items' spells and the words are the same.
  const moves = remembered(movesCache, meeting.attendance, [meeting.progress, meeting.startedAt, meeting.closedAt, ctx.shortNames, style.arrived, style.departed, options.timeZone], () => comingsAndGoings(ctx, taken));
  const minutes: Minute[] = [];
  taken.forEach((item, index) => {
    const exempt = item.kind === 'exempt';
    if (exempt !== (record === 'confidential')) return;
    if (only && !only.has(item.itemId)) return;
    const raws = itemBlocks(ctx, item, moves.get(item.itemId) ?? []);
    const { blocks, numbered } = numberBlocks(overlay(ctx, raws, used), raws);
    const number = first + index;
    minutes.push({
      key: `item:${item.itemId}`,
      itemId: item.itemId,
      number,
      itemNumber: item.number,
      title: item.title,
      heading: fillTemplate(style.minuteHeading, { number, title: item.title, item: item.number }),
      exempt,
      numbered,
      blocks,
    });
  });
  // The front matter belongs to the public minutes, and to a part of them only when asked for.
  const frontWanted = record === 'public' && (!only || options.front === true);
  const front = overlay(ctx, frontWanted ? frontBlocks(ctx, hasItem) : [], used);
  // Edits whose paragraph is no longer in the record: shown in their minute (or the front), for the clerk to keep or drop.
  for (const edit of Object.values(meeting.minutesEdits ?? {})) {
    if (used.has(edit.key)) continue;
    const minute = minutes.find((m) => edit.key.startsWith(`${m.key}:`));
    if (!minute && !(frontWanted && edit.key.startsWith('front:'))) continue;
    const orphan: MinutesBlock = { key: edit.key, kind: 'paragraph', text: edit.text, status: edit.struck ? 'struck' : 'orphaned', generated: '', editedFrom: edit.generated, editable: true, editedAt: edit.at };
    if (minute) minute.blocks.push(orphan);
    else front.push(orphan);
  }
  const attention: MinutesDocument['attention'] = [];
  const why = { changed: 'The record changed since you edited this paragraph.', orphaned: 'What this paragraph was written from is no longer in the record.' } as const;
  for (const b of front) if (b.status === 'changed' || b.status === 'orphaned') attention.push({ key: b.key, why: why[b.status] });
  for (const m of minutes) {
    for (const b of m.blocks) {
      if (b.status === 'changed' || b.status === 'orphaned') attention.push({ key: b.key, minuteKey: m.key, why: why[b.status] });
      else if (b.kind === 'flag') attention.push({ key: b.key, minuteKey: m.key, why: b.text });
    }
  }
  return {
    meetingId: meeting.id,
    bodyName: meeting.body,
    date: meeting.date,
    longDate: formatLongDate(meeting.date),
    record,
    // A meeting with no venue recorded: "… held on Wednesday, 1 July 2026.", never "held in the  on".
    heading: fillTemplate(style.heading, { body: meeting.body, venue: meeting.venue, date: formatLongDate(meeting.date) }).replace(/ held in the\s+on /, ' held on '),
    front,
    sectionHeading: record === 'confidential' ? style.exemptItems : style.unrestrictedItems,
    minutes,
    ...(taken.length ? { numbers: { first, last: first + taken.length - 1 } } : {}),
    confirmed: meeting.minutesConfirmed !== undefined,
    attention,
  };
};
