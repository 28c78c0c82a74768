// Commands that change the installation's settings.
import { z } from 'zod';
import { isTimeZone } from '../time';

export const setTimeZone = z
  .strictObject({
    type: z.literal('settings.setTimeZone'),
    timeZone: z
      .string({ error: 'must be a time zone name such as Europe/London' })
      .refine(isTimeZone, { error: 'must be a time zone name such as Europe/London' })
      .describe('IANA time zone, e.g. "Europe/London" (the default).'),
  })
  .describe('Set the time zone every time is shown and typed in on this installation.');

export const settingsCommands = [setTimeZone] as const;
