// A grouped record (votes: by division, then member) is stored a part per entry under
// "group:entry", held in memory by group, and a change copies only the group it touches: the
// day's other divisions keep their very objects, so a vote's cost does not grow with the day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, assemble, emptyState, partsOf, put, remove, type Shape } from '../../shared/state/parts';

const shape: Shape = { singles: {}, records: ['votes', 'notes'], lists: [], grouped: ['votes'] };

describe('grouped records', () => {
  it('are held by group, stored and read back a part per entry', () => {
    const state = applyChanges(emptyState(shape), [put('votes', 'd1:m1', 'for'), put('votes', 'd1:m2', 'against'), put('votes', 'd2:m1', 'abstain'), put('notes', 'i1', 'Noted')], shape);
    expect(state).toEqual({ votes: { d1: { m1: 'for', m2: 'against' }, d2: { m1: 'abstain' } }, notes: { i1: 'Noted' } });
    const parts = partsOf(state, shape);
    expect(parts.map((p) => p.key).sort()).toEqual(['notes/i1', 'votes/d1:m1', 'votes/d1:m2', 'votes/d2:m1']);
    expect(assemble({}, parts, shape)).toEqual(state);
  });

  it('copy only the group a change touches, leaving the state it was applied to as it was', () => {
    const before = applyChanges(emptyState(shape), [put('votes', 'd1:m1', 'for'), put('votes', 'd2:m1', 'for')], shape);
    const d1 = (before.votes as Record<string, object>).d1;
    const after = applyChanges(before, [put('votes', 'd2:m2', 'against'), remove('votes', 'd2:m1')], shape);
    expect((after.votes as Record<string, object>).d1).toBe(d1);
    expect(after.votes).toEqual({ d1: { m1: 'for' }, d2: { m2: 'against' } });
    expect(before.votes).toEqual({ d1: { m1: 'for' }, d2: { m1: 'for' } });
    expect(applyChanges(after, [remove('votes', 'd2:m2')], shape).votes).toEqual({ d1: { m1: 'for' } });
  });

  it('make a group again when one change empties it and a later one in the same batch puts in it (a replay: a vote corrected to none, then back)', () => {
    const before = applyChanges(emptyState(shape), [put('votes', 'd1:m1', 'for')], shape);
    const after = applyChanges(before, [remove('votes', 'd1:m1'), put('votes', 'd1:m2', 'abstain'), remove('votes', 'd9:m1')], shape);
    expect(after.votes).toEqual({ d1: { m2: 'abstain' } });
    expect(before.votes).toEqual({ d1: { m1: 'for' } });
    expect(applyChanges(emptyState(shape), [put('votes', 'd1:m1', 'for'), remove('votes', 'd1:m1'), put('votes', 'd1:m1', 'against')], shape).votes).toEqual({ d1: { m1: 'against' } });
  });

  it('for any puts and removes in one batch (as a replay applies them): the same entries as a flat record', () => {
    const op = fc.record({ remove: fc.boolean(), group: fc.constantFrom('d1', 'd2'), entry: fc.constantFrom('m1', 'm2'), value: fc.constantFrom('for', 'against') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const flat = new Map<string, string>();
        const changes = ops.map((o) => (o.remove ? remove('votes', `${o.group}:${o.entry}`) : put('votes', `${o.group}:${o.entry}`, o.value)));
        for (const o of ops) {
          if (o.remove) flat.delete(`${o.group}:${o.entry}`);
          else flat.set(`${o.group}:${o.entry}`, o.value);
        }
        const state = applyChanges(emptyState(shape), changes, shape);
        const entries = Object.entries(state.votes as Record<string, Record<string, string>>).flatMap(([g, es]) => Object.entries(es).map(([e, v]) => [`${g}:${e}`, v]));
        expect(new Map(entries as [string, string][])).toEqual(flat);
      }),
    );
  });

  it('for any puts and removes: the same entries as a flat record, and a round trip through the parts', () => {
    const op = fc.record({ remove: fc.boolean(), group: fc.constantFrom('d1', 'd2', 'd3'), entry: fc.constantFrom('m1', 'm2', 'm3'), value: fc.constantFrom('for', 'against', 'abstain') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const flat = new Map<string, string>();
        let state = emptyState(shape);
        for (const o of ops) {
          const key = `${o.group}:${o.entry}`;
          state = applyChanges(state, [o.remove ? remove('votes', key) : put('votes', key, o.value)], shape);
          if (o.remove) flat.delete(key);
          else flat.set(key, o.value);
        }
        const held = Object.entries(state.votes as Record<string, Record<string, string>>).flatMap(([g, entries]) => Object.entries(entries).map(([e, v]) => [`${g}:${e}`, v]));
        expect(new Map(held as [string, string][])).toEqual(flat);
        expect(assemble({}, partsOf(state, shape), shape)).toEqual(state);
      }),
    );
  });
});
