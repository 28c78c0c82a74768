// Whether an event follows a stream's head: the check both the records server (server/chain.ts)
// and the laptop (taking a meeting pack) make before storing events recorded elsewhere.
import type { StreamHead, WireEvent } from '../../../shared/sync/protocol';
import { hashEvent } from './eventLog';

/** What is wrong with an event, in words, and whether it is a gap (events missing) or a broken chain. */
export interface ChainFault {
  kind: 'gap' | 'chain_broken';
  event: WireEvent;
  message: string;
}

/** What the event's own contents hash to, over its prevHash. */
export const contentHashOf = (e: WireEvent): string => hashEvent(e.prevHash, e as unknown as Parameters<typeof hashEvent>[1]);

/** Checks that `e` follows `head` (seq one more, prevHash its hash) and that its hash is its contents'. */
export const faultOf = (e: WireEvent, head: StreamHead): ChainFault | undefined => {
  const where = `event ${e.seq} of ${e.stream} (id ${e.id})`;
  if (e.seq > head.seq + 1)
    return { kind: 'gap', event: e, message: `${where} comes after event ${head.seq}: events ${head.seq + 1} to ${e.seq - 1} are missing.` };
  if (e.seq !== head.seq + 1) return { kind: 'chain_broken', event: e, message: `${where} is out of order: the next event expected is ${head.seq + 1}.` };
  if (e.prevHash !== head.hash)
    return { kind: 'chain_broken', event: e, message: `${where} says the event before it has hash ${e.prevHash}, but that event's hash is ${head.hash}.` };
  const actual = contentHashOf(e);
  if (actual !== e.hash) return { kind: 'chain_broken', event: e, message: `${where} has hash ${e.hash} but its contents hash to ${actual}.` };
  return undefined;
};
