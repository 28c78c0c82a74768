// Bounds on what a window may send the main process, checked before anything reaches the core:
// the same 1 MB per command as browser mode's request body, a watch list of at most a few dozen
// topic names, and a sync operation's short name with the same 4 KB of input as browser mode's
// sync routes. Pure: no electron import.
import { chamberError, notFound, type ChamberError } from '../../shared/errors';
import { isTopic, type Topic } from '../../shared/topics';
import { DEFAULT_BODY_LIMIT, SYNC_INPUT_LIMIT, tooLargeError } from '../core/host/limits';

export const MAX_COMMAND_BYTES = DEFAULT_BODY_LIMIT;
/** Largest input to a sync operation (a server address and a device key), as browser mode's sync routes. */
export const MAX_SYNC_INPUT_BYTES = SYNC_INPUT_LIMIT;
/** Longest sync operation name looked at; the real ones are single words. */
export const MAX_SYNC_OPERATION_LENGTH = 40;
/** Most topics one window may watch at once (as a clerk's live connection in browser mode). */
export const MAX_WATCHED_TOPICS = 64;
/** Longest topic name looked at; the longest real one ("display:" and an id) is 44 characters. */
export const MAX_TOPIC_LENGTH = 100;

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The size of `value` written as JSON, in bytes, counted no further than `limit`: once it is known
 * to be larger the count stops and a number over `limit` is returned. The work is bounded by the
 * limit whatever arrives (a huge array, a huge string, an object that contains itself: IPC keeps
 * cycles), except that an object's keys are listed whole by the engine before the first is
 * counted (as the IPC listed them to deliver it). Values JSON cannot hold are counted too, so
 * they cannot slip through uncounted.
 */
export const jsonSizeUpTo = (value: unknown, limit: number): number => {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    if (size > limit) return size;
    const item = stack.pop();
    switch (typeof item) {
      case 'string':
        size += item.length > limit ? item.length : utf8Length(JSON.stringify(item));
        break;
      case 'number':
        size += Number.isFinite(item) ? String(item).length : 4;
        break;
      case 'boolean':
        size += item ? 4 : 5;
        break;
      case 'bigint':
        size += String(item).length;
        break;
      case 'object': {
        if (item === null) {
          size += 4;
        } else if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer || item instanceof SharedArrayBuffer) {
          size += 2 + item.byteLength;
        } else if (Array.isArray(item)) {
          size += 2 + Math.max(0, item.length - 1);
          if (size > limit) return size;
          for (let i = item.length - 1; i >= 0; i -= 1) stack.push(item[i]);
        } else if (item instanceof Map || item instanceof Set) {
          size += 2 + item.size;
          if (size > limit) return size;
          for (const entry of item) stack.push(entry);
        } else {
          size += 2;
          let comma = 0;
          for (const key in item) {
            if (!Object.prototype.hasOwnProperty.call(item, key)) continue;
            size += comma + utf8Length(JSON.stringify(key)) + 1;
            comma = 1;
            if (size > limit) return size;
            stack.push((item as Record<string, unknown>)[key]);
          }
        }
        break;
      }
      default:
        // undefined, functions, symbols: IPC cannot carry the last two; count them as JSON's null.
        size += 4;
    }
  }
  return size;
};

/** Why a command may not be passed to the core (too large), or undefined when it may. */
export const commandRefusal = (command: unknown, limit = MAX_COMMAND_BYTES): ChamberError | undefined =>
  jsonSizeUpTo(command, limit) > limit ? tooLargeError(limit) : undefined;

/**
 * Why a sync operation may not be passed to the core, or undefined when it may: its name must be a
 * short string (the core's table says whether it knows it) and its input within the limit.
 */
export const syncRequestRefusal = (operation: unknown, input: unknown, limit = MAX_SYNC_INPUT_BYTES): ChamberError | undefined => {
  if (typeof operation !== 'string' || operation.length === 0 || operation.length > MAX_SYNC_OPERATION_LENGTH) {
    return chamberError('invalid_command', 'A sync operation is named by a short word, such as "status" or "push".', { field: 'operation' });
  }
  return jsonSizeUpTo(input, limit) > limit ? tooLargeError(limit) : undefined;
};

/** A topic name from a window, checked: a known shape and a sensible length. */
export const checkTopic = (topic: unknown): { ok: true; topic: Topic } | { ok: false; error: ChamberError } => {
  if (typeof topic !== 'string') return { ok: false, error: chamberError('invalid_command', 'A topic is named by a string.', { field: 'topic' }) };
  if (topic.length > MAX_TOPIC_LENGTH || !isTopic(topic)) {
    return { ok: false, error: notFound(`There is no topic called "${topic.slice(0, 80)}".`, 'topic') };
  }
  return { ok: true, topic };
};

/**
 * A window's watch list, checked. A list that is not a list of at most MAX_WATCHED_TOPICS strings
 * of at most MAX_TOPIC_LENGTH characters is refused whole (reason says why); otherwise the topics
 * are returned, and any name that is no topic is listed apart, to be answered with an error.
 */
export const checkWatchList = (
  topics: unknown,
): { ok: true; topics: Topic[]; unknown: string[] } | { ok: false; reason: string } => {
  if (!Array.isArray(topics)) return { ok: false, reason: 'the watch list is not a list' };
  if (topics.length > MAX_WATCHED_TOPICS) return { ok: false, reason: `${topics.length} topics (at most ${MAX_WATCHED_TOPICS})` };
  const valid: Topic[] = [];
  const unknown: string[] = [];
  for (const topic of topics) {
    if (typeof topic !== 'string') return { ok: false, reason: 'a topic that is not a string' };
    if (topic.length > MAX_TOPIC_LENGTH) return { ok: false, reason: `a topic name of ${topic.length} characters` };
    if (isTopic(topic)) {
      if (!valid.includes(topic)) valid.push(topic);
    } else unknown.push(topic);
  }
  return { ok: true, topics: valid, unknown };
};
