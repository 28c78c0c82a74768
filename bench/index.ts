// `npm run bench`: whole-process and per-command figures, each beside a bare baseline measured
// in the same run on the same machine. Medians and p99; never used as pass/fail in tests.
import { arch, cpus, platform } from 'node:os';
import { benchAttendance } from './attendance';
import { benchClockTick } from './clockTick';
import { benchCommandCost } from './commandCost';
import { benchCommandRoundTrip } from './commandRoundTrip';
import { benchLiveScreen } from './liveScreen';
import { benchMinutes } from './minutes';
import { benchOpenMeeting } from './openMeeting';
import { benchProcessStart } from './processStart';
import { benchSpeakerChange } from './speakerChange';
import { benchSync } from './sync';
import { benchSyncStatus } from './syncStatus';
import { benchVotes } from './votes';
import { printTable, type Row } from './stats';

const rows: Row[] = [];
console.log(`Chamber benchmarks — Node ${process.version}, ${platform()} ${arch()}, ${cpus().length} cores, ${cpus()[0]?.model ?? ''}`);
console.log('Running… (a few minutes)\n');

rows.push(...benchCommandRoundTrip());
rows.push(...benchCommandCost());
rows.push(...benchOpenMeeting());
rows.push(...benchLiveScreen());
rows.push(...benchSpeakerChange());
rows.push(...(await benchAttendance()));
rows.push(...(await benchVotes()));
rows.push(...(await benchMinutes()));
rows.push(...(await benchSync()));
rows.push(...(await benchSyncStatus()));
rows.push(...(await benchProcessStart()));
rows.push(...(await benchClockTick()));

printTable(rows);
