// Members' own devices (Alt+L): turn members' voting on or off for this meeting; type a member's
// name and press Enter to show their pairing code, large, with its QR code (the address of the
// member's page on the chamber network, the code after the #); see who is paired; withdraw a
// pairing with a reason, then give a new code; and the requests from devices that were refused.
// Codes and the refusals come from browser mode on the clerk's computer (the chamber network is
// served only there); turning voting on and withdrawing are commands like any other.
import QRCode from 'qrcode';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { memberDisplayNames, type BodyState } from '../../../../shared/state/body';
import type { MeetingState } from '../../../../shared/state/meeting';
import { clockTime, clockTimeWithSeconds } from '../../../../shared/time';
import { clerkDevicesAvailable, clerkDevicesClient, type IssuedCode, type Refusal } from '../../api/memberClient';
import { FormError } from '../../components/FormParts';
import { MemberFinder } from '../../components/MemberFinder';
import { useTimeZone } from '../../context';
import { useCommand } from './useCommand';

const REFUSALS_EVERY_MS = 5_000;
const REFUSALS_LISTED = 20;

/** The QR code of an address, as an SVG data URL (the page's CSP allows data: images). */
const useQr = (url: string | null | undefined): string | undefined => {
  const [qr, setQr] = useState<{ url: string; data: string }>();
  useEffect(() => {
    let live = true;
    if (url) void QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((svg) => live && setQr({ url, data: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }));
    return () => {
      live = false;
    };
  }, [url]);
  return qr && qr.url === url ? qr.data : undefined;
};

/** The refused requests from devices: read once, then every few seconds while members may vote from their devices. */
const useRefusals = (meetingId: string, running: boolean): { count: number; latest: Refusal[] } | undefined => {
  const [refusals, setRefusals] = useState<{ count: number; latest: Refusal[] }>();
  useEffect(() => {
    if (!clerkDevicesAvailable()) return;
    let live = true;
    const read = () => void clerkDevicesClient.refusals(meetingId).then((reply) => live && reply.ok && reply.data && setRefusals(reply.data));
    read();
    const timer = running ? setInterval(read, REFUSALS_EVERY_MS) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [meetingId, running]);
  return refusals;
};

export const MemberDevicesPanel = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const { send, error } = useCommand();
  const tz = useTimeZone();
  const names = memberDisplayNames(body.members);
  const members = body.members.filter((m) => m.active);
  const [memberId, setMemberId] = useState('');
  const [issued, setIssued] = useState<IssuedCode>();
  const [codeError, setCodeError] = useState<string>();
  const [withdrawing, setWithdrawing] = useState<string>();
  const [reason, setReason] = useState('');
  const qr = useQr(issued?.url);
  const open = meeting.status !== 'closed';
  const available = clerkDevicesAvailable();
  const refusals = useRefusals(meeting.id, open && meeting.memberVoting === true);
  const devices = Object.values(meeting.devices ?? {}).sort((a, b) => a.pairedAt.localeCompare(b.pairedAt));
  // Once the member's device has paired with the code shown, the code is spent: say so instead.
  const pairedWithIt = issued && devices.find((d) => d.memberId === issued.memberId && d.pairedAt >= issued.issuedAt);

  const giveCode = useCallback(
    async (id: string) => {
      if (!id) return setCodeError('Type a member’s name and choose them first.');
      setCodeError(undefined);
      const reply = await clerkDevicesClient.issueCode(meeting.id, id);
      if (reply.ok && reply.data) {
        setIssued(reply.data);
        setMemberId('');
      } else setCodeError(reply.error?.message);
    },
    [meeting.id],
  );
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    void giveCode(memberId);
  };
  const withdraw = async (event: FormEvent) => {
    event.preventDefault();
    if (!withdrawing) return;
    const device = meeting.devices[withdrawing];
    if (await send({ type: 'memberDevice.revoke', meetingId: meeting.id, credentialId: withdrawing, reason })) {
      setWithdrawing(undefined);
      setReason('');
      setIssued(undefined);
      // Ready to give the member a new code.
      setMemberId(device?.memberId ?? '');
      requestAnimationFrame(() => document.getElementById('device-member')?.focus());
    }
  };

  return (
    <section aria-labelledby="devices-heading" className="devices">
      <h2 id="devices-heading">Members&rsquo; devices</h2>
      <div className="field field--check">
        <input
          id="devices-voting"
          type="checkbox"
          checked={meeting.memberVoting === true}
          disabled={!open}
          onChange={(e) => void send({ type: 'memberVoting.set', meetingId: meeting.id, enabled: e.target.checked })}
        />
        <label htmlFor="devices-voting">Members may vote from their own devices at this meeting</label>
      </div>
      <FormError message={error?.message} />
      {!available && (
        <p className="field__hint">
          Devices are paired over the chamber network, which Chamber serves in browser mode: <code>npm run web -- --host ADDRESS --allow-network</code>.
        </p>
      )}
      {available && open && meeting.memberVoting && (
        <form className="compact-form" onSubmit={submitCode} aria-label="Give a member a pairing code">
          <MemberFinder id="device-member" label="Member" shortcut="Alt+L" members={members} names={names} value={memberId} onChange={setMemberId} onChosen={(id) => void giveCode(id)} />
          <button type="submit" className="button">
            Show their code <kbd>Enter</kbd>
          </button>
          <FormError message={codeError} />
        </form>
      )}
      {issued && pairedWithIt && (
        <p className="devices__paired" role="status">
          {issued.memberName ?? names[issued.memberId]}&rsquo;s device is paired ({clockTime(pairedWithIt.pairedAt, tz)}); the code is spent.
        </p>
      )}
      {issued && !pairedWithIt && (
        <div className="devices__code" data-testid="pairing-code" aria-live="polite">
          <p className="devices__for">
            Code for <strong>{issued.memberName ?? names[issued.memberId]}</strong>, until {issued.expiresAtLocal}, once only:
          </p>
          <p className="devices__big">
            {issued.codeShown}
          </p>
          {qr && <img className="devices__qr" src={qr} alt={`QR code for ${issued.memberName ?? 'the member'}'s page, with the code`} width={220} height={220} />}
          {issued.url ? (
            <p className="field__hint">Or open {issued.url.replace(/#.*$/, '#/member')} on the device and type the code.</p>
          ) : (
            <p className="field__hint">Chamber is not serving the chamber network, so no device can reach it: start it with --host ADDRESS --allow-network.</p>
          )}
          <button type="button" className="button button--small" onClick={() => setIssued(undefined)}>
            Hide the code
          </button>
        </div>
      )}
      <h3>Paired</h3>
      {devices.length === 0 ? (
        <p className="muted">No device is paired for this meeting.</p>
      ) : (
        <ul className="devices__list" aria-label="Paired devices">
          {devices.map((d) => (
            <li key={d.credentialId}>
              <strong>{names[d.memberId] ?? 'A former member'}</strong> paired {clockTime(d.pairedAt, tz)}
              {d.revokedAt ? (
                <span className="muted">
                  {' '}
                  — withdrawn {clockTime(d.revokedAt, tz)}: {d.revokeReason}
                </span>
              ) : (
                open && (
                  <button type="button" className="button button--small" onClick={() => setWithdrawing(d.credentialId)} aria-label={`Withdraw ${names[d.memberId] ?? 'the member'}'s device`}>
                    Withdraw
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {withdrawing && (
        <form className="compact-form" onSubmit={withdraw} aria-label="Withdraw a device">
          <div className="field">
            <label htmlFor="device-reason">Why is {names[meeting.devices[withdrawing]?.memberId ?? ''] ?? 'the member'}&rsquo;s device withdrawn?</label>
            <input id="device-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus placeholder="e.g. Phone lost" />
          </div>
          <button type="submit" className="button">
            Withdraw <kbd>Enter</kbd>
          </button>
          <button type="button" className="button" onClick={() => setWithdrawing(undefined)}>
            Keep it
          </button>
        </form>
      )}
      {available && (
        <>
          <h3>
            Refused requests <span data-testid="refusal-count">{refusals?.count ?? 0}</span>
          </h3>
          {refusals && refusals.latest.length > 0 && (
            <ul className="devices__refusals" aria-label="Refused requests, the latest first">
              {refusals.latest.slice(0, REFUSALS_LISTED).map((r) => (
                <li key={r.id}>
                  <span className="time">{clockTimeWithSeconds(r.at, tz)}</span> {r.memberId ? (names[r.memberId] ?? 'a member') : 'unknown device'} ({r.client}), {r.attempted}: {r.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
};
