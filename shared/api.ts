// The one interface the renderer talks to. Over Electron IPC or over HTTP/WebSocket: the
// renderer never knows which.
import type { Command, CommandResult } from './commands';
import type { ChamberError } from './errors';
import type { StateUpdate, Topic, TopicValue } from './topics';

export type InvokeResult = { ok: true; result: CommandResult } | { ok: false; error: ChamberError };

export interface ChamberApi {
  invoke(command: Command): Promise<InvokeResult>;
  read<T extends Topic>(topic: T): Promise<TopicValue<T>>;
  /** Called with every state update; returns a function that unsubscribes. */
  subscribe(listener: (update: StateUpdate) => void): () => void;
  /**
   * Called when the live connection to the core is lost or restored (browser mode); a client
   * re-reads what it shows on reconnection. Electron IPC never disconnects.
   */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}
