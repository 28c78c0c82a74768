// Every acknowledgement follows the fsync of its commit. The crash test (SIGKILL) cannot tell: the
// operating system's page cache outlives the process. So trace browser mode's system calls with
// strace and check their order: the last write to the WAL before each "200 OK" is followed by an
// fsync of the WAL before the response is written. The same check on a store with
// synchronous=OFF (and NORMAL) must fail, or it proves nothing.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { checkAcknowledgements, parseTrace, startSqliteServer, straceCommand, straceRequirement, type SqliteServer } from '../support/durability';
import { kccBody, kccMeeting, tempFolder } from '../support/meeting';
import { describeWhere } from '../support/skips';

// Lines as `strace -f -y -o FILE` writes them.
const WAL = '/tmp/data/chamber.sqlite-wal';
const walWrite = (pid = 100) => `${pid} pwrite64(26<${WAL}>, "\\0\\0\\0\\2\\0\\0\\0\\0\\335\\33"..., 4096, 53616) = 4096`;
const walSync = (pid = 100) => `${pid} fsync(26<${WAL}>) = 0`;
const response = (status: string, pid = 100) =>
  `${pid} writev(29<socket:[71538]>, [{iov_base="HTTP/1.1 ${status}\\r\\ncontent-type: a"..., iov_len=569}, {iov_base="", iov_len=0}], 2) = 569`;
const trace = (...lines: string[]) => lines.join('\n');

describe('the acknowledgement checker, on hand-written traces', () => {
  it('passes write(WAL) → fsync(WAL) → response', () => {
    const report = checkAcknowledgements(trace(walWrite(), walWrite(), walSync(), response('200 OK')));
    expect(report).toEqual({ responses: [{ status: 200, line: 4, wroteWal: true, syncedWal: true }], violations: [] });
  });

  it('flags a response with no fsync after the last write, and a command that synced nothing', () => {
    const report = checkAcknowledgements(trace(walWrite(), walSync(), response('200 OK'), walWrite(), response('200 OK')));
    expect(report.violations).toEqual([
      `response 2 (200, trace line 5): its command never synced chamber.sqlite-wal`,
      `response 2 (200, trace line 5): chamber.sqlite-wal was last written at trace line 4 and not synced before the acknowledgement`,
    ]);
  });

  it('flags an fsync that came before the last write', () => {
    const report = checkAcknowledgements(trace(walWrite(), walSync(), walWrite(), response('200 OK')));
    expect(report.violations).toEqual([
      `response 1 (200, trace line 4): chamber.sqlite-wal was last written at trace line 3 and not synced before the acknowledgement`,
    ]);
  });

  it('flags an fsync of another file, and one that failed', () => {
    const mainFile = `100 fsync(19</tmp/data/chamber.sqlite>) = 0`;
    const failed = `100 fsync(26<${WAL}>) = -1 EIO (Input/output error)`;
    expect(checkAcknowledgements(trace(walWrite(), mainFile, response('200 OK'))).violations).toHaveLength(2);
    expect(checkAcknowledgements(trace(walWrite(), failed, response('200 OK'))).violations).toHaveLength(2);
  });

  it('flags a response written by another thread while the fsync was still running', () => {
    const report = checkAcknowledgements(
      trace(walWrite(), `100 fsync(26<${WAL}> <unfinished ...>`, response('200 OK', 101), `100 <... fsync resumed>) = 0`),
    );
    expect(report.violations).toEqual([
      `response 1 (200, trace line 3): its command never synced chamber.sqlite-wal`,
      `response 1 (200, trace line 3): chamber.sqlite-wal was last written at trace line 1 and not synced before the acknowledgement`,
    ]);
    // Finished before the response started: fine.
    const finished = checkAcknowledgements(trace(walWrite(), `100 fsync(26<${WAL}> <unfinished ...>`, `100 <... fsync resumed>) = 0`, response('200 OK', 101)));
    expect(finished.violations).toEqual([]);
  });

  it('asks nothing of refusals, and ignores other socket and pipe writes', () => {
    const report = checkAcknowledgements(
      trace(
        `100 write(1<pipe:[7001]>, "Chamber is running in browser mo"..., 260) = 260`,
        `100 write(18<socket:[72529]>, "\\v\\34\\0\\0&\\0\\0\\0\\6\\4\\0\\0\\0\\7\\0\\0\\0command"..., 7183) = 7183`,
        response('400 Bad Request'),
      ),
    );
    expect(report).toEqual({ responses: [{ status: 400, line: 3, wroteWal: false, syncedWal: false }], violations: [] });
  });

  it('reads strace’s own line formats', () => {
    expect(parseTrace(trace(`[pid 12] fdatasync(5</d/x.sqlite-wal>) = 0`, `+++ exited with 0 +++`, `12 --- SIGTERM {si_signo=SIGTERM} ---`))).toEqual([
      { pid: 12, call: 'fdatasync', fd: 5, target: '/d/x.sqlite-wal', args: '', result: 0, start: 0, end: 0 },
    ]);
  });
});

describeWhere(straceRequirement(), 'acknowledgements follow the fsync of the commit, traced with strace', () => {
  let folder: ReturnType<typeof tempFolder>; // made only if the suite runs
  beforeAll(() => {
    folder = tempFolder('chamber-strace-');
  });
  let running: BrowserMode | SqliteServer | undefined;
  afterEach(async () => {
    if (running && 'kill' in running) await running.kill();
    else await running?.stop();
    running = undefined;
  });
  afterAll(() => folder.remove());

  it('browser mode acknowledges each command only after writing and syncing the WAL', async () => {
    const traceFile = join(folder.path, 'browser-mode.trace');
    const chamber = await startBrowserMode(join(folder.path, 'browser-mode'), { wrap: straceCommand(traceFile) });
    running = chamber;
    const statuses: number[] = [];
    const send = async (command: unknown) => {
      const reply = await chamber.post(command);
      statuses.push(reply.status);
      return reply.body;
    };
    await send({ type: 'no.such.command' });
    const { bodyId } = (await send(kccBody)).result.ids;
    await send({ type: 'meeting.create', bodyId: '00000000-0000-4000-8000-000000000000', ...kccMeeting }); // no such body
    const { meetingId } = (await send({ type: 'meeting.create', bodyId, ...kccMeeting })).result.ids;
    for (let edit = 1; edit <= 3; edit += 1) {
      await send({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, title: `County Council, edit ${edit}` });
    }
    await chamber.kill(); // strace has written the whole trace when it exits
    running = undefined;

    expect(statuses).toEqual([400, 200, 404, 200, 200, 200, 200]);
    const report = checkAcknowledgements(readFileSync(traceFile, 'utf8'));
    // The trace holds the same responses, in the same order, as the client saw.
    expect(report.responses.map((r) => r.status)).toEqual(statuses);
    // A refusal writes nothing.
    expect(report.responses[2]).toMatchObject({ status: 404, wroteWal: false, syncedWal: false });
    expect(report.violations).toEqual([]);
  });

  it('catches a store that acknowledges before the WAL is on disk (synchronous=OFF, NORMAL); passes it with FULL', async () => {
    const violationsWith = async (synchronous: 'OFF' | 'NORMAL' | 'FULL') => {
      const traceFile = join(folder.path, `sqlite-${synchronous}.trace`);
      const dataDir = join(folder.path, `sqlite-${synchronous}`);
      mkdirSync(dataDir);
      const server = await startSqliteServer(dataDir, synchronous, straceCommand(traceFile));
      running = server;
      for (let i = 0; i < 3; i += 1) expect(await server.post({ type: 'meeting.updateDetails', title: `edit ${i}` })).toBe(200);
      await server.stop();
      running = undefined;
      const report = checkAcknowledgements(readFileSync(traceFile, 'utf8'));
      expect(report.responses.map((r) => r.status)).toEqual([200, 200, 200]);
      return report.violations;
    };
    expect(await violationsWith('FULL')).toEqual([]);
    const off = await violationsWith('OFF');
    expect(off.filter((v) => v.includes('not synced before the acknowledgement'))).toHaveLength(3);
    const normal = await violationsWith('NORMAL');
    expect(normal.filter((v) => v.includes('not synced before the acknowledgement'))).toHaveLength(3);
  });
});
