// A second process writing the data file as the core does (WAL, synchronous=FULL), one commit per
// line on stdin: "commit N" writes projection row meeting:N and prints "committed N"; "close" closes
// the database cleanly and exits. Prints "ready" once the file is open.
//   node --import tsx tests/support/writeData.ts FILE
import { createInterface } from 'node:readline';
import { openDatabase } from '../../electron/core/store/database';

const file = process.argv[2];
if (!file) throw new Error('usage: writeData.ts FILE');
const { db } = openDatabase(file);
const insert = db.prepare('INSERT INTO projections (stream, seq, state) VALUES (?, 1, ?)');
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const [verb, n] = line.trim().split(' ');
  if (verb === 'commit') {
    insert.run(`meeting:${n}`, JSON.stringify({ n }));
    process.stdout.write(`committed ${n}\n`);
  } else if (verb === 'close') {
    db.close();
    process.stdout.write('closed\n');
    process.exit(0);
  }
}
