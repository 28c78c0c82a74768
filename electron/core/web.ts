// `npm run web`: the core under plain Node, serving the real UI and API. The clerk's screen is on
// this computer only (127.0.0.1); with --host ADDRESS --allow-network a second server shows the
// chamber display (later the chairman's and members' pages) on the chamber network.
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore, type Core } from './core';
import { clerkToken, defaultDataFolder } from './dataFolder';
import { createWebHost, isLoopbackAddress } from './host/webHost';
import { createMemberDevices } from './memberDevices';
import { createSyncClient } from './sync/syncClient';
import { DataLockError } from './store/dataLock';
import { StoreError } from './store/database';

const usage = [
  'Usage: npm run web -- [--port 4780] [--data-dir FOLDER] [--read-only]',
  '                      [--host ADDRESS --allow-network [--network-port 4781] [--cert FILE --key FILE]]',
  '',
  '  --port          the port of the clerk\'s screen on this computer (http://127.0.0.1:PORT/)',
  '  --host          an address on the chamber network to serve the chamber display on',
  '  --allow-network needed with --host: Chamber serves nothing beyond this computer unless told',
  '  --network-port  the port on the chamber network (default: the clerk\'s port + 1)',
  '  --cert, --key   the council\'s certificate and key (PEM): the chamber network is served over HTTPS',
  '  --read-only     open the data without changing it (e.g. while the desktop app has it open)',
].join('\n');

const fail = (message: string, code = 2): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const portOf = (text: string, name: string): number => {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`${name} must be a number from 0 to 65535.\n${usage}`);
  return port;
};

/** The addresses devices can use for a server listening on `host` (every interface's for 0.0.0.0). */
const reachableNames = (host: string): string[] => {
  if (host !== '0.0.0.0' && host !== '::') return [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host];
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === 'IPv4')
    .map((a) => a!.address);
};

const main = async () => {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '4780' },
        host: { type: 'string' },
        'network-port': { type: 'string' },
        'data-dir': { type: 'string' },
        'allow-network': { type: 'boolean', default: false },
        cert: { type: 'string' },
        key: { type: 'string' },
        'read-only': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
  if (args.help) return fail(usage, 0);
  const port = portOf(args.port, '--port');
  const networkHost = args.host !== undefined && !isLoopbackAddress(args.host) ? args.host : undefined;
  if (networkHost && !args['allow-network']) {
    return fail(`Chamber will only serve this computer (127.0.0.1) unless told otherwise. To serve the chamber network on ${networkHost}, add --allow-network.`);
  }
  if (args['allow-network'] && !networkHost) return fail(`--allow-network needs --host with the chamber network address to serve (e.g. --host 192.168.1.20).\n${usage}`);
  if ((args.cert === undefined) !== (args.key === undefined)) return fail('Give both --cert and --key (PEM files), or neither.');
  if (args.cert && !networkHost) return fail('--cert and --key serve the chamber network address over HTTPS: add --host ADDRESS --allow-network.');
  let https: { cert: Buffer; key: Buffer } | undefined;
  try {
    https = args.cert && args.key ? { cert: readFileSync(args.cert), key: readFileSync(args.key) } : undefined;
  } catch (error) {
    return fail(`Chamber could not read the certificate or key: ${(error as Error).message}`);
  }
  const networkPort = args['network-port'] !== undefined ? portOf(args['network-port'], '--network-port') : port === 0 ? 0 : port + 1;

  const dataFolder = resolve(args['data-dir'] ?? defaultDataFolder());
  const readOnly = args['read-only'];
  let core: Core;
  try {
    core = openCore(dataFolder, readOnly ? { readOnly: { reason: 'started with --read-only' } } : { holder: { kind: 'browser' } });
  } catch (error) {
    if (error instanceof StoreError || error instanceof DataLockError) return fail(error.message, 1);
    throw error;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = join(here, '..', 'renderer');
  const clerkHost = args.host !== undefined && isLoopbackAddress(args.host) ? args.host : '127.0.0.1';
  // Members' devices: one keeper for both hosts (the clerk gives codes, devices redeem them on the network).
  const memberDevices = readOnly ? undefined : createMemberDevices({ core });
  // Sync with the records server: the clerk's host only (the device key never reaches the chamber network).
  const sync = readOnly ? undefined : createSyncClient({ db: core.db, take: core.takeRecorded });
  sync?.startAutoSync();
  const clerk = await createWebHost({ core, role: 'clerk', token: clerkToken(dataFolder), staticDir, hostNames: [clerkHost], memberDevices, sync });
  const clerkUrl = (await clerk.listen({ host: clerkHost, port })).replace(/\/$/, '');
  const lines = ['Chamber is running in browser mode.', `  Clerk, on this computer:  ${clerkUrl}/`];
  let network: Awaited<ReturnType<typeof createWebHost>> | undefined;
  if (networkHost) {
    const names = reachableNames(networkHost);
    network = await createWebHost({ core, role: 'network', staticDir, hostNames: names, https, memberDevices });
    const address = await network.listen({ host: networkHost, port: networkPort });
    const listened = new URL(address).port;
    const scheme = https ? 'https' : 'http';
    memberDevices?.setNetworkUrl(`${scheme}://${names[0]}:${listened}`);
    lines.push(
      ...names.map((name) => `  Chamber network:          ${scheme}://${name}:${listened}/`),
      '                            (the chamber display: #/display/<meeting id>; members\' devices: #/member; never the clerk\'s screen)',
    );
  }
  core.lock?.describe({ address: `${clerkUrl}/` });
  lines.push(
    `  Data folder: ${dataFolder}${readOnly ? ' (read-only)' : ''}`,
    `  Clerk token: ${join(dataFolder, 'clerk-token')} (the clerk's page uses it automatically; it never leaves this computer)`,
    'Press Ctrl+C to stop.',
    '',
  );
  process.stdout.write(lines.join('\n'));
  const stop = async () => {
    // Every acknowledged command is already on disk; give open connections a moment, no more.
    setTimeout(() => process.exit(0), 2000).unref();
    sync?.stop();
    await Promise.all([clerk.close(), network?.close()]);
    core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
};

void main();
