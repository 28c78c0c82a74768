// Members' own devices at a meeting: whether members may vote from them, and each pairing as one
// part of the `devices` record keyed by its credential id (a pairing writes and pushes one small
// part, never a list of them). Pure: no Node, no DOM.
import type { RecordedEvent } from '../events';
import { head, put, type Change } from './parts';

export interface MemberDevice {
  credentialId: string;
  memberId: string;
  pairedAt: string;
  /** SHA-256 of the device's credential (hex): the credential itself is kept only on the device. */
  credentialHash: string;
  revokedAt?: string;
  revokeReason?: string;
}

export interface MeetingDevices {
  /** Members may vote from their own devices (off unless the clerk turns it on). */
  memberVoting?: boolean;
  /** Pairings by credential id. */
  devices: Record<string, MemberDevice>;
}

/** A member's pairing still in force at this meeting, if any. */
export const activeDeviceOf = (state: Pick<MeetingDevices, 'devices'>, memberId: string): MemberDevice | undefined =>
  Object.values(state.devices ?? {}).find((d) => d.memberId === memberId && d.revokedAt === undefined);

/** The changes an event of members' devices makes; undefined when it is not one of them. */
export const memberDeviceChanges = (state: MeetingDevices, event: RecordedEvent): Change[] | undefined => {
  switch (event.type) {
    case 'memberVoting.set':
      return [head({ memberVoting: event.payload.enabled ? true : null })];
    case 'memberDevice.paired': {
      const { credentialId, memberId, credentialHash, time } = event.payload;
      const device: MemberDevice = { credentialId, memberId, pairedAt: time, credentialHash };
      return [put('devices', credentialId, device)];
    }
    case 'memberDevice.revoked': {
      const { credentialId, reason, time } = event.payload;
      const before = state.devices?.[credentialId];
      return before ? [put('devices', credentialId, { ...before, revokedAt: time, revokeReason: reason })] : [];
    }
    default:
      return undefined;
  }
};
