// Which Chromium the end-to-end tests (playwright.config.ts) and scripts/render-icon.ts drive:
// CHROMIUM_PATH if set; else Debian's /usr/bin/chromium (or /usr/bin/chromium-browser); else
// Playwright's own download, where `npx playwright install chromium` has been run. If there is
// none, one paragraph says how to get it.
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

export type ChromiumChoice =
  | { found: true; path: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' }
  | { found: false; message: string };

export interface ChromiumLookup {
  env?: Readonly<Record<string, string | undefined>>;
  exists?: (path: string) => boolean;
  /** Where Playwright's own Chromium would be (`chromium.executablePath()` from @playwright/test); the file may not exist. */
  playwrightChromium?: () => string | undefined;
}

const HOW_TO_GET_IT =
  'To get one: on Debian or Ubuntu, `sudo apt-get install chromium`; elsewhere, set CHROMIUM_PATH to a ' +
  'Chromium or Google Chrome executable; or, where the internet is reachable, `npx playwright install chromium`. ' +
  'Then run `npm test` again.';

/** One paragraph, wrapped for a terminal; a command in backticks is never split. */
const paragraph = (text: string, width = 100): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.match(/`[^`]*`\S*|\S+/g) ?? []) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
};

const listed = (items: string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

export const resolveChromium = ({
  env = process.env,
  exists = existsSync,
  playwrightChromium = () => undefined,
}: ChromiumLookup = {}): ChromiumChoice => {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (exists(chosen)) return { found: true, path: chosen, source: 'CHROMIUM_PATH' };
    return {
      found: false,
      message: paragraph(
        `Chamber's end-to-end tests need Chromium, and CHROMIUM_PATH is set to ${chosen}, which does not exist. ` +
          `Point CHROMIUM_PATH at a Chromium or Google Chrome executable, or unset it to use ` +
          `${listed([...SYSTEM_CHROMIUM, "Playwright's own Chromium"])}. ${HOW_TO_GET_IT}`,
      ),
    };
  }
  const system = SYSTEM_CHROMIUM.find((path) => exists(path));
  if (system) return { found: true, path: system, source: 'system' };
  let own: string | undefined;
  try {
    own = playwrightChromium();
  } catch {
    own = undefined; // Playwright knows no build for this platform
  }
  if (own && exists(own)) return { found: true, path: own, source: 'playwright' };
  const looked = [...SYSTEM_CHROMIUM, own ? `Playwright's own Chromium (${own})` : "Playwright's own Chromium"];
  return {
    found: false,
    message: paragraph(
      `Chamber's end-to-end tests need Chromium, and there is none here: CHROMIUM_PATH is not set, and there is no ` +
        `${listed(looked)}. ${HOW_TO_GET_IT}`,
    ),
  };
};

/** The Chromium to use, or the paragraph on standard error and exit code 1 before anything runs. */
export const chromiumOrExit = (lookup?: ChromiumLookup): string => {
  const choice = resolveChromium(lookup);
  if (choice.found) return choice.path;
  process.stderr.write(`\n${choice.message}\n\n`);
  process.exit(1);
};
