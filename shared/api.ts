// The one interface the renderer talks to. Over Electron IPC or over HTTP/WebSocket: the
// renderer never knows which.
import type { Command, CommandResult } from './commands';
import type { ChamberError } from './errors';
import type { StateUpdate, Topic, TopicValue } from './topics';

export type InvokeResult = { ok: true; result: CommandResult } | { ok: false; error: ChamberError };

export interface ChamberApi {
  invoke(command: Command): Promise<InvokeResult>;
  /** Read a topic's whole value once, now. */
  read<T extends Topic>(topic: T): Promise<TopicValue<T>>;
  /**
   * The topics this window shows (the whole set each time). Each topic newly watched arrives whole
   * through `subscribe`, then as the changes each command makes; one that cannot be watched
   * arrives as an error saying why.
   */
  watch(topics: readonly Topic[]): void;
  /** Called with every update of a watched topic; returns a function that unsubscribes. */
  subscribe(listener: (update: StateUpdate) => void): () => void;
  /**
   * Called when the live connection to the core is lost or restored; on restoring, every watched
   * topic arrives whole again.
   */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}
