// Meeting packs on the clerk's laptop (docs/sync.md, "Meeting packs"): the packs the records office
// published, each compared with this laptop's copy stream by stream (the body's and the meeting's),
// by the hash chain: a stream is absent here, the same, ahead here (the clerk's own changes),
// behind (the office changed it since), or changed on both sides. A pack new here, or the office's
// changes to streams the clerk has not changed, are taken exactly as the office recorded them
// (Dispatcher.takeRecorded checks every link); a stream changed on both sides is never touched:
// the office's changes are listed in words for the clerk, who marks them as seen. Plain Node.
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../../../shared/events';
import type { BodyState } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import { formatPackDate } from '../../../shared/format';
import { replayStream } from '../../../shared/state/streams';
import { packChanges } from '../../../shared/sync/packChanges';
import type { PackListing, PackResponse, StreamHead, WireEvent } from '../../../shared/sync/protocol';
import type { PackOffer, PackTaken } from '../../../shared/syncApi';
import type { TakeOutcome } from '../dispatcher';
import type { RecordsServer } from './recordsServer';
import { SyncFailure } from './syncErrors';

type Head = { seq: number; hash: string };

/** How one of a pack's streams stands here against the office's copy. */
type StreamStanding =
  | { kind: 'absent' }
  | { kind: 'same' }
  | { kind: 'ahead'; own: number }
  | { kind: 'behind'; from: number }
  | { kind: 'diverged'; common: number; own: number };

export interface MeetingPacks {
  list(server: RecordsServer): Promise<PackOffer[]>;
  take(server: RecordsServer, meetingId: string): Promise<PackTaken>;
  markSeen(server: RecordsServer, meetingId: string): Promise<PackOffer>;
  publish(server: RecordsServer, meetingId: string): Promise<{ words: string }>;
}

export interface MeetingPacksOptions {
  db: Database;
  /** The core's way to take events recorded elsewhere (Dispatcher.takeRecorded). */
  take: (events: readonly RecordedEvent[]) => TakeOutcome;
  now: () => Date;
}

const refused = (words: string) => new SyncFailure(words, 'refused');

const streamsOf = (pack: Pick<PackListing, 'bodyId' | 'meetingId'>) => ({ body: `body:${pack.bodyId}`, meeting: `meeting:${pack.meetingId}` });

export const createMeetingPacks = ({ db, take, now }: MeetingPacksOptions): MeetingPacks => {
  const headOf = db.prepare('SELECT seq, hash FROM events WHERE stream = ? ORDER BY seq DESC LIMIT 1');
  const hashAt = db.prepare('SELECT hash FROM events WHERE stream = ? AND seq = ?').pluck();
  const sitting = db.prepare("SELECT 1 FROM meetings WHERE (id = ? OR body_id = ?) AND status IN ('in_progress', 'adjourned') LIMIT 1").pluck();
  const meetingRow = db.prepare('SELECT body_id AS bodyId, title, date, status FROM meetings WHERE id = ?');
  const seenRow = db.prepare('SELECT heads FROM meeting_packs_seen WHERE meeting_id = ?').pluck();
  const markSeen = db.prepare(
    'INSERT INTO meeting_packs_seen (meeting_id, heads, seen_at) VALUES (?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET heads = excluded.heads, seen_at = excluded.seen_at',
  );
  const localHead = (stream: string): Head | undefined => headOf.get(stream) as Head | undefined;

  /** Where this laptop's stream stands against the office's head, without the office's events when it can. */
  const quickStanding = (stream: string, office: StreamHead): StreamStanding | undefined => {
    const local = localHead(stream);
    if (!local) return { kind: 'absent' };
    if (local.seq >= office.seq && hashAt.get(stream, office.seq) === office.hash) return local.seq === office.seq ? { kind: 'same' } : { kind: 'ahead', own: local.seq - office.seq };
    return undefined;
  };

  /** With the office's events: behind (this laptop holds a beginning of them) or changed on both sides, and since when. */
  const fullStanding = (stream: string, office: readonly WireEvent[]): StreamStanding => {
    const quick = quickStanding(stream, office.at(-1) ?? { seq: 0, hash: '' });
    if (quick) return quick;
    const local = localHead(stream)!;
    if (local.seq < office.length && office[local.seq - 1].hash === local.hash) return { kind: 'behind', from: local.seq };
    // The chains agree up to some event and differ after it: the last event both hold.
    let low = 0;
    let high = Math.min(local.seq, office.length);
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (hashAt.get(stream, middle) === office[middle - 1].hash) low = middle;
      else high = middle - 1;
    }
    return { kind: 'diverged', common: low, own: local.seq - low };
  };

  const seenAt = (meetingId: string): string | undefined => seenRow.get(meetingId) as string | undefined;
  const headsKey = (pack: PackListing) => JSON.stringify(pack.heads);

  const offerOf = (pack: PackListing, standings: { body: StreamStanding; meeting: StreamStanding }, changes: string[]): PackOffer => {
    const all = [standings.body, standings.meeting];
    const state: PackOffer['state'] =
      standings.meeting.kind === 'absent' ? 'new' : all.some((s) => s.kind === 'diverged') ? 'both_changed' : all.some((s) => s.kind === 'behind' || s.kind === 'absent') ? 'office_changed' : 'taken';
    return {
      meetingId: pack.meetingId,
      bodyId: pack.bodyId,
      body: pack.body,
      title: pack.title,
      date: pack.date,
      publishedAt: pack.publishedAt,
      deviceName: pack.deviceName,
      state,
      changes,
      seen: state === 'taken' || seenAt(pack.meetingId) === headsKey(pack),
      ownChanges: all.reduce((sum, s) => sum + (s.kind === 'ahead' || s.kind === 'diverged' ? s.own : 0), 0),
      sitting: sitting.get(pack.meetingId, pack.bodyId) !== undefined,
    };
  };

  /** The office's events the laptop has not got, as words: from the last event both hold to the office's head. */
  const changesOf = (found: PackResponse, standings: { body: StreamStanding; meeting: StreamStanding }): string[] => {
    const names = streamsOf(found.pack);
    const commonOf = (standing: StreamStanding, events: readonly WireEvent[]) =>
      standing.kind === 'absent' ? 0 : standing.kind === 'behind' ? standing.from : standing.kind === 'diverged' ? standing.common : events.length;
    /** The stream's state at the last event both hold, and at the office's head (one object when they are the same). */
    const states = <S extends object>(stream: string, events: readonly WireEvent[], standing: StreamStanding) => {
      const replay = (upTo: number) => (upTo === 0 ? undefined : replayStream<S>(stream, events.slice(0, upTo) as unknown as RecordedEvent[]));
      const common = commonOf(standing, events);
      const after = replay(events.length);
      return { before: common === events.length ? after : replay(common), after };
    };
    const body = states<BodyState>(names.body, found.body, standings.body);
    const meeting = states<MeetingState>(names.meeting, found.meeting, standings.meeting);
    return packChanges({ body: body.before, meeting: meeting.before }, { body: body.after, meeting: meeting.after });
  };

  const compare = async (server: RecordsServer, pack: PackListing): Promise<{ offer: PackOffer; found?: PackResponse; standings: { body: StreamStanding; meeting: StreamStanding } }> => {
    const names = streamsOf(pack);
    const quick = { body: quickStanding(names.body, pack.heads.body), meeting: quickStanding(names.meeting, pack.heads.meeting) };
    if (quick.body && quick.meeting && quick.body.kind !== 'absent' && quick.meeting.kind !== 'absent') {
      const standings = { body: quick.body, meeting: quick.meeting };
      return { offer: offerOf(pack, standings, []), standings };
    }
    const found = await server.pack(pack.meetingId);
    const standings = { body: fullStanding(names.body, found.body), meeting: fullStanding(names.meeting, found.meeting) };
    return { offer: offerOf(found.pack, standings, changesOf(found, standings)), found, standings };
  };

  const listingOf = async (server: RecordsServer, meetingId: string): Promise<PackListing> => {
    const pack = (await server.packs()).find((p) => p.meetingId === meetingId);
    if (!pack) throw new SyncFailure('The records office has not published a pack for that meeting (or no longer does).', 'not_found');
    return pack;
  };

  return {
    async list(server) {
      const packs = await server.packs();
      const offers: PackOffer[] = [];
      for (const pack of packs) offers.push((await compare(server, pack)).offer);
      return offers.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
    },

    async take(server, meetingId) {
      const { offer, found, standings } = await compare(server, await listingOf(server, meetingId));
      const what = `"${offer.title}" on ${formatPackDate(offer.date)}`;
      if (offer.sitting) throw refused(`A meeting of ${offer.body} is sitting on this laptop: take the pack for ${what} once it has ended.`);
      if (offer.state === 'taken' || !found) return { meetingId, events: 0, words: `This laptop already holds the office's copy of ${what}: nothing to take.` };
      const events: WireEvent[] = [];
      for (const [standing, list] of [
        [standings.body, found.body],
        [standings.meeting, found.meeting],
      ] as const) {
        if (standing.kind === 'absent') events.push(...list);
        else if (standing.kind === 'behind') events.push(...list.slice(standing.from));
      }
      if (events.length === 0) {
        throw refused(`The office and this laptop have both changed ${what}: the office's changes are listed for you to enter yourself; nothing was taken over your own.`);
      }
      const outcome = take(events as unknown as RecordedEvent[]);
      if (!outcome.ok) throw refused(outcome.error.message);
      const kept = [standings.body, standings.meeting].some((s) => s.kind === 'diverged') ? ` The ${standings.body.kind === 'diverged' ? 'body' : 'meeting'}, which you had also changed, was left as you had it.` : '';
      const took = offer.state === 'new' ? `Took the meeting pack for ${what}` : `Took the office's changes to ${what}`;
      return { meetingId, events: events.length, words: `${took} (${events.length} ${events.length === 1 ? 'event' : 'events'}).${kept}` };
    },

    async markSeen(server, meetingId) {
      const pack = await listingOf(server, meetingId);
      markSeen.run(meetingId, headsKey(pack), now().toISOString());
      return (await compare(server, pack)).offer;
    },

    async publish(server, meetingId) {
      const meeting = meetingRow.get(meetingId) as { bodyId: string | null; title: string; date: string; status: string } | undefined;
      if (!meeting) throw new SyncFailure('This laptop has no record of that meeting.', 'not_found');
      if (meeting.status !== 'draft' && meeting.status !== 'ready') throw refused(`"${meeting.title}" has already ${meeting.status === 'closed' ? 'closed' : 'started'}: a meeting pack is a meeting before it runs.`);
      if (!meeting.bodyId) throw refused(`"${meeting.title}" belongs to no body, so it cannot be published as a pack.`);
      // The pack is what the records server holds: everything here must have gone up first.
      const held = (await server.status()).heads;
      for (const stream of Object.values(streamsOf({ bodyId: meeting.bodyId, meetingId }))) {
        const local = localHead(stream);
        if (local && held[stream]?.hash !== local.hash) {
          throw refused(`The records server does not yet hold all of "${meeting.title}" as this laptop has it: sync now, then publish.`);
        }
      }
      const pack = await server.publishPack(meetingId);
      return { words: `Published "${pack.title}" on ${formatPackDate(pack.date)} as a meeting pack: the clerks' laptops can take it now.` };
    },
  };
};
