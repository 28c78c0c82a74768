// A member's own device talking to Chamber on the chamber network: pair with the clerk's code,
// then read its page, vote and ask to speak with its credential, sent as
// "Authorization: Member <credential>" (never in an address). The credential is kept in this
// page's localStorage, one per meeting. Each vote carries a request id of the page's making; a
// retry of the same click sends the same id, so it never counts twice.
import type { ChamberError } from '../../../shared/errors';
import type { IssuedCode, MemberStatus, Receipt, Refusal } from '../../../shared/memberDevicesApi';

export type { IssuedCode, MemberStatus, Receipt, Refusal };

export interface MemberReply<T> {
  status: number;
  ok: boolean;
  data?: T;
  error?: ChamberError;
}

export interface Pairing {
  credential: string;
  credentialId: string;
  meetingId: string;
  memberId: string;
  memberName?: string;
}

const unreachable = (): MemberReply<never> => ({
  status: 0,
  ok: false,
  error: { code: 'internal', message: 'Chamber could not be reached: check the connection to the chamber network, then try again.', details: { unreachable: true } },
});

const call = async <T,>(path: string, init: { method?: string; credential?: string; body?: unknown } = {}): Promise<MemberReply<T>> => {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.credential ? { authorization: `Member ${init.credential}` } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch {
    return unreachable();
  }
  try {
    const body = (await response.json()) as { ok: true; data: T } | { ok: false; error: ChamberError };
    return body.ok ? { status: response.status, ok: true, data: body.data } : { status: response.status, ok: false, error: body.error };
  } catch {
    return { status: response.status, ok: false, error: { code: 'internal', message: 'Chamber gave an answer this page could not read; try again.', details: {} } };
  }
};

/** A request id: 128 random bits (crypto.randomUUID needs HTTPS; this does not). */
export const newRequestId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export const memberClient = {
  pair: (code: string) => call<Pairing>('/api/member/pair', { body: { code } }),
  status: (meetingId: string, credential: string) => call<MemberStatus>(`/api/member/meetings/${meetingId}`, { credential }),
  /** A vote; on a lost connection, sent once more with the same request id (it counts once). */
  async vote(meetingId: string, credential: string, vote: { divisionId: string; choice: Receipt['choice'] }) {
    const body = { requestId: newRequestId(), ...vote };
    const first = await call<{ receipt: Receipt }>(`/api/member/meetings/${meetingId}/vote`, { credential, body });
    return first.status === 0 ? call<{ receipt: Receipt }>(`/api/member/meetings/${meetingId}/vote`, { credential, body }) : first;
  },
  speak: (meetingId: string, credential: string) => call<{ onSpeakersList: boolean; atLocal: string }>(`/api/member/meetings/${meetingId}/speak`, { credential, body: { requestId: newRequestId() } }),
};

const storageKey = (meetingId: string) => `chamber.member.${meetingId}`;

/** This device's pairing for a meeting, if it has one. */
export const storedPairing = (meetingId: string): Pairing | undefined => {
  try {
    const text = localStorage.getItem(storageKey(meetingId));
    return text ? (JSON.parse(text) as Pairing) : undefined;
  } catch {
    return undefined;
  }
};
export const storePairing = (pairing: Pairing): void => localStorage.setItem(storageKey(pairing.meetingId), JSON.stringify(pairing));
export const forgetPairing = (meetingId: string): void => localStorage.removeItem(storageKey(meetingId));

const clerkToken = (): string => document.querySelector<HTMLMetaElement>('meta[name="chamber-token"]')?.content ?? '';

/** Whether this page can reach the clerk's routes for members' devices (browser mode on the clerk's computer). */
export const clerkDevicesAvailable = (): boolean => window.chamber === undefined && clerkToken() !== '';

const clerkCall = async <T,>(path: string, body?: unknown): Promise<MemberReply<T>> => {
  try {
    const response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${clerkToken()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const answer = (await response.json()) as { ok: true; data: T } | { ok: false; error: ChamberError };
    return answer.ok ? { status: response.status, ok: true, data: answer.data } : { status: response.status, ok: false, error: answer.error };
  } catch {
    return unreachable();
  }
};

export const clerkDevicesClient = {
  issueCode: (meetingId: string, memberId: string) => clerkCall<IssuedCode>('/api/member-devices/codes', { meetingId, memberId }),
  refusals: (meetingId: string) => clerkCall<{ count: number; latest: Refusal[] }>(`/api/member-devices/${meetingId}/refusals`),
};
