// Which Chromium the end-to-end tests use, with fake files and environments: no real browser needed.
import { describe, expect, it } from 'vitest';
import { resolveChromium, type ChromiumLookup } from '../../scripts/chromium';

const OWN = '/home/clerk/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

const lookup = (files: string[], env: Record<string, string | undefined> = {}, own: string | undefined = OWN): ChromiumLookup => ({
  env,
  exists: (path) => files.includes(path),
  playwrightChromium: () => own,
});

const messageOf = (choice: ReturnType<typeof resolveChromium>): string => {
  if (choice.found) throw new Error(`expected no Chromium, got ${choice.path}`);
  return choice.message;
};

/** The message as one line of text, whatever its wrapping. */
const flat = (message: string) => message.replace(/\s+/g, ' ');

describe('choosing the Chromium for the end-to-end tests', () => {
  it('uses CHROMIUM_PATH when it is set and exists, before the system Chromium', () => {
    expect(resolveChromium(lookup(['/opt/chrome/chrome', '/usr/bin/chromium', OWN], { CHROMIUM_PATH: '/opt/chrome/chrome' }))).toEqual({
      found: true,
      path: '/opt/chrome/chrome',
      source: 'CHROMIUM_PATH',
    });
  });

  it('uses /usr/bin/chromium, then /usr/bin/chromium-browser, before Playwright’s own', () => {
    expect(resolveChromium(lookup(['/usr/bin/chromium', '/usr/bin/chromium-browser', OWN]))).toEqual({ found: true, path: '/usr/bin/chromium', source: 'system' });
    expect(resolveChromium(lookup(['/usr/bin/chromium-browser', OWN]))).toEqual({ found: true, path: '/usr/bin/chromium-browser', source: 'system' });
  });

  it('uses Playwright’s own Chromium when there is no system one', () => {
    expect(resolveChromium(lookup([OWN]))).toEqual({ found: true, path: OWN, source: 'playwright' });
    expect(resolveChromium(lookup([OWN], { CHROMIUM_PATH: '' }))).toEqual({ found: true, path: OWN, source: 'playwright' });
  });

  it('with none, says in one paragraph where it looked and how to get one', () => {
    const message = messageOf(resolveChromium(lookup([])));
    expect(message).not.toMatch(/\n\s*\n/); // one paragraph
    expect(message.split('\n').every((line) => line.length <= 100)).toBe(true);
    const text = flat(message);
    expect(text).toContain('CHROMIUM_PATH is not set');
    expect(text).toContain(`/usr/bin/chromium, /usr/bin/chromium-browser or Playwright's own Chromium (${OWN})`);
    expect(text).toContain('`sudo apt-get install chromium`');
    expect(text).toContain('set CHROMIUM_PATH to a Chromium or Google Chrome executable');
    expect(text).toContain('`npx playwright install chromium`');
    expect(message).toContain('`npx playwright install chromium`'); // a command is never split across lines
  });

  it('with none, still answers when Playwright knows no Chromium for this platform', () => {
    const throwing: ChromiumLookup = {
      env: {},
      exists: () => false,
      playwrightChromium: () => {
        throw new Error('unsupported platform');
      },
    };
    expect(flat(messageOf(resolveChromium(throwing)))).toContain("/usr/bin/chromium-browser or Playwright's own Chromium. To get one");
  });

  it('refuses a CHROMIUM_PATH that does not exist, saying so, rather than quietly using another', () => {
    const text = flat(messageOf(resolveChromium(lookup(['/usr/bin/chromium', OWN], { CHROMIUM_PATH: '/nonexistent' }))));
    expect(text).toContain('CHROMIUM_PATH is set to /nonexistent, which does not exist');
    expect(text).toContain('`sudo apt-get install chromium`');
    expect(text).toContain('`npx playwright install chromium`');
  });
});
