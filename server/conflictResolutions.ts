// Conflicts between the devices' copies of a meeting as the records server holds them, and their
// resolutions. A records officer resolves a conflict by choosing which device's version is the
// record, or by giving the agreed value in words, saying who and why; the resolution is an event
// (`conflict.resolved`) in the server's own hash-chained stream for the meeting,
// `resolutions:<meetingId>`, hashed exactly as a laptop's events are (hashEvent). Nothing is ever
// written into a device's copy: the copies stay as their laptops recorded them.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashEvent } from '../electron/core/store/eventLog';
import { SETTINGS_STREAM } from '../shared/state/settings';
import type { WireEvent } from '../shared/sync/protocol';
import { compareCopies, type Conflict, type MeetingComparison, type MeetingCopy } from './meetingConflicts';
import { GENESIS_HEAD, resolutionsStream, StorageConflict, type RecordsStorage, type ServerIdentity, type StreamSummary } from './storage';

export const CONFLICT_RESOLVED = 'conflict.resolved';

/** What a `conflict.resolved` event records. */
export const ConflictResolved = z.strictObject({
  meetingId: z.string(),
  /** The conflict's key (`attendance:<memberId>`, `division:<itemId>#1`, …). */
  key: z.string().min(1),
  /** The device whose version is the record… */
  keep: z.string().optional(),
  /** …or the value the records officer gives as agreed, in words. */
  agreed: z.string().optional(),
  /** Who resolved it. */
  by: z.string().min(1),
  reason: z.string().min(1),
  /** The conflict as it read when resolved. */
  words: z.string(),
  /** Each copy's value as it read when resolved: a resolution holds for these, not for later pushes. */
  values: z.array(z.strictObject({ device: z.string(), deviceName: z.string(), value: z.string() })),
});
export type ConflictResolved = z.infer<typeof ConflictResolved>;

export interface Resolution extends ConflictResolved {
  eventId: string;
  seq: number;
  at: string;
}

export interface ConflictState extends Conflict {
  /** Open until a resolution holds for the values the copies have now. */
  open: boolean;
  resolution?: Resolution;
  /** A resolution recorded for other values: the copies have changed since, so the conflict is open again. */
  outdated?: Resolution;
}

export interface MeetingConflicts {
  comparison: MeetingComparison;
  conflicts: ConflictState[];
  /** The meeting's resolution events, as stored (check their chain with checkStream). */
  resolutions: WireEvent[];
}

/** A resolution the records server will not record, with the reason in words. */
export class ResolutionRefused extends Error {}

const sameValues = (a: Conflict['values'], b: Conflict['values']): boolean =>
  a.length === b.length && a.every((v, i) => v.device === b[i].device && v.value === b[i].value);

/** The id of the body whose members the meeting's events name (its latest details). */
const bodyIdOf = (meeting: readonly WireEvent[]): string | undefined => {
  for (let i = meeting.length - 1; i >= 0; i -= 1) {
    const e = meeting[i];
    if ((e.type === 'meeting.created' || e.type === 'meeting.detailsChanged') && typeof e.payload.bodyId === 'string') return e.payload.bodyId;
  }
  return undefined;
};

/** Comparisons already made, by the heads they were made from: the stored events never change. */
const remembered = new WeakMap<RecordsStorage, Map<string, MeetingComparison>>();
const REMEMBERED = 64;

/**
 * Every device's copy of the meeting compared (server/meetingConflicts.ts); undefined when no
 * device has sent it. `summary` may be given when the caller has it already.
 */
export const compareStoredMeeting = async (storage: RecordsStorage, meetingId: string, summary?: readonly StreamSummary[]): Promise<MeetingComparison | undefined> => {
  const all = summary ?? (await storage.summary());
  const stream = `meeting:${meetingId}`;
  const holders = all.filter((s) => s.stream === stream);
  if (holders.length === 0) return undefined;
  const heads = holders.map((h) => [h.device, ...all.filter((s) => s.device === h.device && (s.stream.startsWith('body:') || s.stream === SETTINGS_STREAM)).map((s) => `${s.stream}@${s.head.hash}`), h.head.hash].join(' '));
  const cacheKey = `${meetingId}|${heads.join('|')}`;
  const cache = remembered.get(storage) ?? new Map<string, MeetingComparison>();
  remembered.set(storage, cache);
  const known = cache.get(cacheKey);
  if (known) return known;
  const copies: MeetingCopy[] = [];
  for (const h of holders) {
    const meeting = await storage.events(h.device, stream);
    const bodyId = bodyIdOf(meeting);
    copies.push({
      device: h.device,
      deviceName: h.deviceName,
      meeting,
      body: bodyId ? await storage.events(h.device, `body:${bodyId}`) : [],
      settings: await storage.events(h.device, SETTINGS_STREAM),
    });
  }
  const comparison = compareCopies(meetingId, copies);
  if (cache.size >= REMEMBERED) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, comparison);
  return comparison;
};

const resolutionOf = (e: WireEvent): Resolution | undefined => {
  const parsed = ConflictResolved.safeParse(e.payload);
  return e.type === CONFLICT_RESOLVED && parsed.success ? { ...parsed.data, eventId: e.id, seq: e.seq, at: e.at } : undefined;
};

/** The meeting's conflicts, each open or resolved by the latest resolution recorded for it; undefined when no device has sent it. */
export const meetingConflicts = async (storage: RecordsStorage, meetingId: string, summary?: readonly StreamSummary[]): Promise<MeetingConflicts | undefined> => {
  const comparison = await compareStoredMeeting(storage, meetingId, summary);
  if (!comparison) return undefined;
  const resolutions = await storage.resolutions(meetingId);
  const latest = new Map<string, Resolution>();
  for (const e of resolutions) {
    const r = resolutionOf(e);
    if (r) latest.set(r.key, r);
  }
  const conflicts = comparison.conflicts.map((c): ConflictState => {
    const r = latest.get(c.key);
    if (!r) return { ...c, open: true };
    return sameValues(r.values, c.values) ? { ...c, open: false, resolution: r } : { ...c, open: true, outdated: r };
  });
  return { comparison, conflicts, resolutions };
};

/** How a resolution reads: "kept Clerk laptop's version (present), by Jane Roe on 2015-10-23T09:00:00.000Z: …". */
export const resolutionWords = (r: Resolution): string => {
  const kept = r.values.find((v) => v.device === r.keep);
  const what = r.keep ? `kept ${kept?.deviceName ?? r.keep}'s version (${kept?.value ?? 'as it then read'})` : `agreed: ${r.agreed ?? ''}`;
  return `${what}, by ${r.by} on ${r.at}, because: ${r.reason}`;
};

export interface ResolutionRequest {
  key: string;
  keep?: string;
  agreed?: string;
  by?: string;
  reason?: string;
}

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/**
 * Records a resolution of one of the meeting's open or resolved conflicts as a `conflict.resolved`
 * event chained to the meeting's resolutions; throws ResolutionRefused, saying why in words, for an
 * unknown meeting or key, a device that holds no version of it, or a missing name or reason.
 */
export const recordResolution = async (storage: RecordsStorage, meetingId: string, request: ResolutionRequest, now = new Date()): Promise<WireEvent> => {
  const found = await meetingConflicts(storage, meetingId);
  if (!found) throw new ResolutionRefused(`No device has sent meeting ${meetingId}, so it has no conflicts to resolve. Check the meeting id (see the overview page).`);
  const conflict = found.conflicts.find((c) => c.key === request.key);
  if (!conflict) {
    const agreed = found.comparison.notRecorded.some((n) => n.key === request.key);
    const keys = found.conflicts.map((c) => c.key);
    throw new ResolutionRefused(
      agreed
        ? `${request.key} is not a conflict: one copy records it and another does not, which contradicts nothing. There is nothing to resolve.`
        : `Meeting ${meetingId} has no conflict ${request.key}. ${keys.length ? `Its conflicts are: ${keys.join(', ')}.` : 'Its copies do not conflict.'} List them with: conflicts ${meetingId}.`,
    );
  }
  const choices = conflict.values.filter((v) => conflict.holders.includes(v.device)).map((v) => `${v.deviceName} (${v.device})`).join(', ');
  if (blank(request.keep) === blank(request.agreed))
    throw new ResolutionRefused(
      blank(request.keep)
        ? `Say which version is the record: --keep DEVICE_ID (one of ${choices}), or give the agreed value in words with --agreed "…".`
        : 'Give either --keep DEVICE_ID or --agreed "…", not both.',
    );
  if (!blank(request.keep) && !conflict.holders.includes(request.keep!)) {
    const holdsMeeting = conflict.values.some((v) => v.device === request.keep);
    throw new ResolutionRefused(
      holdsMeeting
        ? `Device ${request.keep} records nothing of ${request.key}, so its version cannot be kept. Keep one of: ${choices}.`
        : `No device ${request.keep} has sent this meeting. Keep one of: ${choices}.`,
    );
  }
  if (blank(request.by)) throw new ResolutionRefused('Say who is resolving the conflict: --by "Your name".');
  if (blank(request.reason)) throw new ResolutionRefused('Give the reason for this resolution: --reason "…" (it is kept with the record).');

  const payload: ConflictResolved = {
    meetingId,
    key: conflict.key,
    ...(blank(request.keep) ? { agreed: request.agreed!.trim() } : { keep: request.keep! }),
    by: request.by!.trim(),
    reason: request.reason!.trim(),
    words: conflict.words,
    values: conflict.values,
  };
  const identity = await storage.identity();
  const stream = resolutionsStream(meetingId);
  const last = found.resolutions.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : GENESIS_HEAD;
  const event = resolutionEvent(identity, stream, head, payload, now.toISOString());
  try {
    await storage.appendResolution(event, now.toISOString());
  } catch (error) {
    if (error instanceof StorageConflict) throw new ResolutionRefused('Another resolution for this meeting was recorded at the same moment; nothing was recorded. Run the command again.');
    throw error;
  }
  return event;
};

/** A `conflict.resolved` event following `head`, recorded by the server (its id as the device), hashed as every event is. */
export const resolutionEvent = (identity: Pick<ServerIdentity, 'serverId'>, stream: string, head: { seq: number; hash: string }, payload: ConflictResolved, at: string): WireEvent => {
  const unhashed = { id: randomUUID(), stream, seq: head.seq + 1, at, deviceId: identity.serverId, type: CONFLICT_RESOLVED, payload: payload as Record<string, unknown> };
  return { ...unhashed, prevHash: head.hash, hash: hashEvent(head.hash, unhashed as unknown as Parameters<typeof hashEvent>[1]) };
};
