// The API over HTTP and WebSocket, for browser mode and the chamber network. The clerk's token
// (only on the page Chamber serves to the clerk's own computer) goes in the Authorization header
// and in the live channel's first message, never in an address.
import type { ChamberApi, InvokeResult } from '../../../shared/api';
import { chamberError, type ChamberError } from '../../../shared/errors';
import type { StateUpdate, Topic, TopicValue } from '../../../shared/topics';

export class ApiError extends Error {
  constructor(readonly error: ChamberError) {
    super(error.message);
  }
}

export const createHttpClient = (origin: string, token: string): ChamberApi => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const listeners = new Set<(update: StateUpdate) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let watched: readonly Topic[] = [];
  let socket: WebSocket | undefined;
  let open = false;
  let retryMs = 500;

  const sendWatch = () => {
    if (socket && open) socket.send(JSON.stringify({ kind: 'watch', topics: watched }));
  };

  const connect = () => {
    const url = new URL('/api/live', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      open = true;
      retryMs = 500;
      ws.send(JSON.stringify({ kind: 'hello', ...(token ? { token } : {}) }));
      sendWatch();
      for (const listener of connectionListeners) listener(true);
    };
    ws.onmessage = (message) => {
      const update = JSON.parse(String(message.data)) as StateUpdate | { kind: string };
      if ('kind' in update) return; // welcome
      for (const listener of listeners) listener(update);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      open = false;
      for (const listener of connectionListeners) listener(false);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    async invoke(command): Promise<InvokeResult> {
      try {
        const response = await fetch(new URL('/api/commands', origin), { method: 'POST', headers, body: JSON.stringify(command) });
        return (await response.json()) as InvokeResult;
      } catch {
        return {
          ok: false,
          error: chamberError('internal', 'Chamber could not be reached; nothing was recorded. Check that it is still running.', { unreachable: true }),
        };
      }
    },
    async read<T extends Topic>(topic: T): Promise<TopicValue<T>> {
      const response = await fetch(new URL(`/api/topics/${encodeURIComponent(topic)}`, origin), { headers });
      const body = (await response.json()) as { ok: true; data: TopicValue<T> } | { ok: false; error: ChamberError };
      if (!body.ok) throw new ApiError(body.error);
      return body.data;
    },
    watch(topics) {
      watched = [...topics];
      sendWatch();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
};
