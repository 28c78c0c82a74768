// The installation's settings: one small stream, "settings:installation".
import type { RecordedEvent } from '../events';
import { DEFAULT_TIME_ZONE } from '../time';
import { head, type Change, type Shape } from './parts';

export interface SettingsState {
  /** IANA time zone every time is shown and typed in; Europe/London unless changed. */
  timeZone: string;
  /** How many seconds before a speaker's time is up their clock shows the warning; 0 for none. */
  speechWarningSeconds: number;
  /** How loud the division bell rings, 0 to 100. */
  bellVolume: number;
  /** The division bell is shown but not heard. */
  bellMuted: boolean;
  seq: number;
}

/** The warning before a speaker's time is up, unless changed. */
export const DEFAULT_SPEECH_WARNING_SECONDS = 30;

/** The division bell's loudness, unless changed. */
export const DEFAULT_BELL_VOLUME = 80;

export const SETTINGS_STREAM = 'settings:installation';

export const defaultSettings = (): SettingsState => ({ timeZone: DEFAULT_TIME_ZONE, speechWarningSeconds: DEFAULT_SPEECH_WARNING_SECONDS, bellVolume: DEFAULT_BELL_VOLUME, bellMuted: false, seq: 0 });

/**
 * The settings as stored, with the default for any not set yet: the stored state holds only what
 * was set (an installation that set its time zone before the warning existed has no warning).
 */
export const withSettingsDefaults = (stored: Partial<SettingsState> | undefined): SettingsState => ({ ...defaultSettings(), ...stored });

export const settingsShape: Shape = { singles: {}, records: [], lists: [] };

export const settingsChanges = (_state: SettingsState | undefined, event: RecordedEvent): Change[] => {
  switch (event.type) {
    case 'settings.timeZoneSet':
      return [head({ timeZone: event.payload.timeZone })];
    case 'settings.speechWarningSet':
      return [head({ speechWarningSeconds: event.payload.seconds })];
    case 'settings.bellVolumeSet':
      return [head({ bellVolume: event.payload.volume })];
    case 'settings.bellMutedSet':
      return [head({ bellMuted: event.payload.muted })];
    default:
      return [];
  }
};
