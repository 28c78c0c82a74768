import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandSchemas } from '../../shared/commands';
import { renderApiDocs, type CommandSchema } from '../../scripts/apiDocs';

/** One command's part of the docs: its heading to the next command's. */
const sectionOf = (docs: string, command: string): string => {
  const start = docs.indexOf(`\n## \`${command}\`\n`);
  expect(start, `no section for ${command}`).toBeGreaterThan(-1);
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end === -1 ? undefined : end);
};

/** The table that follows a heading, up to the next heading. */
const tableUnder = (section: string, heading: string): string => {
  const start = section.indexOf(`\n${heading}\n`);
  expect(start, `no heading ${heading}`).toBeGreaterThan(-1);
  const end = section.indexOf('\n#', start + 1);
  return section.slice(start, end === -1 ? undefined : end);
};

const row = (field: string): string => `| \`${field}\` |`;

/** GitHub's heading anchors, written again here so that a slip in the generator's shows. */
const anchorsOf = (markdown: string): Set<string> => {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}_ -]/gu, '')
      .replace(/ /g, '-');
    const count = counts.get(base);
    counts.set(base, (count ?? -1) + 1);
    anchors.add(count === undefined ? base : `${base}-${count + 1}`);
  }
  return anchors;
};

interface Json {
  properties?: Record<string, Json>;
  items?: Json;
  anyOf?: Json[];
  oneOf?: Json[];
  additionalProperties?: boolean | Json;
  const?: unknown;
}

describe('docs/api.md', () => {
  it('is what the command schemas generate (run npm run docs:api if this fails)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');
    expect(onDisk).toBe(renderApiDocs());
  });

  it('lists every command', () => {
    const docs = renderApiDocs();
    for (const schema of commandSchemas) expect(docs).toContain(`## \`${schema.shape.type.value}\``);
  });

  it("shows a member's fields, an agenda item's and the standing orders', not just \"object\"", () => {
    const docs = renderApiDocs();

    const member = tableUnder(sectionOf(docs, 'member.add'), '### `member` fields');
    for (const field of ['title', 'forenames', 'initials', 'surname', 'honours', 'group', 'roles', 'voting']) expect(member).toContain(row(field));
    expect(member).toMatch(/\| `surname` \| string \(min length 1, max length 80\) \| yes \| Surname as written/);
    expect(sectionOf(docs, 'member.import')).toContain('### `members[]` fields');

    const agenda = sectionOf(docs, 'agenda.import');
    expect(agenda).toMatch(/\| `items` \| array \(1 to 300 items\) of objects \(see \[`items\[\]` fields\]\(#items-fields\)\)/);
    const item = tableUnder(agenda, '### `items[]` fields');
    for (const field of ['number', 'title', 'pages', 'kind']) expect(item).toContain(row(field));
    const pages = tableUnder(agenda, '### `items[].pages` fields');
    for (const field of ['from', 'to']) expect(pages).toContain(row(field));

    const orders = sectionOf(docs, 'body.setStandingOrders');
    const bell = tableUnder(orders, '### `standingOrders.divisionBell` fields');
    expect(bell).toMatch(/\| `seconds` \| integer \(≥ 0, ≤ 600\) \| no \(default `60`\) \|/);
    expect(bell).toContain(row('chairmanMaySkip'));
    expect(orders).toContain('### `standingOrders.quorum`: one of');
    const fraction = tableUnder(orders, '#### `standingOrders.quorum` when `kind` is `"fraction"`');
    for (const field of ['kind', 'numerator', 'denominator', 'composition']) expect(fraction).toContain(row(field));
    const fixed = tableUnder(orders, '#### `standingOrders.quorum` when `kind` is `"fixed"`');
    for (const field of ['kind', 'count', 'composition']) expect(fixed).toContain(row(field));
    expect(fixed).not.toContain(row('numerator'));
    const composition = tableUnder(orders, '### `standingOrders.quorum.composition` fields');
    for (const field of ['groups', 'minimumEach']) expect(composition).toContain(row(field));
    // Shared by both kinds of quorum, documented once.
    expect(orders.split('### `standingOrders.quorum.composition` fields')).toHaveLength(2);
    for (const part of ['speechLimits', 'virtualAttendanceCounts', 'recordedVote']) expect(orders).toContain(`### \`standingOrders.${part}\` fields`);
  });

  it("names no field's type as a bare object or a list of its keys", () => {
    const types = renderApiDocs()
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split(' | ')[1]);
    for (const type of types) {
      expect(type).not.toMatch(/^(array .*of )?object$/);
      expect(type).not.toMatch(/^(array .*of )?\{/);
    }
  });

  it("documents every field at every depth in its command's section", () => {
    const docs = renderApiDocs();
    const names = new Set<string>(commandSchemas.map((schema) => schema.shape.type.value));
    for (const schema of commandSchemas) {
      const command = schema.shape.type.value;
      const section = sectionOf(docs, command);
      const visit = (json: Json, root: boolean): void => {
        // A whole command inside this one is documented in its own section (and linked).
        const inner = json.properties?.type?.const;
        if (!root && typeof inner === 'string' && names.has(inner)) {
          expect(section).toContain(`[\`${inner}\`](#${inner.replace(/\./g, '').toLowerCase()})`);
          return;
        }
        for (const [name, property] of Object.entries(json.properties ?? {})) {
          expect(section, `${command}: ${name}`).toContain(row(name));
          visit(property, false);
        }
        if (json.items) visit(json.items, false);
        for (const variant of [...(json.anyOf ?? []), ...(json.oneOf ?? [])]) visit(variant, false);
        if (typeof json.additionalProperties === 'object') visit(json.additionalProperties, false);
      };
      visit(z.toJSONSchema(schema, { io: 'input' }) as Json, true);
    }
  });

  it('links each command a correction may carry to its own section, not a copy', () => {
    const correction = sectionOf(renderApiDocs(), 'correction.record');
    expect(correction).toContain('one of the commands [`item.note`](#itemnote), [`declaration.record`](#declarationrecord)');
    expect(correction).not.toContain('###');
  });

  it('has every link land on a heading GitHub anchors', () => {
    const docs = renderApiDocs();
    const anchors = anchorsOf(docs);
    const links = [...docs.matchAll(/\]\(#([^)]*)\)/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) expect(anchors, link).toContain(link);
  });

  it('documents a command it has never seen: recursion, unions of objects, maps, commands inside commands', () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const Node: z.ZodType<Node> = z.lazy(() => z.strictObject({ name: z.string(), children: z.array(Node) }));
    const ping = z.strictObject({ type: z.literal('test.ping') }).describe('Ping.');
    const tree = z
      .strictObject({
        type: z.literal('test.tree'),
        root: Node,
        byName: z.record(z.string(), z.strictObject({ weight: z.number().positive() })),
        shape: z.union([z.strictObject({ radius: z.number() }), z.strictObject({ side: z.number() }), z.null()]),
        then: z.array(z.discriminatedUnion('type', [ping])),
      })
      .describe('A test command.');
    const docs = renderApiDocs([ping, tree] as unknown as CommandSchema[]);
    const section = sectionOf(docs, 'test.tree');
    expect(tableUnder(section, '### `root` fields')).toContain('| `children` | array of objects (see [`root` fields](#root-fields)) |');
    expect(tableUnder(section, '### `byName.*` fields')).toContain(row('weight'));
    expect(tableUnder(section, '#### `shape` variant 1')).toContain(row('radius'));
    expect(tableUnder(section, '#### `shape` variant 2')).toContain(row('side'));
    expect(section).toContain('| `then` | array of commands: [`test.ping`](#testping) |');
    const anchors = anchorsOf(docs);
    for (const [, link] of docs.matchAll(/\]\(#([^)]*)\)/g)) expect(anchors).toContain(link);
  });
});
