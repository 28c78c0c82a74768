// A stream's state is kept, written and pushed in parts, so that what a command costs follows
// what it changed, never the size of the record:
//   - the head: small fields (status, the current item, times); rewritten with every event;
//   - singles: one field kept as one part, written only when it changes (the agenda);
//   - records: collections keyed by id, one part per entry (attendance by member, notes by item);
//     a grouped record's keys are "group:entry" and it is held in memory by group (votes by
//     division, then member), so a change copies its group and the list of groups, never the day;
//   - lists: collections in the order entries were added, one part per entry (declarations,
//     corrections, later speeches and votes); each entry carries its `id`.
// Reducers say what an event changes as a list of Changes; the core writes exactly those parts and
// pushes exactly those changes; screens apply the same changes to their copy. Pure: no Node, no DOM.

export type Change =
  /** Merge these fields into the head; a null value removes the field. */
  | { op: 'head'; fields: Record<string, unknown> }
  /** Replace a single. */
  | { op: 'set'; field: string; value: unknown }
  /** Add or replace an entry of a record or list (a list entry's key is its id). */
  | { op: 'put'; collection: string; key: string; value: unknown }
  /** Add a new entry at the end of a list, its key new (a speech, a vote): no search of the list, whatever its length. */
  | { op: 'add'; collection: string; key: string; value: unknown }
  /** Remove an entry of a record or list. */
  | { op: 'remove'; collection: string; key: string };

export interface Shape {
  /** Fields kept as one part each, with the value they have before they are first set. */
  singles: Readonly<Record<string, unknown>>;
  records: readonly string[];
  lists: readonly string[];
  /** Records whose keys are "group:entry", held in memory as state[name][group][entry]. */
  grouped?: readonly string[];
}

export const head = (fields: Record<string, unknown>): Change => ({ op: 'head', fields });
export const set = (field: string, value: unknown): Change => ({ op: 'set', field, value });
export const put = (collection: string, key: string, value: unknown): Change => ({ op: 'put', collection, key, value });
export const remove = (collection: string, key: string): Change => ({ op: 'remove', collection, key });
export const add = (collection: string, key: string, value: unknown): Change => ({ op: 'add', collection, key, value });

/** The storage key of a part: the single's name, or collection/entry key. */
export const partKey = (change: Exclude<Change, { op: 'head' }>): string =>
  change.op === 'set' ? change.field : `${change.collection}/${change.key}`;

const isCollection = (shape: Shape, name: string): boolean => shape.records.includes(name) || shape.lists.includes(name);

const isGrouped = (shape: Shape, name: string): boolean => shape.grouped?.includes(name) ?? false;

/** "group:entry" → [group, entry]; a key with no colon is an entry of the group "". */
const splitGroupKey = (key: string): [string, string] => {
  const colon = key.indexOf(':');
  return colon < 0 ? ['', key] : [key.slice(0, colon), key.slice(colon + 1)];
};

/** A state with nothing in it yet: every single at its initial value, every collection empty. */
export const emptyState = (shape: Shape): Record<string, unknown> => {
  const state: Record<string, unknown> = {};
  for (const [field, initial] of Object.entries(shape.singles)) state[field] = initial;
  for (const name of shape.records) state[name] = {};
  for (const name of shape.lists) state[name] = [];
  return state;
};

/** The head of a state: every field that is not a single or a collection. */
export const headOf = (state: Record<string, unknown>, shape: Shape): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(state)) {
    if (!Object.hasOwn(shape.singles, field) && !isCollection(shape, field)) result[field] = value;
  }
  return result;
};

/** Every part of a state except the head, in the order a list's entries were added. */
export const partsOf = (state: Record<string, unknown>, shape: Shape): { key: string; value: unknown }[] => {
  const parts: { key: string; value: unknown }[] = [];
  for (const field of Object.keys(shape.singles)) parts.push({ key: field, value: state[field] });
  for (const name of shape.records) {
    if (isGrouped(shape, name)) {
      for (const [group, entries] of Object.entries(state[name] as Record<string, Record<string, unknown>>)) {
        for (const [entry, value] of Object.entries(entries)) parts.push({ key: `${name}/${group}:${entry}`, value });
      }
      continue;
    }
    for (const [key, value] of Object.entries(state[name] as Record<string, unknown>)) parts.push({ key: `${name}/${key}`, value });
  }
  for (const name of shape.lists) {
    for (const value of state[name] as { id: string }[]) parts.push({ key: `${name}/${value.id}`, value });
  }
  return parts;
};

/** A state from its head and its stored parts (in stored order). Unknown parts are ignored. */
export const assemble = (headFields: Record<string, unknown>, parts: Iterable<{ key: string; value: unknown }>, shape: Shape): Record<string, unknown> => {
  const state = { ...emptyState(shape), ...headFields };
  for (const { key, value } of parts) {
    const slash = key.indexOf('/');
    if (slash < 0) {
      if (Object.hasOwn(shape.singles, key)) state[key] = value;
      continue;
    }
    const name = key.slice(0, slash);
    if (isGrouped(shape, name)) {
      const [group, entry] = splitGroupKey(key.slice(slash + 1));
      const groups = state[name] as Record<string, Record<string, unknown>>;
      (groups[group] ??= {})[entry] = value;
    } else if (shape.records.includes(name)) (state[name] as Record<string, unknown>)[key.slice(slash + 1)] = value;
    else if (shape.lists.includes(name)) (state[name] as unknown[]).push(value);
  }
  return state;
};

/** What a draft wrote, by part key: the value now, or null when the part was removed. */
export type PartWrites = Map<string, { value: unknown } | null>;

/**
 * Changes applied to a state without touching it: each container is copied once, the first time
 * it changes, so earlier copies of the state (held by a screen, or the core's last committed
 * state) never change under their holder. Entries themselves are never mutated.
 */
export class Draft<S extends object> {
  private current: Record<string, unknown>;
  private readonly copied = new Set<string>();
  /** Groups of grouped records this draft has copied, as "name/group". */
  private readonly copiedGroups = new Set<string>();
  readonly writes: PartWrites = new Map();
  headChanged = false;

  constructor(
    base: S | undefined,
    private readonly shape: Shape,
  ) {
    this.current = base ? { ...(base as Record<string, unknown>) } : emptyState(shape);
    // A new stream has no committed state to protect: its containers are already this draft's own.
    if (!base) {
      for (const name of [...this.shape.records, ...this.shape.lists]) this.copied.add(name);
    }
  }

  get state(): S {
    return this.current as S;
  }

  private own(name: string): void {
    if (this.copied.has(name)) return;
    const container = this.current[name];
    this.current[name] = Array.isArray(container) ? [...container] : { ...(container as object) };
    this.copied.add(name);
  }

  /** A put or remove in a grouped record: copies only the group it changes (once a draft). */
  private putInGroup(change: Extract<Change, { op: 'put' | 'remove' }>): void {
    const groups = this.current[change.collection] as Record<string, Record<string, unknown>>;
    const [group, entry] = splitGroupKey(change.key);
    const mark = `${change.collection}/${group}`;
    if (!this.copiedGroups.has(mark)) {
      groups[group] = { ...(groups[group] ?? {}) };
      this.copiedGroups.add(mark);
    }
    // A group emptied earlier in this draft (the one vote of a division corrected to none) and put
    // in again (corrected back) is made again: the draft owns it already.
    if (change.op === 'put') (groups[group] ??= {})[entry] = change.value;
    else if (groups[group]) {
      delete groups[group][entry];
      if (Object.keys(groups[group]).length === 0) delete groups[group];
    }
    this.writes.set(partKey(change), change.op === 'put' ? { value: change.value } : null);
  }

  apply(changes: readonly Change[]): this {
    for (const change of changes) {
      switch (change.op) {
        case 'head':
          this.headChanged = true;
          for (const [field, value] of Object.entries(change.fields)) {
            if (value === null || value === undefined) delete this.current[field];
            else this.current[field] = value;
          }
          break;
        case 'set':
          this.current[change.field] = change.value;
          this.writes.set(change.field, { value: change.value });
          break;
        case 'add': {
          this.own(change.collection);
          const container = this.current[change.collection];
          if (Array.isArray(container)) container.push(change.value);
          else (container as Record<string, unknown>)[change.key] = change.value;
          this.writes.set(partKey(change), { value: change.value });
          break;
        }
        case 'put':
        case 'remove': {
          const name = change.collection;
          this.own(name);
          if (isGrouped(this.shape, name)) {
            this.putInGroup(change);
            break;
          }
          const container = this.current[name];
          if (Array.isArray(container)) {
            // From the end: the entries a command touches are nearly always the latest (a speech ending).
            const index = container.findLastIndex((entry: { id: string }) => entry.id === change.key);
            if (change.op === 'put') {
              if (index < 0) container.push(change.value);
              else container[index] = change.value;
            } else if (index >= 0) {
              container.splice(index, 1);
            }
          } else if (container && typeof container === 'object') {
            if (change.op === 'put') (container as Record<string, unknown>)[change.key] = change.value;
            else delete (container as Record<string, unknown>)[change.key];
          }
          this.writes.set(partKey(change), change.op === 'put' ? { value: change.value } : null);
          break;
        }
      }
    }
    return this;
  }
}

/** The state after changes, leaving `state` as it was (for screens applying a pushed patch). */
export const applyChanges = <S extends object>(state: S, changes: readonly Change[], shape: Shape): S => new Draft(state, shape).apply(changes).state;
