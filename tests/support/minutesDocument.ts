// A minutes document built by hand, as the exporters' tests use it: the front of the 22 October
// 2015 minutes of Kent County Council, minute 43 with its numbered paragraphs, motion, recorded
// vote and resolution, a struck paragraph and a flag (neither ever printed), and hostile text:
// quotation marks, ampersands, angle brackets, control characters, right-to-left and Chinese
// names and a paragraph of 100,000 characters. The confidential record of an exempt item is
// built separately.
import type { MinutesBlock, MinutesDocument, Minute } from '../../shared/minutes/model';

export const STRUCK_TEXT = 'This paragraph was struck out by the clerk and must never be printed.';
export const FLAG_TEXT = 'Nothing is recorded for this item: the clerk must say what happened.';
export const EXEMPT_TEXT = 'The Council agreed the sale of the Maidstone depot to Bidder B for £4.2m.';
export const ARABIC_NAME = 'السيدة فاطمة الزهراء';
export const HEBREW_NAME = 'מר דוד כהן';
export const CHINESE_NAME = '王小明先生';
/** 100,000 characters: a paragraph long enough to find what is quadratic or truncating. */
export const LONG_PARAGRAPH = `${'The Leader answered at length. '.repeat(3300).slice(0, 99_996)} End`;

const block = (key: string, kind: MinutesBlock['kind'], text: string, more: Partial<MinutesBlock> = {}): MinutesBlock => ({
  key,
  kind,
  text,
  status: 'generated',
  generated: text,
  editable: kind !== 'recordedVote',
  ...more,
});

const FOR_NAMES = ['Mrs A Allen', 'Mr M Angell', 'Mr M Baldock', 'Mr R Bird & Mrs B <Bird>', ARABIC_NAME, CHINESE_NAME];
const AGAINST_NAMES = ['Mr R Bird', 'Mr B Clark', 'Mr M Vye', HEBREW_NAME];
const ABSTAIN_NAMES = ['Mr H Birkby', 'Mr L Burgess', 'Mr C Caller', 'Mr A Crowther'];

export const minute35: Minute = {
  key: 'item:i1',
  itemId: 'i1',
  number: 35,
  itemNumber: '1',
  title: 'Apologies for Absence',
  heading: '35. Apologies for Absence (Item 1)',
  exempt: false,
  numbered: false,
  blocks: [
    block('item:i1:apologies', 'paragraph', 'The Director of Governance and Law reported apologies from Mr Baldock, Mr Truelove & Mr\u0007 Wedgbury.'),
    block('item:i1:flag', 'flag', FLAG_TEXT),
  ],
};

export const minute43: Minute = {
  key: 'item:i9',
  itemId: 'i9',
  number: 43,
  itemNumber: '9',
  title: 'Motion for Time Limited Debate',
  heading: '43. Motion for Time Limited Debate (Item 9)',
  exempt: false,
  numbered: true,
  blocks: [
    block('item:i9:motion:m1:moved', 'paragraph', 'Mr Vye moved and Mr Bird seconded the following motion:', { number: 1 }),
    block('item:i9:motion:m1:words', 'quotation', '“That this Council supports the <script>alert("x")</script> campaign & the "Kent Test" review.”\nIt asks the Leader to write to the Secretary of State.'),
    block('item:i9:struck', 'paragraph', STRUCK_TEXT, { status: 'struck', number: 3 }),
    block(
      'item:i9:motion:m2:moved',
      'paragraph',
      'Mr Kite moved and Mr Parry seconded the procedural motion “that the question be put”, the Chairman put this to the vote and the votes cast were as follows:',
      { number: 2 },
    ),
    block('item:i9:division:d1', 'recordedVote', 'For (64) …', {
      vote: {
        ways: [
          { heading: 'For', count: 64, names: FOR_NAMES },
          { heading: 'Against', count: 4, names: AGAINST_NAMES },
          { heading: 'Abstain', count: 4, names: ABSTAIN_NAMES },
        ],
        outcome: 'Procedural motion carried',
      },
    }),
    block('item:i9:speech:s1', 'subheading', '(a) Mr William Whelan'),
    block('item:i9:speech:s2', 'paragraph', LONG_PARAGRAPH, { number: 3, status: 'added', generated: '' }),
    block('item:i9:note:markdown', 'paragraph', '# Not a heading\n- not a list\n1. not a list either\n*not emphasis* _nor this_ [not a link](http://x) `not code` \\ back\\slash', { number: 4, status: 'edited' }),
    block('item:i9:resolved', 'resolution', 'RESOLVED that the Council supports the campaign.', { number: 5 }),
  ],
};

export const minutesDocument = (): MinutesDocument => ({
  meetingId: 'meeting-2015-10-22',
  bodyName: 'Kent County Council',
  date: '2015-10-22',
  longDate: 'Thursday, 22 October 2015',
  record: 'public',
  heading: 'MINUTES of a meeting of the Kent County Council held in the Council Chamber, Sessions House, County Hall, Maidstone on Thursday, 22 October 2015.',
  front: [
    block('front:present', 'attendance', `Mr M J Harrison (Chairman)\nMr T Gates (Vice-Chairman)\nMrs A D Allen, MBE, Mr M J Angell, ${ARABIC_NAME}, ${CHINESE_NAME} and Mrs Z Wiltshire`, { label: 'PRESENT:' }),
    block('front:attendance', 'attendance', 'David Cockburn (Corporate Director of Strategic & Corporate Services), Geoff Wild (Director of Governance and Law) and Peter Sass (Head of Democratic Services)', {
      label: 'IN ATTENDANCE:',
      labelInline: true,
    }),
  ],
  sectionHeading: 'UNRESTRICTED ITEMS',
  minutes: [minute35, minute43],
  numbers: { first: 35, last: 44 },
  confirmed: false,
  attention: [{ key: 'item:i1:flag', minuteKey: 'item:i1', why: FLAG_TEXT }],
});

/** The exempt item, as the public minutes may name it: its heading, never its words. */
export const exemptMinute: Minute = {
  key: 'item:i12',
  itemId: 'i12',
  number: 44,
  itemNumber: '12',
  title: 'Disposal of the Maidstone depot',
  heading: '44. Disposal of the Maidstone depot (Item 12)',
  exempt: true,
  numbered: false,
  blocks: [block('item:i12:resolved', 'resolution', `RESOLVED that ${EXEMPT_TEXT}`)],
};

/** The confidential record of the exempt item. */
export const confidentialDocument = (): MinutesDocument => ({
  ...minutesDocument(),
  record: 'confidential',
  front: [],
  sectionHeading: 'EXEMPT ITEMS (open access to minutes)',
  minutes: [exemptMinute],
});
