// The division bell's sound, on the clerk's screen and the chamber display: the bundled bell
// (resources/division-bell.wav, served by the app itself) rung over and over until the bell's end,
// at the installation's volume, silent when muted. Browsers refuse to play sound before the page
// has had a click or a key: then `blocked` is true, and `enable` (called from a click) rings it.
import { useCallback, useEffect, useRef, useState } from 'react';
import bellUrl from '../../../resources/division-bell.wav';
import type { Division } from '../../../shared/state/meetingDivision';

export interface BellSound {
  /** The browser refused to play the bell before a click on the page. */
  blocked: boolean;
  /** Ring it now (from a click or a key, which the browser accepts). */
  enable(): void;
}

const DISPLAY_CHANNEL = 'chamber-display-rings-the-bell';

/**
 * On the chamber display: say, every second, that a display is open on this computer (another
 * window or tab of the same origin: Electron's display window, or the display opened beside the
 * clerk's page in browser mode). The clerk's screen then leaves the bell to it, so the room hears
 * one bell, not two a moment apart.
 */
export const useAnnounceDisplay = (): void =>
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(DISPLAY_CHANNEL);
    const say = () => channel.postMessage('display-open');
    say();
    const timer = setInterval(say, 1000);
    return () => {
      clearInterval(timer);
      channel.close();
    };
  }, []);

/** Whether a chamber display is open on this computer (heard from in the last 2.5 seconds): it rings the bell. Renders only when that changes. */
export const useDisplayOnThisComputer = (): boolean => {
  const [here, setHere] = useState(false);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(DISPLAY_CHANNEL);
    let heardAt = 0;
    channel.onmessage = () => {
      heardAt = Date.now();
      setHere(true);
    };
    const timer = setInterval(() => setHere(Date.now() - heardAt < 2500), 1000);
    return () => {
      clearInterval(timer);
      channel.close();
    };
  }, []);
  return here;
};

/** When the bell of this division stops, if it rings at all (not skipped, not yet closed). */
export const bellRingsUntil = (division: Pick<Division, 'bellEndsAt' | 'bellSkipped' | 'closedAt'> | undefined): number | undefined =>
  division && !division.bellSkipped && division.closedAt === undefined ? Date.parse(division.bellEndsAt) : undefined;

/** Ring the bell until `until` (ms since the epoch); nothing when undefined, past, or muted. */
export const useDivisionBell = (until: number | undefined, volume: number, muted: boolean): BellSound => {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [blocked, setBlocked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const silent = muted || volume <= 0;
  const loudness = Math.max(0, Math.min(1, volume / 100));
  const level = useRef(loudness);

  useEffect(() => {
    level.current = loudness;
    if (audio.current) audio.current.volume = loudness;
  }, [loudness]);

  useEffect(() => {
    if (until === undefined || silent) return;
    const left = until - Date.now();
    if (left <= 0) return;
    audio.current ??= new Audio(bellUrl);
    const bell = audio.current;
    bell.loop = true;
    bell.volume = level.current;
    bell.currentTime = 0;
    let over = false;
    bell.play().then(
      () => {
        if (!over) setBlocked(false);
      },
      (error: unknown) => {
        // Refused without a gesture (NotAllowedError); anything else (no sound device) is not the clerk's to fix.
        if (!over && (error as Error | undefined)?.name === 'NotAllowedError') setBlocked(true);
      },
    );
    const stop = setTimeout(() => {
      bell.pause();
      setBlocked(false);
    }, left);
    return () => {
      over = true;
      clearTimeout(stop);
      bell.pause();
    };
    // A change of volume alone does not start the bell again: the effect above sets it.
  }, [until, silent, attempt]);

  const enable = useCallback(() => setAttempt((a) => a + 1), []);
  return { blocked: blocked && until !== undefined && !silent, enable };
};
