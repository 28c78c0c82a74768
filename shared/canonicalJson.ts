// Canonical JSON (RFC 8785, the JSON Canonicalization Scheme), so the same value always hashes
// the same, on the laptop, on the records server, and for anyone checking the record. The
// `canonicalize` package implements the RFC; see docs/record-format.md for what is hashed.
import canonicalize from 'canonicalize';

export const canonicalJson = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('This value has no JSON form (undefined, a function or a symbol).');
  return text;
};

/** The hash before the first event of a stream. */
export const GENESIS_HASH = '0'.repeat(64);
