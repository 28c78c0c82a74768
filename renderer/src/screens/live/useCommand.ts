import { useCallback, useState } from 'react';
import type { Command } from '../../../../shared/commands';
import type { ChamberError } from '../../../../shared/errors';
import { useChamber } from '../../context';

/** Send commands from a panel, keeping the last refusal to show beside it. */
export const useCommand = () => {
  const invoke = useChamber((s) => s.invoke);
  const [error, setError] = useState<ChamberError>();
  const send = useCallback(
    async (command: Command): Promise<boolean> => {
      const outcome = await invoke(command);
      setError(outcome.ok ? undefined : outcome.error);
      return outcome.ok;
    },
    [invoke],
  );
  return { send, error, clearError: () => setError(undefined) };
};
