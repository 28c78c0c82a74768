// Decisions about members' own devices: turning members' voting on or off for a meeting, a
// device paired (an internal decision, made when a device redeems its one-time code: see
// electron/core/memberDevices.ts) and a pairing withdrawn by the clerk with a reason.
import { notFound, refused } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { memberDisplayNames } from '../../../shared/state/body';
import { activeDeviceOf } from '../../../shared/state/meetingDevices';
import { withBodyOf, withMeeting } from './lookups';
import type { Decision, HandlerContext, Handlers, StateView } from './types';

export const memberDeviceHandlers: Handlers<'memberVoting.set' | 'memberDevice.revoke'> = {
  'memberVoting.set': (view, { meetingId, enabled }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if ((meeting.memberVoting === true) === enabled) return { events: [] };
      return { events: [{ stream: streams.meeting(meetingId), type: 'memberVoting.set', payload: { meetingId, enabled, time: ctx.now } }] };
    }),

  'memberDevice.revoke': (view, { meetingId, credentialId, reason }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      const device = meeting.devices[credentialId];
      if (!device) return { error: notFound('That device is not paired for this meeting.', 'credentialId', credentialId) };
      if (device.revokedAt !== undefined) return { error: refused("That device's pairing has already been withdrawn.", 'credentialId') };
      return {
        events: [{ stream: streams.meeting(meetingId), type: 'memberDevice.revoked', payload: { meetingId, memberId: device.memberId, credentialId, reason, time: ctx.now } }],
      };
    }),
};

/**
 * A device pairs for a member at a meeting: only while members' voting is on and the meeting is
 * not closed, for a member of its body, and only one device at a time per member (the clerk
 * withdraws the old pairing, with a reason, to pair another).
 */
export const decidePairing = (view: StateView, ctx: HandlerContext, pairing: { meetingId: string; memberId: string; credentialId: string; credentialHash: string }): Decision => {
  if (view.meeting(pairing.meetingId)?.status === 'closed') return { error: refused('The meeting has closed: devices can no longer be paired for it.', 'code') };
  return withMeeting(view, pairing.meetingId, (meeting) =>
    withBodyOf(view, meeting, (body) => {
      if (!meeting.memberVoting) return { error: refused("Members' voting from their own devices is turned off for this meeting: ask the clerk.", 'code') };
      const member = body.members.find((m) => m.id === pairing.memberId);
      if (!member) return { error: refused('That member is not a member of this body.', 'code') };
      if (activeDeviceOf(meeting, pairing.memberId)) {
        const name = memberDisplayNames(body.members)[pairing.memberId] ?? 'That member';
        return { error: refused(`${name} already has a device paired for this meeting: the clerk must withdraw it before another is paired.`, 'code') };
      }
      return { events: [{ stream: streams.meeting(pairing.meetingId), type: 'memberDevice.paired', payload: { ...pairing, time: ctx.now } }], ids: { credentialId: pairing.credentialId } };
    }),
  );
};
