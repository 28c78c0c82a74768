// The API over HTTP and WebSocket, for browser mode and the chamber network.
import type { ChamberApi, InvokeResult } from '../../../shared/api';
import { chamberError, type ChamberError } from '../../../shared/errors';
import type { StateUpdate, Topic, TopicValue } from '../../../shared/topics';

export class ApiError extends Error {
  constructor(readonly error: ChamberError) {
    super(error.message);
  }
}

export const createHttpClient = (origin: string, token: string): ChamberApi => {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const listeners = new Set<(update: StateUpdate) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let socket: WebSocket | undefined;
  let retryMs = 500;

  const connect = () => {
    const url = new URL('/api/live', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 500;
      for (const listener of connectionListeners) listener(true);
    };
    ws.onmessage = (message) => {
      const update = JSON.parse(String(message.data)) as StateUpdate;
      for (const listener of listeners) listener(update);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      for (const listener of connectionListeners) listener(false);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    async invoke(command): Promise<InvokeResult> {
      try {
        const response = await fetch(new URL('/api/commands', origin), {
          method: 'POST',
          headers,
          body: JSON.stringify(command),
        });
        return (await response.json()) as InvokeResult;
      } catch {
        return {
          ok: false,
          error: chamberError('internal', 'Chamber could not be reached; nothing was recorded. Check that it is still running.'),
        };
      }
    },
    async read<T extends Topic>(topic: T): Promise<TopicValue<T>> {
      const response = await fetch(new URL(`/api/topics/${encodeURIComponent(topic)}`, origin), { headers });
      const body = (await response.json()) as { ok: true; data: TopicValue<T> } | { ok: false; error: never };
      if (!body.ok) throw new ApiError(body.error);
      return body.data;
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
