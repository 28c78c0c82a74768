// `npm run web`: the core under plain Node, serving the real UI and API on this computer.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore } from './core';
import { clerkToken, defaultDataFolder } from './dataFolder';
import { createWebHost, isLoopbackAddress } from './host/webHost';
import { StoreError } from './store/database';

const usage = `Usage: npm run web -- [--port 4780] [--host 127.0.0.1] [--data-dir FOLDER] [--allow-network]`;

const fail = (message: string, code = 2): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const main = async () => {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '4780' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string' },
        'allow-network': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
  if (args.help) return fail(usage, 0);
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port must be a number from 0 to 65535.\n${usage}`);
  if (!isLoopbackAddress(args.host) && !args['allow-network']) {
    return fail(
      `Chamber will only listen on this computer (127.0.0.1) unless told otherwise. To serve ${args.host} ` +
        'on the chamber network, add --allow-network.',
    );
  }
  const dataFolder = resolve(args['data-dir'] ?? defaultDataFolder());
  let core;
  try {
    core = openCore(dataFolder);
  } catch (error) {
    if (error instanceof StoreError) return fail(error.message, 1);
    throw error;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const app = await createWebHost({
    core,
    token: clerkToken(dataFolder),
    staticDir: join(here, '..', 'renderer'),
    allowNetwork: args['allow-network'],
  });
  const address = await app.listen({ host: args.host, port });
  const url = address.replace('[::1]', 'localhost');
  process.stdout.write(
    [
      'Chamber is running in browser mode.',
      `  Open:        ${url}/`,
      `  Data folder: ${dataFolder}`,
      `  Clerk token: ${join(dataFolder, 'clerk-token')} (the page above uses it automatically)`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = async () => {
    // Every acknowledged command is already on disk; give open connections a moment, no more.
    setTimeout(() => process.exit(0), 2000).unref();
    await app.close();
    core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
};

void main();
