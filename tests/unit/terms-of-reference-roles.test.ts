// Roles by a body's kind (issue 14): a joint committee's members include the Leaders of each
// partner council (the Integrated Care Partnership has two), so there "Leader" may be held by more
// than one member; the chair's roles stay single everywhere, and a council's committee keeps one Leader.
import { describe, expect, it } from 'vitest';
import type { MemberDetails } from '../../shared/commands/body';
import type { BodyKind } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import { openTestCore } from '../support/meeting';

const member = (surname: string, roles: MemberDetails['roles'], sitsFor: string): MemberDetails => ({ title: 'Cllr', initials: ['A'], surname, honours: [], group: '', roles, voting: true, sitsFor: [sitsFor] });

describe("roles by the body's kind", () => {
  const leaders = [member('Gough', ['Leader'], 'Leader of Kent County Council'), member('Jarrett', ['Leader'], 'Leader of Medway Council')];

  it('a joint committee takes the Leaders of both councils; a second Chairman is still refused', () => {
    const core = openTestCore();
    try {
      const { bodyId } = core.send({ type: 'body.create', name: 'Kent and Medway Integrated Care Partnership', kind: 'joint_committee' });
      core.send({ type: 'member.import', bodyId, source: 'csv', members: [{ ...leaders[0], roles: ['Leader', 'Chairman'] }, leaders[1]] });
      const body = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
      expect(body.members.filter((m) => m.roles.includes('Leader')).map((m) => m.surname)).toEqual(['Gough', 'Jarrett']);
      expect(core.refusal({ type: 'member.add', bodyId, member: member('Gutteridge', ['Chairman'], 'ICB Chair') }).message).toBe(
        'Cllr A Gough is already Chairman of Kent and Medway Integrated Care Partnership; only one member can be.',
      );
      // Made a committee with two Leaders, it would break the committee's rule: refused, nothing changed.
      expect(core.refusal({ type: 'body.update', bodyId, name: body.name, kind: 'committee' }).message).toBe(
        'Kent and Medway Integrated Care Partnership has 2 members holding the role Leader (Cllr A Gough, Cllr A Jarrett); a committee has one. Change their roles first.',
      );
      expect((core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data.kind).toBe('joint_committee');
    } finally {
      core.dispose();
    }
  });

  it.each<BodyKind>(['full_council', 'committee', 'panel'])('a %s keeps one Leader, and nothing is imported', (kind) => {
    const core = openTestCore();
    try {
      const { bodyId } = core.send({ type: 'body.create', name: 'Policy and Resources Committee', kind });
      expect(core.refusal({ type: 'member.import', bodyId, source: 'csv', members: leaders }).message).toMatch(/^Cllr A Gough is already Leader of Policy and Resources Committee; only one member can be\./);
      expect((core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data.members).toEqual([]);
    } finally {
      core.dispose();
    }
  });
});
