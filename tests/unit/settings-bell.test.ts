// The division bell's volume and mute: installation settings, 80 and heard until set, kept across
// a restart, pushed to the screens, and refused in words when out of range.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsState } from '../../shared/state/settings';
import { openTestCore, type TestCore } from '../support/meeting';

describe('the division bell’s volume and mute', () => {
  let core: TestCore;
  beforeEach(() => {
    core = openTestCore();
  });
  afterEach(() => core.dispose());
  const settings = () => (core.read('settings') as { ok: true; data: SettingsState }).data;

  it('are 80 and heard until set; once set they are kept, pushed whole and survive a restart', () => {
    expect(settings()).toMatchObject({ bellVolume: 80, bellMuted: false });
    const pushed: unknown[] = [];
    core.subscribe((update) => {
      if (update.topic === 'settings' && 'data' in update) pushed.push(update.data);
    });
    expect(core.dispatch({ type: 'settings.setBellVolume', volume: 35 })).toMatchObject({ ok: true, result: { recorded: ['settings.bellVolumeSet'] } });
    expect(core.dispatch({ type: 'settings.setBellMuted', muted: true })).toMatchObject({ ok: true, result: { recorded: ['settings.bellMutedSet'] } });
    expect(pushed.at(-1)).toMatchObject({ bellVolume: 35, bellMuted: true });
    // The same again records nothing.
    expect(core.dispatch({ type: 'settings.setBellMuted', muted: true })).toMatchObject({ ok: true, result: { events: 0 } });
    core = core.reopen();
    expect(settings()).toMatchObject({ timeZone: 'Europe/London', speechWarningSeconds: 30, bellVolume: 35, bellMuted: true });
    core.send({ type: 'settings.setBellMuted', muted: false });
    expect(settings().bellMuted).toBe(false);
    expect(core.verify().ok).toBe(true);
  });

  it('refuses a volume that is not a whole number from 0 to 100, and a mute that is not true or false, in words', () => {
    for (const volume of [-1, 101, 2.5, '50']) {
      expect(core.refusal({ type: 'settings.setBellVolume', volume })).toMatchObject({
        code: 'invalid_command',
        message: "Division bell's volume must be a whole number from 0 to 100.",
        details: { field: 'volume' },
      });
    }
    expect(core.refusal({ type: 'settings.setBellMuted', muted: 'yes' })).toMatchObject({ message: 'Whether the division bell is muted must be true or false.', details: { field: 'muted' } });
    expect(core.refusal({ type: 'settings.setBellMuted' })).toMatchObject({ message: 'Whether the division bell is muted must be given.' });
    expect(settings()).toMatchObject({ bellVolume: 80, bellMuted: false });
  });
});
