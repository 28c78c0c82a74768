// This installation's settings: the time zone every time is shown and typed in, how long
// before a speaker's time is up their clock warns them, and the division bell's volume and mute.
import { useState, type FormEvent } from 'react';
import { DEFAULT_BELL_VOLUME, DEFAULT_SPEECH_WARNING_SECONDS } from '../../../shared/state/settings';
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
      <SpeechWarningForm current={settings?.speechWarningSeconds ?? DEFAULT_SPEECH_WARNING_SECONDS} />
      <BellForm volume={settings?.bellVolume ?? DEFAULT_BELL_VOLUME} muted={settings?.bellMuted ?? false} />
    </main>
  );
};

/** "30 seconds", "1 second", "no warning". */
const warningWords = (seconds: number): string => (seconds === 0 ? 'no warning' : `${seconds} second${seconds === 1 ? '' : 's'}`);

/** How long before a speaker's time is up their clock warns (the clerk's screens and the chamber display). */
const SpeechWarningForm = ({ current }: { current: number }) => {
  const [text, setText] = useState<string>();
  const [saved, setSaved] = useState('');
  const [mistake, setMistake] = useState('');
  const { send, error } = useCommand();
  const shown = text ?? String(current);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    if (!/^\s*\d+\s*$/.test(shown)) {
      setMistake('The warning must be a whole number of seconds from 0 to 600.');
      return;
    }
    setMistake('');
    const seconds = Number(shown);
    if (await send({ type: 'settings.setSpeechWarning', seconds })) {
      setText(undefined);
      setSaved(seconds === 0 ? "Saved: a speaker's clock gives no warning before their time is up." : `Saved: a speaker's clock warns ${warningWords(seconds)} before their time is up.`);
    }
  };

  const message = mistake || error?.message;
  return (
    <form className="compact-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="speech-warning">Warning before a speaker&apos;s time is up (seconds)</label>
        <input
          id="speech-warning"
          type="number"
          inputMode="numeric"
          min={0}
          max={600}
          step={1}
          value={shown}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby="speech-warning-hint"
        />
        <p className="field__hint" id="speech-warning-hint">
          0 to 600 seconds; 0 for no warning. Now: {warningWords(current)}.
        </p>
      </div>
      <button type="submit" className="button button--primary">
        Save warning <kbd>Enter</kbd>
      </button>
      <FormError message={message} />
      <p aria-live="polite">{saved}</p>
    </form>
  );
};

/** The division bell's volume (0 to 100) and whether it is heard at all (the clerk's screen and the chamber display). */
const BellForm = ({ volume, muted }: { volume: number; muted: boolean }) => {
  const [text, setText] = useState<string>();
  const [saved, setSaved] = useState('');
  const [mistake, setMistake] = useState('');
  const { send, error } = useCommand();
  const shown = text ?? String(volume);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    if (!/^\s*\d+\s*$/.test(shown) || Number(shown) > 100) {
      setMistake("The bell's volume must be a whole number from 0 to 100.");
      return;
    }
    setMistake('');
    if (await send({ type: 'settings.setBellVolume', volume: Number(shown) })) {
      setText(undefined);
      setSaved(`Saved: the division bell rings at volume ${Number(shown)}.`);
    }
  };
  const toggle = async (next: boolean) => {
    setSaved('');
    if (await send({ type: 'settings.setBellMuted', muted: next })) setSaved(next ? "Saved: the division bell is shown but not heard." : 'Saved: the division bell is heard again.');
  };

  const message = mistake || error?.message;
  return (
    <form className="compact-form" onSubmit={submit} aria-label="Division bell">
      <div className="field">
        <label htmlFor="bell-volume">Division bell volume (0 to 100)</label>
        <input
          id="bell-volume"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={shown}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby="bell-volume-hint"
        />
        <p className="field__hint" id="bell-volume-hint">
          On the clerk&apos;s screen and the chamber display. Now: {volume}{muted ? ', but the sound is off' : ''}.
        </p>
      </div>
      <div className="field">
        <label htmlFor="bell-muted">
          <input id="bell-muted" type="checkbox" checked={muted} onChange={(e) => void toggle(e.target.checked)} /> Bell sound off (the bell is still shown)
        </label>
      </div>
      <button type="submit" className="button button--primary">
        Save volume <kbd>Enter</kbd>
      </button>
      <FormError message={message} />
      <p aria-live="polite">{saved}</p>
    </form>
  );
};
