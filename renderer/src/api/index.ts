// Choose the API at start-up: Electron's bridge when the preload provided one, else HTTP.
import type { ChamberApi } from '../../../shared/api';
import { createHttpClient } from './httpClient';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    chamber?: ChamberApi;
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
