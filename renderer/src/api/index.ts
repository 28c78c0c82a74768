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
