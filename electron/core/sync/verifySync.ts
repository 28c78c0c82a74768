// "Check the server's copy": fetch what the records server holds of each stream and confirm it is
// the local record, event for event, and agrees with the heads its receipts acknowledged.
import { canonicalJson } from '../../../shared/canonicalJson';
import type { WireEvent } from '../../../shared/sync/protocol';
import type { StreamCheck, SyncVerification } from '../../../shared/syncApi';
import type { LocalRecord } from './localRecord';
import type { RecordsServer } from './recordsServer';
import type { SyncSettings } from './syncSettings';

const PAGE = 500;
const same = (a: WireEvent, b: WireEvent) => canonicalJson(a) === canonicalJson(b);

export const verifySync = async (record: LocalRecord, server: RecordsServer, settings: SyncSettings, now: () => Date): Promise<SyncVerification> => {
  const status = await server.status();
  const acknowledged = settings.acknowledgedHeads(status.serverId);
  const local = record.heads();
  const streams = [...new Set([...local.keys(), ...Object.keys(status.heads)])].sort();
  const checks: StreamCheck[] = [];
  for (const stream of streams) {
    const theirs = await server.streamEvents(stream);
    const mine = local.get(stream)?.seq ?? 0;
    const title = record.describe(stream).title;
    let differs: string | undefined;
    let checked = 0;
    for (let after = 0; after < Math.min(mine, theirs.length) && !differs; ) {
      const page = record.page(stream, after, PAGE);
      if (page.length === 0) break;
      for (const event of page) {
        const copy = theirs[event.seq - 1];
        if (!copy) break;
        if (!same(event, copy)) {
          differs = `Event ${event.seq} differs from this laptop's.`;
          break;
        }
        checked += 1;
      }
      after = page[page.length - 1].seq;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const receipted = acknowledged.get(stream);
    if (!differs && theirs.length > mine) differs = `The server holds ${theirs.length - mine} more events than this laptop.`;
    if (!differs && receipted && (theirs.length < receipted.seq || theirs[receipted.seq - 1]?.hash !== receipted.hash)) {
      differs = `The server's copy does not reach what its receipt acknowledged (event ${receipted.seq}).`;
    }
    if (!differs && status.heads[stream] && status.heads[stream].seq !== theirs.length) differs = "The server's status and its copy disagree.";
    const waiting = mine - checked;
    const words = differs ?? (waiting > 0 ? `${checked} events match; ${waiting} ${waiting === 1 ? 'is' : 'are'} not on the server yet.` : `All ${checked} events match.`);
    checks.push({ stream, title, local: mine, server: theirs.length, words, ok: !differs });
  }
  const bad = checks.filter((c) => !c.ok);
  const missing = checks.reduce((sum, c) => sum + (c.ok ? c.local - c.server : 0), 0);
  const words =
    bad.length > 0
      ? `The server's copy differs from this laptop's in ${bad.length} of ${checks.length} records: tell the records office.`
      : missing > 0
        ? `The server's copy matches this laptop's record event for event; ${missing} events are still to go up.`
        : `The server's copy matches this laptop's record event for event (${checks.length} records).`;
  return { at: now().toISOString(), ok: bad.length === 0, words, streams: checks };
};
