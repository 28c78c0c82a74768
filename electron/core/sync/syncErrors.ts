// What went wrong with a sync, in the clerk's words: what happened and what to do. The device key
// never appears in any of them.
import { SYNC_PROTOCOL_VERSION, SyncError } from '../../../shared/sync/protocol';

export class SyncFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export const notConfigured = (): SyncFailure =>
  new SyncFailure("Chamber does not know the records server's address and this laptop's device key yet: enter them on the sync screen.", 'not_configured');

export const unreachable = (serverUrl: string): SyncFailure =>
  new SyncFailure(`The records server could not be reached at ${serverUrl}: check this laptop's network connection and the address, then press Sync now again. Nothing has been lost.`, 'unreachable');

/** The TLS errors that mean the certificate was not trusted, by what the clerk can do about it. */
const UNKNOWN_AUTHORITY = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
]);
const OUT_OF_DATE = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const OTHER_NAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

/** A connection refused because the records server's certificate is not trusted, in words; undefined for any other failure. */
export const certificateNotTrusted = (error: unknown, serverUrl: string): SyncFailure | undefined => {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  const why = UNKNOWN_AUTHORITY.has(code)
    ? "it is signed by an authority this laptop does not know. If the council uses its own certificates, paste the records server's certificate (from the records office) on the sync screen; otherwise tell the records office"
    : OUT_OF_DATE.has(code)
      ? `it ${code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet'} by this laptop's clock. Check the laptop's date and time, then tell the records office`
      : OTHER_NAME.has(code)
        ? `it is for another address than ${new URL(serverUrl).hostname}. Check the records server's address, then tell the records office`
        : undefined;
  if (!why) return undefined;
  return new SyncFailure(`The records server's certificate is not trusted by this laptop: ${why}. Nothing was sent, not even the device key.`, 'certificate_not_trusted');
};

export const protocolMismatch = (theirs: number | undefined): SyncFailure =>
  new SyncFailure(
    theirs === undefined
      ? `The records server speaks a different sync protocol; this Chamber speaks ${SYNC_PROTOCOL_VERSION}: update Chamber (or ask the records office which version to use).`
      : `The records server speaks sync protocol ${theirs}; this Chamber speaks ${SYNC_PROTOCOL_VERSION}: update ${theirs > SYNC_PROTOCOL_VERSION ? 'Chamber' : 'the records server (tell the records office)'}, then sync again.`,
    'version_mismatch',
  );

const firstNumber = (text: string): number | undefined => {
  const match = /protocol (\d+)/i.exec(text);
  return match ? Number(match[1]) : undefined;
};

/** A refusal from the records server (any answer but 200), in words. */
export const refusalInWords = (status: number, body: unknown, serverUrl: string): SyncFailure => {
  const parsed = SyncError.safeParse(body);
  const theirs = parsed.success ? parsed.data.error : undefined;
  const said = theirs?.message ? ` (the server said: "${theirs.message.slice(0, 300)}")` : '';
  if (status === 401 || theirs?.code === 'unauthorised') {
    return new SyncFailure('The records server refused the device key: ask the records office for a new one, and enter it on the sync screen.', 'unauthorised');
  }
  if (status === 426 || theirs?.code === 'version_mismatch') return protocolMismatch(theirs ? firstNumber(theirs.message) : undefined);
  if (status === 413 || theirs?.code === 'too_large') return new SyncFailure(`The records server refused a batch as too large${said}. Tell whoever supports Chamber.`, 'too_large');
  if (status === 507 || theirs?.code === 'storage_full') {
    return new SyncFailure(`The records server is out of space${said}: tell the records office. Everything is still kept on this laptop.`, 'storage_full');
  }
  if (status === 409 || theirs?.code === 'chain_broken' || theirs?.code === 'gap') {
    const where = theirs?.stream ? ` at ${theirs.stream} event ${theirs.seq ?? '?'}` : '';
    return new SyncFailure(`The records server refused the record${where}${said}. Nothing more was sent; tell the records office.`, theirs?.code ?? 'conflict');
  }
  if (status === 400 || theirs?.code === 'bad_request') return new SyncFailure(`The records server did not accept what Chamber sent${said}. Tell whoever supports Chamber.`, 'bad_request');
  return new SyncFailure(
    `The records server at ${serverUrl} had a problem (HTTP ${status})${said}. Nothing has been lost: press Sync now to try again later.`,
    theirs?.code ?? 'server_error',
  );
};
