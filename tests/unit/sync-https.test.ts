// The records server over HTTPS (`npm run server -- --cert C --key K`, a real process) with the
// council's own certificates, made here with openssl: one issued by the council's own authority,
// one signed by itself. The laptop trusts neither until the records server's certificate is
// pasted on the sync screen; until then it refuses in words and sends nothing, not even the
// device key. Trusted, the push goes up whole. What is pasted is checked first.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient } from '../../electron/core/sync/syncClient';
import { openSqliteStorage } from '../../server/sqliteStorage';
import { openTestCore, tempFolder, type TestCore } from '../support/meeting';
import { addDeviceByCommand, startServerProcess, type ServerProcess } from '../support/recordsServerProcess';

const NOT_TRUSTED =
  "The records server's certificate is not trusted by this laptop: it is signed by an authority this laptop does not know. If the council uses its own certificates, paste the records server's certificate (from the records office) on the sync screen; otherwise tell the records office. Nothing was sent, not even the device key.";

/** Throwaway certificates: the council's authority and a server certificate it issued, and a server certificate signed by itself; all for 127.0.0.1, valid for two days. */
const makeCertificates = (dir: string) => {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'authority.key', '-out', 'authority.pem', '-days', '2', '-subj', '/CN=Kent County Council test authority');
  openssl('req', ...ec, '-keyout', 'issued.key', '-out', 'issued.csr', '-subj', '/CN=records.kent.test');
  writeFileSync(join(dir, 'issued.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  openssl('x509', '-req', '-in', 'issued.csr', '-CA', 'authority.pem', '-CAkey', 'authority.key', '-CAcreateserial', '-out', 'issued.pem', '-days', '2', '-extfile', 'issued.ext');
  openssl('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1');
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { authority: read('authority.pem'), authorityKey: read('authority.key'), self: read('self.pem'), path: (name: string) => join(dir, name) };
};

describe('the records server over HTTPS with the council’s own certificates', () => {
  const folder = tempFolder('chamber-records-https-');
  let certificates: ReturnType<typeof makeCertificates>;
  let issued: { server: ServerProcess; dataDir: string; key: string };
  let selfSigned: { server: ServerProcess; dataDir: string; key: string };
  let core: TestCore;

  const serve = async (cert: string, key: string, name: string) => {
    const dataDir = join(folder.path, name);
    const storage = ['--data-dir', dataDir];
    const device = addDeviceByCommand('Clerk laptop', storage);
    const server = await startServerProcess([...storage, '--cert', certificates.path(cert), '--key', certificates.path(key)]);
    return { server, dataDir, key: device.key };
  };
  const heldBy = async (dataDir: string) => {
    const storage = openSqliteStorage(dataDir);
    try {
      return (await storage.summary()).reduce((sum, s) => sum + s.events, 0);
    } finally {
      await storage.close();
    }
  };

  beforeAll(async () => {
    certificates = makeCertificates(folder.path);
    [issued, selfSigned] = await Promise.all([serve('issued.pem', 'issued.key', 'issued'), serve('self.pem', 'self.key', 'self')]);
    core = openTestCore();
    core.kccMeeting();
  }, 30_000);
  afterAll(async () => {
    await issued?.server.kill();
    await selfSigned?.server.kill();
    core?.dispose();
    folder.remove();
  });

  it('serves https, and a laptop that does not trust its certificate refuses in words and sends nothing', async () => {
    expect(issued.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const sync = createSyncClient({ db: core.db, timeoutMs: 5_000 });
    expect(sync.configure({ serverUrl: issued.server.url, deviceKey: issued.key })).toMatchObject({ ok: true });
    await sync.push();
    expect(sync.status().lastError).toEqual({ at: expect.any(String), code: 'certificate_not_trusted', words: NOT_TRUSTED });
    // Another council's certificate is no better.
    expect(sync.configure({ serverCertificate: certificates.self })).toMatchObject({ ok: true });
    await sync.push();
    expect(sync.status().lastError?.words).toBe(NOT_TRUSTED);
    await sync.verify();
    expect(sync.status().lastError?.words).toBe(NOT_TRUSTED);
    expect(sync.status()).toMatchObject({ waitingTotal: core.eventCount() });
    expect(sync.status().lastSync).toBeUndefined();
    expect(await heldBy(issued.dataDir)).toBe(0);
    sync.stop();
  });

  it('trusting the council’s authority, the push goes up whole over https', async () => {
    const sync = createSyncClient({ db: core.db, timeoutMs: 5_000 });
    expect(sync.configure({ serverUrl: issued.server.url, deviceKey: issued.key, serverCertificate: certificates.authority })).toMatchObject({ ok: true });
    expect(sync.status().serverCertificate?.words).toMatch(
      /^Trusted for this records server only: "Kent County Council test authority", signed by itself, valid until \d{1,2} \w+ \d{4} \(SHA-256 fingerprint [0-9A-F:]{95}\)\.$/,
    );
    await sync.push();
    const status = sync.status();
    expect(status.lastError).toBeUndefined();
    expect(status).toMatchObject({ waitingTotal: 0, lastSync: { signatureVerified: true, receipt: { accepted: core.eventCount(), duplicates: 0 } } });
    await sync.verify();
    expect(sync.status().verification).toMatchObject({ ok: true });
    expect(await heldBy(issued.dataDir)).toBe(core.eventCount());
    // The same server by a name its certificate does not carry: not trusted, said so.
    expect(sync.configure({ serverUrl: issued.server.url.replace('127.0.0.1', 'localhost') })).toMatchObject({ ok: true });
    await sync.verify();
    expect(sync.status().lastError?.words).toBe(
      "The records server's certificate is not trusted by this laptop: it is for another address than localhost. Check the records server's address, then tell the records office. Nothing was sent, not even the device key.",
    );
    sync.stop();
  });

  it('trusting a certificate signed by itself, the push goes up to that server', async () => {
    const sync = createSyncClient({ db: core.db, timeoutMs: 5_000 });
    expect(sync.configure({ serverUrl: selfSigned.server.url, deviceKey: selfSigned.key, serverCertificate: certificates.self })).toMatchObject({ ok: true });
    await sync.push();
    expect(sync.status().lastError).toBeUndefined();
    expect(sync.status().lastOutcome?.words).toBe(`Sent ${core.eventCount()} events in 1 batch; every receipt's signature verified.`);
    expect(await heldBy(selfSigned.dataDir)).toBe(core.eventCount());
    // Removing the certificate removes the trust.
    expect(sync.configure({ serverCertificate: '' }).ok && sync.status().serverCertificate).toBeUndefined();
    await sync.verify();
    expect(sync.status().lastError?.words).toBe(NOT_TRUSTED);
    sync.stop();
  });

  it('checks what is pasted as the certificate, saying what is wrong', () => {
    const sync = createSyncClient({ db: core.db });
    const refusal = (serverCertificate: string, now?: () => Date) => {
      const answer = (now ? createSyncClient({ db: core.db, now }) : sync).configure({ serverCertificate });
      return answer.ok ? undefined : { field: answer.error.details.field, message: answer.error.message };
    };
    expect(refusal('records.kent.test')).toEqual({
      field: 'serverCertificate',
      message: "The records server's certificate must be the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, as the records office gave it (a PEM file).",
    });
    expect(refusal(certificates.authorityKey)?.message).toMatch(/^That is a private key, not a certificate: the key must stay on the records server\./);
    const [begin, ...lines] = certificates.authority.trim().split('\n');
    expect(refusal([begin, ...lines.slice(0, 3), ...lines.slice(5)].join('\n'))?.message).toBe(
      "The records server's certificate could not be read: it may have been cut short or changed. Paste it again, whole, from the file the records office gave.",
    );
    const inThreeDays = () => new Date(Date.now() + 3 * 24 * 60 * 60_000);
    expect(refusal(certificates.authority, inThreeDays)?.message).toMatch(/^The certificate for "Kent County Council test authority" expired on \d{1,2} \w+ \d{4}: ask the records office for the current one\.$/);
    // Text around the certificate (as some tools write it) is left out; the certificate is kept.
    expect(sync.configure({ serverCertificate: `Bag Attributes: none\n${certificates.self}` })).toMatchObject({ ok: true, data: { serverCertificate: { pem: certificates.self } } });
    expect(refusal('  \n')).toBeUndefined();
    expect(sync.status().serverCertificate).toBeUndefined();
  });
});
