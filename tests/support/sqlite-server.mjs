// A test double, not Chamber: a tiny HTTP server that appends each POSTed body to a SQLite file
// in WAL mode with the synchronous setting it is given, then answers 200. With OFF (or NORMAL)
// it acknowledges before the WAL reaches the disk, which the durability check must catch.
// Usage: node sqlite-server.mjs FILE OFF|NORMAL|FULL
import BetterSqlite3 from 'better-sqlite3';
import { createServer } from 'node:http';

const [file, synchronous] = process.argv.slice(2);
if (!file || !['OFF', 'NORMAL', 'FULL'].includes(synchronous)) {
  process.stderr.write('Usage: node sqlite-server.mjs FILE OFF|NORMAL|FULL\n');
  process.exit(2);
}

const db = new BetterSqlite3(file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.exec('CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
const append = db.prepare('INSERT INTO events (body) VALUES (?)');

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const id = append.run(Buffer.concat(chunks).toString('utf8')).lastInsertRowid;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, id: Number(id) }));
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`pid ${process.pid}\nlistening on http://127.0.0.1:${server.address().port}\n`);
});

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  db.close();
  process.exit(0);
});
