import { useCallback, useState } from 'react';
import type { InvokeResult } from '../../../../shared/api';
import type { Command } from '../../../../shared/commands';
import type { ChamberError } from '../../../../shared/errors';
import { useChamber } from '../../context';

/** Send commands from a panel, keeping the last refusal to show beside it (until the next success). */
export const useCommand = () => {
  const invoke = useChamber((s) => s.invoke);
  const [error, setError] = useState<ChamberError>();
  /** Send, and get what was recorded (or the refusal). */
  const run = useCallback(
    async (command: Command): Promise<InvokeResult> => {
      const outcome = await invoke(command);
      // "Chamber could not be reached" is shown once for the whole screen, and goes when it is over.
      setError(outcome.ok || outcome.error.details.unreachable === true ? undefined : outcome.error);
      return outcome;
    },
    [invoke],
  );
  /** Send; true if it was recorded. */
  const send = useCallback(async (command: Command): Promise<boolean> => (await run(command)).ok, [run]);
  return { send, run, error, clearError: () => setError(undefined) };
};
