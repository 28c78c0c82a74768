// A member's own device on the chamber network (#/member): pair it once per meeting with the code
// the clerk shows (typed, or in the address a QR code opens), then vote For, Against or Abstain
// while the voting window is open, and ask to speak. The countdowns are derived from the chamber
// display's division instants; the receipt shown is the server's answer, never the button pressed.
// Large type and buttons, one column: made for a phone first.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { bellLeftMs, divisionPhase, windowLeftMs } from '../../../shared/procedure/division';
import { displayedDivisionClock, type DisplayDivision } from '../../../shared/state/display';
import { displayTopic } from '../../../shared/topics';
import { forgetPairing, memberClient, storedPairing, storePairing, type MemberStatus, type Pairing, type Receipt } from '../api/memberClient';
import { useTopic } from '../context';
import './member/member.css';

/** "1:05", "0:09": minutes and seconds left, rounded up (so 0:00 only once it is over). */
const left = (ms: number): string => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * The server's time now (this device's clock corrected by `offsetMs`), a few times a second while
 * something is counting down (a closed division needs no clock).
 */
const useNow = (running: boolean, offsetMs: number): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return now + offsetMs;
};

const PairingForm = ({ initialCode, notice, onPaired }: { initialCode?: string; notice?: string; onPaired(pairing: Pairing): void }) => {
  const [code, setCode] = useState(initialCode ?? '');
  const [error, setError] = useState<string | undefined>(notice);
  const [busy, setBusy] = useState(false);
  const tried = useRef(false);
  const pair = useCallback(
    async (typed: string) => {
      setBusy(true);
      const reply = await memberClient.pair(typed);
      setBusy(false);
      if (reply.ok && reply.data) onPaired(reply.data);
      else setError(reply.error?.message ?? 'Chamber could not pair this device.');
    },
    [onPaired],
  );
  // Opened from the QR code: the code is in the address; pair at once (once).
  useEffect(() => {
    if (initialCode && !tried.current) {
      tried.current = true;
      void pair(initialCode);
    }
  }, [initialCode, pair]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void pair(code);
  };
  return (
    <main className="member" aria-labelledby="member-heading">
      <h1 id="member-heading">Pair this device</h1>
      <p>Type the pairing code the clerk shows you for this meeting, or scan its QR code.</p>
      <form onSubmit={submit} className="member__pair" aria-label="Pair this device">
        <label htmlFor="member-code">Pairing code</label>
        <input
          id="member-code"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby="member-code-hint"
          aria-invalid={error ? true : undefined}
        />
        <p id="member-code-hint" className="member__hint">
          8 letters and digits, such as ABCD-EFGH.
        </p>
        {error && (
          <p className="member__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="member__button member__button--primary" disabled={busy}>
          {busy ? 'Pairing…' : 'Pair'}
        </button>
      </form>
    </main>
  );
};

const CHOICES = [
  { choice: 'for', label: 'For' },
  { choice: 'against', label: 'Against' },
  { choice: 'abstain', label: 'Abstain' },
] as const;

const DivisionView = ({
  division,
  status,
  receipt,
  onVote,
  busy,
  offsetMs,
}: {
  division: DisplayDivision;
  status?: MemberStatus;
  receipt?: Receipt;
  onVote(choice: Receipt['choice']): void;
  busy: boolean;
  offsetMs: number;
}) => {
  // The clock stops ticking once the division is declared closed, so read it no earlier than the close.
  const ticked = useNow(division.closedAt === undefined, offsetMs);
  const nowMs = division.closedAt === undefined ? ticked : Math.max(ticked, Date.parse(division.closedAt));
  const clock = useMemo(() => displayedDivisionClock(division), [division]);
  const phase = divisionPhase(clock, nowMs);
  const mine = receipt && receipt.divisionId === division.divisionId ? receipt : undefined;
  return (
    <section className="member__division" aria-labelledby="member-question-heading">
      <h2 id="member-question-heading">{division.kind}</h2>
      <p className="member__question">{division.question}</p>
      <p className="member__clock" data-testid="member-clock">
        {phase === 'bell' && (
          <>
            Division bell: voting opens in <span className="time">{left(bellLeftMs(clock, nowMs))}</span>
            <span className="member__subclock">
              then {left(windowLeftMs(clock, nowMs))} to vote
            </span>
          </>
        )}
        {phase === 'voting' && (
          <>
            Voting closes in <span className="time">{left(windowLeftMs(clock, nowMs))}</span>
          </>
        )}
        {phase === 'paused' && <>Voting is paused</>}
        {phase === 'closed' && <>Voting has closed{division.outcome ? `: ${division.outcome}` : ''}</>}
      </p>
      <div className="member__choices" role="group" aria-label="Your vote">
        {CHOICES.map(({ choice, label }) => (
          <button
            key={choice}
            type="button"
            className={`member__button member__button--${choice}`}
            disabled={busy || phase !== 'voting' || status?.memberVoting === false}
            aria-pressed={mine?.choice === choice}
            onClick={() => onVote(choice)}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="member__receipt" role="status" data-testid="member-receipt">
        {mine ? `${mine.choiceWords} — recorded ${mine.recordedAtLocal}` : phase === 'voting' ? 'You have not voted in this division.' : ''}
      </p>
    </section>
  );
};

/**
 * The receipt to show after reading the member's page: what the server says was recorded, unless
 * the page already shows a receipt recorded after that reading was taken (a vote answered while
 * the reading was on its way).
 */
const newerReceipt = (shown: Receipt | undefined, read: Receipt | undefined, readAt: string): Receipt | undefined => {
  if (shown && shown.recordedAt > readAt) return shown;
  return read;
};

const MemberVoting = ({ pairing, onUnpaired }: { pairing: Pairing; onUnpaired(message: string): void }) => {
  const { meetingId, credential } = pairing;
  const { data: display, missing } = useTopic(displayTopic(meetingId));
  const [status, setStatus] = useState<MemberStatus>();
  const [receipt, setReceipt] = useState<Receipt>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [speaking, setSpeaking] = useState<string>();

  const refused = useCallback(
    (reply: { status: number; error?: { message: string } }) => {
      // The pairing is gone (withdrawn, or not for this meeting): pair again.
      if (reply.status === 401) {
        forgetPairing(meetingId);
        onUnpaired(reply.error?.message ?? 'This device is no longer paired.');
      } else setError(reply.error?.message);
    },
    [meetingId, onUnpaired],
  );
  // How far this device's clock is from the server's (the countdowns are the server's).
  const [offsetMs, setOffsetMs] = useState(0);
  // The member's page is read again when a division opens or closes, and (a moment later) when its
  // counts move, so a vote the clerk entered or changed for this member shows here too.
  const counted = display?.division?.counts?.voted;
  const [readAfterVotes, setReadAfterVotes] = useState(counted);
  useEffect(() => {
    const timer = setTimeout(() => setReadAfterVotes(counted), 500);
    return () => clearTimeout(timer);
  }, [counted]);
  useEffect(() => {
    let live = true;
    const asked = Date.now();
    void memberClient.status(meetingId, credential).then((reply) => {
      if (!live) return;
      if (reply.ok && reply.data) {
        setOffsetMs(Date.parse(reply.data.serverNow) - (asked + Date.now()) / 2);
        setStatus(reply.data);
        setReceipt((shown) => newerReceipt(shown, reply.data!.receipt, reply.data!.serverNow));
      } else refused(reply);
    });
    return () => {
      live = false;
    };
  }, [meetingId, credential, refused, display?.division?.divisionId, display?.division?.closedAt, readAfterVotes, display?.privateSession]);
  // In a private session the chamber display shows nothing, so the division is asked of the member's
  // own status route every two seconds while it lasts.
  const privateSession = display?.privateSession === true;
  useEffect(() => {
    if (!privateSession) return;
    let live = true;
    const timer = setInterval(() => {
      void memberClient.status(meetingId, credential).then((reply) => {
        if (!live) return;
        if (reply.ok && reply.data) {
          setStatus(reply.data);
          const read = reply.data;
          setReceipt((shown) => newerReceipt(shown, read.receipt, read.serverNow));
        } else refused(reply);
      });
    }, 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [privateSession, meetingId, credential, refused]);
  const division = display?.division ?? (privateSession ? (status?.privateDivision ?? undefined) : undefined);

  const vote = async (choice: Receipt['choice']) => {
    if (!division) return;
    setBusy(true);
    setError(undefined);
    const reply = await memberClient.vote(meetingId, credential, { divisionId: division.divisionId, choice });
    setBusy(false);
    if (reply.ok && reply.data) setReceipt(reply.data.receipt);
    else refused(reply);
  };
  const speak = async () => {
    setError(undefined);
    const reply = await memberClient.speak(meetingId, credential);
    if (reply.ok && reply.data) setSpeaking(`You are on the speakers' list (asked at ${reply.data.atLocal}).`);
    else refused(reply);
  };

  const name = status?.memberName ?? pairing.memberName ?? '';
  return (
    <main className="member" aria-labelledby="member-heading">
      <header className="member__header">
        <h1 id="member-heading">{name || 'Your vote'}</h1>
        <p className="member__meeting">{display ? `${display.title}` : (status?.title ?? '')}</p>
      </header>
      {error && (
        <p className="member__error" role="alert">
          {error}
        </p>
      )}
      {status && !status.memberVoting && <p className="member__notice">Members&rsquo; voting from their own devices is turned off for this meeting.</p>}
      {!display ? (
        <p className="member__notice" role="status">
          {missing ?? 'Connecting to Chamber…'}
        </p>
      ) : division ? (
        <DivisionView division={division} status={status} receipt={receipt} onVote={(c) => void vote(c)} busy={busy} offsetMs={offsetMs} />
      ) : (
        <p className="member__notice" role="status">
          {display.privateSession ? 'Private session.' : display.status === 'closed' ? 'The meeting has closed.' : 'No vote is being taken.'}
          {display.currentItem && !display.privateSession ? ` Item ${display.currentItem.number}: ${display.currentItem.title}.` : ''}
        </p>
      )}
      <section className="member__speak" aria-label="Ask to speak">
        <button type="button" className="member__button member__button--speak" onClick={() => void speak()} disabled={status?.onSpeakersList === true || speaking !== undefined}>
          Ask to speak
        </button>
        <p role="status">{speaking ?? (status?.onSpeakersList ? "You are on the speakers' list." : '')}</p>
      </section>
    </main>
  );
};

export const MemberScreen = ({ meetingId, code }: { meetingId?: string; code?: string }) => {
  const [pairing, setPairing] = useState<Pairing | undefined>(() => (meetingId ? storedPairing(meetingId) : undefined));
  const [notice, setNotice] = useState<string>();
  const paired = useCallback((p: Pairing) => {
    storePairing(p);
    setPairing(p);
    // The code is spent: drop it from the address and the history.
    window.location.replace(`#/member/${p.meetingId}`);
  }, []);
  const unpaired = useCallback((message: string) => {
    setPairing(undefined);
    setNotice(message);
  }, []);
  if (!pairing || (meetingId && pairing.meetingId !== meetingId)) return <PairingForm initialCode={code} notice={notice} onPaired={paired} />;
  return <MemberVoting pairing={pairing} onUnpaired={unpaired} />;
};
