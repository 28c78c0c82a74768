import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandSchemas } from '../../shared/commands';
import { renderApiDocs } from '../../scripts/apiDocs';

describe('docs/api.md', () => {
  it('is what the command schemas generate (run npm run docs:api if this fails)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');
    expect(onDisk).toBe(renderApiDocs());
  });

  it('lists every command', () => {
    const docs = renderApiDocs();
    for (const schema of commandSchemas) expect(docs).toContain(`## \`${schema.shape.type.value}\``);
  });
});
