// Meeting packs on the records server (docs/sync.md, "Meeting packs"): the office's copy of
// Chamber pushes a prepared meeting as usual, then publishes it; laptops list the packs and take
// a pack's events exactly as the office recorded them, up to the published heads.
import type { RecordedEvent } from '../shared/events';
import type { BodyState } from '../shared/state/body';
import type { MeetingState } from '../shared/state/meeting';
import { replayStream } from '../shared/state/streams';
import { MAX_PACK_EVENTS, type PackListing, type PackResponse, type StreamHead, type WireEvent } from '../shared/sync/protocol';
import type { Device, PackPublication, RecordsStorage } from './storage';

export type PackRefusal = { code: 'not_found' | 'refused'; message: string };

const stateOf = <S extends object>(stream: string, events: readonly WireEvent[]): S | undefined =>
  replayStream<S>(stream, events as unknown as readonly RecordedEvent[]);

/** What publishing `meetingId` as `device` holds it would publish, or why it cannot be. */
export const publishPack = async (storage: RecordsStorage, device: Device, meetingId: string, at: string): Promise<PackPublication | PackRefusal> => {
  const heads = await storage.heads(device.id);
  const meetingStream = `meeting:${meetingId}`;
  const meetingHead = heads[meetingStream];
  if (!meetingHead)
    return { code: 'not_found', message: `This device ("${device.name}") has not sent meeting ${meetingId} to the records server: sync it first, then publish it.` };
  if (meetingHead.seq > MAX_PACK_EVENTS)
    return { code: 'refused', message: `Meeting ${meetingId} holds ${meetingHead.seq} events; a pack is a prepared meeting of at most ${MAX_PACK_EVENTS}.` };
  const meeting = stateOf<MeetingState>(meetingStream, await storage.events(device.id, meetingStream));
  if (!meeting) return { code: 'not_found', message: `Meeting ${meetingId} as sent by "${device.name}" holds no meeting.` };
  if (meeting.status !== 'draft' && meeting.status !== 'ready')
    return { code: 'refused', message: `"${meeting.title}" on ${meeting.date} has already ${meeting.status === 'closed' ? 'closed' : 'started'}: a meeting pack is a meeting before it runs.` };
  if (!meeting.bodyId) return { code: 'refused', message: `"${meeting.title}" belongs to no body, so it cannot be published as a pack.` };
  const bodyStream = `body:${meeting.bodyId}`;
  const bodyHead = heads[bodyStream];
  if (!bodyHead) return { code: 'not_found', message: `This device has not sent the body of "${meeting.title}" (${meeting.body}): sync it first, then publish.` };
  if (bodyHead.seq > MAX_PACK_EVENTS) return { code: 'refused', message: `The body of "${meeting.title}" holds ${bodyHead.seq} events, more than a pack may (${MAX_PACK_EVENTS}).` };
  const body = stateOf<BodyState>(bodyStream, await storage.events(device.id, bodyStream));
  const pack: PackPublication = {
    meetingId,
    bodyId: meeting.bodyId,
    body: body?.name ?? meeting.body,
    title: meeting.title,
    date: meeting.date,
    publishedAt: at,
    device: device.id,
    heads: { body: bodyHead, meeting: meetingHead },
  };
  await storage.publishPack(pack);
  return pack;
};

/** The pack of a meeting with its events up to the published heads, or undefined when none was published. */
export const packWithEvents = async (storage: RecordsStorage, meetingId: string): Promise<PackResponse | undefined> => {
  const pack = (await storage.packs()).find((p) => p.meetingId === meetingId);
  if (!pack) return undefined;
  const upTo = (stream: string, head: StreamHead) => storage.events(pack.device, stream, 0, head.seq);
  return { pack, body: await upTo(`body:${pack.bodyId}`, pack.heads.body), meeting: await upTo(`meeting:${meetingId}`, pack.heads.meeting) };
};

export type { PackListing };
