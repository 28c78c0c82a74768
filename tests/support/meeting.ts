// Small builders for tests that read like the meeting: a real core on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from '../../shared/commands';
import type { ChamberError } from '../../shared/errors';
import { openCore, type Core, type CoreOptions } from '../../electron/core/core';

export const tempFolder = (prefix = 'chamber-test-'): { path: string; remove(): void } => {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
};

/** A clock the test moves by hand. */
export const testClock = (start = '2015-10-22T09:00:00.000Z') => {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
};

export const kccBody = { type: 'body.create', name: 'Kent County Council', kind: 'full_council' } as const;

/** The 22 October 2015 meeting's details; add a bodyId. */
export const kccMeeting = {
  title: 'County Council',
  date: '2015-10-22',
  startTime: '10:00',
  venue: 'Council Chamber, Sessions House, County Hall, Maidstone',
} as const;

export const createMeetingCommand = (
  bodyId: string,
  overrides: Partial<Omit<Extract<Command, { type: 'meeting.create' }>, 'type'>> = {},
): Command => ({
  type: 'meeting.create',
  bodyId,
  ...kccMeeting,
  ...overrides,
});

export interface TestCore extends Core {
  folder: string;
  /** Send a command and fail the test if it is refused; returns the ids it made. */
  send(command: Command): Record<string, string>;
  /** Send a command that must be refused, leaving the log as it was; returns the refusal. */
  refusal(command: unknown): ChamberError;
  /** Kent County Council as a body, and its 22 October 2015 meeting. */
  kccMeeting(): { bodyId: string; meetingId: string };
  eventCount(): number;
  reopen(): TestCore;
  dispose(): void;
}

export const openTestCore = (options: CoreOptions & { folder?: string } = {}): TestCore => {
  const temp = options.folder ? undefined : tempFolder();
  const folder = options.folder ?? temp!.path;
  const core = openCore(folder, options);
  return {
    ...core,
    folder,
    send(command) {
      const outcome = core.dispatch(command);
      if (!outcome.ok) throw new Error(`${command.type} was refused: ${outcome.error.message}`);
      return outcome.result.ids;
    },
    refusal(command) {
      const before = this.eventCount();
      const outcome = core.dispatch(command);
      if (this.eventCount() !== before) throw new Error('a refused command changed the log');
      if (outcome.ok) throw new Error(`${(command as { type?: string }).type} should have been refused`);
      return outcome.error;
    },
    kccMeeting() {
      const { bodyId } = this.send(kccBody);
      const { meetingId } = this.send(createMeetingCommand(bodyId));
      return { bodyId, meetingId };
    },
    eventCount: () => (core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
    reopen() {
      core.close();
      return openTestCore({ ...options, folder });
    },
    dispose() {
      core.close();
      temp?.remove();
    },
  };
};
