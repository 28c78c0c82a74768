// Kill browser mode with SIGKILL straight after an acknowledgement: every acknowledged command
// must be there after a restart, and the hash chain must verify.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../electron/core/store/eventLog';
import { kccBody, kccMeeting, tempFolder } from '../support/meeting';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';

describe('crash safety', () => {
  const folder = tempFolder();
  let running: BrowserMode | undefined;
  afterAll(async () => {
    await running?.kill();
    folder.remove();
  });

  it('keeps every acknowledged command through repeated SIGKILLs', async () => {
    running = await startBrowserMode(folder.path);
    const body = await running.post(kccBody);
    const { bodyId } = body.body.result.ids;
    const created = await running.post({ type: 'meeting.create', bodyId, ...kccMeeting });
    expect(created.status).toBe(200);
    const { meetingId } = created.body.result.ids;
    let acknowledged = 1;
    const eventsBefore = 1; // body.created, in its own stream
    let lastTitle: string = kccMeeting.title;

    for (let round = 0; round < 3; round += 1) {
      const commandsThisRound = 5 + round * 7;
      for (let i = 0; i < commandsThisRound; i += 1) {
        const title = `County Council, round ${round}, edit ${i}`;
        const reply = await running.post({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, title });
        expect(reply.status).toBe(200);
        acknowledged += 1;
        lastTitle = title;
      }
      // Kill the moment the last acknowledgement arrived: no clean shutdown, no checkpoint.
      await running.kill('SIGKILL');
      running = await startBrowserMode(folder.path);
      const meeting = await running.read(`meeting:${meetingId}`);
      expect(meeting).toMatchObject({ ok: true, data: { title: lastTitle, seq: acknowledged } });
    }

    const db = new BetterSqlite3(join(folder.path, 'chamber.sqlite'), { readonly: true });
    expect(new EventLog(db).verify()).toEqual({ ok: true, events: eventsBefore + acknowledged });
    db.close();
  });
});
