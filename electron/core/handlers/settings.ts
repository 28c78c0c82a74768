// The installation's settings.
import { streams } from '../../../shared/events';
import type { Handlers } from './types';

export const settingsHandlers = {
  'settings.setTimeZone': (view, { timeZone }) =>
    view.settings().timeZone === timeZone
      ? { events: [] }
      : { events: [{ stream: streams.settings(), type: 'settings.timeZoneSet', payload: { timeZone } }] },
  'settings.setSpeechWarning': (view, { seconds }) =>
    view.settings().speechWarningSeconds === seconds
      ? { events: [] }
      : { events: [{ stream: streams.settings(), type: 'settings.speechWarningSet', payload: { seconds } }] },
  'settings.setBellVolume': (view, { volume }) =>
    view.settings().bellVolume === volume
      ? { events: [] }
      : { events: [{ stream: streams.settings(), type: 'settings.bellVolumeSet', payload: { volume } }] },
  'settings.setBellMuted': (view, { muted }) =>
    view.settings().bellMuted === muted
      ? { events: [] }
      : { events: [{ stream: streams.settings(), type: 'settings.bellMutedSet', payload: { muted } }] },
} satisfies Handlers<'settings.setTimeZone' | 'settings.setSpeechWarning' | 'settings.setBellVolume' | 'settings.setBellMuted'>;
