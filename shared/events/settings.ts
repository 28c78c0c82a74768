// Facts about the installation's settings.
import { z } from 'zod';

export const settingsEventSchemas = {
  'settings.timeZoneSet': z.strictObject({ timeZone: z.string() }),
  'settings.speechWarningSet': z.strictObject({ seconds: z.int() }),
  'settings.bellVolumeSet': z.strictObject({ volume: z.int() }),
  'settings.bellMutedSet': z.strictObject({ muted: z.boolean() }),
} as const;
