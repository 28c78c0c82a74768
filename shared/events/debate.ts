// Facts of debate. `time` is when it happened; the envelope's `at` is when Chamber recorded it.
import { z } from 'zod';
import { MotionKind, ProceduralMotion, ResolvedHow, SpeechRole, SuspendedLimit } from '../commands/debate';
import { Id, Instant } from '../values';

const m = { meetingId: Id };

export const debateEventSchemas = {
  'motion.moved': z.strictObject({
    ...m,
    motionId: Id,
    itemId: Id,
    kind: MotionKind,
    procedure: ProceduralMotion.optional(),
    amends: Id.optional(),
    text: z.string(),
    resultingText: z.string().optional(),
    moverId: Id,
    seconderId: Id.optional(),
    seconderReserves: z.boolean().optional(),
    suspension: z.strictObject({ role: SuspendedLimit, seconds: z.int() }).optional(),
    time: Instant,
  }),
  'motion.seconded': z.strictObject({ ...m, motionId: Id, seconderId: Id, reserves: z.boolean(), time: Instant }),
  'motion.altered': z.strictObject({ ...m, motionId: Id, text: z.string(), reason: z.string() }),
  'motion.withdrawn': z.strictObject({ ...m, motionId: Id, reason: z.string() }),
  'motion.resolved': z.strictObject({
    ...m,
    motionId: Id,
    outcome: z.enum(['carried', 'lost']),
    how: ResolvedHow,
    for: z.int().optional(),
    against: z.int().optional(),
    abstained: z.int().optional(),
    /** When decided by a division: which. */
    divisionId: Id.optional(),
    time: Instant,
  }),
  'speaker.added': z.strictObject({ ...m, memberId: Id, role: SpeechRole.optional() }),
  'speaker.removed': z.strictObject({ ...m, memberId: Id }),
  'speech.started': z.strictObject({
    ...m,
    speechId: Id,
    itemId: Id,
    motionId: Id.optional(),
    memberId: Id.optional(),
    officer: z.string().optional(),
    role: SpeechRole,
    limitSeconds: z.int(),
    override: z.string().optional(),
    time: Instant,
  }),
  'speech.ended': z.strictObject({ ...m, speechId: Id, time: Instant }),
  'speech.extended': z.strictObject({ ...m, speechId: Id, seconds: z.int(), reason: z.string(), time: Instant }),
  'ruling.recorded': z.strictObject({ ...m, rulingId: Id, itemId: Id, text: z.string() }),
} as const;
