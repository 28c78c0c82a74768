// Two laptops (the clerk's and a backup) may record the same meeting. The records server keeps
// both logs and never merges them; this module compares them: each device's copy is replayed
// with the laptop's own reducers (replayStream) and the facts the record must agree on are set
// side by side. Pure: no storage, no Node beyond what the shared code uses.
//
// What a records officer calls a disagreement (docs/sync.md, "Two laptops"):
// - The facts compared: the start and the close of the meeting; each member's attendance (the mark:
//   present, present virtually, apologies, absent; whom a substitute stood in for; arrivals after
//   the start and departures before the close, as the minutes print them); each division's result,
//   its counts, the casting vote and each member's vote (or that a member who might have voted did
//   not); each motion's outcome, how it was reached and, when not by a division, its counts.
// - Times are compared as the minutes print them: to the minute, in the installation's time zone
//   (the first copy's settings; Europe/London by default). Two clerks pressing the button seconds
//   apart agree.
// - Facts are matched by their ids where the copies share them (members and agenda items come from
//   the same prepared events), and divisions and motions by their item and their order on it
//   (`division:<itemId>#1`): two laptops recording the same division give it different ids.
// - A disagreement is two copies that have each recorded a different value since they parted. Where
//   they parted is the longest prefix of events the two chains share (the same hash at the same
//   place means the same history up to it). A copy whose value is still the one both held then has
//   recorded nothing since: a copy that simply has fewer events (the backup stopped earlier) is
//   never in conflict, and what the other holds beyond it is reported as "not recorded by" it.
// - A detail one copy has and the other lacks (a departure noted on one laptop only, a division not
//   closed on the backup) is "not recorded", never a conflict: an omission, not a contradiction.
import type { RecordedEvent } from '../shared/events';
import { divisionOutcome } from '../shared/procedure/divisionRecord';
import { memberDisplayNames, type BodyState, type Member } from '../shared/state/body';
import type { AgendaItem, MeetingState } from '../shared/state/meeting';
import type { AttendanceState } from '../shared/commands/live';
import { SETTINGS_STREAM, type SettingsState } from '../shared/state/settings';
import { replayStream } from '../shared/state/streams';
import type { WireEvent } from '../shared/sync/protocol';
import { clockTime, DEFAULT_TIME_ZONE } from '../shared/time';

/** One device's copy of a meeting, as the records server holds it. */
export interface MeetingCopy {
  /** The server's id of the device. */
  device: string;
  deviceName: string;
  /** The device's `meeting:<id>` stream, in order. */
  meeting: readonly WireEvent[];
  /** The device's `body:<id>` stream of the meeting's body (for members' names), if it sent it. */
  body?: readonly WireEvent[];
  /** The device's `settings:installation` stream (for its time zone), if it sent it. */
  settings?: readonly WireEvent[];
}

/** What one device holds of a fact, in words. */
export interface DeviceValue {
  device: string;
  deviceName: string;
  /** The details in question as this copy records them ("present"; "For: 4; Mr B Clark's vote: for"). */
  value: string;
}

/** Two copies that each recorded a different value for the same fact: for a person to resolve. */
export interface Conflict {
  /** Stable across pushes: `meeting:started`, `attendance:<memberId>`, `division:<itemId>#<n>`, `motion:<itemId>#<n>`. */
  key: string;
  /** What the fact is about: "Mr J Smith", "Item 2 (Budget), division 1". */
  subject: string;
  /** "Mr J Smith: present on Clerk laptop, apologies on Backup laptop". */
  words: string;
  /** Every copy's value of the details that differ, in the order of the copies. */
  values: DeviceValue[];
  /** The devices that hold a version of the disputed details: those whose version a person may keep. */
  holders: string[];
}

/** A fact some copies hold and others do not (they stopped earlier, or missed it): not a conflict. */
export interface NotRecorded {
  key: string;
  subject: string;
  /** "Mr H Birkby (present on Clerk laptop): not recorded by Backup laptop". */
  words: string;
  recordedBy: string[];
  missingFrom: string[];
}

export interface MeetingComparison {
  meetingId: string;
  copies: { device: string; deviceName: string; events: number }[];
  conflicts: Conflict[];
  notRecorded: NotRecorded[];
}

/** A fact as one copy holds it: its details by label ('' for the fact itself), each in words. */
interface Fact {
  key: string;
  subject: string;
  /** Where it goes in a list: the meeting, then attendance by member, then items in agenda order. */
  rank: readonly number[];
  details: Map<string, string>;
}

type Facts = Map<string, Fact>;

const MARKS: Record<AttendanceState, string> = { present: 'present', virtual: 'present virtually', apologies: 'apologies', absent: 'absent' };
const HOW: Record<string, string> = { without_vote: 'without a vote', unanimous: 'unanimously', show_of_hands: 'on a show of hands', division: 'by a division' };
const WITHDRAWN = 'withdrawn';

/** What every copy's facts are named and ordered by: members, items, the time zone, the devices' names. */
interface Context {
  timeZone: string;
  names: Readonly<Record<string, string>>;
  memberOrder: Map<string, number>;
  items: Map<string, { label: string; order: number }>;
}

const asRecorded = (events: readonly WireEvent[]): RecordedEvent[] => events as unknown as RecordedEvent[];

const replayMeeting = (events: readonly WireEvent[]): MeetingState | undefined =>
  events.length === 0 ? undefined : replayStream<MeetingState>(events[0].stream, asRecorded(events));

const contextOf = (copies: readonly MeetingCopy[], states: readonly (MeetingState | undefined)[]): Context => {
  const members = new Map<string, Member>();
  for (const copy of copies) {
    const body = copy.body && copy.body.length > 0 ? replayStream<BodyState>(copy.body[0].stream, asRecorded(copy.body)) : undefined;
    for (const m of body?.members ?? []) if (!members.has(m.id)) members.set(m.id, m);
  }
  const list = [...members.values()];
  const items = new Map<string, { label: string; order: number }>();
  const label = (i: AgendaItem) => (i.number.trim() ? `Item ${i.number} (${i.title})` : `The item "${i.title}"`);
  for (const state of states) for (const i of state?.agenda ?? []) if (!items.has(i.itemId)) items.set(i.itemId, { label: label(i), order: items.size });
  const settings = copies.find((c) => c.settings && c.settings.length > 0)?.settings;
  const timeZone = (settings ? replayStream<SettingsState>(SETTINGS_STREAM, asRecorded(settings))?.timeZone : undefined) ?? DEFAULT_TIME_ZONE;
  return { timeZone, names: memberDisplayNames(list), memberOrder: new Map(list.map((m, i) => [m.id, i])), items };
};

const nameOf = (ctx: Context, memberId: string): string => ctx.names[memberId] ?? `a member not on the body's list (${memberId})`;
const itemOf = (ctx: Context, itemId: string) => ctx.items.get(itemId) ?? { label: `An item no longer on the agenda (${itemId})`, order: Number.MAX_SAFE_INTEGER };

/** The facts one copy records, as a records officer compares them (see the top of the file). */
const factsOf = (m: MeetingState | undefined, ctx: Context): Facts => {
  const facts: Facts = new Map();
  if (!m) return facts;
  const time = (instant: string) => clockTime(instant, ctx.timeZone);
  const add = (key: string, subject: string, rank: number[], details: [string, string | undefined][]) =>
    facts.set(key, { key, subject, rank, details: new Map(details.filter((d): d is [string, string] => d[1] !== undefined)) });

  if (m.startedAt) add('meeting:started', 'The start of the meeting', [0, 0], [['', time(m.startedAt)]]);
  if (m.closedAt) add('meeting:closed', 'The close of the meeting', [0, 1], [['', time(m.closedAt)]]);

  for (const [memberId, a] of Object.entries(m.attendance)) {
    const arrivals = m.startedAt ? a.stays.filter((s) => s.from > m.startedAt!).map((s) => time(s.from)) : [];
    const departures = a.stays.filter((s) => s.to !== undefined && (!m.closedAt || s.to < m.closedAt)).map((s) => time(s.to!));
    add(`attendance:${memberId}`, nameOf(ctx, memberId), [1, ctx.memberOrder.get(memberId) ?? Number.MAX_SAFE_INTEGER], [
      ['', MARKS[a.state]],
      ['in place of', a.inPlaceOf ? nameOf(ctx, a.inPlaceOf) : undefined],
      ['arrived after the start at', arrivals.length ? arrivals.join(', ') : undefined],
      ['left before the close at', departures.length ? departures.join(', ') : undefined],
    ]);
  }

  const ordinal = new Map<string, number>();
  const next = (kind: string, itemId: string) => {
    const n = (ordinal.get(`${kind}:${itemId}`) ?? 0) + 1;
    ordinal.set(`${kind}:${itemId}`, n);
    return n;
  };
  for (const motion of m.motions) {
    const n = next('motion', motion.itemId);
    const item = itemOf(ctx, motion.itemId);
    const o = motion.outcome;
    const counted = o && o.how !== 'division';
    add(`motion:${motion.itemId}#${n}`, `${item.label}, motion ${n}`, [2, item.order, 0, n], [
      ['outcome', motion.status === 'withdrawn' ? WITHDRAWN : o?.result],
      ['decided', o ? HOW[o.how] ?? o.how : undefined],
      ['For', counted && o.for !== undefined ? String(o.for) : undefined],
      ['Against', counted && o.against !== undefined ? String(o.against) : undefined],
      ['Abstained', counted && o.abstained !== undefined ? String(o.abstained) : undefined],
    ]);
  }
  for (const division of m.divisions) {
    const n = next('division', division.itemId);
    const item = itemOf(ctx, division.itemId);
    const votes = m.votes[division.id] ?? {};
    // Once closed, a member who might have voted and did not is a fact too.
    const voters = new Set([...Object.keys(votes), ...(division.closedAt ? (division.attendanceAtClose ?? []) : [])]);
    const byMember = [...voters].sort((a, b) => (ctx.memberOrder.get(a) ?? Infinity) - (ctx.memberOrder.get(b) ?? Infinity) || a.localeCompare(b));
    add(`division:${division.itemId}#${n}`, `${item.label}, division ${n}`, [2, item.order, 1, n], [
      ['result', divisionOutcome(m, division.id)],
      ['For', division.tally ? String(division.tally.for) : undefined],
      ['Against', division.tally ? String(division.tally.against) : undefined],
      ['Abstain', division.tally ? String(division.tally.abstain) : undefined],
      ['casting vote', division.castingVote?.choice],
      ...byMember.map((id): [string, string] => [`${nameOf(ctx, id)}'s vote`, votes[id]?.choice ?? 'did not vote']),
    ]);
  }
  return facts;
};

/** How many events two chains share from the start (the same hash at the same place: the same history up to it). */
const sharedPrefix = (a: readonly WireEvent[], b: readonly WireEvent[]): number => {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i].hash === b[i].hash) i += 1;
  return i;
};

const compareRank = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};

/** A device's name in words, with the start of its id where two devices share a name. */
const deviceLabels = (copies: readonly MeetingCopy[]): string[] =>
  copies.map((c) => (copies.filter((o) => o.deviceName === c.deviceName).length > 1 ? `${c.deviceName} (${c.device.slice(0, 8)})` : c.deviceName));

const detail = (label: string, value: string) => (label ? `${label}: ${value}` : value);

/**
 * Compares every device's copy of one meeting: the conflicts (two copies that each recorded a
 * different value since they parted), and what some copies hold and others do not.
 */
export const compareCopies = (meetingId: string, copies: readonly MeetingCopy[]): MeetingComparison => {
  const states = copies.map((c) => replayMeeting(c.meeting));
  const ctx = contextOf(copies, states);
  const facts = states.map((s) => factsOf(s, ctx));
  const labels = deviceLabels(copies);

  // Each pair's facts where they parted, replayed once per distinct shared prefix.
  const atPrefix = new Map<string, Facts>();
  copies.forEach((c, i) => c.meeting.length > 0 && atPrefix.set(`${c.meeting.length}:${c.meeting[c.meeting.length - 1].hash}`, facts[i]));
  const partedAt = (i: number, j: number): Facts => {
    const n = sharedPrefix(copies[i].meeting, copies[j].meeting);
    if (n === 0) return new Map();
    const id = `${n}:${copies[i].meeting[n - 1].hash}`;
    let found = atPrefix.get(id);
    if (!found) {
      found = factsOf(replayMeeting(copies[i].meeting.slice(0, n)), ctx);
      atPrefix.set(id, found);
    }
    return found;
  };
  const pairs: { i: number; j: number; base: Facts }[] = [];
  for (let i = 0; i < copies.length; i += 1) for (let j = i + 1; j < copies.length; j += 1) pairs.push({ i, j, base: partedAt(i, j) });

  const keys = new Map<string, Fact>();
  for (const f of facts) for (const [key, fact] of f) if (!keys.has(key)) keys.set(key, fact);
  const ordered = [...keys.values()].sort((a, b) => compareRank(a.rank, b.rank) || a.key.localeCompare(b.key));

  const conflicts: Conflict[] = [];
  const notRecorded: NotRecorded[] = [];
  for (const { key, subject } of ordered) {
    const valueOf = (d: number, label: string) => facts[d].get(key)?.details.get(label);
    const allLabels = [...new Set(facts.flatMap((f) => [...(f.get(key)?.details.keys() ?? [])]))];
    const disputed = new Set<string>();
    /** For each copy, the details others recorded since parting and it did not. */
    const lacking = copies.map(() => new Set<string>());
    const recorded = copies.map(() => new Set<string>());
    for (const { i, j, base } of pairs) {
      for (const label of allLabels) {
        const vi = valueOf(i, label);
        const vj = valueOf(j, label);
        const was = base.get(key)?.details.get(label);
        const ri = vi !== undefined && vi !== was;
        const rj = vj !== undefined && vj !== was;
        if (ri && rj && vi !== vj) {
          disputed.add(label);
        } else if (ri !== rj) {
          const [holder, other] = ri ? [i, j] : [j, i];
          recorded[holder].add(label);
          lacking[other].add(label);
        }
      }
    }
    if (disputed.size > 0) {
      // Every detail on which the copies read differently, disputed or held by one only, so the person sees the whole fact.
      const shown = allLabels.filter((label) => new Set(copies.map((_, d) => valueOf(d, label))).size > 1);
      const parts = shown.map((label) => detail(label, copies.map((_, d) => `${valueOf(d, label) ?? 'not recorded'} on ${labels[d]}`).join(', ')));
      conflicts.push({
        key,
        subject,
        words: `${subject}: ${parts.join('; ')}`,
        values: copies.map((c, d) => ({ device: c.device, deviceName: c.deviceName, value: shown.map((label) => detail(label, valueOf(d, label) ?? 'not recorded')).join('; ') })),
        holders: copies.filter((_, d) => [...disputed].some((label) => valueOf(d, label) !== undefined)).map((c) => c.device),
      });
      continue;
    }
    const missing = copies.map((_, d) => d).filter((d) => lacking[d].size > 0);
    if (missing.length === 0) continue;
    const holders = copies.map((_, d) => d).filter((d) => recorded[d].size > 0);
    const details = [...new Set(missing.flatMap((d) => [...lacking[d]]))];
    const held = details.slice(0, 3).map((label) => detail(label, holders.map((d) => valueOf(d, label)).filter((v) => v !== undefined).filter((v, n, all) => all.indexOf(v) === n).join(' or ')));
    const more = details.length > 3 ? ` and ${details.length - 3} more details` : '';
    notRecorded.push({
      key,
      subject,
      words: `${subject} (${held.join('; ')}${more} on ${holders.map((d) => labels[d]).join(' and ')}): not recorded by ${missing.map((d) => labels[d]).join(' or ')}`,
      recordedBy: holders.map((d) => copies[d].device),
      missingFrom: missing.map((d) => copies[d].device),
    });
  }
  return { meetingId, copies: copies.map((c) => ({ device: c.device, deviceName: c.deviceName, events: c.meeting.length })), conflicts, notRecorded };
};
