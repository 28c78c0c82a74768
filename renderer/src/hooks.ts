import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`: clocks are derived from stored start times. */
export const useNow = (intervalMs = 1000): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};

/**
 * The time now, renewed each time a clock running from `anchorMs` shows a new second (its elapsed
 * time passes a whole second), and never while it is stopped (`anchorMs` undefined): one render a
 * second for a running clock, none for a stopped one, in step with what it shows.
 */
export const useClockTick = (anchorMs: number | undefined): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (anchorMs === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      const into = (((Date.now() - anchorMs) % 1000) + 1000) % 1000;
      timer = setTimeout(tick, 1000 - into + 2);
    };
    // At once (the clock has just started or resumed), then at each whole second of it.
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [anchorMs]);
  return now;
};
