// The body's house style for its minutes: the words Chamber writes them in. A council words things
// its own way ("moved" or "proposed", "Chairman" or "Chair"), so every sentence is a template of
// the body's, with {placeholders} filled from the record. The default is Kent County Council's
// house style, as its 2015 minutes show (../shared/fixtures/seeds, docs/minutes.md). Pure.
import { z } from 'zod';
import { CONTROL_CHARACTERS } from '../values';

const Template = (max = 400) =>
  z
    .string({ error: 'must be text' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((s) => !CONTROL_CHARACTERS.test(s), { error: 'must not contain control characters' });

/** One rewrite of a motion's words into the decision's: "The County Council is asked to agree" → "the County Council agrees". */
export const ResolvedRewrite = z.strictObject({ from: Template(200).pipe(z.string().min(1, { error: 'must not be empty' })), to: Template(200) });
export type ResolvedRewrite = z.infer<typeof ResolvedRewrite>;

export const MinutesStyle = z
  .strictObject({
    heading: Template().describe('{body}, {venue}, {date} ("Thursday, 22 October 2015").'),
    minuteHeading: Template().describe('{number}, {title}, {item} (the agenda item number).'),
    unrestrictedItems: Template(120),
    exemptItems: Template(200),
    chairman: Template(40).describe('The title of the one presiding: "Chairman" or "Chair".'),
    viceChairman: Template(40),
    virtual: Template(120).describe('A member present virtually in the PRESENT list: {name}.'),
    substitute: Template(120).describe('A substitute in the PRESENT list: {name}, {for}.'),
    apologies: Template().describe('{names}: joined with "and" before the last.'),
    apologiesReporter: Template(120),
    noApologies: Template(),
    noDeclarations: Template(),
    declaration: Template().describe('{member}, {kind}, {item}, {description}.'),
    moved: Template().describe('{mover}, {seconder}.'),
    movedUnseconded: Template().describe('{mover}.'),
    amendmentMoved: Template().describe('{mover}, {seconder}.'),
    proceduralMoved: Template().describe('{mover}, {seconder}, {motion} (its words).'),
    putToRecordedVote: Template().describe('{chair}: follows the words of the motion moved, or stands alone ({motion}: "the motion outlined in paragraph (1) above").'),
    putMotionToRecordedVote: Template().describe('{chair}, {kind}, {paragraph}: the number of the paragraph where it was moved.'),
    agreedWithoutVote: Template().describe('{kind}: motion, amendment, procedural motion.'),
    agreedUnanimously: Template(),
    showOfHands: Template().describe('{kind}, {result}, {for}, {against}, {abstained}.'),
    divisionCounts: Template().describe('A division whose names are not recorded: {kind}, {result}, {for}, {against}, {abstained}.'),
    lostWithoutVote: Template(),
    withdrawn: Template(),
    resolved: Template().describe('{text}: the motion as finally carried, rewritten below.'),
    resolvedRewrites: z.array(ResolvedRewrite).max(40, { error: 'must be at most 40 rewrites' }),
    previousMinutes: Template().describe('{date} of the meeting whose minutes were approved.'),
    previousMinutesCorrected: Template().describe('{date}, {corrections}.'),
    presided: Template().describe('{member} presiding for the item, where it was not the Chairman.'),
    arrived: Template().describe('{member}, {time}.'),
    departed: Template().describe('{member}, {time}.'),
    virtualRuling: Template().describe("The Chair's ruling on virtual attendance, where the body leaves it to the Chair: {chair}, {time}, {ruling}."),
  })
  .describe("The body's house style for its minutes: each sentence a template with {placeholders}.");
export type MinutesStyle = z.infer<typeof MinutesStyle>;

/** The house style of the 2015 minutes (Kent County Council), shipped as every body's default. */
export const DEFAULT_MINUTES_STYLE: MinutesStyle = {
  heading: 'MINUTES of a meeting of the {body} held in the {venue} on {date}.',
  minuteHeading: '{number}. {title} (Item {item})',
  unrestrictedItems: 'UNRESTRICTED ITEMS',
  exemptItems: 'EXEMPT ITEMS (Open access to minutes prohibited)',
  chairman: 'Chairman',
  viceChairman: 'Vice-Chairman',
  virtual: '{name} (present virtually)',
  substitute: '{name} (Substitute for {for})',
  apologies: '{reporter} reported apologies from {names}.',
  apologiesReporter: 'The Director of Governance and Law',
  noApologies: 'There were no apologies for absence.',
  noDeclarations: 'There were no declarations of interest.',
  declaration: '{member} declared {kind} in {item}: {description}.',
  moved: '{mover} moved and {seconder} seconded the following motion:',
  movedUnseconded: '{mover} moved the following motion:',
  amendmentMoved: '{mover} moved and {seconder} seconded the following amendment:',
  proceduralMoved: '{mover} moved and {seconder} seconded the procedural motion “{motion}”',
  putToRecordedVote: '{chair} put this to the vote and the votes cast were as follows:',
  putMotionToRecordedVote: '{chair} then put the {kind} outlined in paragraph ({paragraph}) above to the vote and the votes cast were as follows:',
  agreedWithoutVote: 'The {kind} was agreed without a formal vote.',
  agreedUnanimously: 'Agreed unanimously.',
  showOfHands: 'The {kind} was {result} on a show of hands (For {for}, Against {against}, Abstain {abstained}).',
  divisionCounts: 'The {kind} was put to the vote and {result} (For {for}, Against {against}, Abstain {abstained}).',
  lostWithoutVote: 'The {kind} was lost.',
  withdrawn: 'The {kind} was withdrawn with the consent of the meeting.',
  resolved: 'RESOLVED that {text}',
  resolvedRewrites: [
    { from: 'The County Council is asked to agree', to: 'the County Council agrees' },
    { from: 'The County Council is invited to agree', to: 'the County Council agrees' },
    { from: 'The Committee is asked to agree', to: 'the Committee agrees' },
    { from: 'That this Council', to: 'this Council' },
    { from: 'That ', to: '' },
  ],
  previousMinutes: 'RESOLVED that the minutes of the meeting held on {date} be approved as a correct record.',
  previousMinutesCorrected: 'RESOLVED that the minutes of the meeting held on {date} be approved as a correct record subject to {corrections}.',
  presided: '({member} in the chair)',
  arrived: '{member} arrived at {time}.',
  departed: '{member} left the meeting at {time}.',
  virtualRuling: 'The {chair} ruled at {time} that members attending remotely {ruling}.',
};

/** The body's style, or the house style; a style saved before a template existed takes the default's. */
export const minutesStyleOf = (body: { minutesStyle?: Partial<MinutesStyle> } | undefined): MinutesStyle => ({ ...DEFAULT_MINUTES_STYLE, ...(body?.minutesStyle ?? {}) });

/** The body's own words for the one presiding and their deputy ("Chair", "Chairman", "Mayor"), as its house style has them: every screen uses them. */
export const roleWordsOf = (body: { minutesStyle?: Partial<MinutesStyle> } | undefined): { chair: string; viceChair: string } => {
  const style = minutesStyleOf(body);
  return { chair: style.chairman.trim() || 'Chairman', viceChair: style.viceChairman.trim() || 'Vice-Chairman' };
};

/** A member's role as the body words it: "Vice-Chair" for Vice-Chairman where its style says so; other roles as they are. */
export const roleInWords = (role: string, words: { chair: string; viceChair: string }): string =>
  role === 'Chairman' ? words.chair : role === 'Vice-Chairman' ? words.viceChair : role;

/**
 * A template filled: each {name} replaced by its value; a placeholder with no value is left as it
 * is, so a mistyped name shows in the preview rather than vanishing.
 */
export const fillTemplate = (template: string, values: Readonly<Record<string, string | number | undefined>>): string =>
  template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });

/** The placeholders a template uses that the sentence does not offer: for the style form's messages. */
export const unknownPlaceholders = (template: string, offered: readonly string[]): string[] =>
  [...template.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).filter((name) => !offered.includes(name));
