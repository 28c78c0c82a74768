// Checking hash chains as the records server receives and holds them (docs/record-format.md).
import { faultOf, type ChainFault } from '../electron/core/store/chainCheck';
import type { WireEvent } from '../shared/sync/protocol';
import { GENESIS_HEAD } from './storage';

export { contentHashOf, faultOf, type ChainFault } from '../electron/core/store/chainCheck';

/** Walks one stream's events from the start: the first fault, if any. */
export const checkStream = (events: readonly WireEvent[]): ChainFault | undefined => {
  let head = GENESIS_HEAD;
  for (const e of events) {
    const fault = faultOf(e, head);
    if (fault) return fault;
    head = { seq: e.seq, hash: e.hash };
  }
  return undefined;
};
