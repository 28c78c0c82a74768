// Browser mode and the chamber network: the core's API over HTTP, live updates over WebSocket,
// and the built renderer. Two roles, each its own server on its own address:
//   - the clerk's host, on 127.0.0.1 only: the page it serves carries the clerk's token, and the
//     API takes the token in the Authorization header (or the WebSocket's first message);
//   - the chamber network's host, on the address the clerk chooses: the chamber display (and,
//     later, the chairman's and members' pages). It never serves or accepts the clerk's token, and
//     shows only what is public: a live meeting's display, nothing from a private session.
// Both answer only requests addressed to the exact host names they printed (DNS rebinding).
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import { chamberError, notFound, type ChamberError } from '../../../shared/errors';
import type { ChamberDisplay } from '../../../shared/state/display';
import { SYNC_OPERATION_NAMES, SYNC_ROUTES } from '../../../shared/syncApi';
import { isPublicTopic, isTopic, type StateUpdate, type Topic } from '../../../shared/topics';
import type { Dispatcher } from '../dispatcher';
import type { MemberAnswer, MemberDevices } from '../memberDevices';
import type { SyncClient } from '../sync/syncClient';
import { runSyncOperation, syncOperations } from '../sync/syncOperations';
import { httpStatusOf } from './httpStatus';
import { DEFAULT_BODY_LIMIT, SYNC_INPUT_LIMIT, tooLargeError } from './limits';

export { DEFAULT_BODY_LIMIT };

export type HostRole = 'clerk' | 'network';

export interface WebHostOptions {
  core: Pick<Dispatcher, 'dispatch' | 'read' | 'subscribe' | 'verify'>;
  role: HostRole;
  /** The clerk's token (clerk role only). */
  token?: string;
  /** Folder holding the built renderer (index.html and assets). */
  staticDir: string;
  /**
   * The host names this server answers to, exactly as printed for the clerk (e.g. "127.0.0.1"),
   * with the port it listens on. A request addressed to anything else is refused.
   */
  hostNames: string[];
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Serve HTTPS with the council's certificate. */
  https?: { cert: Buffer; key: Buffer };
  /** Most live connections one client address may hold at once. */
  maxSocketsPerClient?: number;
  /**
   * Members' own devices (electron/core/memberDevices.ts), shared by both hosts: the network host
   * serves the member routes (/api/member/...), the clerk's host the clerk's (/api/member-devices/...).
   */
  memberDevices?: MemberDevices;
  /**
   * Sync with the records server (electron/core/sync/): the clerk's host only. Its routes never
   * answer with the device key, only whether one is set; the chamber network host never has them.
   */
  sync?: SyncClient;
}

/** Largest request a member's device may send, in bytes. */
const MEMBER_BODY_LIMIT = 4 * 1024;

const WS_MAX_PAYLOAD = 64 * 1024;
const HELLO_WITHIN_MS = 10_000;
const MAX_TOPICS_PER_SOCKET = 64;
const MAX_PUBLIC_TOPICS_PER_SOCKET = 4;

/** Only the UI may be framed or scripted from here: no inline code, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const isLoopbackAddress = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

const tokensMatch = (given: string | undefined, token: string | undefined): boolean => {
  if (!given || !token) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

const sendError = (reply: FastifyReply, error: ChamberError, status = httpStatusOf(error)) => reply.code(status).send({ ok: false, error });

const unauthorised = (message: string) => chamberError('unauthorised', message);

const sendMember = (reply: FastifyReply, answer: MemberAnswer) => {
  if (answer.retryAfter) reply.header('Retry-After', String(answer.retryAfter));
  return reply.code(answer.status).send(answer.body);
};

const clientOf = (request: FastifyRequest): string => request.socket.remoteAddress ?? '';

/** What a request attempted, for the audit of members' devices: "POST /api/member/…". */
const attemptOf = (request: FastifyRequest): string => `${request.method} ${request.url.split('?')[0].slice(0, 100)}`;

/** Whether a meeting's display may be shown to anyone on the chamber network: only while it runs. */
const isLiveDisplay = (display: ChamberDisplay): boolean => display.status === 'in_progress' || display.status === 'adjourned';

interface LiveSocket {
  socket: WebSocket;
  /** Set once the first message has said who this is. */
  greeted: boolean;
  clerk: boolean;
  watching: Set<Topic>;
  /** Public displays this socket has been shown live, so it is told once when the meeting closes. */
  shownLive: Set<Topic>;
}

export const createWebHost = async (options: WebHostOptions): Promise<FastifyInstance> => {
  const { core, role, token, staticDir } = options;
  if (role === 'clerk' && !token) throw new Error("The clerk's host needs the clerk's token.");
  const names = options.hostNames.map((h) => h.toLowerCase());
  /** The Host header values answered: each name with the port listened on (alone too on the scheme's default port). */
  let hostNames = new Set<string>();
  const knownHosts = (): Set<string> => {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : undefined;
    if (port !== undefined && !hostNames.has(`${names[0]}:${port}`)) {
      const plain = port === (options.https ? 443 : 80);
      hostNames = new Set(names.flatMap((n) => [`${n}:${port}`, ...(plain ? [n] : [])]));
    }
    return hostNames;
  };
  const maxSockets = options.maxSocketsPerClient ?? (role === 'clerk' ? 32 : 8);
  /** Requests that carried the clerk's token. */
  const clerks = new WeakSet<FastifyRequest>();
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    logger: false,
    ...(options.https ? { https: options.https } : {}),
    // On shutdown, drop keep-alive and half-open connections rather than wait for them.
    forceCloseConnections: true,
    // Malformed URLs and similar are answered in the same shape as every other error.
    frameworkErrors: (error, _request, reply) => sendError(reply, chamberError('invalid_command', `The request was not understood: ${error.message}`)),
  });
  const scheme = options.https ? 'https' : 'http';

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const members = options.memberDevices;
    if (role === 'network' && members && request.url.startsWith('/api/member/')) {
      // A member's request that could not be read at all: refused, audited, never a 500.
      const error400 = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? tooLargeError(MEMBER_BODY_LIMIT) : chamberError('invalid_command', error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Requests must be sent as JSON (Content-Type: application/json).' : 'The request body is not valid JSON.');
      const status = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 413 : 400;
      return sendMember(reply, members.badRequest(clientOf(request), attemptOf(request), { status, body: { ok: false, error: error400 } }));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, tooLargeError(options.bodyLimit ?? DEFAULT_BODY_LIMIT));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, chamberError('invalid_command', 'Commands must be sent as JSON (Content-Type: application/json).'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return sendError(reply, chamberError('invalid_command', `The request body is not valid JSON: ${error.message}`));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, chamberError('invalid_command', `The request was not understood: ${error.message}`), error.statusCode === 403 ? 403 : 400);
    }
    process.stderr.write(`Chamber host error on ${request.method} ${request.url}: ${error.stack ?? error.message}\n`);
    return sendError(reply, chamberError('internal', 'Chamber hit an unexpected error; nothing was changed.'));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = chamberError('not_found', `Nothing here: ${request.method} ${request.url.slice(0, 100)}`);
    // A member's device asking for something that is not there (a GET to a vote, a made-up route): audited.
    if (role === 'network' && options.memberDevices && request.url.startsWith('/api/member/')) {
      return sendMember(reply, options.memberDevices.badRequest(clientOf(request), attemptOf(request), { status: 404, body: { ok: false, error } }));
    }
    return sendError(reply, error);
  });

  app.addHook('onRequest', async (request, reply) => {
    // Only the names this server printed: a page on another name (DNS rebinding) gets nothing.
    const host = (request.headers.host ?? '').toLowerCase();
    if (!knownHosts().has(host)) {
      const shown = [...knownHosts()][0] ?? '';
      return sendError(reply, unauthorised(`This server answers only to ${scheme}://${shown}/ — open that address.`));
    }
    if (!request.url.startsWith('/api/')) return;
    const path = request.url.split('?')[0];
    if (/[?&]token=/.test(request.url)) {
      return sendError(reply, unauthorised("The clerk's token is never sent in an address: send it in the Authorization header."));
    }
    const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (bearer !== undefined) {
      if (role === 'network') return sendError(reply, unauthorised("The clerk's token is not accepted on the chamber network: it stays on the clerk's computer."));
      if (!tokensMatch(bearer, token)) return sendError(reply, unauthorised("The clerk's token is wrong."));
      clerks.add(request);
      return;
    }
    // Members' devices on the chamber network: their own credential, and their own rate.
    if (role === 'network' && options.memberDevices && path.startsWith('/api/member/')) {
      const limited = options.memberDevices.limitClient(clientOf(request), attemptOf(request));
      return limited ? sendMember(reply, limited) : undefined;
    }
    // Without the token: the live channel (which then carries only public topics) and the public topics.
    if (path === '/api/live') return;
    if (path.startsWith('/api/topics/') && isPublicTopic(decodeURIComponent(path.slice('/api/topics/'.length)))) return;
    return sendError(reply, unauthorised("The clerk's token is missing."));
  });
  // A refused WebSocket handshake leaves its socket outside the HTTP server's keeping: end it.
  app.addHook('onResponse', async (request) => {
    if (request.headers.upgrade) request.raw.socket?.destroy();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
    if (options.https) reply.header('Strict-Transport-Security', 'max-age=31536000');
  });

  /** What a client without the token may read: a public topic of a meeting that is running. */
  const readPublic = (topic: Topic): { ok: true; data: unknown } | { ok: false; error: ChamberError } => {
    const value = core.read(topic);
    if (!value.ok) return value;
    return isLiveDisplay(value.data as ChamberDisplay) ? value : { ok: false, error: notFound('That meeting is not being shown on the chamber network (it is not in progress).', 'topic') };
  };

  if (role === 'clerk') {
    app.post('/api/commands', async (request, reply) => {
      const outcome = core.dispatch(request.body);
      return outcome.ok ? reply.send(outcome) : sendError(reply, outcome.error);
    });
    app.get('/api/verify', async (_request, reply) => reply.send({ ok: true, data: core.verify() }));
  }

  const sync = options.sync;
  if (sync && role === 'clerk') {
    // Each of the clerk's sync operations at its route (shared/syncApi.ts), run from the one table
    // the desktop app's core runs too. Those that start work (push, verify) answer at once with
    // 202; the screen follows them through GET /api/sync.
    for (const operation of SYNC_OPERATION_NAMES) {
      const { method, path } = SYNC_ROUTES[operation];
      app.route({
        method,
        url: path,
        bodyLimit: SYNC_INPUT_LIMIT,
        handler: async (request, reply) => {
          const answer = await runSyncOperation(sync, operation, method === 'GET' ? undefined : request.body);
          return answer.ok ? reply.code(syncOperations[operation].startsWork ? 202 : 200).send(answer) : sendError(reply, answer.error);
        },
      });
    }
  }

  const members = options.memberDevices;
  if (members && role === 'clerk') {
    // The clerk gives a member a pairing code (a POST: it makes one), and reads the refusals.
    app.post('/api/member-devices/codes', async (request, reply) => sendMember(reply, members.issueCode(request.body)));
    app.get('/api/member-devices/:meetingId/refusals', async (request, reply) => sendMember(reply, members.refusals((request.params as { meetingId: string }).meetingId)));
  }
  if (members && role === 'network') {
    // A member's device: pair with a code; then, with its credential, read its page, vote, ask to speak.
    // Nothing changes on a GET.
    const caller = (request: FastifyRequest) => ({ client: clientOf(request), authorization: request.headers.authorization });
    const meetingIdOf = (request: FastifyRequest) => (request.params as { meetingId: string }).meetingId;
    const small = { bodyLimit: MEMBER_BODY_LIMIT };
    app.post('/api/member/pair', small, async (request, reply) => sendMember(reply, members.pair(request.body, caller(request))));
    app.get('/api/member/meetings/:meetingId', async (request, reply) => sendMember(reply, members.status(meetingIdOf(request), caller(request))));
    app.post('/api/member/meetings/:meetingId/vote', small, async (request, reply) => sendMember(reply, members.vote(meetingIdOf(request), request.body, caller(request))));
    app.post('/api/member/meetings/:meetingId/speak', small, async (request, reply) => sendMember(reply, members.speak(meetingIdOf(request), request.body, caller(request))));
  }

  app.get('/api/topics/:topic', async (request, reply) => {
    const { topic } = request.params as { topic: string };
    if (!isTopic(topic)) return sendError(reply, notFound(`There is no topic called "${topic.slice(0, 80)}".`, 'topic'));
    const outcome = clerks.has(request) ? core.read(topic) : readPublic(topic);
    return outcome.ok ? reply.send(outcome) : sendError(reply, outcome.error);
  });

  // Live updates. The first message says who is there ({ kind: 'hello', token? }); then the client
  // says what it watches ({ kind: 'watch', topics }): it gets each topic's whole value, then its
  // changes. Without the clerk's token, a socket may watch a few chamber displays and nothing else.
  const sockets = new Set<LiveSocket>();
  const perClient = new Map<string, number>();
  const send = (live: LiveSocket, update: StateUpdate | { kind: string; [k: string]: unknown }) => {
    if (live.socket.readyState === live.socket.OPEN) live.socket.send(JSON.stringify(update));
  };
  const forward = (live: LiveSocket, update: StateUpdate) => {
    if (!live.watching.has(update.topic)) return;
    if (live.clerk) return send(live, update);
    if (!('data' in update) || !isPublicTopic(update.topic)) return;
    const display = update.data as ChamberDisplay;
    if (isLiveDisplay(display)) {
      live.shownLive.add(update.topic);
      send(live, update);
    } else if (live.shownLive.delete(update.topic)) {
      // It was being shown: say it has ended (closed), and nothing more.
      send(live, update);
    }
  };
  const unsubscribe = core.subscribe((update) => {
    for (const live of sockets) forward(live, update);
  });
  app.addHook('onClose', async () => unsubscribe());

  const snapshot = (live: LiveSocket, topic: Topic) => {
    const value = live.clerk ? core.read(topic) : readPublic(topic);
    if (value.ok) {
      if (!live.clerk) live.shownLive.add(topic);
      send(live, { topic, data: value.data });
    } else {
      send(live, { topic, error: value.error });
    }
  };

  const onMessage = (live: LiveSocket, raw: string) => {
    let message: { kind?: unknown; token?: unknown; topics?: unknown };
    try {
      message = JSON.parse(raw);
    } catch {
      return live.socket.close(1008, 'Messages must be JSON.');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return live.socket.close(1008, 'Messages must be JSON objects.');
    if (!live.greeted) {
      if (message.kind !== 'hello') return live.socket.close(1008, 'Say hello first.');
      if (message.token !== undefined) {
        if (role === 'network') return live.socket.close(1008, "The clerk's token is not accepted on the chamber network.");
        if (typeof message.token !== 'string' || !tokensMatch(message.token, token)) return live.socket.close(1008, "The clerk's token is wrong.");
        live.clerk = true;
      }
      live.greeted = true;
      return send(live, { kind: 'welcome', clerk: live.clerk });
    }
    if (message.kind !== 'watch' || !Array.isArray(message.topics)) return live.socket.close(1008, 'Unknown message.');
    const wanted = message.topics.filter((t): t is Topic => typeof t === 'string' && isTopic(t));
    const limit = live.clerk ? MAX_TOPICS_PER_SOCKET : MAX_PUBLIC_TOPICS_PER_SOCKET;
    if (wanted.length !== message.topics.length || wanted.length > limit || (!live.clerk && !wanted.every(isPublicTopic))) {
      return live.socket.close(1008, live.clerk ? 'Those are not topics.' : 'Only chamber displays can be watched without the clerk\'s token.');
    }
    const next = new Set(wanted);
    for (const topic of live.watching) if (!next.has(topic)) live.shownLive.delete(topic);
    const added = wanted.filter((t) => !live.watching.has(t));
    live.watching = next;
    for (const topic of added) snapshot(live, topic);
  };

  await app.register(fastifyWebsocket, { options: { maxPayload: WS_MAX_PAYLOAD } });
  app.get(
    '/api/live',
    {
      websocket: true,
      // Refuse before the upgrade: a page from another origin, or too many sockets from one client.
      preValidation: async (request, reply) => {
        const origin = request.headers.origin;
        if (origin !== undefined && origin.toLowerCase() !== `${scheme}://${(request.headers.host ?? '').toLowerCase()}`) {
          return sendError(reply, unauthorised('Live updates are only for pages Chamber serves.'), 403);
        }
        const client = request.socket.remoteAddress ?? '';
        if ((perClient.get(client) ?? 0) >= maxSockets) {
          return reply.code(429).send({ ok: false, error: chamberError('refused', 'Too many live connections from this device; close some windows.') });
        }
      },
    },
    (socket, request) => {
      const client = request.socket.remoteAddress ?? '';
      perClient.set(client, (perClient.get(client) ?? 0) + 1);
      const live: LiveSocket = { socket, greeted: false, clerk: false, watching: new Set(), shownLive: new Set() };
      sockets.add(live);
      const timer = setTimeout(() => live.greeted || socket.close(1008, 'Say hello first.'), HELLO_WITHIN_MS);
      socket.on('message', (data) => {
        try {
          onMessage(live, String(data));
        } catch (error) {
          // A message we failed to handle ends this connection, never the server.
          process.stderr.write(`Chamber live channel error: ${(error as Error).stack ?? String(error)}\n`);
          socket.close(1011, 'Chamber could not handle that message.');
        }
      });
      socket.on('close', () => {
        clearTimeout(timer);
        sockets.delete(live);
        const left = (perClient.get(client) ?? 1) - 1;
        if (left > 0) perClient.set(client, left);
        else perClient.delete(client);
      });
    },
  );

  const indexHtml = async (): Promise<string> => {
    const html = await readFile(join(staticDir, 'index.html'), 'utf8');
    // The page served to the clerk's own computer carries the token, so the UI needs no set-up.
    // The chamber network's pages never do.
    if (role !== 'clerk') return html;
    return html.replace('<meta name="chamber-token" content="" />', `<meta name="chamber-token" content="${token}" />`);
  };
  app.get('/', async (_request, reply) => {
    let html: string;
    try {
      html = await indexHtml();
    } catch {
      return sendError(reply, chamberError('not_found', 'The Chamber UI has not been built: run "npm run build", then reload.'));
    }
    return reply.type('text/html; charset=utf-8').send(html);
  });
  await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: false, wildcard: true, dotfiles: 'deny' });

  return app;
};
