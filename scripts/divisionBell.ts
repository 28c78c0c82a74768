// The division bell, synthesised: an electric bell's clapper striking a small brass gong about
// eighteen times a second, for two seconds, then ringing away. Deterministic (no randomness), so the
// WAV in resources/ is exactly what this makes; `npm run bell` writes it, and a unit test checks the
// committed file is this function's output. 16-bit PCM, mono, 22,050 samples a second.

export const BELL_SAMPLE_RATE = 22_050;
export const BELL_SECONDS = 2.4;

/** A gong's inharmonic partials (ratios to the strike note) and their loudness. */
const PARTIALS: readonly [number, number][] = [
  [1, 1],
  [2.76, 0.55],
  [5.4, 0.3],
  [8.93, 0.12],
];
const STRIKE_HZ = 1180;
const STRIKES_PER_SECOND = 18;
const RINGING_SECONDS = 2;
/** How fast one strike dies away (seconds to 1/e), and how fast the whole bell does after the ringing stops. */
const STRIKE_DECAY = 0.035;
const TAIL_DECAY = 0.12;

/** The samples, from -1 to 1. */
export const divisionBellSamples = (): Float64Array => {
  const count = Math.round(BELL_SAMPLE_RATE * BELL_SECONDS);
  const out = new Float64Array(count);
  const strikeGap = 1 / STRIKES_PER_SECOND;
  const strikes = Math.round(RINGING_SECONDS * STRIKES_PER_SECOND);
  for (let s = 0; s < strikes; s += 1) {
    const start = s * strikeGap;
    // The clapper alternates slightly harder and softer, as a real bell's does.
    const force = s % 2 === 0 ? 1 : 0.85;
    const decay = s === strikes - 1 ? TAIL_DECAY : STRIKE_DECAY;
    const from = Math.round(start * BELL_SAMPLE_RATE);
    const until = Math.min(count, from + Math.round(decay * 8 * BELL_SAMPLE_RATE));
    for (let i = from; i < until; i += 1) {
      const t = (i - from) / BELL_SAMPLE_RATE;
      const envelope = force * Math.exp(-t / decay) * Math.min(1, t / 0.0015);
      let v = 0;
      for (const [ratio, loudness] of PARTIALS) v += loudness * Math.sin(2 * Math.PI * STRIKE_HZ * ratio * t);
      out[i] += envelope * v;
    }
  }
  // Loud but never clipped: the peak at 0.8 of full scale.
  let peak = 0;
  for (const v of out) peak = Math.max(peak, Math.abs(v));
  for (let i = 0; i < count; i += 1) out[i] = (out[i] / peak) * 0.8;
  return out;
};

/** The bell as a WAV file: RIFF header, then 16-bit little-endian PCM. */
export const divisionBellWav = (): Buffer => {
  const samples = divisionBellSamples();
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round(v * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(BELL_SAMPLE_RATE, 24);
  header.writeUInt32LE(BELL_SAMPLE_RATE * 2, 28); // bytes a second
  header.writeUInt16LE(2, 32); // bytes a sample frame
  header.writeUInt16LE(16, 34); // bits a sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
};
