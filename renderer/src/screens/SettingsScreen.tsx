// This installation's settings: the time zone every time is shown and typed in, how long
// before a speaker's time is up their clock warns them, and the division bell's volume and mute.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Command } from '../../../shared/commands';
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

interface WholeNumberSettingProps {
  id: string;
  label: string;
  ariaLabel?: string;
  max: number;
  current: number;
  hint: ReactNode;
  /** The sentence when the text is not a whole number from 0 to max. */
  invalid: string;
  command(value: number): Command;
  saved(value: number): string;
  submitLabel: string;
  /** More of the form after the number (e.g. the bell's mute), given the way to say what was saved. */
  more?(say: (words: string) => void): ReactNode;
}

/** One of the installation's whole-number settings, saved with Enter: checked here for a number, then by the core. */
const WholeNumberSetting = ({ id, label, ariaLabel, max, current, hint, invalid, command, saved: savedWords, submitLabel, more }: WholeNumberSettingProps) => {
  const [text, setText] = useState<string>();
  const [saved, setSaved] = useState('');
  const [mistake, setMistake] = useState('');
  const { send, error } = useCommand();
  const shown = text ?? String(current);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    if (!/^\s*\d+\s*$/.test(shown) || Number(shown) > max) {
      setMistake(invalid);
      return;
    }
    setMistake('');
    const value = Number(shown);
    if (await send(command(value))) {
      setText(undefined);
      setSaved(savedWords(value));
    }
  };

  const message = mistake || error?.message;
  return (
    <form className="compact-form" onSubmit={submit} aria-label={ariaLabel} noValidate>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          value={shown}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-hint`}
        />
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
      {more?.(setSaved)}
      <button type="submit" className="button button--primary">
        {submitLabel} <kbd>Enter</kbd>
      </button>
      <FormError message={message} />
      <p aria-live="polite">{saved}</p>
    </form>
  );
};

/** How long before a speaker's time is up their clock warns (the clerk's screens and the chamber display). */
const SpeechWarningForm = ({ current }: { current: number }) => (
  <WholeNumberSetting
    id="speech-warning"
    label="Warning before a speaker's time is up (seconds)"
    max={600}
    current={current}
    hint={<>0 to 600 seconds; 0 for no warning. Now: {warningWords(current)}.</>}
    invalid="The warning must be a whole number of seconds from 0 to 600."
    command={(seconds) => ({ type: 'settings.setSpeechWarning', seconds })}
    saved={(seconds) => (seconds === 0 ? "Saved: a speaker's clock gives no warning before their time is up." : `Saved: a speaker's clock warns ${warningWords(seconds)} before their time is up.`)}
    submitLabel="Save warning"
  />
);

/** The division bell's volume (0 to 100) and whether it is heard at all (the clerk's screen and the chamber display). */
const BellForm = ({ volume, muted }: { volume: number; muted: boolean }) => {
  const { send, error } = useCommand();
  // The box shows the clerk's click at once, while the setting is being recorded (it used to stay
  // as it was until the core's answer, so a click seemed not to take).
  // Until the recorded setting arrives (the stored value moves on from what it was at the click).
  const [pending, setPending] = useState<{ value: boolean; from: boolean } | undefined>(undefined);
  // Once it has (or another window changed it), the stored value is shown again.
  if (pending && pending.from !== muted) setPending(undefined);
  const shown = pending && pending.from === muted ? pending.value : muted;
  return (
    <WholeNumberSetting
      id="bell-volume"
      ariaLabel="Division bell"
      label="Division bell volume (0 to 100)"
      max={100}
      current={volume}
      hint={
        <>
          On the clerk&apos;s screen and the chamber display. Now: {volume}
          {muted ? ', but the sound is off' : ''}.
        </>
      }
      invalid="The bell's volume must be a whole number from 0 to 100."
      command={(value) => ({ type: 'settings.setBellVolume', volume: value })}
      saved={(value) => `Saved: the division bell rings at volume ${value}.`}
      submitLabel="Save volume"
      more={(say) => (
        <div className="field">
          <label htmlFor="bell-muted">
            <input
              id="bell-muted"
              type="checkbox"
              checked={shown}
              onChange={(e) => {
                const next = e.target.checked;
                say('');
                setPending({ value: next, from: muted });
                void send({ type: 'settings.setBellMuted', muted: next }).then((ok) => {
                  if (!ok) setPending(undefined);
                  if (ok) say(next ? 'Saved: the division bell is shown but not heard.' : 'Saved: the division bell is heard again.');
                });
              }}
            />{' '}
            Bell sound off (the bell is still shown)
          </label>
          <FormError message={error?.message} />
        </div>
      )}
    />
  );
};
