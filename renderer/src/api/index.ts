// Choose the API at start-up: Electron's bridge when the preload provided one, else HTTP.
import type { ChamberApi } from '../../../shared/api';
import type { SyncAnswer, SyncOperationName } from '../../../shared/syncApi';
import { createHttpClient } from './httpClient';

/** What only the desktop app's bridge offers, beside the API. */
export interface DesktopAbilities {
  /** The page as an A4 PDF, saved where the clerk chooses (a save dialog): whether it was saved, and where. */
  printToPdf?(suggestedName: string): Promise<{ saved: boolean; path?: string; error?: string }>;
}

/** The desktop app's bridge to the clerk's sync operations (shared/syncApi.ts): the clerk's own window only. */
export interface SyncBridge {
  call(operation: SyncOperationName, input?: unknown): Promise<SyncAnswer>;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    chamber?: ChamberApi & DesktopAbilities;
    /** Set by the Electron preload in the clerk's own window only; absent elsewhere and in browser mode. */
    chamberSync?: SyncBridge;
  }
}

export const connectApi = (): ChamberApi => {
  if (window.chamber) return window.chamber;
  const token = document.querySelector<HTMLMetaElement>('meta[name="chamber-token"]')?.content ?? '';
  return createHttpClient(window.location.origin, token);
};

/**
 * Whether this page can act for the clerk: the desktop app, or the page browser mode serves on the
 * clerk's own computer (which carries the token). A page from the chamber network cannot.
 */
export const isClerkPage = (): boolean =>
  window.chamber !== undefined || (document.querySelector<HTMLMetaElement>('meta[name="chamber-token"]')?.content ?? '') !== '';
