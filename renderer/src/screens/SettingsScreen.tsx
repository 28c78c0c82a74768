// This installation's settings: the time zone every time is shown and typed in.
import { useState, type FormEvent } from 'react';
import { DEFAULT_TIME_ZONE, clockTime } from '../../../shared/time';
import { FormError } from '../components/FormParts';
import { useTopic } from '../context';
import { useNow } from '../hooks';
import { useCommand } from './live/useCommand';

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [DEFAULT_TIME_ZONE];
  }
};

export const SettingsScreen = () => {
  const { data: settings } = useTopic('settings');
  const current = settings?.timeZone ?? DEFAULT_TIME_ZONE;
  const [zone, setZone] = useState<string>();
  const [saved, setSaved] = useState('');
  const { send, error } = useCommand();
  const now = useNow();
  const chosen = zone ?? current;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await send({ type: 'settings.setTimeZone', timeZone: chosen })) setSaved(`Saved: times are now shown and typed in ${chosen}.`);
  };

  return (
    <main className="screen" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <form className="compact-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="time-zone">Time zone (times are shown and typed in it)</label>
          <select
            id="time-zone"
            value={chosen}
            autoFocus
            onChange={(e) => setZone(e.target.value)}
            // A select does not submit its form on Enter by itself; here Enter saves, as the button says.
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          >
            {zones().map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <p className="field__hint">
            The time now in {chosen}: <span className="time">{clockTime(now, chosen)}</span>. Instants are stored in UTC; only how they read changes.
          </p>
        </div>
        <button type="submit" className="button button--primary">
          Save <kbd>Enter</kbd>
        </button>
        <FormError message={error?.message} />
        <p aria-live="polite">{saved}</p>
      </form>
    </main>
  );
};
