// Commands that change the installation's settings.
import { z } from 'zod';
import { isTimeZone } from '../time';
import { orMissing } from '../values';

export const setTimeZone = z
  .strictObject({
    type: z.literal('settings.setTimeZone'),
    timeZone: z
      .string({ error: 'must be a time zone name such as Europe/London' })
      .refine(isTimeZone, { error: 'must be a time zone name such as Europe/London' })
      .describe('IANA time zone, e.g. "Europe/London" (the default).'),
  })
  .describe('Set the time zone every time is shown and typed in on this installation.');

export const setSpeechWarning = z
  .strictObject({
    type: z.literal('settings.setSpeechWarning'),
    seconds: z
      .int({ error: orMissing('must be a whole number of seconds from 0 to 600') })
      .min(0, { error: 'must be a whole number of seconds from 0 to 600' })
      .max(600, { error: 'must be a whole number of seconds from 0 to 600' })
      .describe("Seconds before a speaker's time is up when their clock shows the warning; 0 for no warning. 30 unless set."),
  })
  .describe("Set how long before a speaker's time is up their clock warns them (on the clerk's screens and the chamber display).");

export const setBellVolume = z
  .strictObject({
    type: z.literal('settings.setBellVolume'),
    volume: z
      .int({ error: orMissing('must be a whole number from 0 to 100') })
      .min(0, { error: 'must be a whole number from 0 to 100' })
      .max(100, { error: 'must be a whole number from 0 to 100' })
      .describe('How loud the division bell rings, from 0 (silent) to 100 (full); 80 unless set.'),
  })
  .describe("Set how loud the division bell rings on the clerk's screen and the chamber display.");

export const setBellMuted = z
  .strictObject({
    type: z.literal('settings.setBellMuted'),
    muted: z.boolean({ error: orMissing('must be true or false') }).describe('True: the division bell is shown but not heard. False unless set.'),
  })
  .describe("Silence the division bell's sound (the bell is still shown), or let it be heard again.");

export const settingsCommands = [setTimeZone, setSpeechWarning, setBellVolume, setBellMuted] as const;
