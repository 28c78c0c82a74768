// Commands of members' own devices on the chamber network. The clerk turns members' voting on for
// a meeting (off by default) and may withdraw a device's pairing, with a reason. Pairing itself
// (a one-time code typed or scanned on the member's device) and a member's own vote are not
// commands the clerk sends: they come in over the chamber network (electron/core/memberDevices.ts),
// bound to the member and the meeting by the device's credential.
import { z } from 'zod';
import { Id, Line, orMissing } from '../values';

export const setMemberVoting = z
  .strictObject({
    type: z.literal('memberVoting.set'),
    meetingId: Id,
    enabled: z.boolean({ error: orMissing('must be true or false') }).describe('True to let members vote from their own devices at this meeting; false to stop it.'),
  })
  .describe("Turn members' voting from their own devices on or off for a meeting (off unless the clerk turns it on).");

export const revokeMemberDevice = z
  .strictObject({
    type: z.literal('memberDevice.revoke'),
    meetingId: Id,
    credentialId: Id.describe('The pairing withdrawn (from the meeting\'s `devices`).'),
    reason: Line(300).describe('Why, for the record: e.g. "Phone lost", "Paired to the wrong member".'),
  })
  .describe("Withdraw a member's device's pairing for this meeting: it can do nothing more. The clerk may then give the member a new code.");

export const memberDeviceCommands = [setMemberVoting, revokeMemberDevice] as const;
