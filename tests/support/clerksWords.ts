// What every refusal the clerk can see must satisfy: a sentence in words, never a command's type,
// a dotted path, an id, a zod code or zod's own wording. Text in quotation marks is the sender's
// own (a key Chamber does not recognise, a name the clerk typed) and is left out of the checks.
import { expect } from 'vitest';
import { commandSchemaByType } from '../../shared/commands';
import type { ChamberError } from '../../shared/errors';

/** The zod codes, which are never shown to the clerk. */
export const ZOD_CODES = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value'];
/** zod's own wording. */
export const ZOD_WORDING = /Invalid (input|option|discriminator|string|number|key|value)|Unrecognized key|Too (big|small)|expected \w+, received|received undefined/;
/** A path such as items.3.title or quorum.denominator. */
export const DOTTED_PATH = /(?<![\w.])[A-Za-z_]\w*\.(?:\d+|[A-Za-z_]\w*)/;
/** A code such as vice_chairman or disclosable_pecuniary. */
export const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/;
/** A field's name as the schema spells it, such as startTime or memberId. */
export const CAMEL_CASE = /\b[a-z]+[A-Z]\w*\b/;
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export const withoutQuoted = (message: string): string => message.replace(/"(?:[^"\\]|\\.)*"/g, '""');

const commandTypes = [...commandSchemaByType.keys()];

/**
 * Strings the sender gave (a title, a name) that a message may repeat, as the clerk typed them:
 * every string in a command except its type and its ids.
 */
export const typedText = (command: unknown, into = new Set<string>(), key?: string): Set<string> => {
  if (typeof command === 'string') {
    const text = command.trim();
    if (key !== 'type' && text.length >= 1 && !UUID.test(text)) into.add(text);
  } else if (Array.isArray(command)) for (const value of command) typedText(value, into);
  else if (command && typeof command === 'object') for (const [k, value] of Object.entries(command)) typedText(value, into, k);
  return into;
};

/**
 * The message of a refusal, whatever its code, reads as a sentence in the clerk's words. `typed`
 * is text the clerk gave (titles, names), which the message may repeat as it was typed.
 */
export const expectClerksSentence = (message: string, typed: Iterable<string> = []): void => {
  const repeated = [...typed].filter((t) => message.includes(t)).sort((a, b) => b.length - a.length);
  // What the clerk typed is taken out first (it may itself contain quotes), then anything quoted.
  // (A single letter is not taken out: it would take words apart.)
  let words = message;
  for (const text of repeated) if (text.length >= 2) words = words.split(text).join('""');
  words = withoutQuoted(words);
  // A capital, unless the sentence begins with what the clerk typed (a body called "b").
  if (!repeated.some((t) => message.startsWith(t))) expect(message).toMatch(/^\p{Lu}/u);
  expect(message).toMatch(/[.!?]$/);
  for (const type of commandTypes) expect(words).not.toContain(type);
  for (const code of ZOD_CODES) expect(words).not.toContain(code);
  expect(words).not.toMatch(ZOD_WORDING);
  expect(words).not.toMatch(DOTTED_PATH);
  expect(words).not.toMatch(SNAKE_CASE);
  expect(words).not.toMatch(CAMEL_CASE);
  expect(words).not.toMatch(UUID);
  expect(words).not.toMatch(/undefined|\[object|NaN/);
};

/**
 * A refusal the clerk can see: its message in words (above), while details.field keeps the path
 * so that a form can place it beside its field, and for an invalid command details.issues every
 * problem by path.
 */
export const expectClerksRefusal = (error: ChamberError, typed: Iterable<string> = []): void => {
  expectClerksSentence(error.message, typed);
  if (error.code !== 'invalid_command' || error.details.field === 'type') return;
  const issues = error.details.issues;
  expect(issues?.length).toBeGreaterThan(0);
  expect(error.details.field).toBe(issues![0].field);
  for (const issue of issues!) {
    expect(issue.message).not.toMatch(ZOD_WORDING);
    for (const code of ZOD_CODES) expect(issue.message).not.toContain(code);
  }
};
