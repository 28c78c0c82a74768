// Devices' keys: 32 random bytes, base64url, shown once; only their SHA-256 is stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newDeviceKey = (): string => randomBytes(32).toString('base64url');

export const hashDeviceKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** Constant-time comparison of two hex hashes. */
export const sameHash = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
};

/** The key in an `Authorization: Bearer <key>` header, if any. */
export const bearerKey = (header: string | undefined): string | undefined => {
  const match = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header ?? '');
  return match?.[1];
};
