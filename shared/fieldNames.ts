// The commands' fields in the clerk's words: "items.3.title" is "Item 4's title", "stays.1.to" is
// "Stay 2's departure". Messages name fields this way; details.field keeps the dotted path for the
// screens that place an error beside its field. Pure: no Node, no DOM.
//
// Every field of every command has words here (a test walks the schemas to check); a field added
// without them is still named in words, by splitting its name ("nextMinuteNumber" → "next minute
// number"), never by its path.

/**
 * Words for a field, lower case. A key "parent.field" is used when the field sits in that parent
 * (the nearest name before it in the path, list positions skipped): "stays.to" is a departure,
 * "pages.to" the last page.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  // What a command names, by its id.
  bodyId: 'body',
  meetingId: 'meeting',
  fromMeetingId: 'previous meeting',
  memberId: 'member',
  officerId: 'officer',
  itemId: 'agenda item',
  afterItemId: 'item to add after',
  attendeeId: 'person also present',
  declarationId: 'declaration',
  inPlaceOf: 'member stood in for',
  noticeReceived: 'date notice was received',
  counts: "Chair's ruling on virtual attendance",
  substituteFor: 'member they may stand in for',
  sitsFor: 'what the member sits for',

  // Bodies, members and officers.
  name: 'name',
  kind: 'kind',
  nextMinuteNumber: 'next minute number',
  next: 'next minute number',
  seats: 'number of seats',
  standingOrders: 'standing orders',
  member: 'member',
  members: 'members',
  title: 'title',
  forenames: 'forenames',
  initials: 'initials',
  surname: 'surname',
  knownAs: 'name known by',
  honours: 'honours',
  group: 'political group',
  roles: 'roles',
  voting: 'voting',
  source: 'source',
  officer: 'officer',
  officers: 'officers',
  jobTitle: 'job title',

  // Meetings.
  date: 'date',
  startTime: 'start time',
  venue: 'venue',
  ready: 'ready',
  note: 'note',

  // The agenda.
  items: 'agenda items',
  item: 'agenda item',
  'item.number': 'item number',
  'items.number': 'number',
  'second.number': 'number',
  number: 'number',
  'items.kind': 'kind',
  'item.kind': 'kind of item',
  'second.kind': 'kind',
  pages: 'pages',
  'pages.from': 'first page',
  'pages.to': 'last page',
  proposer: 'proposer',
  seconder: 'seconder',
  motionTitle: 'motion title',
  motionText: 'motion text',
  description: 'description',
  replace: 'whether to replace the agenda',
  toIndex: 'position',
  firstTitle: "first item's title",
  second: 'second item',

  // The meeting as it runs.
  state: 'attendance',
  time: 'time',
  present: 'whether the officer is present',
  capacity: 'capacity',
  stays: 'stays',
  'stays.from': 'arrival',
  'stays.to': 'departure',
  reason: 'reason',
  withdraws: 'whether the member withdraws',
  text: 'notes',

  // Debate.
  wording: 'wording',
  motionId: 'motion',
  procedure: 'procedural motion',
  amends: 'motion amended',
  resultingWording: 'motion as amended',
  moverId: 'mover',
  seconderId: 'seconder',
  seconderReserves: 'whether the seconder reserves their speech',
  reserves: 'whether the seconder reserves their speech',
  outcome: 'outcome',
  how: 'how it was decided',
  for: 'number for',
  against: 'number against',
  abstained: 'number abstaining',
  role: 'role',
  override: "chairman's reason",
  seconds: 'number of seconds',
  suspension: 'limit set by suspending standing orders',
  'suspension.role': 'limit suspended',
  'suspension.seconds': 'limit for the rest of the item',

  // Divisions.
  skipBell: 'whether the chairman skips the division bell',
  divisionId: 'division',
  choice: 'vote',

  // Members' own devices.
  enabled: "whether members may vote from their own devices",
  credentialId: "device's pairing",
  code: 'pairing code',
  requestId: 'request id',

  change: 'change',
  'change.type': 'kind of change',
  timeZone: 'time zone',
  volume: "division bell's volume",
  muted: 'whether the division bell is muted',

  // Standing orders (their messages name the field themselves; these words serve the rest).
  divisionBell: 'division bell',
  'divisionBell.seconds': 'division bell length',
  chairmanMaySkip: 'whether the chairman may skip the division bell',
  votingWindowSeconds: 'voting window',
  speechLimits: 'speech limits',
  'speechLimits.mover': 'speech limit for the mover',
  'speechLimits.seconder': 'speech limit for the seconder',
  'speechLimits.otherSpeaker': 'speech limit for other speakers',
  'speechLimits.amendmentMover': 'speech limit for the mover of an amendment',
  'speechLimits.rightOfReply': "speech limit for the mover's right of reply",
  'speechLimits.groupLeader': 'speech limit for group leaders',
  'speechLimits.cabinetMember': 'speech limit for Cabinet Members',
  mover: 'mover',
  otherSpeaker: 'other speakers',
  amendmentMover: 'mover of an amendment',
  rightOfReply: 'right of reply',
  groupLeader: 'group leaders',
  cabinetMember: 'Cabinet Members',
  timeLimitedDebateMinutes: 'time-limited debate',
  questionTimeMinutes: 'question time',
  quorum: 'quorum rule',
  'quorum.kind': 'kind of quorum rule',
  numerator: 'quorum numerator',
  denominator: 'quorum denominator',
  count: 'quorum',
  composition: 'rule for a minimum from each group',
  groups: 'groups in the quorum rule',
  minimumEach: 'minimum from each group',
  conditions: 'quorum conditions',
  'conditions.groups': 'groups in the quorum condition',
  'conditions.roles': 'roles in the quorum condition',
  minimum: 'minimum in the quorum condition',
  atLeast: 'number of groups to be represented',
  presidingOrder: 'presiding list',
  castingVote: 'casting vote',
  simpleMajorityOf: 'simple majority of',
  usualDecision: 'usual way of deciding',
  consensusFirst: 'whether the body seeks consensus first',
  'usualDecision.vote': 'how votes are usually taken',
  organisationVotes: 'votes by organisation',
  'organisationVotes.organisations': 'organisations that vote as one',
  whenRepresentativesDisagree: 'rule when representatives disagree',
  exclusionReasons: 'reasons for excluding the public',
  virtualAttendanceCounts: 'virtual attendance',
  'virtualAttendanceCounts.quorum': 'whether virtual attendance counts towards the quorum',
  'virtualAttendanceCounts.voting': 'whether members attending virtually may vote',
  atChairsDiscretion: "whether virtual attendance counts at the Chair's discretion",
  deputies: 'deputies',
  'deputies.kind': 'kind of deputies',
  noticeWorkingDays: "working days' notice of an alternate",
  recordedVote: 'recorded votes',
  always: 'whether every vote is recorded',
  onRequestOf: 'members needed to request a recorded vote',
  forBudget: 'whether budget decisions are always recorded',
  nameStyle: 'names in recorded votes',
  divisionResults: 'division results',
  countsShownLive: 'whether the counts are shown while the vote is open',
  votesFinalOnceCast: 'whether a vote is final once cast',
  closeWhenAllVoted: 'whether the vote closes once every member has voted',
  specialMajority: 'the special majority',
  budget: 'whether it is a budget decision',
  recordedVoteRequestedBy: 'the members asking for a recorded vote',
  specialMajorities: 'special majorities',
  fraction: 'the fraction of a special majority',
  of: 'what a special majority is a fraction of',

  // The minutes.
  key: 'paragraph',
  after: 'paragraph to add after',
  heldOn: 'date of the previous meeting',
  corrections: 'corrections',
  style: 'house style',
  'style.heading': 'heading of the minutes',
  'style.minuteHeading': 'heading of each minute',
  'style.unrestrictedItems': 'heading of the unrestricted items',
  'style.exemptItems': 'heading of the exempt items',
  'style.chairman': "title of the one presiding",
  'style.viceChairman': "vice-chairman's title",
  'style.virtual': 'member present virtually',
  'style.substitute': 'substitute',
  'style.apologies': 'apologies sentence',
  'style.apologiesReporter': 'who reports the apologies',
  'style.noApologies': 'sentence for no apologies',
  'style.noDeclarations': 'sentence for no declarations',
  'style.declaration': 'declaration sentence',
  'style.moved': 'motion moved and seconded',
  'style.movedUnseconded': 'motion moved',
  'style.amendmentMoved': 'amendment moved and seconded',
  'style.proceduralMoved': 'procedural motion moved and seconded',
  'style.putToRecordedVote': 'procedural motion put to a recorded vote',
  'style.putMotionToRecordedVote': 'motion put to a recorded vote',
  'style.agreedWithoutVote': 'agreed without a formal vote',
  'style.agreedUnanimously': 'agreed unanimously',
  'style.showOfHands': 'show of hands',
  'style.divisionCounts': 'vote without names',
  'style.lostWithoutVote': 'lost',
  'style.withdrawn': 'withdrawn',
  'style.resolved': 'RESOLVED line',
  'style.resolvedRewrites': 'rewrites of the RESOLVED line',
  'resolvedRewrites.from': 'words rewritten',
  'resolvedRewrites.to': 'words they become',
  'style.previousMinutes': 'previous minutes approved',
  'style.previousMinutesCorrected': 'previous minutes approved with corrections',
  'style.presided': 'who presided',
  'style.arrived': 'late arrival',
  'style.departed': 'early departure',
  'style.virtualRuling': "the Chair's ruling on virtual attendance",
};

/** Words for one entry of a list, numbered from 1: "items.3" is "item 4". */
const ENTRY_WORDS: Readonly<Record<string, string>> = {
  items: 'item',
  stays: 'stay',
  members: 'member',
  officers: 'officer',
  initials: 'initial',
  honours: 'honour',
  roles: 'role',
  groups: 'group',
  specialMajorities: 'special majority',
};

/**
 * Objects named on the way to a field. Others are left out: "member.surname" is just the surname
 * (the command is about that member), "divisionBell.seconds" the division bell length.
 */
const NAMED_ON_THE_WAY: Readonly<Record<string, string>> = {
  second: 'second item',
};

/** "nextMinuteNumber" → "next minute number"; "joint_committee" → "joint committee". */
export const splitName = (name: string): string =>
  name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-\s]+/g, ' ')
    .trim()
    .toLowerCase();

/** A record's own entry only: a field called "constructor" is not Object's. */
const own = (record: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

const singular = (words: string): string => (/[^s]s$/.test(words) ? words.slice(0, -1) : words);

/** Whether a field has words of its own here (the fallback splits its name). */
export const hasFieldWords = (name: string, parent?: string): boolean =>
  (parent !== undefined && own(FIELD_WORDS, `${parent}.${name}`) !== undefined) || own(FIELD_WORDS, name) !== undefined;

const wordsFor = (name: string, parent: string | undefined): string =>
  (parent !== undefined ? own(FIELD_WORDS, `${parent}.${name}`) : undefined) ?? own(FIELD_WORDS, name) ?? splitName(name);

const entryWordsFor = (list: string | undefined): string =>
  list === undefined ? 'entry' : (own(ENTRY_WORDS, list) ?? singular(splitName(list)));

const possessive = (phrase: string): string => (phrase.endsWith('s') && !/\d$/.test(phrase) ? `${phrase}'` : `${phrase}'s`);

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A field's path in words, with a capital: "description" → "Description", "items.3.title" →
 * "Item 4's title", "stays.1.to" → "Stay 2's departure", "member.initials.0" → "Initial 1".
 * Empty for the command as a whole (an empty path).
 */
export const fieldWords = (path: string | readonly PropertyKey[]): string => {
  const segments = (typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path.map(String)).filter((s) => s !== '');
  const phrases: string[] = [];
  let parent: string | undefined;
  segments.forEach((segment, index) => {
    if (/^\d+$/.test(segment)) {
      // A position in the list just named: "items" then "3" is item 4.
      phrases.push(`${entryWordsFor(parent)} ${Number(segment) + 1}`);
      return;
    }
    const within = parent;
    parent = segment;
    const next = segments[index + 1];
    if (next === undefined) phrases.push(wordsFor(segment, within));
    else if (/^\d+$/.test(next)) return; // named by its entry, next
    else {
      const named = own(NAMED_ON_THE_WAY, segment);
      if (named !== undefined) phrases.push(named);
    }
  });
  if (phrases.length === 0) return '';
  return capitalise(phrases.map((p, i) => (i < phrases.length - 1 ? possessive(p) : p)).join(' '));
};
