// `npm run verify -- --data-dir FOLDER`: check a Chamber data file without changing it. Every
// stream's hash chain, every event against its schema, and that replaying the whole log gives
// exactly the state stored. Works while Chamber has the data open (it only reads).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE, defaultDataFolder } from './dataFolder';
import { openDatabase, StoreError } from './store/database';
import { EventLog } from './store/eventLog';
import { PROJECTION_FORMAT } from './store/projections';
import { storedProjectionFormat } from './store/rebuild';
import { describeVerifyReport, verifyRecord } from './store/verify';

const usage = 'Usage: npm run verify -- [--data-dir FOLDER] [--json]';

const main = (): number => {
  let args;
  try {
    args = parseArgs({ options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const folder = resolve(args['data-dir'] ?? defaultDataFolder());
  const file = join(folder, DATABASE_FILE);
  if (!existsSync(file)) {
    process.stderr.write(`There is no Chamber data file in ${folder} (looked for ${DATABASE_FILE}).\n`);
    return 2;
  }
  let db;
  try {
    db = openDatabase(file, { readOnly: true }).db;
  } catch (error) {
    process.stderr.write(`${error instanceof StoreError ? error.message : (error as Error).message}\n`);
    return 2;
  }
  try {
    if (storedProjectionFormat(db) !== PROJECTION_FORMAT) {
      // The stored state is of an older format: it is rebuilt from the log when Chamber next opens
      // the file. The log itself can still be checked.
      const chain = new EventLog(db).verify();
      const text = `The stored state is of an older format (it is rebuilt from the log when Chamber next opens this file), so only the log was checked.\nHash chains: ${chain.ok ? `intact (${chain.events} events)` : `broken at ${chain.brokenAt?.stream} event ${chain.brokenAt?.seq}: ${chain.brokenAt?.reason}`}.`;
      process.stdout.write(args.json ? `${JSON.stringify({ ok: chain.ok, chain, olderFormat: true })}\n` : `${text}\n`);
      return chain.ok ? 0 : 1;
    }
    const report = verifyRecord(db);
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${describeVerifyReport(report)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    db.close();
  }
};

process.exitCode = main();
