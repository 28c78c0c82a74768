// Facts about the installation's settings.
import { z } from 'zod';

export const settingsEventSchemas = {
  'settings.timeZoneSet': z.strictObject({ timeZone: z.string() }),
  'settings.speechWarningSet': z.strictObject({ seconds: z.int() }),
} as const;
