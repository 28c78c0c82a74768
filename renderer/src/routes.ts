// Screens and their addresses. The address is the source of truth, so reload and Back work.
import { bodyTopic, displayTopic, meetingTopic, type Topic } from '../../shared/topics';

export type Route =
  | { screen: 'meetings' }
  | { screen: 'meeting'; meetingId: string }
  | { screen: 'agenda'; meetingId: string }
  | { screen: 'live'; meetingId: string }
  | { screen: 'display'; meetingId: string }
  | { screen: 'chairman'; meetingId: string }
  /** The draft minutes of a meeting, with the clerk's edits. */
  | { screen: 'minutes'; meetingId: string }
  | { screen: 'bodies' }
  | { screen: 'body'; bodyId: string }
  | { screen: 'standingOrders'; bodyId: string }
  | { screen: 'settings' }
  /** Sync with the records server: its address, the device key, what is waiting, Sync now. */
  | { screen: 'sync' }
  /** A member's own device on the chamber network: pair (with the code from a QR, if any), then vote. */
  | { screen: 'member'; meetingId?: string; code?: string };

const ID = '([0-9a-f-]{36})';
const patterns: [RegExp, (id: string) => Route][] = [
  [new RegExp(`^#/meetings/${ID}$`), (meetingId) => ({ screen: 'meeting', meetingId })],
  [new RegExp(`^#/meetings/${ID}/agenda$`), (meetingId) => ({ screen: 'agenda', meetingId })],
  [new RegExp(`^#/meetings/${ID}/live$`), (meetingId) => ({ screen: 'live', meetingId })],
  [new RegExp(`^#/display/${ID}$`), (meetingId) => ({ screen: 'display', meetingId })],
  [new RegExp(`^#/chair/${ID}$`), (meetingId) => ({ screen: 'chairman', meetingId })],
  [new RegExp(`^#/minutes/${ID}$`), (meetingId) => ({ screen: 'minutes', meetingId })],
  [new RegExp(`^#/bodies/${ID}$`), (bodyId) => ({ screen: 'body', bodyId })],
  [new RegExp(`^#/bodies/${ID}/standing-orders$`), (bodyId) => ({ screen: 'standingOrders', bodyId })],
];

export const routeFromHash = (hash: string): Route => {
  if (hash === '#/bodies') return { screen: 'bodies' };
  const member = /^#\/member(?:\/([0-9a-f-]{36}))?(?:\?code=([A-Za-z0-9-]{1,20}))?$/.exec(hash);
  if (member) return { screen: 'member', ...(member[1] ? { meetingId: member[1] } : {}), ...(member[2] ? { code: member[2] } : {}) };
  if (hash === '#/settings') return { screen: 'settings' };
  if (hash === '#/sync') return { screen: 'sync' };
  for (const [pattern, route] of patterns) {
    const match = pattern.exec(hash);
    if (match) return route(match[1]);
  }
  return { screen: 'meetings' };
};

export const hashOf = (route: Route): string => {
  switch (route.screen) {
    case 'meetings':
      return '#/';
    case 'meeting':
      return `#/meetings/${route.meetingId}`;
    case 'agenda':
      return `#/meetings/${route.meetingId}/agenda`;
    case 'live':
      return `#/meetings/${route.meetingId}/live`;
    case 'display':
      return `#/display/${route.meetingId}`;
    case 'chairman':
      return `#/chair/${route.meetingId}`;
    case 'minutes':
      return `#/minutes/${route.meetingId}`;
    case 'bodies':
      return '#/bodies';
    case 'body':
      return `#/bodies/${route.bodyId}`;
    case 'standingOrders':
      return `#/bodies/${route.bodyId}/standing-orders`;
    case 'settings':
      return '#/settings';
    case 'sync':
      return '#/sync';
    case 'member':
      return `#/member${route.meetingId ? `/${route.meetingId}` : ''}${route.code ? `?code=${route.code}` : ''}`;
  }
};

/** What each screen reads. A meeting screen also reads its body, for names and standing orders. */
export const topicsOf = (route: Route): Topic[] => {
  switch (route.screen) {
    case 'meetings':
      return ['meetings', 'bodies'];
    case 'meeting':
    case 'agenda':
      return [meetingTopic(route.meetingId), 'bodies'];
    case 'live':
    case 'chairman':
    case 'minutes':
      return [meetingTopic(route.meetingId)];
    case 'display':
      return [displayTopic(route.meetingId)];
    case 'bodies':
      return ['bodies'];
    case 'body':
    case 'standingOrders':
      return [bodyTopic(route.bodyId)];
    case 'settings':
    case 'sync':
      return ['settings'];
    case 'member':
      return route.meetingId ? [displayTopic(route.meetingId)] : [];
  }
};
