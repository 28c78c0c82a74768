import { writeFileSync } from 'node:fs';
import { renderApiDocs } from './apiDocs';

writeFileSync('docs/api.md', renderApiDocs());
console.log('Wrote docs/api.md');
