// Commands of debate: motions, amendments and procedural motions, their seconding, alteration,
// withdrawal and outcome; the speakers' list; speeches with their clocks; the chairman's rulings.
// Outcomes are recorded by hand until divisions exist: carried or lost, and how. A division will
// add the electronic vote as another way of resolving the same motion.
import { z } from 'zod';
import { Id, Line, OptionalLine, orMissing } from '../values';
import { GivenTime } from './live';

const time = GivenTime.optional().describe('When it happened: "HH:MM" local time on the sitting day, or an ISO instant; default now.');

/** Words of a motion as moved: up to 20,000 characters (a long report's recommendations), trimmed. */
export const MotionText = z
  .string({ error: orMissing('must be text') })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(20_000, { error: 'must be at most 20,000 characters' });

export const MotionKind = z.enum(['substantive', 'amendment', 'procedural'], { error: orMissing('must be substantive, amendment or procedural') });
export type MotionKind = z.infer<typeof MotionKind>;

export const ProceduralMotion = z.enum(['closure', 'adjourn_debate', 'adjourn_meeting', 'next_business', 'exclude_public', 'suspend_standing_order', 'refer_back'], {
  error: orMissing('must be one of closure, adjourn debate, adjourn meeting, next business, exclude public, suspend standing order or refer back'),
});
export type ProceduralMotion = z.infer<typeof ProceduralMotion>;

export const OutcomeHow = z.enum(['without_vote', 'unanimous', 'show_of_hands'], { error: orMissing('must be without vote, unanimous or show of hands') });
export type OutcomeHow = z.infer<typeof OutcomeHow>;

/** How a motion's outcome was reached, as recorded: by hand (OutcomeHow), or by a division when it closes (never by hand). */
export const ResolvedHow = z.enum([...OutcomeHow.options, 'division']);
export type ResolvedHow = z.infer<typeof ResolvedHow>;

export const SpeechRole = z.enum(['mover', 'seconder', 'amendment_mover', 'other', 'right_of_reply', 'officer_advice', 'point_of_order', 'personal_explanation'], {
  error: orMissing('must be mover, seconder, amendment mover, other, right of reply, officer advice, point of order or personal explanation'),
});
export type SpeechRole = z.infer<typeof SpeechRole>;

/** Roles that interrupt the speaker, whose clock stops until they end. */
export const INTERRUPTING_ROLES: readonly SpeechRole[] = ['point_of_order', 'personal_explanation'];

/** Roles that count as a member's one speech on a motion under the usual standing orders (the reply and interruptions aside). */
export const COUNTED_ROLES: readonly SpeechRole[] = ['mover', 'seconder', 'amendment_mover', 'other'];

/** What a motion to suspend a standing order may change for the rest of the item: a role's speech limit, or the whole time-limited debate's. */
export const SuspendedLimit = z.enum(['mover', 'seconder', 'amendment_mover', 'other', 'right_of_reply', 'debate'], {
  error: orMissing('must be mover, seconder, amendment mover, other, right of reply or debate'),
});
export type SuspendedLimit = z.infer<typeof SuspendedLimit>;

export const Suspension = z
  .strictObject({
    role: SuspendedLimit.describe("The limit changed: a speaker's role, or 'debate' for the whole time-limited debate."),
    seconds: z
      .int({ error: orMissing('must be a whole number of seconds from 0 to 7200') })
      .min(0, { error: 'must be a whole number of seconds from 0 to 7200' })
      .max(7200, { error: 'must be a whole number of seconds from 0 to 7200' })
      .describe('The limit for the rest of the item, in seconds; 0 for no limit.'),
  })
  .describe('For a motion to suspend a standing order: the limit it sets for the rest of the item, if it is carried.');
export type Suspension = z.infer<typeof Suspension>;

const Count = z.int({ error: orMissing('must be a whole number') }).min(0, { error: 'must be 0 or more' }).max(1000, { error: 'must be at most 1000' });

export const moveMotion = z
  .strictObject({
    type: z.literal('motion.move'),
    meetingId: Id,
    itemId: Id,
    kind: MotionKind,
    procedure: ProceduralMotion.optional().describe('For a procedural motion: which one.'),
    amends: Id.optional().describe('For an amendment: the motion it amends (the substantive motion before the meeting).'),
    wording: MotionText.describe('The words moved. For an amendment, the amendment as moved.'),
    resultingWording: MotionText.optional().describe('For an amendment: the motion as it would read if the amendment is carried.'),
    moverId: Id,
    seconderId: Id.optional(),
    seconderReserves: z.boolean().optional().describe('The seconder reserves their speech.'),
    suspension: Suspension.optional(),
    time,
  })
  .describe('Move a motion, an amendment or a procedural motion on the item being taken, with its mover (and seconder, if seconded at once).');

export const secondMotion = z
  .strictObject({ type: z.literal('motion.second'), meetingId: Id, motionId: Id, seconderId: Id, reserves: z.boolean().optional(), time })
  .describe('Record the seconder of a motion moved; they may reserve their speech.');

export const alterMotion = z
  .strictObject({
    type: z.literal('motion.alter'),
    meetingId: Id,
    motionId: Id,
    wording: MotionText,
    reason: OptionalLine(300).describe('e.g. "Altered by the mover with the consent of the meeting", or a friendly amendment accepted.'),
  })
  .describe('Alter a motion with consent (or accept a friendly amendment without a vote): a new version of its words; every version is kept.');

export const withdrawMotion = z
  .strictObject({ type: z.literal('motion.withdraw'), meetingId: Id, motionId: Id, reason: OptionalLine(300) })
  .describe('Record that a motion was withdrawn, with the consent of the meeting.');

export const resolveMotion = z
  .strictObject({
    type: z.literal('motion.resolve'),
    meetingId: Id,
    motionId: Id,
    outcome: z.enum(['carried', 'lost'], { error: orMissing('must be carried or lost') }),
    how: OutcomeHow,
    for: Count.optional(),
    against: Count.optional(),
    abstained: Count.optional(),
    time,
  })
  .describe('Record the outcome of a motion put to the meeting, and how it was reached (counts for a show of hands). A carried amendment makes the amended motion the substantive motion.');

export const addSpeaker = z
  .strictObject({ type: z.literal('speaker.add'), meetingId: Id, memberId: Id, role: SpeechRole.optional() })
  .describe("Add a member who has asked to speak to the item's speakers' list.");

export const removeSpeaker = z
  .strictObject({ type: z.literal('speaker.remove'), meetingId: Id, memberId: Id })
  .describe("Take a member off the speakers' list.");

export const startSpeech = z
  .strictObject({
    type: z.literal('speech.start'),
    meetingId: Id,
    memberId: Id.optional().describe('The member speaking; left out for an officer giving advice.'),
    officer: OptionalLine(200).optional().describe('For officer advice: who gave it.'),
    role: SpeechRole,
    override: OptionalLine(300).optional().describe("The chairman's reason for allowing what the standing orders would not (a second speech), recorded."),
    time,
  })
  .describe('The chairman calls a speaker: their clock starts. A point of order or a personal explanation interrupts the speaker, whose clock stops until it ends.');

export const callNextSpeaker = z
  .strictObject({ type: z.literal('speaker.callNext'), meetingId: Id, time })
  .describe("The chairman calls the next speaker: whoever heads the speakers' list when this reaches the core, in the role the motion before the meeting gives them (as speech.start).");

export const endSpeech = z.strictObject({ type: z.literal('speech.end'), meetingId: Id, time }).describe('The speaker has finished (an interrupted speaker resumes).');

export const extendSpeech = z
  .strictObject({
    type: z.literal('speech.extend'),
    meetingId: Id,
    seconds: z
      .int({ error: orMissing('must be a whole number of seconds') })
      .min(1, { error: 'must be at least 1 second' })
      .max(3600, { error: 'must be at most 3600 seconds (an hour)' })
      .describe('The time added to the speaker\'s limit, in seconds (1 to 3600).'),
    reason: Line(300).describe('The chairman\'s reason, for the minutes: e.g. "Extended by the Chairman: the mover was interrupted by the fire alarm".'),
    time,
  })
  .describe("The chairman gives the member speaking more time (at the chairman's discretion): their limit grows by the seconds given, with the reason recorded. Only a speech with a time limit can be extended.");

export const recordRuling = z
  .strictObject({ type: z.literal('ruling.record'), meetingId: Id, wording: MotionText.describe("The chairman's ruling, in short.") })
  .describe("Record a ruling of the chairman on the item being taken, for the minutes.");

export const debateCommands = [moveMotion, secondMotion, alterMotion, withdrawMotion, resolveMotion, addSpeaker, removeSpeaker, startSpeech, callNextSpeaker, endSpeech, extendSpeech, recordRuling] as const;
