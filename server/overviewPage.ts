// A read-only page at / for the records officer: the meetings received, from which devices, how
// many events each, and whether each copy's chain verifies now. It asks for the admin token given
// on the command line (HTTP Basic, any user name); without one it shows nothing but how to turn it on.
// For a meeting received from two or more devices it shows the conflicts between the copies, open
// and resolved: the conflicting facts' words and each copy's value, nothing else of the events.
import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { checkStream } from './chain';
import { meetingConflicts, resolutionWords } from './conflictResolutions';
import type { RecordsStorage, StreamSummary } from './storage';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chamber records server</title></head><body><h1>Chamber records server</h1>${body}</body></html>`;

const tokenGiven = (header: string | undefined, token: string): boolean => {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const given = Buffer.from(decoded.slice(decoded.indexOf(':') + 1));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
};

export const registerOverview = (app: FastifyInstance, storage: RecordsStorage, adminToken: string | undefined): void => {
  app.get('/', async (request, reply) => {
    reply.header('Content-Security-Policy', "default-src 'none'").header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
    if (!adminToken) return page('<p>The overview is off. Start the server with <code>--admin-token TOKEN</code> to see what it holds.</p>');
    if (!tokenGiven(request.headers.authorization, adminToken))
      return reply.code(401).header('WWW-Authenticate', 'Basic realm="Chamber records server", charset="UTF-8"').send(page('<p>Give the admin token as the password.</p>'));
    const rows: string[] = [];
    const summary = await storage.summary();
    for (const s of summary.filter((s) => s.stream.startsWith('meeting:'))) {
      const fault = checkStream(await storage.events(s.device, s.stream));
      const state = fault ? `does not verify: ${fault.message}` : 'verifies';
      rows.push(`<tr><td>${escape(s.stream.slice(8))}</td><td>${escape(s.deviceName)}</td><td>${s.events}</td><td>${escape(state)}</td></tr>`);
    }
    return page(
      rows.length === 0
        ? '<p>No meetings received yet.</p>'
        : `<table><thead><tr><th>Meeting</th><th>Device</th><th>Events</th><th>Hash chain</th></tr></thead><tbody>${rows.join('')}</tbody></table>${await conflictSections(storage, summary)}`,
    );
  });
};

/** A section per meeting received from two or more devices: its conflicts, open and resolved, in words. */
const conflictSections = async (storage: RecordsStorage, summary: readonly StreamSummary[]): Promise<string> => {
  const copies = new Map<string, number>();
  for (const s of summary) if (s.stream.startsWith('meeting:')) copies.set(s.stream.slice(8), (copies.get(s.stream.slice(8)) ?? 0) + 1);
  const sections: string[] = [];
  for (const [meetingId, count] of copies) {
    if (count < 2) continue;
    const found = await meetingConflicts(storage, meetingId, summary);
    if (!found) continue;
    const open = found.conflicts.filter((c) => c.open).length;
    const items = found.conflicts.map((c) => {
      const values = c.values.map((v) => `<li>${escape(v.deviceName)} (<code>${escape(v.device)}</code>): ${escape(v.value)}</li>`).join('');
      const [label, detail] = c.resolution
        ? ['Resolved', resolutionWords(c.resolution)]
        : c.outdated
          ? ['Open', `resolved earlier, but the copies have changed since (${resolutionWords(c.outdated)})`]
          : ['Open', ''];
      return `<li><p><strong>${label}</strong>${detail ? `: ${escape(detail)}` : ''}</p><p>${escape(c.words)}</p><p>Key: <code>${escape(c.key)}</code></p><ul>${values}</ul></li>`;
    });
    const conflicts = found.conflicts.length === 0 ? 'no conflicts' : `${open} open, ${found.conflicts.length - open} resolved`;
    const partial = found.comparison.notRecorded.length;
    const counts = `${count} copies: ${conflicts}; ${partial === 1 ? '1 fact' : `${partial} facts`} recorded by some copies only (not conflicts).`;
    sections.push(`<section><h3>Meeting ${escape(meetingId)}</h3><p>${escape(counts)}</p>${items.length ? `<ol>${items.join('')}</ol>` : ''}</section>`);
  }
  return sections.length ? `<h2>Conflicts between copies</h2><p>Resolve one with <code>npm run server -- resolve MEETING_ID KEY --keep DEVICE_ID --by "Name" --reason "…"</code>.</p>${sections.join('')}` : '';
};
