// The clerk's sync operations and what they answer, shared by the core and the sync screen: the
// core runs them from one table (electron/core/sync/syncOperations.ts), which browser mode serves
// at the routes below (electron/core/host/webHost.ts) and the desktop app's clerk window reaches
// through its bridge (window.chamberSync). Never the device key: only whether one is set. Pure:
// no Node, no DOM.
import type { ChamberError } from './errors';
import type { Receipt } from './sync/protocol';

export interface PushProgress {
  sent: number;
  total: number;
}

/** A stream with events the records server has not yet acknowledged in a kept receipt. */
export interface StreamWaiting {
  stream: string;
  kind: 'meeting' | 'body' | 'settings' | 'other';
  title: string;
  date?: string;
  localSeq: number;
  acknowledgedSeq: number;
  waiting: number;
}

export interface StreamCheck {
  stream: string;
  title: string;
  local: number;
  server: number;
  /** Words: "All 212 events match.", "12 events match; 3 are not on the server yet.", or what differs. */
  words: string;
  ok: boolean;
}

export interface SyncVerification {
  at: string;
  ok: boolean;
  words: string;
  streams: StreamCheck[];
}

export interface SyncStatus {
  serverUrl: string | null;
  keySet: boolean;
  autoSync: boolean;
  waiting: StreamWaiting[];
  waitingTotal: number;
  /** The last receipt kept, with what each of its streams is called here. */
  lastSync?: { at: string; receipt: Receipt; signatureVerified: boolean; titles: Record<string, string> };
  pushing?: PushProgress & { automatic: boolean; startedAt: string };
  verifying: boolean;
  lastOutcome?: { at: string; words: string };
  lastError?: { at: string; code: string; words: string };
  verification?: SyncVerification;
  divisionOpen: boolean;
  meetingSitting: boolean;
  /** The records server's certificate this laptop trusts for it, when the council uses its own: the PEM, and what it is in words. */
  serverCertificate?: { pem: string; words: string };
  /**
   * When the last answer from the records server showed this laptop's clock more than a couple
   * of minutes off the server's: a sentence for the clerk. Never stops a sync.
   */
  clockWarning?: string;
}

/** What the sync screen may change (PUT /api/sync/config): each optional; a key is never read back. */
export interface SyncConfigInput {
  serverUrl?: string;
  deviceKey?: string;
  autoSync?: boolean;
  /** PEM of the records server's certificate (or the council's authority), if the council uses its own; '' removes it. */
  serverCertificate?: string;
}

/**
 * A meeting pack the records office published, as it stands against this laptop's copy:
 * - `new`: not on this laptop: take it;
 * - `taken`: this laptop holds the office's copy (and perhaps the clerk's own changes since);
 * - `office_changed`: the office changed it since this laptop took it, and the clerk has not:
 *   take the office's changes (listed);
 * - `both_changed`: the office and the clerk both changed it: the office's changes are listed for
 *   the clerk, never applied over the clerk's own; the clerk marks them as seen.
 */
export interface PackOffer {
  meetingId: string;
  bodyId: string;
  body: string;
  title: string;
  date: string;
  publishedAt: string;
  /** The records server's name for the office's device that published it. */
  deviceName: string;
  state: 'new' | 'taken' | 'office_changed' | 'both_changed';
  /** The office's changes not on this laptop, in words (the whole pack's summary when new). */
  changes: string[];
  /** Whether the clerk has seen these changes (marked as seen at these heads). */
  seen: boolean;
  /** The clerk's own changes since taking it, when there are any (events on this laptop beyond the office's). */
  ownChanges: number;
  /** A meeting of this body is sitting on this laptop: nothing is taken until it ends. */
  sitting: boolean;
}

/** Which pack: the meeting's id. */
export interface PackChoice {
  meetingId: string;
}

/** What taking a pack, or the office's changes to it, did. */
export interface PackTaken {
  meetingId: string;
  events: number;
  words: string;
}

/** What "Sync now" answers: whether a push started, in words. */
export interface SyncStarted {
  started: boolean;
  words: string;
}

/** Each of the clerk's sync operations: what it takes and what it answers. */
export interface SyncOperations {
  status: { input: undefined; data: SyncStatus };
  configure: { input: SyncConfigInput; data: SyncStatus };
  push: { input: undefined; data: SyncStarted };
  verify: { input: undefined; data: { started: boolean } };
  /** The packs the records office published, each against this laptop's copy (asks the records server). */
  packs: { input: undefined; data: PackOffer[] };
  /** Take a pack that is new here, or the office's changes to one the clerk has not changed. */
  takePack: { input: PackChoice; data: PackTaken };
  /** The clerk has seen the office's changes to a pack they also changed: stop calling them new. */
  markPackSeen: { input: PackChoice; data: PackOffer };
  /** The office's copy: publish a prepared meeting this laptop has sent, as a pack for the clerks' laptops. */
  publishPack: { input: PackChoice; data: { words: string } };
}

export type SyncOperationName = keyof SyncOperations;

/** An operation's answer: its data, or a refusal in words. */
export type SyncAnswer<T = unknown> = { ok: true; data: T } | { ok: false; error: ChamberError };

/** Where browser mode's clerk host serves each operation (never the chamber network's host). */
export const SYNC_ROUTES: { readonly [N in SyncOperationName]: { readonly method: 'GET' | 'PUT' | 'POST'; readonly path: string } } = {
  status: { method: 'GET', path: '/api/sync' },
  configure: { method: 'PUT', path: '/api/sync/config' },
  push: { method: 'POST', path: '/api/sync/push' },
  verify: { method: 'POST', path: '/api/sync/verify' },
  packs: { method: 'GET', path: '/api/sync/packs' },
  takePack: { method: 'POST', path: '/api/sync/packs/take' },
  markPackSeen: { method: 'POST', path: '/api/sync/packs/seen' },
  publishPack: { method: 'POST', path: '/api/sync/packs/publish' },
};

export const SYNC_OPERATION_NAMES = Object.keys(SYNC_ROUTES) as SyncOperationName[];
