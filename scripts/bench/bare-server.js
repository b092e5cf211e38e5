// The machine's limit for an HTTP counter on SQLite: node:http and one better-sqlite3
// upsert per request, nothing else (no validation, no dedupe, no framework).
'use strict';

const http = require('http');
const Database = require('better-sqlite3');

const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'CREATE TABLE IF NOT EXISTS counts (document_id TEXT NOT NULL, day TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (document_id, day))'
);
const upsert = db.prepare(
  'INSERT INTO counts (document_id, day, count) VALUES (?, ?, 1) ON CONFLICT (document_id, day) DO UPDATE SET count = count + 1 RETURNING count'
);

const server = http.createServer((req, res) => {
  const id = req.url.split('/')[3] || 'x';
  const { count } = upsert.get(id, new Date().toISOString().slice(0, 10));
  req.resume();
  res.writeHead(202, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ data: { documentId: id, total: count } }));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`LISTENING http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
