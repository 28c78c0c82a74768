// The records server's certificate when the council uses its own (its own authority, or a
// certificate signed by itself): pasted by the clerk as PEM, checked here before it is kept, and
// then trusted for that server only, beside the usual authorities. Never a way to turn checking off.
import { X509Certificate } from 'node:crypto';
import { formatPackDate } from '../../../shared/format';

const BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

const nameOf = (distinguished: string): string => /(?:^|\n)CN=([^\n]+)/.exec(distinguished)?.[1] ?? distinguished.replace(/\n/g, ', ');
const dayOf = (openSslDate: string): string => formatPackDate(new Date(openSslDate).toISOString().slice(0, 10));

/** The PEM to keep (its certificates, nothing else), or why it cannot be, in words. */
export const checkedCertificate = (text: string, now: Date): string | { message: string } => {
  if (/PRIVATE KEY-----/.test(text)) {
    return { message: "That is a private key, not a certificate: the key must stay on the records server. Paste the certificate the records office gave (from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----)." };
  }
  const blocks = text.match(BLOCK) ?? [];
  if (blocks.length === 0) {
    return { message: "The records server's certificate must be the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, as the records office gave it (a PEM file)." };
  }
  for (const block of blocks) {
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(block);
    } catch {
      return { message: "The records server's certificate could not be read: it may have been cut short or changed. Paste it again, whole, from the file the records office gave." };
    }
    if (new Date(certificate.validTo).getTime() < now.getTime()) {
      return { message: `The certificate for "${nameOf(certificate.subject)}" expired on ${dayOf(certificate.validTo)}: ask the records office for the current one.` };
    }
  }
  return `${blocks.join('\n')}\n`;
};

/** What a kept certificate is, in words: whom it is for, until when, and its fingerprint to compare with the records office's. */
export const describeCertificate = (pem: string): string => {
  const unreadable = 'A certificate is kept for the records server, but it cannot be read: paste it again.';
  const [first] = pem.match(BLOCK) ?? [];
  if (!first) return unreadable;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(first);
  } catch {
    return unreadable;
  }
  const own = certificate.subject === certificate.issuer ? 'signed by itself' : `issued by "${nameOf(certificate.issuer)}"`;
  return `Trusted for this records server only: "${nameOf(certificate.subject)}", ${own}, valid until ${dayOf(certificate.validTo)} (SHA-256 fingerprint ${certificate.fingerprint256}).`;
};
