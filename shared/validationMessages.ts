// A command that does not match its schema, told in the clerk's words: "Item 4's title must not be
// empty.", not "agenda.import: items.3.title must not be empty." or "Invalid input: expected
// string, received number". The one place that words a schema's problems: the dispatcher uses it
// for every command, and a screen may use it for its own checks. Pure: no Node, no DOM.
//
// The rule:
// - A schema's own message is either a fragment ("must not be empty"), which follows the field's
//   words, or a whole sentence with a capital ("Quorum denominator must be …"), which names the
//   field itself and is kept as it is.
// - zod's own wording ("Invalid input: expected boolean, received string", "Unrecognized key:
//   …") is replaced by a fragment in ours, made from the issue's code. (A schema's own message
//   must therefore not begin "Invalid ", "Too big:", "Too small:" or "Unrecognized key".)
// - The field is named in words (shared/fieldNames.ts): list positions from 1 ("Item 4's title");
//   never the command's type, a dotted path, or a zod code.
// - `details.field` keeps the dotted path of the first problem, and `details.issues` every problem
//   by path, with its message as the schema gives it (the fragment, or our fragment for zod's
//   wording), so that a form can place each beside its field under its own label.
import type { z } from 'zod';
import { chamberError, type ChamberError } from './errors';
import { capitalise, fieldWords } from './fieldNames';

export interface FieldIssue {
  /** Dotted path, e.g. "items.3.title"; empty for the command as a whole. */
  field: string;
  /** A fragment to follow the field's words ("must not be empty"), or a whole sentence. */
  message: string;
}

/** zod's own messages: what a schema left to zod's defaults. */
const ZOD_WORDING = /^(Invalid |Too big:|Too small:|Unrecognized key)/;

/** A key the sender gave that the schema does not know, quoted and kept short. */
const quoteKey = (key: string): string => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** Keys the schema does not know: the first three, then how many more. */
const keysOf = (keys: readonly string[], last: 'or' | 'and'): string =>
  keys.length <= 3 ? listOf(keys.map(quoteKey), last) : `${keys.slice(0, 3).map(quoteKey).join(', ')} ${last} ${keys.length - 3} more`;

/** "a", "a or b", "a, b or c". */
const listOf = (words: readonly string[], last: 'or' | 'and'): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;

/**
 * A value the schema accepts, as the clerk would say it: a code such as "vice_chairman" in words
 * ("vice chairman"); anything else quoted as it must be sent.
 */
const value = (v: unknown): string => (typeof v === 'string' ? (/^[a-z]+(?:_[a-z]+)*$/.test(v) ? v.replaceAll('_', ' ') : JSON.stringify(v)) : String(v));

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  object: 'must be a set of details (an object)',
  array: 'must be a list',
  date: 'must be a date',
};

/** "must be at most 200 characters", "must have at most 6 entries", "must be at least 1". */
const size = (issue: { origin?: string; inclusive?: boolean }, bound: number | bigint, direction: 'least' | 'most'): string => {
  const exclusive = issue.inclusive === false;
  const comparison = direction === 'least' ? (exclusive ? 'more than' : 'at least') : exclusive ? (issue.origin === 'array' || issue.origin === 'set' ? 'fewer than' : 'less than') : 'at most';
  const one = Number(bound) === 1;
  if (issue.origin === 'string') return `must be ${comparison} ${bound} ${one ? 'character' : 'characters'} long`;
  if (issue.origin === 'array' || issue.origin === 'set') return `must have ${comparison} ${bound} ${one ? 'entry' : 'entries'}`;
  return `must be ${comparison} ${bound}`;
};

/** Our fragment for what zod would have said in its own words. */
const fromCode = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return 'must be given';
      return Object.hasOwn(TYPE_WORDS, issue.expected) ? TYPE_WORDS[issue.expected] : 'is not the right kind of value';
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${value(issue.values[0])}` : `must be one of ${listOf(issue.values.map(value), 'or')}`;
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        if (Number(issue.minimum) === 1 && issue.inclusive !== false) return 'must not be empty';
      }
      return size(issue, issue.minimum, 'least');
    case 'too_big':
      return size(issue, issue.maximum, 'most');
    case 'invalid_format':
      return issue.format === 'uuid' ? 'must be an id (UUID)' : 'is not written in a form Chamber accepts';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `includes ${keysOf(issue.keys, 'and')}, which Chamber does not recognise`;
    case 'invalid_union':
      return 'note' in issue && issue.note === 'No matching discriminator' ? 'is not one Chamber accepts here' : 'is not in a form Chamber accepts';
    case 'invalid_key':
    case 'invalid_element':
      return 'has an entry Chamber cannot read';
    default:
      return 'is not valid';
  }
};

/** One issue's message in our words: the schema's own, or ours in place of zod's. */
export const issueMessage = (issue: z.core.$ZodIssue): string => {
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
    return `Chamber does not recognise ${keysOf(issue.keys, 'or')}`;
  }
  return fromCode(issue);
};

/** Whether a message is a whole sentence (it names its field itself) rather than a fragment. */
const isSentence = (message: string): boolean => !/^\p{Ll}/u.test(message);

/**
 * An issue as a sentence for the clerk: the field in words, then the fragment ("Item 4's title
 * must not be empty."); a whole sentence stays as it is, with a full stop.
 */
export const issueSentence = ({ field, message }: FieldIssue): string => {
  const words = fieldWords(field);
  const sentence = isSentence(message) || !words ? capitalise(message) : `${words} ${message}`;
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
};

/** Every issue by its dotted path, in our words. */
export const fieldIssues = (error: { issues: readonly z.core.$ZodIssue[] }): FieldIssue[] =>
  error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issueMessage(issue) }));

/**
 * A command that does not match its schema as the core's refusal: the first problem as a
 * sentence for the clerk, its path in `details.field`, and every problem in `details.issues`.
 */
export const validationError = (error: { issues: readonly z.core.$ZodIssue[] }): ChamberError => {
  const issues = fieldIssues(error);
  const first = issues[0] ?? { field: '', message: 'This is not a command Chamber can read' };
  return chamberError('invalid_command', issueSentence(first), { field: first.field, issues });
};
