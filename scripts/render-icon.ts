// `npm run icon`: render resources/icon.svg to resources/icon.png (1024×1024, transparent corners)
// with the same Chromium the end-to-end tests use. electron-builder makes the .ico, .icns and the
// Linux icon set from that PNG.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumOrExit } from './chromium';

const SIZE = 1024;
const svgFile = fileURLToPath(new URL('../resources/icon.svg', import.meta.url));
const pngFile = fileURLToPath(new URL('../resources/icon.png', import.meta.url));

const svg = readFileSync(svgFile, 'utf8');
const browser = await chromium.launch({
  executablePath: chromiumOrExit({ playwrightChromium: () => chromium.executablePath() }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--force-color-profile=srgb'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img style="display:block;width:${SIZE}px;height:${SIZE}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">` +
      `</body></html>`,
  );
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await page.screenshot({ path: pngFile, omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  console.log(`Rendered ${svgFile} to ${pngFile} (${SIZE}×${SIZE}).`);
} finally {
  await browser.close();
}
