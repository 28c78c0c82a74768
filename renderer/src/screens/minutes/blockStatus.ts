// How each block's standing against the record is named to the clerk: the badge, and a sentence
// for screen readers and the tooltip.
import type { BlockStatus } from '../../../../shared/minutes/model';

export const STATUS_BADGES: Record<BlockStatus, { badge: string; explains: string }> = {
  generated: { badge: 'generated', explains: 'Chamber’s words, from the record.' },
  edited: { badge: 'edited', explains: 'Your words; the record has not changed since.' },
  changed: { badge: 'record changed since edited', explains: 'Your words, but the record has changed since you edited them.' },
  added: { badge: 'added', explains: 'A paragraph you added.' },
  struck: { badge: 'struck', explains: 'Struck out: shown here, never printed.' },
  orphaned: { badge: 'orphaned', explains: 'Your words, but what they were about is no longer in the record.' },
};

/** The id of a block's element on the page: its key, which names its source in the record. */
export const blockElementId = (key: string): string => `block-${key}`;
