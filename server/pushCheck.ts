// A push checked against what the server holds for the device, before anything is stored: each
// event's hash recomputed, each stream's chain followed from the stored head, and events already
// held recognised as duplicates (the same id and hash at the same place) rather than stored again.
import type { WireEvent } from '../shared/sync/protocol';
import { contentHashOf, faultOf, type ChainFault } from './chain';
import { GENESIS_HEAD, type RecordsStorage } from './storage';

export const checkPush = async (storage: RecordsStorage, device: string, events: readonly WireEvent[]): Promise<ChainFault | undefined> => {
  const stored = await storage.heads(device);
  const byStream = new Map<string, WireEvent[]>();
  for (const e of events) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
  for (const [stream, batch] of byStream) {
    const storedHead = stored[stream] ?? GENESIS_HEAD;
    const earliest = Math.min(...batch.map((e) => e.seq));
    const held =
      earliest <= storedHead.seq ? new Map((await storage.events(device, stream, earliest - 1, batch.length)).map((e) => [e.seq, e])) : new Map<number, WireEvent>();
    let head = storedHead;
    let fresh = false;
    for (const e of batch) {
      const already = fresh ? undefined : held.get(e.seq);
      if (!fresh && e.seq <= storedHead.seq && already) {
        const actual = contentHashOf(e);
        const where = `event ${e.seq} of ${stream} (id ${e.id})`;
        if (actual !== e.hash) return { kind: 'chain_broken', event: e, message: `${where} has hash ${e.hash} but its contents hash to ${actual}.` };
        if (already.id !== e.id || already.hash !== e.hash)
          return {
            kind: 'chain_broken',
            event: e,
            message: `${where} differs from event ${e.seq} the server already holds for this device (id ${already.id}, hash ${already.hash}).`,
          };
        continue;
      }
      fresh = true;
      const fault = faultOf(e, head);
      if (fault) return fault;
      head = { seq: e.seq, hash: e.hash };
    }
  }
  return undefined;
};
