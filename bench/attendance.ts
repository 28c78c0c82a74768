// Marking attendance for the whole membership, one member at a time, through the API: in
// process (dispatcher → commit) and over HTTP as browser mode serves it; against the bare
// durable insert measured in the same run.
import { createWebHost } from '../electron/core/host/webHost';
import { kcc2015Membership } from '../tests/support/kcc2015';
import { openTestCore, type TestCore } from '../tests/support/meeting';
import { alternately, bareInserter } from './commandRoundTrip';
import { median, ms, percentile, type Row } from './stats';
import { performance } from 'node:perf_hooks';

const MEETINGS = 8;

const meetingInProgress = (core: TestCore, bodyId: string) => {
  const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: 'County Council', date: '2015-10-22', startTime: '10:00', venue: '' });
  core.send({ type: 'agenda.addItem', meetingId, item: { number: '1', title: 'Apologies for Absence', kind: 'apologies' } });
  core.send({ type: 'meeting.start', meetingId });
  return meetingId;
};

export const benchAttendance = async (): Promise<Row[]> => {
  const bare = bareInserter();
  const baseline: number[] = [];
  const core = openTestCore();
  const { bodyId } = core.send({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' });
  core.send({ type: 'member.import', bodyId, source: 'csv', members: kcc2015Membership() });
  const members = (core.read(`body:${bodyId}`) as { ok: true; data: { members: { id: string }[] } }).data.members;

  const inProcess: number[] = [];
  for (let m = 0; m < MEETINGS; m += 1) {
    const meetingId = meetingInProgress(core, bodyId);
    const [base, marks] = alternately(members.length, bare.insert, (i) => {
      if (i < 0) return; // warming up the baseline only
      const outcome = core.dispatch({ type: 'attendance.mark', meetingId, memberId: members[i].id, state: 'present' });
      if (!outcome.ok) throw new Error(outcome.error.message);
    });
    baseline.push(...base);
    inProcess.push(...marks);
  }

  const token = 'bench-token-0123456789abcdefghijklmnopqrstuvwxyz';
  const app = await createWebHost({ core, role: 'clerk', token, staticDir: core.folder, hostNames: ['127.0.0.1'] });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const overHttp: number[] = [];
  for (let m = 0; m < MEETINGS; m += 1) {
    const meetingId = meetingInProgress(core, bodyId);
    for (const member of members) {
      const start = performance.now();
      const response = await fetch(`${url}/api/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'attendance.mark', meetingId, memberId: member.id, state: 'present' }),
      });
      await response.json();
      overHttp.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    }
  }
  await app.close();
  core.dispose();
  bare.close();
  const base = median(baseline);
  return [
    {
      measure: `Mark attendance, ${members.length} members one by one (dispatch)`,
      p50: ms(median(inProcess)),
      p99: ms(percentile(inProcess, 99)),
      baseline: ms(base),
      ratio: `${(median(inProcess) / base).toFixed(2)}×`,
      goal: '',
    },
    {
      measure: `Mark attendance, ${members.length} members one by one (HTTP)`,
      p50: ms(median(overHttp)),
      p99: ms(percentile(overHttp, 99)),
      baseline: ms(base),
      ratio: `${(median(overHttp) / base).toFixed(2)}×`,
      goal: '',
    },
  ];
};
