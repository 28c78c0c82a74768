// The IPC sender and navigation checks: exactly our own index.html, only the screen (hash) may vary.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOurRendererUrl, rendererUrl } from '../../electron/main/rendererOrigin';

const index = '/opt/Chamber/resources/app/dist/renderer/index.html';
const ours = pathToFileURL(index).href; // file:///opt/Chamber/resources/app/dist/renderer/index.html
const ok = (url: unknown) => isOurRendererUrl(url, index);

describe('the renderer origin check', () => {
  it('accepts our index.html, on any screen', () => {
    expect(ok(ours)).toBe(true);
    expect(ok(rendererUrl(index))).toBe(true);
    expect(ok(`${ours}#/`)).toBe(true);
    expect(ok(`${ours}#/meetings/6f1c1d8e-2a4b-4c7d-9e0f-123456789abc/live`)).toBe(true);
    expect(ok(rendererUrl(index, '/display/6f1c1d8e-2a4b-4c7d-9e0f-123456789abc'))).toBe(true);
    expect(rendererUrl(index, '/display/x')).toBe(`${ours}#/display/x`);
    // The same address written differently by the URL parser's own rules is the same file.
    expect(ok('file://localhost/opt/Chamber/resources/app/dist/renderer/index.html')).toBe(true);
    expect(ok('FILE:///opt/Chamber/resources/app/dist/renderer/index.html')).toBe(true);
  });

  it('refuses anything that merely starts like it', () => {
    expect(ok(`${ours}.evil`)).toBe(false);
    expect(ok(`${ours}.evil.html`)).toBe(false);
    expect(ok(`${ours}/evil`)).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer-evil/index.html')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/evil.html')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/sub/index.html')).toBe(false);
  });

  it('refuses a query string, even an empty one', () => {
    expect(ok(`${ours}?evil=1`)).toBe(false);
    expect(ok(`${ours}?`)).toBe(false);
    expect(ok(`${ours}?#/`)).toBe(false);
  });

  it('refuses other protocols and hosts', () => {
    for (const protocol of ['http', 'https', 'chrome', 'devtools', 'about', 'data', 'blob', 'javascript', 'app', 'chamber']) {
      expect(ok(`${protocol}://opt/Chamber/resources/app/dist/renderer/index.html`)).toBe(false);
      expect(ok(`${protocol}:///opt/Chamber/resources/app/dist/renderer/index.html`)).toBe(false);
    }
    expect(ok('about:blank')).toBe(false);
    expect(ok(`blob:${ours}`)).toBe(false);
    expect(ok(`view-source:${ours}`)).toBe(false);
    expect(ok('file://evil.example/opt/Chamber/resources/app/dist/renderer/index.html')).toBe(false);
    expect(ok('file://user:pw@/opt/Chamber/resources/app/dist/renderer/index.html')).toBe(false);
  });

  it('refuses encoded and dotted paths that are not our file', () => {
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/%69ndex.html')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/index%2Ehtml')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer%2Findex.html')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/index.html%00')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/index.html%23/')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer-evil/../renderer-evil/index.html')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/..%2F..%2Frenderer/index.html')).toBe(false);
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer/%2e%2e/renderer-evil/index.html')).toBe(false);
    // Dot segments the parser resolves back to our file are our file.
    expect(ok('file:///opt/Chamber/resources/app/dist/renderer-evil/../renderer/index.html')).toBe(true);
  });

  it('refuses what is not a URL at all', () => {
    for (const url of [undefined, null, '', 42, {}, 'index.html', '/opt/Chamber/resources/app/dist/renderer/index.html', `${ours}${'#'.repeat(9000)}`]) {
      expect(ok(url)).toBe(false);
    }
  });

  it('compares a Windows drive letter whatever its case, and nothing else loosely', () => {
    const windowsIndex = 'C:\\Program Files\\Chamber\\resources\\app\\dist\\renderer\\index.html';
    // pathToFileURL reads Windows paths only on Windows; build the address as Chromium writes it.
    const href = process.platform === 'win32' ? pathToFileURL(windowsIndex).href : undefined;
    if (href) {
      expect(isOurRendererUrl(href, windowsIndex)).toBe(true);
      expect(isOurRendererUrl(href.replace('file:///C:', 'file:///c:'), windowsIndex)).toBe(true);
      expect(isOurRendererUrl(href.replace('Chamber', 'chamber'), windowsIndex)).toBe(false);
    }
    const spaced = '/home/clerk/My Apps/Chamber/renderer/index.html';
    expect(isOurRendererUrl('file:///home/clerk/My%20Apps/Chamber/renderer/index.html#/', spaced)).toBe(true);
    expect(isOurRendererUrl('file:///home/clerk/My%20Apps/chamber/renderer/index.html', spaced)).toBe(false);
  });
});
