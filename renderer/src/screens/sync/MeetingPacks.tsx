// Meeting packs from the records office: P looks for them (asking the records server), each is
// listed against this laptop's copy: new (take it), taken, changed by the office since (take the
// office's changes, listed first), or changed by the office and by the clerk (the office's changes
// listed, never applied over the clerk's own; "I have seen these" stops calling them new). Below,
// the office's copy publishes a prepared meeting it has sent, as a pack for the clerks' laptops.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { formatPackDate } from '../../../../shared/format';
import type { PackOffer } from '../../../../shared/syncApi';
import { clockTime, localDate } from '../../../../shared/time';
import { syncClient } from '../../api/syncClient';
import { useTimeZone, useTopic } from '../../context';
import { useShortcut } from '../../shortcuts';

const STATE_WORDS: Record<PackOffer['state'], string> = {
  new: 'Not on this laptop yet',
  taken: 'On this laptop, as the office published it',
  office_changed: 'Changed by the office since you took it',
  both_changed: 'Changed by the office and on this laptop',
};

const PackEntry = ({ offer, onTake, onSeen, busy, first }: { offer: PackOffer; onTake(): void; onSeen(): void; busy: boolean; first: boolean }) => {
  const timeZone = useTimeZone();
  const headingId = `pack-${offer.meetingId}`;
  const takeLabel = offer.state === 'new' ? 'Take this pack' : "Take the office's changes";
  return (
    <li className="pack" aria-labelledby={headingId}>
      <h3 id={headingId} className="pack__title">
        {offer.title}, {formatPackDate(offer.date)}
      </h3>
      <p className="pack__state">
        <strong>{STATE_WORDS[offer.state]}.</strong> Published by {offer.deviceName} at {clockTime(offer.publishedAt, timeZone)} on {formatPackDate(localDate(offer.publishedAt, timeZone))}.
        {offer.ownChanges > 0 && ` This laptop has ${offer.ownChanges} change${offer.ownChanges === 1 ? '' : 's'} of its own to it.`}
      </p>
      {offer.changes.length > 0 && (
        <>
          <p className="pack__changes-heading">{offer.state === 'new' ? 'It holds:' : offer.seen ? "The office's changes (seen):" : "The office's changes:"}</p>
          <ul className="pack__changes">
            {offer.changes.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {offer.sitting && <p className="muted">A meeting of {offer.body} is sitting on this laptop: the pack can be taken once it has ended.</p>}
      {offer.state === 'both_changed' && (
        <p className="muted">Nothing of the office&rsquo;s is applied over your own changes: enter any you want yourself.</p>
      )}
      <div className="inline-form">
        {(offer.state === 'new' || offer.state === 'office_changed') && (
          <button type="button" className="button button--primary" onClick={onTake} disabled={busy || offer.sitting} data-first-action={first || undefined}>
            {takeLabel}
          </button>
        )}
        {offer.state === 'both_changed' && !offer.seen && (
          <button type="button" className="button" onClick={onSeen} disabled={busy} data-first-action={first || undefined}>
            I have seen these changes
          </button>
        )}
      </div>
    </li>
  );
};

/** The office's copy: publish a meeting not yet held, once it has been sent. */
const PublishPack = () => {
  const meetings = (useTopic('meetings').data ?? []).filter((m) => m.status === 'draft' || m.status === 'ready');
  const [meetingId, setMeetingId] = useState('');
  const [words, setWords] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const chosen = meetings.some((m) => m.id === meetingId) ? meetingId : (meetings[0]?.id ?? '');
  const publish = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    const reply = await syncClient.publishPack({ meetingId: chosen });
    setBusy(false);
    setWords(reply.ok ? { ok: true, text: reply.data.words } : { ok: false, text: reply.error.message });
  };
  return (
    <form className="pack-publish" onSubmit={(event) => void publish(event)} aria-labelledby="pack-publish-heading">
      <h3 id="pack-publish-heading">Publish a meeting as a pack (the office&rsquo;s copy)</h3>
      {meetings.length === 0 ? (
        <p className="muted">No meeting here is still to be held.</p>
      ) : (
        <div className="inline-form">
          <label>
            Meeting{' '}
            <select value={chosen} onChange={(e) => setMeetingId(e.target.value)}>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}, {formatPackDate(m.date)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={busy}>
            Publish
          </button>
        </div>
      )}
      {words && (
        <p className={words.ok ? 'sync-published' : 'form-error'} role={words.ok ? 'status' : 'alert'}>
          {words.text}
        </p>
      )}
    </form>
  );
};

export const MeetingPacks = () => {
  const [offers, setOffers] = useState<PackOffer[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<string>();
  const list = useRef<HTMLUListElement>(null);
  const focusFirst = useRef(false);

  /** Ask the records server; `fresh`: the clerk asked (P), so what was said before is cleared. */
  const look = useCallback(async (fresh = true) => {
    setBusy(true);
    setError(undefined);
    if (fresh) setOutcome(undefined);
    const reply = await syncClient.packs();
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    // The first thing to do is focused once the list is on the screen, so Enter does it.
    focusFirst.current = true;
    setOffers(reply.data);
  }, []);
  useEffect(() => {
    if (!focusFirst.current || busy) return;
    focusFirst.current = false;
    list.current?.querySelector<HTMLButtonElement>('[data-first-action]')?.focus();
  }, [offers, busy]);
  useShortcut('p', useCallback(() => void look(), [look]));

  const act = async (work: () => Promise<{ ok: true; data: unknown } | { ok: false; error: { message: string } }>, said: (data: never) => string) => {
    setBusy(true);
    setError(undefined);
    setOutcome(undefined);
    const reply = await work();
    setBusy(false);
    if (!reply.ok) setError(reply.error.message);
    else setOutcome(said(reply.data as never));
    await look(false);
  };
  const take = (offer: PackOffer) => act(() => syncClient.takePack({ meetingId: offer.meetingId }), (data: { words: string }) => data.words);
  const seen = (offer: PackOffer) =>
    act(() => syncClient.markPackSeen({ meetingId: offer.meetingId }), () => `The office's changes to "${offer.title}" are marked as seen.`);
  // Those needing the clerk first: new, then changed by the office, then changed on both sides; then those taken.
  const order: PackOffer['state'][] = ['new', 'office_changed', 'both_changed', 'taken'];
  const sorted = offers ? [...offers].sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state)) : undefined;
  const firstActing = sorted?.find((o) => !o.sitting && (o.state === 'new' || o.state === 'office_changed' || (o.state === 'both_changed' && !o.seen)));

  return (
    <section className="panel" aria-labelledby="sync-packs-heading">
      <h2 id="sync-packs-heading">Meeting packs from the records office</h2>
      <p className="muted">Take the packs for your meetings before you leave the office: the laptop then needs nothing from the network.</p>
      <div className="inline-form">
        <button type="button" className="button" onClick={() => void look()} disabled={busy} aria-keyshortcuts="P">
          Look for meeting packs <kbd>P</kbd>
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p aria-live="polite">{outcome ?? (busy ? 'Asking the records server…' : '')}</p>
      {sorted &&
        (sorted.length === 0 ? (
          <p>The records office has published no meeting packs.</p>
        ) : (
          <ul className="packs" ref={list}>
            {sorted.map((offer) => (
              <PackEntry key={offer.meetingId} offer={offer} busy={busy} first={offer === firstActing} onTake={() => void take(offer)} onSeen={() => void seen(offer)} />
            ))}
          </ul>
        ))}
      <PublishPack />
    </section>
  );
};
