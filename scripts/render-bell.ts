// npm run bell: writes resources/division-bell.wav from scripts/divisionBell.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { divisionBellWav } from './divisionBell';

const file = fileURLToPath(new URL('../resources/division-bell.wav', import.meta.url));
writeFileSync(file, divisionBellWav());
console.log(`Wrote ${file}`);
