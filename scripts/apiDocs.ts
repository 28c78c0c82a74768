// docs/api.md, generated from the command schemas. A test fails when the file is stale:
// run `npm run docs:api` after changing a command.
//
// Everything is read from each command's JSON Schema (`z.toJSONSchema`), nothing is written per
// command: after a command's table of fields, every nested object type (an object field, the items
// of an array, each variant of a union) is documented once, in its own table under its own heading,
// recursively. A union whose variants are whole commands links to those commands' sections.
import { z } from 'zod';
import { commandSchemas } from '../shared/commands';

interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** A command schema as the catalogue holds it: a zod object whose `type` is a literal. */
export type CommandSchema = z.ZodType & { shape: { type: { value: string } } };

/**
 * The anchors GitHub gives headings: the heading's text, lower-cased, without punctuation, spaces
 * made hyphens; a repeated anchor gets -1, -2… Returns a function to call once per heading, in order.
 */
export const gitHubSlugger = (): ((heading: string) => string) => {
  const seen = new Map<string, number>();
  return (heading) => {
    const text = heading.replace(/`/g, '').toLowerCase();
    const base = text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    let slug = base;
    while (seen.has(slug)) {
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      slug = `${base}-${count}`;
    }
    seen.set(slug, 0);
    return slug;
  };
};

/** Lines of Markdown whose links to headings are resolved to GitHub's anchors once all is written. */
class Markdown {
  private readonly lines: string[] = [];
  private readonly anchorAt = new Map<number, number>();
  private anchors = 0;

  anchor(): number {
    return this.anchors++;
  }

  heading(level: number, text: string, anchor = this.anchor()): number {
    this.anchorAt.set(this.lines.length, anchor);
    this.lines.push(`${'#'.repeat(level)} ${text}`, '');
    return anchor;
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  static link(text: string, anchor: number): string {
    return `[${text}](#\uE000${anchor}\uE001)`;
  }

  toString(): string {
    const slug = gitHubSlugger();
    const slugs = new Map<number, string>();
    this.lines.forEach((line, index) => {
      const heading = /^#{1,6} (.*)$/.exec(line);
      if (!heading) return;
      const text = slug(heading[1]);
      const anchor = this.anchorAt.get(index);
      if (anchor !== undefined) slugs.set(anchor, text);
    });
    return this.lines.join('\n').replace(/\uE000(\d+)\uE001/g, (_, anchor: string) => slugs.get(Number(anchor)) ?? '');
  }
}

const code = (text: string): string => `\`${text}\``;
const value = (v: unknown): string => code(JSON.stringify(v)).replace(/\|/g, '\\|');
const cell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The schema without what belongs to the field holding it, to tell types apart. */
const typeKey = (s: JsonSchema): string => {
  if (s.$ref) return `ref:${s.$ref}`;
  const { description: _description, default: _default, $schema: _schema, ...rest } = s as JsonSchema & { $schema?: unknown };
  return JSON.stringify(rest);
};

const limitsOf = (s: JsonSchema): string[] =>
  [
    s.format && `format ${s.format}`,
    !s.format && s.pattern && `pattern ${code(s.pattern).replace(/\|/g, '\\|')}`,
    s.minLength !== undefined && `min length ${s.minLength}`,
    s.maxLength !== undefined && `max length ${s.maxLength}`,
    s.minimum !== undefined && `≥ ${s.minimum}`,
    s.exclusiveMinimum !== undefined && `> ${s.exclusiveMinimum}`,
    s.maximum !== undefined && `≤ ${s.maximum}`,
    s.exclusiveMaximum !== undefined && `< ${s.exclusiveMaximum}`,
  ].filter((limit): limit is string => Boolean(limit));

const itemLimits = (s: JsonSchema): string => {
  if (s.minItems !== undefined && s.maxItems !== undefined) return ` (${s.minItems} to ${plural(s.maxItems, 'item', 'items')})`;
  if (s.minItems !== undefined) return ` (at least ${plural(s.minItems, 'item', 'items')})`;
  if (s.maxItems !== undefined) return ` (at most ${plural(s.maxItems, 'item', 'items')})`;
  return '';
};

/** An object type documented in its own table (or, for a union of objects, its own tables). */
interface Section {
  anchor: number;
  label: string;
  schema: JsonSchema;
  /** The description of the field that first named it (not repeated under the heading). */
  fieldDescription?: string;
  /** For a union of objects: the field whose constant tells them apart, and each variant. */
  discriminator?: string;
  variants?: { anchor: number; short: string; label: string; schema: JsonSchema }[];
}

/** Documents one command: its table, then each nested type once, depth first. */
class CommandWriter {
  private readonly sections = new Map<string, Section>();
  private readonly labels = new Set<string>();

  constructor(
    private readonly doc: Markdown,
    private readonly root: JsonSchema,
    private readonly commands: ReadonlyMap<string, { anchor: number; json: JsonSchema }>,
    rootAnchor: number,
  ) {
    this.sections.set('ref:#', { anchor: rootAnchor, label: '', schema: root });
  }

  private resolve(s: JsonSchema): JsonSchema {
    let schema = s;
    for (let depth = 0; schema.$ref && depth < 32; depth++) {
      const target = schema.$ref === '#' ? this.root : this.pointer(schema.$ref);
      if (!target) break;
      // The field's own words and default stay with it.
      const { $ref: _ref, ...own } = schema;
      schema = { ...target, ...own };
    }
    return this.merge(schema);
  }

  private pointer(ref: string): JsonSchema | undefined {
    if (!ref.startsWith('#/')) return undefined;
    let at: unknown = this.root;
    for (const part of ref.slice(2).split('/')) {
      const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
    }
    return at as JsonSchema | undefined;
  }

  /** allOf of objects is one object with all their fields. */
  private merge(s: JsonSchema): JsonSchema {
    if (!s.allOf) return s;
    const parts = s.allOf.map((part) => this.resolve(part));
    if (!parts.every((part) => this.isObject(part))) return s;
    const { allOf: _allOf, ...own } = s;
    return {
      ...own,
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties), own.properties) as Record<string, JsonSchema>,
      required: [...new Set([...parts.flatMap((part) => part.required ?? []), ...(own.required ?? [])])],
    };
  }

  private isObject(s: JsonSchema): boolean {
    return s.properties !== undefined && (s.type === 'object' || s.type === undefined);
  }

  /** The command this schema is, when it is a whole command of the catalogue. */
  private commandNamed(s: JsonSchema): string | undefined {
    const name = this.resolve(s).properties?.type?.const;
    if (typeof name !== 'string') return undefined;
    const command = this.commands.get(name);
    return command && typeKey(command.json) === typeKey(this.resolve(s)) ? name : undefined;
  }

  private uniqueLabel(path: string): string {
    let label = path;
    for (let n = 2; this.labels.has(label); n++) label = `${path} (${n})`;
    this.labels.add(label);
    return label;
  }

  /** The variants' names: by the field whose constant tells them apart, else by number. */
  private variantNames(variants: JsonSchema[]): { discriminator?: string; short: string[] } {
    const first = variants[0]?.properties ?? {};
    for (const name of Object.keys(first)) {
      const constants = variants.map((v) => {
        const p = v.properties?.[name];
        return p?.const !== undefined ? p.const : p?.enum?.length === 1 ? p.enum[0] : undefined;
      });
      const distinct = new Set(constants.map((c) => JSON.stringify(c)));
      if (constants.every((c) => c !== undefined) && distinct.size === variants.length) {
        return { discriminator: name, short: constants.map(value) };
      }
    }
    return { short: variants.map((_, i) => `variant ${i + 1}`) };
  }

  /** Registers a nested type to be documented (once), and returns it. */
  private section(s: JsonSchema, path: string, fieldDescription: string | undefined, pending: Section[], variants?: JsonSchema[]): Section {
    const key = typeKey(s);
    const known = this.sections.get(key);
    if (known) return known;
    const label = this.uniqueLabel(path);
    const section: Section = { anchor: this.doc.anchor(), label, schema: s, fieldDescription };
    if (variants) {
      const { discriminator, short } = this.variantNames(variants);
      section.discriminator = discriminator;
      section.variants = variants.map((variant, i) => ({
        anchor: this.doc.anchor(),
        short: short[i],
        label: discriminator ? `when ${code(discriminator)} is ${short[i]}` : short[i],
        schema: variant,
      }));
    }
    this.sections.set(key, section);
    pending.push(section);
    return section;
  }

  /** The Type column: scalars with their limits; nested types as links to their tables. */
  private describe(field: JsonSchema, path: string, pending: Section[], many = false, fieldDescription = field.description): string {
    const s = this.resolve(field);
    if (field.$ref && this.sections.get(typeKey(field))?.label === '') {
      return `this command again (see ${Markdown.link(code(path), this.sections.get(typeKey(field))!.anchor)})`;
    }
    if (s.const !== undefined) return value(s.const);
    if (s.enum) return s.enum.map(value).join(' \\| ');
    const variants = s.anyOf ?? s.oneOf;
    if (variants) {
      const resolved = variants.map((v) => this.resolve(v));
      const objects = resolved.filter((v) => this.isObject(v) && !this.commandNamed(v));
      const union =
        objects.length > 1
          ? this.section(field.$ref ? field : s, path, fieldDescription, pending, objects)
          : undefined;
      const commands = resolved.map((v) => this.commandNamed(v));
      const link = (command: string): string => Markdown.link(code(command), this.commands.get(command)!.anchor);
      if (commands.every(Boolean)) {
        const links = commands.map((command) => link(command!));
        const list = links.length > 1 ? `${links.slice(0, -1).join(', ')} or ${links.at(-1)}` : links[0];
        if (many) return `commands: ${list}`;
        return links.length > 1 ? `one of the commands ${list}` : `the command ${list}`;
      }
      const described: string[] = [];
      resolved.forEach((variant, i) => {
        const command = commands[i];
        if (command) described.push(`the command ${link(command)}`);
        else if (union && objects.includes(variant)) {
          if (variant !== objects[0]) return;
          const kinds = union.variants!.map((v) => Markdown.link(v.short, v.anchor)).join(' or ');
          const what = many ? `objects of ${union.variants!.length} kinds` : `one of ${union.variants!.length} objects`;
          const apart = union.discriminator ? `, told apart by ${code(union.discriminator)}` : '';
          described.push(`${Markdown.link(what, union.anchor)}${apart}: ${kinds}`);
        } else described.push(this.describe(variants[i], path, pending, many, undefined));
      });
      return described.join(' or ');
    }
    if (this.isObject(s)) {
      const section = this.section(field.$ref ? field : s, path, fieldDescription, pending);
      return `${many ? 'objects' : 'object'} (see ${Markdown.link(`${code(section.label)} fields`, section.anchor)})`;
    }
    if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
      return `object whose every value is ${this.describe(s.additionalProperties, `${path}.*`, pending, false, undefined)}`;
    }
    if (s.type === 'array' && s.items) {
      return `array${itemLimits(s)} of ${this.describe(s.items, `${path}[]`, pending, true, undefined)}`;
    }
    const base = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
    const limits = limitsOf(s);
    const withLimits = limits.length ? `${base} (${limits.join(', ')})` : base;
    return s.type === 'array' ? `array${itemLimits(s)}` : withLimits;
  }

  /** A table of an object's fields; the nested types it names are added to `pending`. */
  private table(object: JsonSchema, path: string, pending: Section[]): void {
    this.doc.push('| Field | Type | Required | Description |', '| --- | --- | --- | --- |');
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const fieldPath = path ? `${path}.${name}` : name;
      const type = this.describe(property, fieldPath, pending);
      const resolved = this.resolve(property);
      const required = object.required?.includes(name)
        ? 'yes'
        : resolved.default !== undefined
          ? `no (default ${value(resolved.default)})`
          : 'no';
      this.doc.push(`| ${code(name)} | ${type} | ${required} | ${cell(resolved.description ?? '')} |`);
    }
    this.doc.push('');
  }

  private intro(schema: JsonSchema, fieldDescription: string | undefined): void {
    if (schema.description && schema.description !== fieldDescription) this.doc.push(schema.description, '');
  }

  /** Each section in turn, each followed by the sections it names (depth first). */
  private write(sections: Section[]): void {
    for (const section of sections) {
      const nested: Section[] = [];
      const schema = this.resolve(section.schema);
      if (section.variants) {
        this.doc.heading(3, `${code(section.label)}: one of`, section.anchor);
        this.intro(schema, section.fieldDescription);
        const apart = section.discriminator ? `, told apart by ${code(section.discriminator)}` : '';
        this.doc.push(`One of these ${section.variants.length} objects${apart}.`, '');
        for (const variant of section.variants) {
          this.doc.heading(4, `${code(section.label)} ${variant.label}`, variant.anchor);
          this.intro(variant.schema, undefined);
          this.table(variant.schema, section.label.replace(/ \(\d+\)$/, ''), nested);
        }
      } else {
        this.doc.heading(3, `${code(section.label)} fields`, section.anchor);
        this.intro(schema, section.fieldDescription);
        this.table(schema, section.label.replace(/ \(\d+\)$/, ''), nested);
      }
      this.write(nested);
    }
  }

  command(): void {
    const nested: Section[] = [];
    this.table(this.root, '', nested);
    this.write(nested);
  }
}

export const renderApiDocs = (schemas: readonly CommandSchema[] = commandSchemas): string => {
  const doc = new Markdown();
  doc.push(
    '# Chamber command API',
    '',
    '<!-- Generated by `npm run docs:api` from shared/commands. Do not edit by hand. -->',
    '',
    'Every operation the UI can perform is one of these commands. The same JSON is sent over',
    'Electron IPC (`window.chamber.invoke(command)`) and over HTTP in browser mode',
    '(`POST /api/commands` with `Authorization: Bearer <clerk token>`).',
    '',
    'A success is `{ "ok": true, "result": { "ids": { … }, "events": n, "recorded": ["attendance.marked", …] } }`,',
    'sent only after the transaction has committed; `recorded` lists the types of the events recorded',
    '(empty when the command changed nothing, e.g. marking present a member already present). A refusal is',
    '`{ "ok": false, "error": { "code", "message", "details" } }`; nothing is recorded. `message` is a',
    'sentence for the clerk that names the field in words ("Item 4\'s title must not be empty."), never by',
    'its path; `details.field` is the dotted path of the field that is wrong (`"items.3.title"`), and for',
    '`invalid_command` `details.issues` lists every problem as `{ field, message }`; a `not_found` may',
    'give the id that was not found as `details.id`. Codes and HTTP statuses: `invalid_command` 400,',
    '`unknown_command` 400, `not_found` 404, `refused` 409, `unauthorised` 401, `too_large` 413,',
    '`internal` 500. The clerk\'s token is accepted only in the Authorization header (and in the live',
    'channel\'s first message), never in an address, and only on the clerk\'s address (127.0.0.1).',
    '',
    'Times the clerk gives (`time`, `stays`) are an ISO instant or a 24-hour local time `"HH:MM"`, read',
    'in the installation\'s time zone (Europe/London unless `settings.setTimeZone` says otherwise) on the',
    'day the meeting is sitting: the day it started or last resumed; before it starts, today.',
    '',
    'Each command\'s table lists its fields. A field holding an object, a list of objects or one of',
    'several kinds of object links to a table of that object\'s fields, which follows the command\'s own.',
    '',
    '## Reading and live updates',
    '',
    '- `GET /api/topics/<topic>`: a topic\'s whole value once. Topics: `meetings`, `bodies`, `settings`,',
    '  `meeting:<id>`, `body:<id>`, `display:<id>`. Without the token only `display:<id>`, and only while',
    '  that meeting is in progress or adjourned.',
    '- `GET /api/verify`: the `npm run verify` report for the data file (clerk only).',
    '- WebSocket `/api/live`: the first message is `{ "kind": "hello", "token": "<clerk token>" }` (or no',
    '  token: then only chamber displays may be watched, at most four); the reply is',
    '  `{ "kind": "welcome", "clerk": true|false }`. Then `{ "kind": "watch", "topics": [ … ] }` names',
    '  the whole set of topics wanted. Each newly watched topic arrives whole, `{ "topic", "data" }`, or',
    '  as `{ "topic", "error" }`; then, for a meeting or a body, each command\'s changes arrive as',
    '  `{ "topic", "patch": { "fromSeq", "seq", "changes" } }` (see `shared/state/parts.ts`: `head`,',
    '  `set`, `put`, `remove`), and the lists, the display and the settings arrive whole when they',
    '  change. A client whose copy is not at `fromSeq` reads the topic again. The Origin must be the',
    '  page Chamber served; one device may hold a limited number of connections.',
    '',
    '## Members\' own devices (the chamber network)',
    '',
    'Written by hand here (these routes are not commands). Members may vote only once the clerk has',
    'sent `memberVoting.set` with `enabled: true` for the meeting. Code: `electron/core/memberDevices.ts`;',
    'tests show the whole exchange (`tests/support/memberDevices.ts`: `pairMember`, `memberVote`).',
    '',
    'On the clerk\'s address, with the clerk\'s token:',
    '',
    '- `POST /api/member-devices/codes` `{ "meetingId", "memberId" }`: a pairing code for the member →',
    '  `{ "ok": true, "data": { "meetingId", "memberId", "memberName", "code": "ABCD2345", "codeShown":',
    '  "ABCD-2345", "issuedAt", "expiresAt", "expiresAtLocal": "10:52", "url" } }`. Eight characters from',
    '  `ABCDEFGHJKLMNPQRSTUVWXYZ23456789`, single use, valid 10 minutes; a new code for the member stops',
    '  their earlier unused ones. Refused (409) while members\' voting is off, once the meeting has closed,',
    '  or while the member has a device paired (withdraw it first: `memberDevice.revoke`, with a reason).',
    '  `url` is the member\'s page on the chamber network with the code after the `#`',
    '  (`https://ADDRESS:PORT/#/member?code=ABCD2345`), for the QR code; `null` when Chamber is not',
    '  serving the chamber network. Only the SHA-256 of a code is stored, never in the record.',
    '- `GET /api/member-devices/<meetingId>/refusals`: the audit of refused requests from devices, for',
    '  this meeting and those whose meeting is unknown (wrong codes) → `{ "ok": true, "data": { "count",',
    '  "latest": [ { "id", "at", "meetingId", "memberId", "credentialId", "client", "attempted", "reason",',
    '  "status" } ] } }`, the latest 200, newest first. Refusals for too many requests are written at most',
    '  once a second per device, with how many more were refused.',
    '',
    'On the chamber network\'s address, never with the clerk\'s token (bodies at most 4 KB, JSON):',
    '',
    '- `POST /api/member/pair` `{ "code" }` (spaces, dashes and case ignored) → `{ "ok": true, "data":',
    '  { "credential", "credentialId", "meetingId", "memberId", "memberName" } }`. The credential,',
    '  `<credentialId>.<43 characters of base64url>` (256 random bits), is bound to that member and that',
    '  meeting; the record keeps only its SHA-256 (`memberDevice.paired`). Wrong code 404, used or',
    '  expired 409; after 5 failed codes in a minute from one client address, every code from it is',
    '  refused with 429 (and `Retry-After`) until the minute has passed.',
    '- With `Authorization: Member <credential>` (never in an address):',
    '  - `GET /api/member/meetings/<meetingId>` → `{ "meetingId", "memberId", "memberName", "body",',
    '    "title", "date", "status", "memberVoting", "onSpeakersList", "receipt"?, "serverNow",',
    '    "privateDivision"? }` (the member\'s vote in the latest division; the server\'s time, so that the',
    '    page\'s countdowns allow for the device\'s clock being out; in a private session, where the chamber',
    '    display shows nothing, the division as the display would show it with its question withheld, or',
    '    `null`). The shapes are `shared/memberDevicesApi.ts`. Changes nothing.',
    '  - `POST /api/member/meetings/<meetingId>/vote` `{ "requestId", "divisionId", "choice" }` →',
    '    `{ "receipt": { "divisionId", "choice", "choiceWords": "For", "recordedAt", "recordedAtLocal":',
    '    "10:42:03", "enteredBy": "member" } }`: what was recorded, at the server\'s time. `choice` is',
    '    `for`, `against` or `abstain`; a body naming `memberId` (or anything else) is refused: a device',
    '    votes only for its own member. The vote is decided as `vote.cast` entered by the member: refused',
    '    (409) before the window opens, while paused, from its closing instant, and for a member who may',
    '    not vote, in the same words as the clerk\'s.',
    '  - `POST /api/member/meetings/<meetingId>/speak` `{ "requestId" }` → `{ "onSpeakersList": true,',
    '    "at", "atLocal" }`: the member joins the speakers\' list (`speaker.add`).',
    '  - `requestId`: 8 to 100 letters, digits, `-` or `_`, new for each request; the same id again gets',
    '    the first answer, and counts once.',
    '  - Refused with 401 without a credential, with one not paired for this meeting, not valid, or',
    '    withdrawn by the clerk; 409 while members\' voting is off or once the meeting has closed.',
    '- Every member route: at most 5 requests a second (bursts of 10) per client address and per',
    '  credential, then 429 with `Retry-After` and a sentence saying how long to wait.',
    '- Every refusal is `{ "ok": false, "error": { "code", "message", "details" } }` as above, and is',
    '  written to the audit (`member_refusals`: time, meeting, member and credential where known, client',
    '  address, what was attempted, why), never to the event log.',
    '',
    '## Sync with the records server (the clerk only)',
    '',
    'Written by hand here (these routes are not commands). On the clerk\'s address, with the clerk\'s',
    'token; never on the chamber network. Code: `electron/core/sync/`; the shapes in `shared/syncApi.ts`.',
    '',
    '- `GET /api/sync` → `{ "ok": true, "data": { "serverUrl", "keySet", "autoSync", "waiting": [ {',
    '  "stream", "kind", "title", "date", "localSeq", "acknowledgedSeq", "waiting" } ], "waitingTotal",',
    '  "lastSync": { "at", "receipt", "signatureVerified", "titles" }, "pushing": { "sent", "total",',
    '  "automatic", "startedAt" }, "verifying", "lastOutcome": { "at", "words" }, "lastError": { "at",',
    '  "code", "words" }, "verification", "divisionOpen", "meetingSitting", "serverCertificate": { "pem",',
    '  "words" }, "clockWarning" } }`. Never the device key.',
    '- `PUT /api/sync/config` `{ "serverUrl"?, "deviceKey"?, "autoSync"?, "serverCertificate"? }`: each',
    '  optional; the address must be `https://` (`http://` only for this computer); a blank key is',
    '  refused; a certificate must be PEM (`""` removes it). → the status.',
    '- `POST /api/sync/push` `{}`: starts a push and answers at once (202) `{ "ok": true, "data": {',
    '  "started", "words" } }`; refused (409) while a division is open or before the address and key are',
    '  set. Follow it with `GET /api/sync`.',
    '- `POST /api/sync/verify` `{}`: starts "check the server\'s copy" (202); the result arrives as',
    '  `verification` in `GET /api/sync`.',
    '- `GET /api/sync/packs` → `{ "ok": true, "data": [ { "meetingId", "bodyId", "body", "title", "date",',
    '  "publishedAt", "deviceName", "state", "changes", "seen", "ownChanges", "sitting" } ] }`: the meeting',
    '  packs the records office published, each against this laptop\'s copy (`state`: `new`, `taken`,',
    '  `office_changed`, `both_changed`; `changes`: the office\'s changes in words). Asks the records server.',
    '- `POST /api/sync/packs/take` `{ "meetingId" }` → `{ "meetingId", "events", "words" }`: takes a new',
    '  pack, or the office\'s changes to streams the clerk has not changed; refused (409) for changes on both',
    '  sides or while a meeting of the body sits.',
    '- `POST /api/sync/packs/seen` `{ "meetingId" }` → the pack as above, `seen` until the office publishes',
    '  again.',
    '- `POST /api/sync/packs/publish` `{ "meetingId" }` → `{ "words" }`: the office\'s copy publishes a',
    '  meeting not yet held, once the records server holds all of it. See docs/sync.md, "Meeting packs".',
    '',
  );
  const commands = new Map(
    schemas.map((schema) => [
      schema.shape.type.value,
      { anchor: doc.anchor(), json: z.toJSONSchema(schema, { io: 'input' }) as JsonSchema },
    ]),
  );
  for (const [name, { anchor, json }] of commands) {
    doc.heading(2, code(name), anchor);
    doc.push(json.description ?? '', '');
    new CommandWriter(doc, json, commands, anchor).command();
  }
  return doc.toString();
};
