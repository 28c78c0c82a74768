// Receipts: the heads the server holds for a device after a push, signed with the server's
// Ed25519 key over the JCS of the receipt without its signature. verifyReceipt is all a laptop
// (or anyone) needs to check one; it uses the public key the receipt carries, so compare that
// key with the one the server showed when the laptop was paired.
import { createPrivateKey, sign } from 'node:crypto';
import { receiptSignatureVerifies, receiptSigningBytes } from '../electron/core/sync/receiptSignature';
import { Receipt } from '../shared/sync/protocol';
import type { ServerIdentity } from './storage';

export type UnsignedReceipt = Omit<Receipt, 'signature' | 'serverId' | 'publicKey'>;

export const signReceipt = (identity: ServerIdentity, body: UnsignedReceipt): Receipt => {
  const unsigned: Omit<Receipt, 'signature'> = { serverId: identity.serverId, publicKey: identity.publicKey, ...body };
  const key = createPrivateKey({ key: Buffer.from(identity.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return { ...unsigned, signature: sign(null, receiptSigningBytes(unsigned), key).toString('base64') };
};

/**
 * Whether the receipt is well formed and signed by the key it carries. Pass `publicKey` (SPKI DER,
 * base64) to also require that key, e.g. the server's key the laptop recorded when it was paired.
 */
export const verifyReceipt = (receipt: unknown, publicKey?: string): boolean => {
  const parsed = Receipt.safeParse(receipt);
  if (!parsed.success) return false;
  if (publicKey !== undefined && publicKey !== parsed.data.publicKey) return false;
  // The one check of a signature, the laptop's own (electron/core/sync/receiptSignature.ts).
  return receiptSignatureVerifies(parsed.data);
};
