// Sync with the records server: where it is and this laptop's key, what is waiting to go up (by
// meeting), "Sync now" with its progress, the last successful sync with its signed receipt,
// "Check the server's copy", and the meeting packs the records office published (P). The screen
// asks the core how things stand every second (twice a second while a push or check runs), so it
// stays usable while the push runs in the core.
import { useCallback, useEffect, useState } from 'react';
import { formatPackDate } from '../../../shared/format';
import { clockTime } from '../../../shared/time';
import { syncAvailable, syncClient, type SyncStatus } from '../api/syncClient';
import { useTimeZone } from '../context';
import { useShortcut } from '../shortcuts';
import { LastSync } from './sync/LastSync';
import { MeetingPacks } from './sync/MeetingPacks';
import { ServerForm } from './sync/ServerForm';

const events = (n: number) => `${n} event${n === 1 ? '' : 's'}`;

const useSyncStatus = () => {
  const [status, setStatus] = useState<SyncStatus>();
  const [unreachable, setUnreachable] = useState<string>();
  const busy = status?.pushing !== undefined || status?.verifying === true;
  const refresh = useCallback(async () => {
    const reply = await syncClient.status();
    if (reply.ok) {
      setStatus(reply.data);
      setUnreachable(undefined);
    } else setUnreachable(reply.error.message);
  }, []);
  useEffect(() => {
    if (!syncAvailable()) return;
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), busy ? 500 : 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh, busy]);
  return { status, setStatus, refresh, unreachable };
};

export const SyncScreen = () => {
  const timeZone = useTimeZone();
  const { status, setStatus, refresh, unreachable } = useSyncStatus();
  const [refusal, setRefusal] = useState<string>();

  const syncNow = useCallback(async () => {
    setRefusal(undefined);
    const reply = await syncClient.push();
    if (!reply.ok) setRefusal(reply.error.message);
    await refresh();
  }, [refresh]);
  const verify = useCallback(async () => {
    setRefusal(undefined);
    const reply = await syncClient.verify();
    if (!reply.ok) setRefusal(reply.error.message);
    await refresh();
  }, [refresh]);
  useShortcut('s', useCallback(() => void syncNow(), [syncNow]), syncAvailable());
  useShortcut('c', useCallback(() => void verify(), [verify]), syncAvailable());

  if (!syncAvailable()) {
    return (
      <main className="screen" aria-labelledby="sync-heading">
        <h1 id="sync-heading">Sync with the records server</h1>
        <p>Sync is set up from the clerk's own Chamber window, on the clerk's computer.</p>
      </main>
    );
  }

  const pushing = status?.pushing;
  const error = refusal ?? unreachable ?? status?.lastError?.words;
  return (
    <main className="screen" aria-labelledby="sync-heading">
      <h1 id="sync-heading">Sync with the records server</h1>
      {error && (
        <p className="form-error sync-error" role="alert">
          {error}
        </p>
      )}
      {status?.clockWarning && (
        <p className="sync-clock" role="status">
          {status.clockWarning}
        </p>
      )}
      {!status ? (
        <p>Reading how things stand…</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="sync-waiting-heading">
            <h2 id="sync-waiting-heading">Waiting to go up</h2>
            {status.waiting.length === 0 ? (
              <p>Nothing is waiting: the records server has acknowledged everything recorded here.</p>
            ) : (
              <ul className="sync-waiting">
                {status.waiting.map((w) => (
                  <li key={w.stream}>
                    <span>
                      {w.title}
                      {w.date ? `, ${formatPackDate(w.date)}` : ''}
                    </span>
                    <span className="sync-waiting__count">{events(w.waiting)}</span>
                  </li>
                ))}
              </ul>
            )}
            {status.divisionOpen && <p className="muted">A division is open: Chamber syncs once it has closed.</p>}
            <div className="inline-form">
              <button type="button" className="button button--primary" onClick={() => void syncNow()} disabled={pushing !== undefined} aria-keyshortcuts="S">
                Sync now <kbd>S</kbd>
              </button>
              <button type="button" className="button" onClick={() => void verify()} disabled={status.verifying} aria-keyshortcuts="C">
                Check the server&rsquo;s copy <kbd>C</kbd>
              </button>
            </div>
            {pushing && (
              <div className="sync-progress">
                <label htmlFor="sync-progress">
                  Sending: {pushing.sent} of {events(pushing.total)}
                </label>
                <progress id="sync-progress" max={Math.max(pushing.total, 1)} value={pushing.sent} />
              </div>
            )}
            <p aria-live="polite">
              {!pushing && status.lastOutcome ? `${clockTime(status.lastOutcome.at, timeZone)}: ${status.lastOutcome.words}` : ''}
              {status.verifying ? 'Checking the server’s copy…' : ''}
            </p>
            {status.verification && (
              <div className="sync-verification">
                <p>
                  <strong>{clockTime(status.verification.at, timeZone)}:</strong> {status.verification.words}
                </p>
                <ul>
                  {status.verification.streams.map((s) => (
                    <li key={s.stream}>
                      {s.title}: {s.words}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
          <MeetingPacks />
          <LastSync status={status} timeZone={timeZone} />
          <ServerForm status={status} onSaved={setStatus} />
        </>
      )}
    </main>
  );
};
