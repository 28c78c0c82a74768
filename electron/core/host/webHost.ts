// Browser mode and the chamber network: the core's API over HTTP, live updates over WebSocket,
// and the built renderer. The same commands as Electron IPC, the same errors.
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chamberError, type ChamberError } from '../../../shared/errors';
import { isPublicTopic, type Topic } from '../../../shared/topics';
import type { Dispatcher } from '../dispatcher';

export interface WebHostOptions {
  core: Pick<Dispatcher, 'dispatch' | 'read' | 'subscribe'>;
  token: string;
  /** Folder holding the built renderer (index.html and assets). */
  staticDir: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Accept requests addressed to names other than the loopback ones (chamber network). */
  allowNetwork?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Only the UI may be framed or scripted from here: no inline code, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopbackAddress = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

const hostNameOf = (hostHeader: string | undefined): string => (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();

const tokensMatch = (given: string | undefined, token: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

const statusOf = (error: ChamberError): number =>
  ({
    invalid_command: 400,
    unknown_command: 400,
    not_found: 404,
    refused: 409,
    unauthorised: 401,
    too_large: 413,
    internal: 500,
  })[error.code];

const sendError = (reply: FastifyReply, error: ChamberError) => reply.code(statusOf(error)).send({ ok: false, error });

export const createWebHost = async (options: WebHostOptions): Promise<FastifyInstance> => {
  const { core, token, staticDir } = options;
  /** Requests that carried the clerk's token. */
  const clerks = new WeakMap<FastifyRequest, boolean>();
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    logger: false,
    // On shutdown, drop keep-alive and half-open connections rather than wait for them.
    forceCloseConnections: true,
    // Malformed URLs and similar are answered in the same shape as every other error.
    frameworkErrors: (error, _request, reply) =>
      sendError(reply, chamberError('invalid_command', `The request was not understood: ${error.message}`)),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const limitKb = Math.round((options.bodyLimit ?? DEFAULT_BODY_LIMIT) / 1024);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, chamberError('too_large', `The request is larger than the ${limitKb} KB allowed.`));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, chamberError('invalid_command', 'Commands must be sent as JSON (Content-Type: application/json).'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return sendError(reply, chamberError('invalid_command', `The request body is not valid JSON: ${error.message}`));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, chamberError('invalid_command', `The request was not understood: ${error.message}`));
    }
    request.log.error(error);
    process.stderr.write(`Chamber host error on ${request.method} ${request.url}: ${error.stack ?? error.message}\n`);
    return sendError(reply, chamberError('internal', 'Chamber hit an unexpected error; nothing was changed.'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, chamberError('not_found', `Nothing here: ${request.method} ${request.url.slice(0, 100)}`)),
  );

  // Refuse requests addressed to another name (DNS rebinding) unless serving the chamber network.
  app.addHook('onRequest', async (request, reply) => {
    if (!options.allowNetwork && !LOOPBACK_NAMES.has(hostNameOf(request.headers.host))) {
      return sendError(reply, chamberError('unauthorised', 'Requests must be addressed to 127.0.0.1 or localhost.'));
    }
    if (request.url.startsWith('/api/')) {
      const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
      const query = (request.query as { token?: string } | undefined)?.token;
      const given = bearer ?? query;
      clerks.set(request, tokensMatch(given, token));
      // The chamber display is public: its topic and the live channel (which then carries only
      // public topics) need no token. Everything else does; a wrong token is always refused.
      const publicRoute = request.url.startsWith('/api/live') || isPublicTopic(decodeURIComponent(request.url.slice('/api/topics/'.length).split('?')[0]));
      if (!clerks.get(request) && (given !== undefined || !publicRoute)) {
        return sendError(reply, chamberError('unauthorised', "The clerk's token is missing or wrong."));
      }
    }
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
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.post('/api/commands', async (request: FastifyRequest, reply) => {
    const outcome = core.dispatch(request.body);
    return outcome.ok ? reply.send(outcome) : sendError(reply, outcome.error);
  });

  app.get('/api/topics/:topic', async (request, reply) => {
    const { topic } = request.params as { topic: string };
    const outcome = core.read(topic as Topic);
    return outcome.ok ? reply.send(outcome) : sendError(reply, outcome.error);
  });

  app.get('/api/live', { websocket: true }, (socket, request) => {
    const clerk = clerks.get(request) === true;
    const unsubscribe = core.subscribe((update) => {
      if (clerk || isPublicTopic(update.topic)) socket.send(JSON.stringify(update));
    });
    socket.on('close', unsubscribe);
    socket.on('message', () => socket.close(1008, 'This channel only sends.'));
  });

  const indexHtml = async (forClerk: boolean) => {
    const html = await readFile(join(staticDir, 'index.html'), 'utf8');
    // The page served to the clerk's own computer carries the token, so the UI needs no set-up.
    // Pages fetched from elsewhere on the chamber network never do.
    return forClerk ? html.replace('<meta name="chamber-token" content="" />', `<meta name="chamber-token" content="${token}" />`) : html;
  };
  app.get('/', async (request, reply) => {
    try {
      const fromThisComputer = isLoopbackAddress((request.socket.remoteAddress ?? '').replace(/^::ffff:/, ''));
      return reply.type('text/html; charset=utf-8').send(await indexHtml(fromThisComputer));
    } catch {
      return sendError(reply, chamberError('not_found', 'The Chamber UI has not been built: run "npm run build", then reload.'));
    }
  });
  await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: false, wildcard: true });

  return app;
};
