// Browser mode serving the chamber network, as the end-to-end tests of the display and of members'
// phones start it: on this machine's own network address (the tests skip, saying why, where there
// is none), with a committee sitting and devices opened from the network address.
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { expect } from './fixtures';

/** This machine's first network address besides loopback, if it has one. */
export const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === 'IPv4')?.address;

export interface ChamberOnNetwork {
  chamber: BrowserMode;
  /** The chamber network's address, as browser mode printed it (no trailing slash). */
  network: string;
  /** A clerk's command that must be recorded: its ids. */
  must(command: Record<string, unknown>): Promise<Record<string, string>>;
  /** Stop browser mode and remove its data. */
  stop(): Promise<void>;
}

/** Browser mode (the built app) with the chamber network on `lanAddress`, on data of its own. */
export const startChamberOnNetwork = async (name: string): Promise<ChamberOnNetwork> => {
  const dataDir = mkdtempSync(join(tmpdir(), `chamber-e2e-${name}-`));
  const chamber = await startBrowserMode(dataDir, { built: true, args: ['--host', lanAddress!, '--allow-network'] });
  const network = new RegExp(`Chamber network:\\s+(http://${lanAddress!.replace(/\./g, '\\.')}:\\d+)/`).exec(chamber.output())![1];
  const must = async (command: Record<string, unknown>) => {
    const reply = await chamber.post(command);
    expect(reply.body, JSON.stringify(reply.body)).toMatchObject({ ok: true });
    return reply.body.result.ids as Record<string, string>;
  };
  const stop = async () => {
    await chamber.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { chamber, network, must, stop };
};

/**
 * A committee sitting: its members (the first the chairman) all present, the meeting started, its
 * one item taken, and a motion moved by `mover` and seconded by `seconder`.
 */
export const sittingCommittee = async (
  { chamber, must }: ChamberOnNetwork,
  setting: { name: string; surnames: readonly string[]; standingOrders: StandingOrders; venue: string; item: string; wording: string; mover: string; seconder: string },
) => {
  const { bodyId } = await must({ type: 'body.create', name: setting.name, kind: 'committee' });
  await must({ type: 'body.setStandingOrders', bodyId, standingOrders: setting.standingOrders });
  const members = setting.surnames.map((surname, i) => ({ title: 'Mr', initials: [], surname, honours: [], group: '', roles: i === 0 ? ['Chairman'] : [], voting: true }));
  await must({ type: 'member.import', bodyId, source: 'csv', members });
  const body = (await chamber.read(`body:${bodyId}`)).data as BodyState;
  const id = (surname: string) => body.members.find((m) => m.surname === surname)!.id;
  const { meetingId } = await must({ type: 'meeting.create', bodyId, title: setting.name, date: '2026-07-01', startTime: '10:00', venue: setting.venue });
  await must({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: setting.item, kind: 'report' }] });
  for (const m of body.members) await must({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
  await must({ type: 'meeting.start', meetingId });
  const itemId = ((await chamber.read(`meeting:${meetingId}`)).data as MeetingState).agenda[0].itemId;
  await must({ type: 'item.start', meetingId, itemId });
  const { motionId } = await must({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: setting.wording, moverId: id(setting.mover), seconderId: id(setting.seconder) });
  return { bodyId, meetingId, itemId, motionId, id };
};

/** A member's phone: its own browser context (own storage, own pairing), a phone's size, touch; the page at `url`. */
export const openPhone = async (browser: Browser, url: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', timezoneId: 'Europe/London', hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await phone.goto(url);
  return phone;
};
