// Limits shared by every way into the core: browser mode's HTTP API and the desktop app's IPC.
// Plain values only (no fastify), so the Electron main process can use them without loading a server.
import { chamberError, type ChamberError } from '../../../shared/errors';

/** Largest command (browser mode: request body) accepted, in bytes. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Largest input to one of the clerk's sync operations, in bytes: a server address, a device key
 * and the council's own certificate, which with its chain of authorities runs to several
 * kilobytes (the sync client takes a certificate of up to 100,000 characters).
 */
export const SYNC_INPUT_LIMIT = 128 * 1024;

/** The refusal of a request over the limit, worded the same in browser mode and the desktop app. */
export const tooLargeError = (limitBytes: number): ChamberError =>
  chamberError('too_large', `The request is larger than the ${Math.round(limitBytes / 1024)} KB allowed.`);
