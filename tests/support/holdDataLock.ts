// A process that takes a data folder's lock and waits, as browser mode or the desktop core would.
// Prints "holding <pid>" once it holds the lock, or "refused: <message>" and exits 3.
//   node --import tsx tests/support/holdDataLock.ts --folder DIR [--kind browser] [--address URL]
//        [--at EPOCH_MS]      (wait until then before taking it, so that several processes race)
//        [--drop-reference]   (forget the DataLock and collect garbage: the lock must survive;
//                              needs node --expose-gc)
import { parseArgs } from 'node:util';
import { acquireDataLock, DataLockError, type HolderKind } from '../../electron/core/store/dataLock';

const { values } = parseArgs({
  options: {
    folder: { type: 'string' },
    kind: { type: 'string', default: 'browser' },
    address: { type: 'string' },
    at: { type: 'string' },
    'drop-reference': { type: 'boolean', default: false },
  },
});
if (!values.folder) throw new Error('--folder is required');

const collectGarbage = async () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--drop-reference needs node --expose-gc');
  for (let i = 0; i < 5; i += 1) gc();
  await new Promise((done) => setTimeout(done, 50));
  gc();
};

if (values.at) await new Promise((done) => setTimeout(done, Math.max(0, Number(values.at) - Date.now())));

try {
  let lock: ReturnType<typeof acquireDataLock> | undefined = acquireDataLock(values.folder, { kind: values.kind as HolderKind });
  // Browser mode learns its address only once it listens.
  if (values.address) lock.describe({ address: values.address });
  if (values['drop-reference']) {
    lock = undefined;
    await collectGarbage();
  }
  process.stdout.write(`holding ${process.pid}\n`);
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof DataLockError)) throw error;
  process.stdout.write(`refused: ${error.message}\n`);
  process.exit(3);
}
