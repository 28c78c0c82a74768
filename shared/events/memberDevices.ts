// Facts of members' own devices. Never a secret: a pairing records the SHA-256 of the device's
// credential (256 random bits), never the credential or the pairing code.
import { z } from 'zod';
import { Id, Instant } from '../values';

const m = { meetingId: Id };

/** A SHA-256 digest, lower-case hex. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const memberDeviceEventSchemas = {
  'memberVoting.set': z.strictObject({ ...m, enabled: z.boolean(), time: Instant }),
  'memberDevice.paired': z.strictObject({ ...m, memberId: Id, credentialId: Id, credentialHash: Sha256Hex, time: Instant }),
  'memberDevice.revoked': z.strictObject({ ...m, memberId: Id, credentialId: Id, reason: z.string(), time: Instant }),
} as const;
