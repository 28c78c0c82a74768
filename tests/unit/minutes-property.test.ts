// Properties of the minutes, over random sequences of the clerk's edits (edit, add, strike, keep,
// use Chamber's words) on random paragraphs with random text, mixed with changes to the record
// underneath (attendance corrected, notes corrected): every command is either recorded or refused
// with a sentence and nothing written; the draft is always whole (every paragraph once, numbered
// from 1 without gaps, flags and struck paragraphs never printed); an edit stays with its
// paragraph and is flagged exactly when Chamber's words changed under it; and the log replays to
// the same state. Templates: any text fills without throwing, unknown placeholders left visible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { draftMinutes } from '../../shared/minutes/draft';
import { printedBlocks, type MinutesBlock } from '../../shared/minutes/model';
import { fillTemplate } from '../../shared/minutes/style';
import { committee, TZ } from '../support/committee';

const setUp = () => {
  const c = committee();
  const { core, clock, at, meetingId, member, item } = c;
  clock.advance(30 * 60_000);
  for (const s of ['Cole', 'Meade', 'Dean', 'Hook']) core.send({ type: 'attendance.mark', meetingId, memberId: member(s).id, state: 'present', time: at('09:55') });
  core.send({ type: 'attendance.mark', meetingId, memberId: member('Vye').id, state: 'apologies', time: at('09:55') });
  core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
  for (const n of ['1', '2']) {
    core.send({ type: 'item.start', meetingId, itemId: item(n), time: at('10:00') });
    if (n === '2') {
      const { motionId } = core.send({ type: 'motion.move', meetingId, itemId: item(n), kind: 'substantive', wording: 'That the application be refused.', moverId: member('Meade').id, seconderId: member('Dean').id });
      core.send({ type: 'motion.resolve', meetingId, motionId, outcome: 'carried', how: 'show_of_hands', for: 3, against: 1, abstained: 0 });
      core.send({ type: 'item.note', meetingId, itemId: item(n), text: 'The officer introduced the report.\n\nMembers asked about traffic.' });
    }
    core.send({ type: 'item.end', meetingId, itemId: item(n), time: at('10:00') });
  }
  core.send({ type: 'meeting.close', meetingId, time: at('10:00') });
  return c;
};

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('RESOLVED that the report be noted.', '“Quoted” & <angled> \'text\'', 'مرحبا — Mr 李', '\u0007bell', '   ', 'x'.repeat(200)),
);

type Step =
  | { op: 'edit' | 'strike' | 'keep' | 'useGenerated'; pick: number; text: string }
  | { op: 'add'; pick: number; text: string }
  | { op: 'attendance'; pick: number; text: string }
  | { op: 'note'; pick: number; text: string };

const step: fc.Arbitrary<Step> = fc.record({
  op: fc.constantFrom('edit', 'edit', 'add', 'strike', 'keep', 'useGenerated', 'attendance', 'note'),
  pick: fc.nat(50),
  text,
}) as fc.Arbitrary<Step>;

describe('the draft minutes under random edits and corrections', () => {
  it('records or refuses each command, keeps the draft whole, and flags exactly the edits whose words changed under them', () => {
    const seen = { recorded: 0, changed: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => {
        const c = setUp();
        const { core, meetingId, member, item } = c;
        try {
          const draft = () => draftMinutes(c.meeting(), c.body(), { timeZone: TZ });
          const blocks = (): MinutesBlock[] => {
            const d = draft();
            return [...d.front, ...d.minutes.flatMap((m) => m.blocks)];
          };
          for (const s of steps) {
            const all = blocks();
            const target = all[s.pick % all.length];
            let command: Command;
            switch (s.op) {
              case 'edit':
                command = { type: 'minutes.editParagraph', meetingId, key: target.key, text: s.text };
                break;
              case 'add':
                command = { type: 'minutes.addParagraph', meetingId, after: target.key, text: s.text };
                break;
              case 'strike':
                command = { type: 'minutes.strikeParagraph', meetingId, key: target.key };
                break;
              case 'keep':
                command = { type: 'minutes.keepEdit', meetingId, key: target.key };
                break;
              case 'useGenerated':
                command = { type: 'minutes.useGenerated', meetingId, key: target.key };
                break;
              case 'attendance': {
                const who = member(['Cole', 'Meade', 'Dean', 'Hook', 'Vye', 'Bird'][s.pick % 6]);
                const away = s.pick % 2 === 0;
                command = { type: 'attendance.correct', meetingId, memberId: who.id, state: away ? 'apologies' : 'present', stays: away ? [] : [{ from: '10:00', to: '10:00' }], reason: 'Corrected by the clerk' } as Command;
                break;
              }
              case 'note':
                command = { type: 'correction.record', meetingId, reason: 'Notes corrected', change: { type: 'item.note', meetingId, itemId: item('2'), text: s.text.slice(0, 100) } };
                break;
            }
            const before = core.eventCount();
            const outcome = core.dispatch(command);
            if (!outcome.ok) {
              expect(core.eventCount()).toBe(before);
              expect(outcome.error.message).toMatch(/^[A-Z“"].*[.!?)]$/s);
            }
            // Control characters and empty text never reach the record.
            if (outcome.ok && (s.op === 'edit' || s.op === 'add')) expect(s.text.trim()).not.toBe('');
            if (s.text.includes('\u0007') && (s.op === 'edit' || s.op === 'add')) expect(outcome.ok).toBe(false);
            if (outcome.ok) seen.recorded += 1;
            // The draft is whole.
            const d = draft();
            const keys = [...d.front, ...d.minutes.flatMap((m) => m.blocks)].map((b) => b.key);
            expect(new Set(keys).size).toBe(keys.length);
            for (const m of d.minutes) {
              const numbers = m.blocks.filter((b) => b.number !== undefined).map((b) => b.number);
              expect(numbers).toEqual(numbers.map((_, i) => i + 1));
              for (const b of printedBlocks(m.blocks)) expect(b.kind === 'flag' || b.status === 'struck').toBe(false);
              for (const b of m.blocks) {
                const edit = c.meeting().minutesEdits[b.key];
                if (!edit || edit.after !== undefined) continue;
                // Flagged exactly when Chamber's words changed since the edit.
                if (b.status === 'edited') expect(b.editedFrom).toBe(b.generated);
                if (b.status === 'changed') {
                  expect(b.editedFrom).not.toBe(b.generated);
                  seen.changed += 1;
                }
                if (b.status === 'edited' || b.status === 'changed') expect(b.text).toBe(edit.text);
              }
            }
          }
          expect(core.verify().ok).toBe(true);
        } finally {
          core.dispose();
        }
      }),
      {
        numRuns: 25,
        // One run that surely reaches an edit changed under it (random runs reach it only now and
        // then): every paragraph edited, then the notes under the second item corrected.
        examples: [[[...Array.from({ length: 28 }, (_, pick): Step => ({ op: 'edit', pick, text: 'Edited by the clerk.' })), { op: 'note', pick: 0, text: 'The officer introduced the revised report.' }]]],
      },
    );
    // The runs reached what they are about: commands recorded, and edits flagged under a changed record.
    expect(seen.recorded).toBeGreaterThan(25);
    expect(seen.changed).toBeGreaterThan(0);
  }, 120_000);

  it('fills any template with any values without throwing, leaving unknown placeholders to be seen', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.dictionary(fc.constantFrom('member', 'time', 'names', 'text', 'x'), fc.string({ maxLength: 20 })), (template, values) => {
        const filled = fillTemplate(template, values);
        for (const match of template.matchAll(/\{([a-zA-Z]+)\}/g)) if (!(match[1] in values)) expect(filled).toContain(match[0]);
      }),
    );
  });
});
