// resources/ holds the app icon electron-builder packs for every platform: check it is a real,
// large enough PNG and that electron-builder.yml points each platform at it. And the division
// bell: a real WAV, made by scripts/divisionBell.ts and no other way.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BELL_SAMPLE_RATE, BELL_SECONDS, divisionBellWav } from '../../scripts/divisionBell';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth and colour type from the IHDR chunk, which must come first. */
const pngHeader = (bytes: Buffer) => {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file (bad signature)');
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file (no IHDR chunk first)');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24], colourType: bytes[25] };
};

/** The scalar settings of electron-builder.yml, as "section.key" (or "key") → value. Enough for this flat file. */
const builderSettings = (text: string): Map<string, string> => {
  const settings = new Map<string, string>();
  let section = '';
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const top = /^([\w-]+):\s*(.*)$/.exec(line);
    if (top) {
      section = top[1];
      if (top[2]) settings.set(section, top[2].trim());
      continue;
    }
    const nested = /^ {2}([\w-]+):\s*(.+)$/.exec(line);
    if (nested) settings.set(`${section}.${nested[1]}`, nested[2].trim().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return settings;
};

describe('resources/', () => {
  it('holds the app icon: a real PNG, square, at least 512×512, with an alpha channel', () => {
    const file = path.join(root, 'resources', 'icon.png');
    expect(existsSync(file), `${file} is missing: run npm run icon`).toBe(true);
    const header = pngHeader(readFileSync(file));
    expect(header.width).toBeGreaterThanOrEqual(512);
    expect(header.height).toBe(header.width);
    expect({ bitDepth: header.bitDepth, colourType: header.colourType }).toEqual({ bitDepth: 8, colourType: 6 }); // 8-bit RGBA
  });

  it('keeps the icon’s source, resources/icon.svg, beside it', () => {
    expect(readFileSync(path.join(root, 'resources', 'icon.svg'), 'utf8')).toMatch(/<svg[^>]*viewBox="0 0 1024 1024"/);
  });

  it('is electron-builder’s build resources folder, and every platform’s icon is found there', () => {
    const settings = builderSettings(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
    expect(settings.get('directories.buildResources')).toBe('resources');
    for (const platform of ['linux', 'win', 'mac']) {
      const icon = settings.get(`${platform}.icon`) ?? settings.get('icon');
      expect(icon, `electron-builder.yml sets no icon for ${platform}`).toBeDefined();
      // electron-builder looks for a relative icon path in buildResources first.
      const file = path.join(root, 'resources', icon!);
      expect(existsSync(file), `${platform}'s icon ${icon} is not in resources/`).toBe(true);
      expect(pngHeader(readFileSync(file)).width).toBeGreaterThanOrEqual(512);
    }
  });

  it('the header reader refuses what is not a PNG', () => {
    expect(() => pngHeader(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toThrow(/not a PNG/);
  });
});

describe('resources/division-bell.wav', () => {
  const file = path.join(root, 'resources', 'division-bell.wav');
  const wav = () => readFileSync(file);
  it('is a real WAV: PCM, mono, 16-bit, 22,050 samples a second, 2.4 seconds', () => {
    expect(existsSync(file), `${file} is missing: run npm run bell`).toBe(true);
    const bytes = wav();
    expect([bytes.toString('latin1', 0, 4), bytes.toString('latin1', 8, 12), bytes.toString('latin1', 12, 16), bytes.toString('latin1', 36, 40)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect({ format: bytes.readUInt16LE(20), channels: bytes.readUInt16LE(22), rate: bytes.readUInt32LE(24), bits: bytes.readUInt16LE(34) }).toEqual({ format: 1, channels: 1, rate: BELL_SAMPLE_RATE, bits: 16 });
    expect(bytes.readUInt32LE(40)).toBe(Math.round(BELL_SAMPLE_RATE * BELL_SECONDS) * 2);
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
  });

  it('is loud, never clipped, rings for two seconds and dies away', () => {
    const bytes = wav();
    const samples = Array.from({ length: (bytes.length - 44) / 2 }, (_, i) => bytes.readInt16LE(44 + i * 2));
    const peak = Math.max(...samples.map(Math.abs));
    expect(peak).toBeGreaterThan(0.7 * 32767);
    expect(peak).toBeLessThan(0.85 * 32767);
    const rms = (from: number, to: number) => Math.sqrt(samples.slice(from * BELL_SAMPLE_RATE, to * BELL_SAMPLE_RATE).reduce((t, v) => t + v * v, 0) / ((to - from) * BELL_SAMPLE_RATE));
    expect(rms(0.2, 1.8)).toBeGreaterThan(2000);
    expect(rms(2.3, 2.4)).toBeLessThan(rms(0.2, 1.8) / 10);
  });

  it('is what scripts/divisionBell.ts makes (to within one step of rounding): npm run bell after changing it', () => {
    const made = divisionBellWav();
    const kept = wav();
    expect(kept.length).toBe(made.length);
    expect(kept.subarray(0, 44).equals(made.subarray(0, 44))).toBe(true);
    let worst = 0;
    for (let i = 44; i < made.length; i += 2) worst = Math.max(worst, Math.abs(made.readInt16LE(i) - kept.readInt16LE(i)));
    expect(worst).toBeLessThanOrEqual(1);
  });
});
