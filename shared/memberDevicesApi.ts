// What the routes of members' own devices answer (electron/core/memberDevices.ts serves them;
// renderer/src/api/memberClient.ts reads them): one set of shapes for both sides. Types only.
import type { VoteChoice } from './commands/division';
import type { DisplayDivision } from './state/display';

/** What was recorded for the member, as their device shows it. */
export interface Receipt {
  divisionId: string;
  choice: VoteChoice;
  /** "For", "Against", "Abstain". */
  choiceWords: string;
  recordedAt: string;
  /** The time recorded, 24-hour with seconds, in the installation's time zone. */
  recordedAtLocal: string;
  enteredBy: 'clerk' | 'member';
}

/** The member's page: GET /api/member/meetings/<id>. */
export interface MemberStatus {
  meetingId: string;
  memberId: string;
  memberName: string;
  body: string;
  title: string;
  date: string;
  status: string;
  memberVoting: boolean;
  onSpeakersList: boolean;
  /** The member's vote in the latest division, if any. */
  receipt?: Receipt;
  /** The server's time when it answered, so the page's countdowns can allow for its own clock being out. */
  serverNow: string;
  /** In a private session (the chamber display then shows nothing): the division, its question withheld; null when none. */
  privateDivision?: DisplayDivision | null;
}

/** A pairing code the clerk gives a member: POST /api/member-devices/codes. */
export interface IssuedCode {
  meetingId: string;
  memberId: string;
  memberName?: string;
  code: string;
  codeShown: string;
  issuedAt: string;
  expiresAt: string;
  expiresAtLocal: string;
  /** The member's page with the code, for the QR; null when Chamber is not serving the chamber network. */
  url: string | null;
}

/** A refused request from a device, as the audit keeps it: GET /api/member-devices/<id>/refusals. */
export interface Refusal {
  id: number;
  at: string;
  meetingId: string | null;
  memberId: string | null;
  credentialId: string | null;
  client: string;
  attempted: string;
  reason: string;
  status: number;
}
