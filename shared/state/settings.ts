// The installation's settings: one small stream, "settings:installation".
import type { RecordedEvent } from '../events';
import { DEFAULT_TIME_ZONE } from '../time';
import { head, type Change, type Shape } from './parts';

export interface SettingsState {
  /** IANA time zone every time is shown and typed in; Europe/London unless changed. */
  timeZone: string;
  seq: number;
}

export const SETTINGS_STREAM = 'settings:installation';

export const defaultSettings = (): SettingsState => ({ timeZone: DEFAULT_TIME_ZONE, seq: 0 });

export const settingsShape: Shape = { singles: {}, records: [], lists: [] };

export const settingsChanges = (_state: SettingsState | undefined, event: RecordedEvent): Change[] => {
  switch (event.type) {
    case 'settings.timeZoneSet':
      return [head({ timeZone: event.payload.timeZone })];
    default:
      return [];
  }
};
