// A receipt is the records server's signed word for what it holds: Ed25519 over the UTF-8 bytes
// of JCS(the receipt without `signature`), the public key in the receipt (SPKI DER, base64).
import { createPublicKey, verify } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonicalJson';
import type { Receipt } from '../../../shared/sync/protocol';

/** The bytes a receipt's signature covers. */
export const receiptSigningBytes = (receipt: Omit<Receipt, 'signature'> & { signature?: string }): Buffer => {
  const unsigned: Record<string, unknown> = { ...receipt };
  delete unsigned.signature;
  return Buffer.from(canonicalJson(unsigned), 'utf8');
};

/** Whether the receipt's signature verifies with its own key (and that key is an Ed25519 key). */
export const receiptSignatureVerifies = (receipt: Receipt): boolean => {
  try {
    const key = createPublicKey({ key: Buffer.from(receipt.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, receiptSigningBytes(receipt), key, Buffer.from(receipt.signature, 'base64'));
  } catch {
    return false;
  }
};
