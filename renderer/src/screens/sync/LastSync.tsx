// The last successful sync and its receipt: the server, when, the heads it acknowledged, and
// whether the signature verified.
import type { SyncStatus } from '../../../../shared/syncApi';
import { clockTime, localDate } from '../../../../shared/time';
import { formatPackDate } from '../../../../shared/format';

const when = (instant: string, timeZone: string) => `${clockTime(instant, timeZone)} on ${formatPackDate(localDate(instant, timeZone))}`;

export const LastSync = ({ status, timeZone }: { status: SyncStatus; timeZone: string }) => {
  const last = status.lastSync;
  return (
    <section className="panel" aria-labelledby="sync-last-heading">
      <h2 id="sync-last-heading">Last successful sync</h2>
      {!last ? (
        <p>None yet: nothing recorded here has been acknowledged by the records server.</p>
      ) : (
        <>
          <dl className="details">
            <dt>When</dt>
            <dd className="time">{when(last.at, timeZone)}</dd>
            <dt>Records server</dt>
            <dd>{last.receipt.serverId}</dd>
            <dt>Receipt issued</dt>
            <dd className="time">{when(last.receipt.issuedAt, timeZone)}</dd>
            <dt>Events</dt>
            <dd>
              {last.receipt.accepted} stored{last.receipt.duplicates > 0 ? `, ${last.receipt.duplicates} already held` : ''}
            </dd>
            <dt>Signature</dt>
            <dd>{last.signatureVerified ? 'Signature verified' : 'The signature does not verify: tell the records office.'}</dd>
          </dl>
          <h3>What the server holds, by the receipt</h3>
          <ul className="sync-heads">
            {Object.entries(last.receipt.heads).map(([stream, head]) => (
              <li key={stream}>
                {last.titles[stream] ?? stream}: up to event {head.seq} <code title={head.hash}>{head.hash.slice(0, 12)}…</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
